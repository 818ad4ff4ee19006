#include "core/design/financialmodel.h"
#include "core/evaluation/tenderevaluation.h"
#include "core/publish/ocds.h"
#include "core/round/londonround.h"
#include "core/round/round.h"
#include "core/round/rounddocument.h"
#include "tests/support/testsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <cmath>

using namespace CoCommission;

/**
 * `cocommission export-ocds` on the demo round (with two of its bidders added to the provider
 * register: one a voluntary-sector SME, one a large private firm). The package is validated
 * against the official OCDS 1.1.5 schemas in ../shared/data/ocds/ by python3 with jsonschema
 * (draft-04, the release schema's URL mapped to the local file), and read back in C++ to check
 * what it says.
 */
class TestOcds : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void demoPackageValidates();
    void brokenPackageFailsValidation_data();
    void brokenPackageFailsValidation();
    void samePublishedDateGivesSameBytes();
    void needsEvidenceAndBudget();
    void budgetFollowsTheProfilesScenario();
    void lotsAreTheAdoptedPlansCpas();
    void awardPerLotWithItsSupplier();
    void signedAwardIsActive();
    void partiesWithRolesAndRegisterDetails();
    void milestones();
    void noEmptyStringsOrArrays();
    void roundWithoutTenderValidates();
    void roundWithoutAdoptedPlanValidates();
    void badInput_data();
    void badInput();

private:
    /** Writes \a round to a file and exports it; the package, or an empty object on failure. */
    QJsonObject exportRound(const QString &name, const Round &round, QString *jsonPath = nullptr);
    /** Runs the validator on \a path: "" when valid, else its report ("SKIP: ..." to skip). */
    QString validate(const QString &path);
    QString writeJson(const QString &name, const QJsonObject &object);
    static QJsonObject release(const QJsonObject &package)
    {
        return package.value(QStringLiteral("releases")).toArray().first().toObject();
    }
    static QJsonObject partyById(const QJsonObject &release, const QString &id);

    QTemporaryDir m_dir;
    Round m_round;
    QString m_roundPath;
    QString m_python;    ///< a python3 with jsonschema, empty when none
    QString m_schemaDir; ///< ../shared/data/ocds, empty when absent
    QString m_script;
    QString m_skipReason;
};

static const QString kPublished = QStringLiteral("2027-04-01T09:30:00Z");
static const QString kRiverside = QStringLiteral("Riverside Employment Services (illustrative)");
static const QString kCapital = QStringLiteral("Capital Pathways Consortium (illustrative)");
static const QString kBridge = QStringLiteral("Bridge to Work Partnership (illustrative)");

// Exit 0: valid; 1: invalid, one line per error; 3: jsonschema missing.
static const char kValidator[] = R"PY(import json, sys
try:
    import jsonschema
except ImportError:
    print("no jsonschema"); sys.exit(3)
schema_dir, package_path = sys.argv[1], sys.argv[2]
with open(schema_dir + "/release-package-schema.json", encoding="utf-8") as f:
    package_schema = json.load(f)
with open(schema_dir + "/release-schema.json", encoding="utf-8") as f:
    release_schema = json.load(f)
with open(package_path, encoding="utf-8") as f:
    data = json.load(f)
url = release_schema["id"]
try:
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT4
    registry = Registry().with_resource(url, Resource(contents=release_schema, specification=DRAFT4))
    validator = jsonschema.Draft4Validator(package_schema, registry=registry,
                                           format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)
except ImportError:
    resolver = jsonschema.RefResolver.from_schema(package_schema, store={url: release_schema})
    validator = jsonschema.Draft4Validator(package_schema, resolver=resolver,
                                           format_checker=jsonschema.draft4_format_checker)
errors = list(validator.iter_errors(data))
for e in errors:
    print("/".join(str(p) for p in e.absolute_path) + ": " + e.message)
sys.exit(1 if errors else 0)
)PY";

void TestOcds::initTestCase()
{
    QVERIFY(m_dir.isValid());
    Result<Round> demo = LondonRound::demo();
    QVERIFY2(demo, qPrintable(demo.errorMessage()));
    m_round = *demo;
    m_round.supply.providers.append(
        {kRiverside, ProviderSector::VoluntaryCommunity, true, {}, {}, {}});
    m_round.supply.providers.append({kCapital, ProviderSector::Private, false, {}, {}, {}});
    // The demo names no lead authorities; give the first partnership one.
    QVERIFY(!m_round.partnerships.isEmpty());
    m_round.partnerships.first().leadAuthority = m_round.partnerships.first().members.first();
    m_roundPath =
        TestSupport::createRoundFile(m_dir.filePath(QStringLiteral("demo.cocom")), m_round);
    QVERIFY(!m_roundPath.isEmpty());

    const QString shared = TestSupport::sharedDir();
    if (!shared.isEmpty() &&
        QFile::exists(shared + QStringLiteral("/data/ocds/release-schema.json")) &&
        QFile::exists(shared + QStringLiteral("/data/ocds/release-package-schema.json")))
        m_schemaDir = shared + QStringLiteral("/data/ocds");
    else
        m_skipReason = QStringLiteral("The OCDS schemas are not in ../shared/data/ocds/.");

    // The system's python first (Debian's python3-jsonschema), then whatever python3 is on PATH.
    QStringList candidates{QStringLiteral("/usr/bin/python3")};
    const QString onPath = QStandardPaths::findExecutable(QStringLiteral("python3"));
    if (!onPath.isEmpty())
        candidates << onPath;
    for (const QString &python : candidates) {
        if (!QFile::exists(python))
            continue;
        QProcess probe;
        probe.start(python, {QStringLiteral("-c"), QStringLiteral("import jsonschema")});
        if (probe.waitForFinished(30000) && probe.exitStatus() == QProcess::NormalExit &&
            probe.exitCode() == 0) {
            m_python = python;
            break;
        }
    }
    if (m_python.isEmpty() && m_skipReason.isEmpty())
        m_skipReason = QStringLiteral("No python3 with jsonschema (Debian: python3-jsonschema) "
                                      "to validate against the OCDS schemas.");

    m_script = m_dir.filePath(QStringLiteral("validate_ocds.py"));
    QFile script(m_script);
    QVERIFY(script.open(QIODevice::WriteOnly));
    script.write(kValidator);
}

QJsonObject TestOcds::exportRound(const QString &name, const Round &round, QString *jsonPath)
{
    QString path = m_roundPath;
    if (name != QLatin1String("demo")) {
        path = TestSupport::createRoundFile(m_dir.filePath(name + QStringLiteral(".cocom")), round);
        if (path.isEmpty())
            return {};
    }
    const QString output = m_dir.filePath(name + QStringLiteral(".json"));
    const auto run = TestSupport::runCli({QStringLiteral("export-ocds"), path, QStringLiteral("-o"),
                                          output, QStringLiteral("--published-date"), kPublished});
    if (run.exitCode != 0) {
        qWarning("%s", qPrintable(run.err));
        return {};
    }
    if (!run.out.contains(output) || !run.out.contains(QLatin1String("1 release"))) {
        qWarning("unexpected output: %s", qPrintable(run.out));
        return {};
    }
    if (jsonPath)
        *jsonPath = output;
    QFile file(output);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

QString TestOcds::validate(const QString &path)
{
    if (!m_skipReason.isEmpty())
        return QStringLiteral("SKIP: ") + m_skipReason;
    QProcess python;
    python.start(m_python, {m_script, m_schemaDir, path});
    if (!python.waitForFinished(120000))
        return QStringLiteral("the validator did not finish");
    const QString report = QString::fromUtf8(python.readAllStandardOutput()).trimmed();
    if (python.exitStatus() != QProcess::NormalExit)
        return QStringLiteral("the validator crashed");
    if (python.exitCode() == 0)
        return {};
    if (python.exitCode() == 1)
        return report.isEmpty() ? QStringLiteral("invalid") : report;
    return QStringLiteral("validator error %1: %2 %3")
        .arg(python.exitCode())
        .arg(report, QString::fromUtf8(python.readAllStandardError()));
}

QString TestOcds::writeJson(const QString &name, const QJsonObject &object)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(QJsonDocument(object).toJson());
    return path;
}

QJsonObject TestOcds::partyById(const QJsonObject &release, const QString &id)
{
    for (const QJsonValue &p : release.value(QStringLiteral("parties")).toArray()) {
        if (p.toObject().value(QStringLiteral("id")).toString() == id)
            return p.toObject();
    }
    return {};
}

void TestOcds::demoPackageValidates()
{
    QString path;
    const QJsonObject package = exportRound(QStringLiteral("demo"), m_round, &path);
    QVERIFY(!package.isEmpty());
    const QString report = validate(path);
    if (report.startsWith(QLatin1String("SKIP: ")))
        QSKIP(qPrintable(report.mid(6)));
    QVERIFY2(report.isEmpty(), qPrintable(report));

    QCOMPARE(package.value(QStringLiteral("version")).toString(), QStringLiteral("1.1"));
    QCOMPARE(package.value(QStringLiteral("publishedDate")).toString(), kPublished);
    QCOMPARE(package.value(QStringLiteral("publisher")).toObject().value(QStringLiteral("name")),
             QJsonValue(m_round.programme));
    QVERIFY(
        package.value(QStringLiteral("extensions")).toArray().contains(Ocds::lotsExtensionUrl()));
    const QJsonObject r = release(package);
    QCOMPARE(r.value(QStringLiteral("ocid")).toString(),
             Ocds::ocidPrefix() + u'-' + TestSupport::openRoundFile(m_roundPath)->round().uuid);
    QCOMPARE(r.value(QStringLiteral("tag")).toArray(),
             QJsonArray({QStringLiteral("planning"), QStringLiteral("tender"),
                         QStringLiteral("award"), QStringLiteral("contract")}));
    // Demo data says so.
    QVERIFY(r.value(QStringLiteral("tender"))
                .toObject()
                .value(QStringLiteral("description"))
                .toString()
                .contains(QLatin1String("Illustrative (demo) data")));
}

void TestOcds::brokenPackageFailsValidation_data()
{
    QTest::addColumn<QString>("breakage");
    QTest::addColumn<QString>("expectedPath");
    QTest::newRow("tender value amount as a string") << "amount"
                                                     << "tender/value/amount";
    QTest::newRow("release without an ocid") << "ocid"
                                             << "releases/0";
    QTest::newRow("tag outside the closed codelist") << "tag"
                                                     << "releases/0/tag/0";
    QTest::newRow("package without a publisher") << "publisher"
                                                 << "publisher";
}

void TestOcds::brokenPackageFailsValidation()
{
    QFETCH(QString, breakage);
    QFETCH(QString, expectedPath);
    QString path;
    QJsonObject package = exportRound(QStringLiteral("demo"), m_round, &path);
    QVERIFY(!package.isEmpty());
    if (!m_skipReason.isEmpty())
        QSKIP(qPrintable(m_skipReason));
    QJsonArray releases = package.value(QStringLiteral("releases")).toArray();
    QJsonObject r = releases.first().toObject();
    if (breakage == QLatin1String("amount")) {
        QJsonObject tender = r.value(QStringLiteral("tender")).toObject();
        QJsonObject value = tender.value(QStringLiteral("value")).toObject();
        value.insert(QStringLiteral("amount"), QStringLiteral("1000000"));
        tender.insert(QStringLiteral("value"), value);
        r.insert(QStringLiteral("tender"), tender);
    } else if (breakage == QLatin1String("ocid")) {
        r.remove(QStringLiteral("ocid"));
    } else if (breakage == QLatin1String("tag")) {
        r.insert(QStringLiteral("tag"), QJsonArray{QStringLiteral("published")});
    } else {
        package.remove(QStringLiteral("publisher"));
    }
    releases[0] = r;
    package.insert(QStringLiteral("releases"), releases);
    const QString report = validate(writeJson(QStringLiteral("broken.json"), package));
    QVERIFY2(!report.isEmpty(), "the validator passed a broken package");
    QVERIFY2(report.contains(expectedPath), qPrintable(report));
}

void TestOcds::samePublishedDateGivesSameBytes()
{
    QString first, second;
    QVERIFY(!exportRound(QStringLiteral("demo"), m_round, &first).isEmpty());
    QFile a(first);
    QVERIFY(a.open(QIODevice::ReadOnly));
    const QByteArray bytes = a.readAll();
    a.close();
    QVERIFY(!exportRound(QStringLiteral("demo"), m_round, &second).isEmpty());
    QFile b(second);
    QVERIFY(b.open(QIODevice::ReadOnly));
    QCOMPARE(b.readAll(), bytes);
}

void TestOcds::needsEvidenceAndBudget()
{
    const QJsonObject r = release(exportRound(QStringLiteral("demo"), m_round));
    const QJsonObject planning = r.value(QStringLiteral("planning")).toObject();
    const QString rationale = planning.value(QStringLiteral("rationale")).toString();
    QVERIFY(!m_round.agreements.isEmpty());
    for (const LabourMarketAgreement &a : m_round.agreements)
        QVERIFY2(rationale.contains(a.narrative), qPrintable(rationale));

    int needsDocuments = 0;
    for (const QJsonValue &d : planning.value(QStringLiteral("documents")).toArray()) {
        if (d.toObject().value(QStringLiteral("documentType")).toString() ==
            QLatin1String("needsAssessment"))
            ++needsDocuments;
    }
    QCOMPARE(needsDocuments, int(m_round.agreements.size() + m_round.datasets.size()));

    // The demo's contract profile is derived from "30% delivery fee": the budget is its cost.
    const PaymentScenario *scenario = m_round.design.scenario(QStringLiteral("30% delivery fee"));
    QVERIFY(scenario);
    const Result<ScenarioForecast> forecast = forecastScenario(m_round, *scenario, 0);
    QVERIFY2(forecast, qPrintable(forecast.errorMessage()));
    const QJsonObject amount = planning.value(QStringLiteral("budget"))
                                   .toObject()
                                   .value(QStringLiteral("amount"))
                                   .toObject();
    QCOMPARE(amount.value(QStringLiteral("currency")).toString(), QStringLiteral("GBP"));
    QVERIFY(forecast->cost > 0);
    QVERIFY2(
        std::abs(amount.value(QStringLiteral("amount")).toDouble() - forecast->cost) < 0.01,
        qPrintable(QString::number(amount.value(QStringLiteral("amount")).toDouble(), 'f', 2)));
    QVERIFY(planning.value(QStringLiteral("budget"))
                .toObject()
                .value(QStringLiteral("description"))
                .toString()
                .contains(scenario->name));
}

void TestOcds::budgetFollowsTheProfilesScenario()
{
    // The contract profile derived from "All outcome": the budget is that scenario's cost.
    Round round = m_round;
    round.monitoring.profile.source =
        QStringLiteral("Derived from the payment scenario \u201cAll outcome\u201d of stage 3");
    const PaymentScenario *scenario = round.design.scenario(QStringLiteral("All outcome"));
    QVERIFY(scenario);
    const Result<ScenarioForecast> forecast = forecastScenario(round, *scenario, 0);
    QVERIFY2(forecast, qPrintable(forecast.errorMessage()));
    const QJsonObject budget = release(exportRound(QStringLiteral("alloutcome"), round))
                                   .value(QStringLiteral("planning"))
                                   .toObject()
                                   .value(QStringLiteral("budget"))
                                   .toObject();
    QVERIFY(budget.value(QStringLiteral("description")).toString().contains(scenario->name));
    QVERIFY(std::abs(budget.value(QStringLiteral("amount"))
                         .toObject()
                         .value(QStringLiteral("amount"))
                         .toDouble() -
                     forecast->cost) < 0.01);
}

void TestOcds::lotsAreTheAdoptedPlansCpas()
{
    const QJsonObject tender = release(exportRound(QStringLiteral("demo"), m_round))
                                   .value(QStringLiteral("tender"))
                                   .toObject();
    const CpaPlan *plan = m_round.adoptedPlan();
    QVERIFY(plan);
    const QJsonArray lots = tender.value(QStringLiteral("lots")).toArray();
    QCOMPARE(lots.size(), plan->cpas.size());
    QStringList lotIds;
    for (qsizetype i = 0; i < lots.size(); ++i) {
        const QJsonObject lot = lots[i].toObject();
        QCOMPARE(lot.value(QStringLiteral("title")).toString(), plan->cpas[i].name);
        QVERIFY(lot.value(QStringLiteral("value"))
                    .toObject()
                    .value(QStringLiteral("amount"))
                    .toDouble() > 0);
        lotIds << lot.value(QStringLiteral("id")).toString();
    }
    const QJsonArray items = tender.value(QStringLiteral("items")).toArray();
    QCOMPARE(items.size(), lots.size());
    for (const QJsonValue &item : items)
        QVERIFY(lotIds.contains(item.toObject().value(QStringLiteral("relatedLot")).toString()));
    QCOMPARE(tender.value(QStringLiteral("mainProcurementCategory")).toString(),
             QStringLiteral("services"));
    QCOMPARE(tender.value(QStringLiteral("status")).toString(), QStringLiteral("active"));
    QCOMPARE(tender.value(QStringLiteral("awardCriteria")).toString(),
             QStringLiteral("ratedCriteria"));
    const QString details = tender.value(QStringLiteral("awardCriteriaDetails")).toString();
    for (const Criterion &c : m_round.tender.criteria)
        QVERIFY2(details.contains(c.name), qPrintable(c.name));
    QVERIFY2(details.contains(QLatin1String("price 20%")), qPrintable(details));
    QCOMPARE(tender.value(QStringLiteral("numberOfTenderers")).toInt(), 3);
}

void TestOcds::awardPerLotWithItsSupplier()
{
    const QJsonObject r = release(exportRound(QStringLiteral("demo"), m_round));
    const Result<Evaluation> evaluation = evaluateTender(m_round);
    QVERIFY2(evaluation, qPrintable(evaluation.errorMessage()));
    const QJsonArray awards = r.value(QStringLiteral("awards")).toArray();
    // The demo tenders one lot: one award, pending (nobody has signed).
    QCOMPARE(awards.size(), evaluation->lots.size());
    const QJsonObject award = awards.first().toObject();
    const LotResult &lot = evaluation->lots.first();
    QVERIFY(lot.winner);
    const TenderBid *winner = m_round.tender.bid(*lot.winner);
    QVERIFY(winner);
    QCOMPARE(award.value(QStringLiteral("status")).toString(), QStringLiteral("pending"));
    const QJsonObject supplier =
        award.value(QStringLiteral("suppliers")).toArray().first().toObject();
    QCOMPARE(supplier.value(QStringLiteral("name")).toString(), winner->bidder);
    QCOMPARE(supplier.value(QStringLiteral("id")).toString(), Ocds::slug(winner->bidder));
    QCOMPARE(
        award.value(QStringLiteral("value")).toObject().value(QStringLiteral("amount")).toDouble(),
        winner->price);
    QCOMPARE(award.value(QStringLiteral("relatedLots")).toArray(),
             QJsonArray{QStringLiteral("lot-%1").arg(winner->lot.value())});
    const QJsonArray contracts = r.value(QStringLiteral("contracts")).toArray();
    QCOMPARE(contracts.size(), 1);
    QCOMPARE(contracts.first().toObject().value(QStringLiteral("awardID")),
             award.value(QStringLiteral("id")));
    QCOMPARE(contracts.first().toObject().value(QStringLiteral("status")).toString(),
             QStringLiteral("pending"));
    QVERIFY(partyById(r, Ocds::slug(winner->bidder))
                .value(QStringLiteral("roles"))
                .toArray()
                .contains(QStringLiteral("supplier")));
}

void TestOcds::signedAwardIsActive()
{
    Round round = m_round;
    const Result<Evaluation> evaluation = evaluateTender(round);
    QVERIFY(evaluation && evaluation->lots.first().winner);
    const QString winner = *evaluation->lots.first().winner;
    const Cpa *lot = round.adoptedCpa(round.tender.bid(winner)->lot);
    QVERIFY(lot);
    const QDateTime signedAt(QDate(2027, 3, 1), QTime(10, 0), QTimeZone::utc());
    for (const QString &party : round.priorityPartners(*lot))
        round.tender.awardSignatures.append({lot->id, party, QStringLiteral("Signatory"),
                                             QStringLiteral("Director"),
                                             QStringLiteral("Best value"), winner, signedAt});
    QString path;
    const QJsonObject package = exportRound(QStringLiteral("signed"), round, &path);
    QVERIFY(!package.isEmpty());
    const QJsonObject award =
        release(package).value(QStringLiteral("awards")).toArray().first().toObject();
    QCOMPARE(award.value(QStringLiteral("status")).toString(), QStringLiteral("active"));
    QCOMPARE(award.value(QStringLiteral("date")).toString(),
             QStringLiteral("2027-03-01T10:00:00Z"));
    const QString report = validate(path);
    if (!report.startsWith(QLatin1String("SKIP: ")))
        QVERIFY2(report.isEmpty(), qPrintable(report));
}

void TestOcds::partiesWithRolesAndRegisterDetails()
{
    const QJsonObject r = release(exportRound(QStringLiteral("demo"), m_round));
    // Co-commissioning: DWP buys and funds, the lead authorities co-commission.
    QCOMPARE(m_round.model, DevolutionModel::CoCommissioning);
    const QJsonArray dwpRoles =
        partyById(r, QStringLiteral("dwp")).value(QStringLiteral("roles")).toArray();
    QVERIFY(dwpRoles.contains(QStringLiteral("buyer")));
    QVERIFY(dwpRoles.contains(QStringLiteral("funder")));
    QCOMPARE(r.value(QStringLiteral("buyer")).toObject().value(QStringLiteral("id")).toString(),
             QStringLiteral("dwp"));
    // A partnership with a lead authority is represented by it (its GSS code as the id);
    // one without, by the partnership itself.
    int leads = 0;
    for (const Partnership &p : m_round.partnerships) {
        const QJsonObject party =
            p.leadAuthority.isEmpty()
                ? partyById(r, QStringLiteral("partnership-") + Ocds::slug(p.name))
                : partyById(r, p.leadAuthority);
        QVERIFY2(!party.isEmpty(), qPrintable(p.name));
        QVERIFY(party.value(QStringLiteral("roles")).toArray().contains(QStringLiteral("buyer")));
        QVERIFY(party.value(QStringLiteral("details"))
                    .toObject()
                    .value(QStringLiteral("partnerships"))
                    .toArray()
                    .contains(p.name));
        if (!p.leadAuthority.isEmpty()) {
            ++leads;
            QCOMPARE(party.value(QStringLiteral("name")).toString(),
                     m_round.authority(p.leadAuthority)->name);
        }
    }
    QCOMPARE(leads, 1);

    const QJsonObject riverside = partyById(r, Ocds::slug(kRiverside));
    QVERIFY(
        riverside.value(QStringLiteral("roles")).toArray().contains(QStringLiteral("tenderer")));
    QCOMPARE(riverside.value(QStringLiteral("details")).toObject(),
             QJsonObject({{QStringLiteral("scale"), QStringLiteral("sme")},
                          {QStringLiteral("vcse"), true}}));
    const QJsonObject capital = partyById(r, Ocds::slug(kCapital));
    QCOMPARE(capital.value(QStringLiteral("details")).toObject(),
             QJsonObject({{QStringLiteral("scale"), QStringLiteral("large")},
                          {QStringLiteral("vcse"), false}}));
    // Not in the register: nothing is claimed about it.
    const QJsonObject bridge = partyById(r, Ocds::slug(kBridge));
    QVERIFY(!bridge.isEmpty());
    QVERIFY(!bridge.contains(QStringLiteral("details")));
    QCOMPARE(Ocds::slug(kBridge), QStringLiteral("bridge-to-work-partnership-illustrative"));
}

void TestOcds::milestones()
{
    const QJsonObject r = release(exportRound(QStringLiteral("demo"), m_round));
    const QJsonObject tender = r.value(QStringLiteral("tender")).toObject();
    const QJsonObject tenderPeriod = tender.value(QStringLiteral("tenderPeriod")).toObject();
    QVERIFY(tenderPeriod.value(QStringLiteral("startDate"))
                .toString()
                .startsWith(QLatin1String("2026-12-01T00:00:00")));
    QVERIFY(tenderPeriod.value(QStringLiteral("endDate"))
                .toString()
                .startsWith(QLatin1String("2027-01-12T23:59:59")));
    QVERIFY(!r.value(QStringLiteral("planning"))
                 .toObject()
                 .value(QStringLiteral("milestones"))
                 .toArray()
                 .isEmpty());

    const QJsonObject contract = r.value(QStringLiteral("contracts")).toArray().first().toObject();
    QStringList ids;
    QString goLive;
    for (const QJsonValue &m : contract.value(QStringLiteral("implementation"))
                                   .toObject()
                                   .value(QStringLiteral("milestones"))
                                   .toArray()) {
        ids << m.toObject().value(QStringLiteral("id")).toString();
        if (m.toObject().value(QStringLiteral("code")).toString() == QLatin1String("go_live"))
            goLive = m.toObject().value(QStringLiteral("dueDate")).toString();
    }
    QVERIFY2(goLive.startsWith(QLatin1String("2027-06-01")), qPrintable(ids.join(u',')));
    QVERIFY(ids.contains(QStringLiteral("contract-start")));
    QVERIFY(ids.contains(QStringLiteral("contract-end")));
    const ContractProfile &profile = m_round.monitoring.profile;
    QVERIFY(profile.hasPeriod());
    QVERIFY(contract.value(QStringLiteral("period"))
                .toObject()
                .value(QStringLiteral("startDate"))
                .toString()
                .startsWith(profile.start.toString(Qt::ISODate)));
}

/** Walks \a value: the path of the first empty string, array or object, or "". */
static QString firstEmpty(const QJsonValue &value, const QString &path)
{
    if (value.isString() && value.toString().trimmed().isEmpty())
        return path;
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        if (array.isEmpty())
            return path;
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (QString p = firstEmpty(array[i], path + u'/' + QString::number(i)); !p.isEmpty())
                return p;
        }
    }
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        if (object.isEmpty())
            return path;
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (QString p = firstEmpty(it.value(), path + u'/' + it.key()); !p.isEmpty())
                return p;
        }
    }
    return {};
}

void TestOcds::noEmptyStringsOrArrays()
{
    Round bare = m_round;
    bare.programme.clear();
    bare.title = QStringLiteral("Bare");
    for (LabourMarketAgreement &a : bare.agreements)
        a.narrative.clear();
    const QJsonObject barePackage = exportRound(QStringLiteral("bare"), bare);
    for (const QJsonObject &package : {exportRound(QStringLiteral("demo"), m_round), barePackage}) {
        QVERIFY(!package.isEmpty());
        const QString empty = firstEmpty(package, QString());
        QVERIFY2(empty.isEmpty(), qPrintable(empty));
    }
    QCOMPARE(barePackage.value(QStringLiteral("publisher"))
                 .toObject()
                 .value(QStringLiteral("name"))
                 .toString(),
             QStringLiteral("CoCommission"));
}

void TestOcds::roundWithoutTenderValidates()
{
    Round round = m_round;
    round.tender = {};
    QString path;
    const QJsonObject package = exportRound(QStringLiteral("notender"), round, &path);
    QVERIFY(!package.isEmpty());
    const QJsonObject r = release(package);
    QCOMPARE(r.value(QStringLiteral("tag")).toArray(), QJsonArray{QStringLiteral("planning")});
    QVERIFY(!r.contains(QStringLiteral("awards")));
    QVERIFY(!r.contains(QStringLiteral("contracts")));
    // The lots are known from the adopted plan; the timeline schedules the tender.
    QCOMPARE(
        r.value(QStringLiteral("tender")).toObject().value(QStringLiteral("status")).toString(),
        QStringLiteral("planned"));
    const QString report = validate(path);
    if (report.startsWith(QLatin1String("SKIP: ")))
        QSKIP(qPrintable(report.mid(6)));
    QVERIFY2(report.isEmpty(), qPrintable(report));
}

void TestOcds::roundWithoutAdoptedPlanValidates()
{
    Result<Round> blank = LondonRound::blank(QStringLiteral("Blank round"));
    QVERIFY2(blank, qPrintable(blank.errorMessage()));
    QString path;
    const QJsonObject package = exportRound(QStringLiteral("blank"), *blank, &path);
    QVERIFY(!package.isEmpty());
    const QJsonObject r = release(package);
    QCOMPARE(r.value(QStringLiteral("tag")).toArray(), QJsonArray{QStringLiteral("planning")});
    QVERIFY(!r.contains(QStringLiteral("tender")));
    QVERIFY(!partyById(r, QStringLiteral("dwp")).isEmpty());
    const QString report = validate(path);
    if (report.startsWith(QLatin1String("SKIP: ")))
        QSKIP(qPrintable(report.mid(6)));
    QVERIFY2(report.isEmpty(), qPrintable(report));
}

void TestOcds::badInput_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("output");
    QTest::addColumn<QString>("message");
    const QString round = QStringLiteral("ROUND");
    const QString out = QStringLiteral("OUT");
    QTest::newRow("missing -o") << QStringList{round} << QString() << "-o FILE.json";
    QTest::newRow("-o without a value")
        << QStringList{round, QStringLiteral("-o")} << QString() << "needs a value";
    QTest::newRow("folder does not exist")
        << QStringList{round, QStringLiteral("-o"), out} << "missing/dir/out.json"
        << "does not exist";
    QTest::newRow("round cannot be opened")
        << QStringList{QStringLiteral("NOROUND"), QStringLiteral("-o"), out} << "out.json"
        << "nothere.cocom";
    QTest::newRow("bad published date")
        << QStringList{round, QStringLiteral("-o"), out, QStringLiteral("--published-date"),
                       QStringLiteral("yesterday")}
        << "out.json"
        << "ISO 8601";
    QTest::newRow("two rounds") << QStringList{round, round, QStringLiteral("-o"), out}
                                << "out.json"
                                << "one round file";
}

void TestOcds::badInput()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, output);
    QFETCH(QString, message);
    const QString outputPath = output.isEmpty() ? QString() : m_dir.filePath(output);
    for (QString &a : arguments) {
        if (a == QLatin1String("ROUND"))
            a = m_roundPath;
        else if (a == QLatin1String("NOROUND"))
            a = m_dir.filePath(QStringLiteral("nothere.cocom"));
        else if (a == QLatin1String("OUT"))
            a = outputPath;
    }
    const QByteArray before = TestSupport::fileHash(m_roundPath);
    const auto run = TestSupport::runCli(QStringList{QStringLiteral("export-ocds")} + arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(message), qPrintable(run.err));
    QVERIFY(run.out.isEmpty());
    if (!outputPath.isEmpty())
        QVERIFY(!QFile::exists(outputPath));
    QCOMPARE(TestSupport::fileHash(m_roundPath), before);
}

QTEST_GUILESS_MAIN(TestOcds)
#include "tst_ocds.moc"
