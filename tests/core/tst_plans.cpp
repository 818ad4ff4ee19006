#include "core/commands/commands.h"
#include "core/commands/plancommands.h"
#include "core/cpa/assignment.h"
#include "core/cpa/boundaries.h"
#include "core/cpa/roundcheck.h"
#include "core/priorities/catalogue.h"
#include "core/round/londonround.h"
#include "core/round/rounddocument.h"
#include "core/store/auditlog.h"
#include "tests/support/testsupport.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <cmath>
#include <functional>

using namespace CoCommission;

using Edit = std::function<Status(RoundDocument *)>;
Q_DECLARE_METATYPE(Edit)

/**
 * The CPA plan edits of RoundDocument and their undo commands, on a round of five square
 * authorities A B / C D (the layout of tests/data/cpa/geojson/squares_2x2.geojson) and E, an
 * island that the boundary file lacks.
 */
class TestPlans : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void editsAreStoredAndSurviveReopening();
    void editsSignalAndAudit();
    void duplicateCopiesEverythingButAdoption();
    void refusedEditsChangeNothing_data();
    void refusedEditsChangeNothing();
    void readOnlyRoundRefusesEverything();
    void frozenAdoptedPlan_data();
    void frozenAdoptedPlan();
    void planCommandsUndoAndRedoExactly();
    void removeCpaUndoRestoresItsRecords();
    void strokeIsOneUndoStep();
    void strokeThatEndsWhereItBeganLeavesNoStep();
    void settingsAreCheckedStoredAndMerged();
    void importAssignmentReplacesAPlanKeepingNamedCpas();
    void importAssignmentMakesANewPlan();
    void importAssignmentRefusesBadFiles_data();
    void importAssignmentRefusesBadFiles();
    void importBoundariesStoresTheFileAndIsUndoable();
    void importBoundariesRefusesUnknownCodesAndBadFiles_data();
    void importBoundariesRefusesUnknownCodesAndBadFiles();
    void checkRoundPlanUsesImportedBoundaries();
    void checkOptionsComeFromThePlan();
    void addPlanWithContentsIsOneUndoStep();
    void addPlanWithContentsRefusesAndChangesNothing_data();
    void addPlanWithContentsRefusesAndChangesNothing();

private:
    static Round gridRound();
    std::unique_ptr<RoundDocument> reopen();
    int auditCount();
    const CpaPlan &plan(const QString &name) const;
    CpaId cpaId(const QString &planName, const QString &cpaName) const;
    QString writeFile(const QString &name, const QByteArray &bytes);
    static QString geojson(const QString &name)
    {
        return TestSupport::dataDir() + QStringLiteral("/cpa/geojson/") + name;
    }

    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<RoundDocument> m_document;
};

Round TestPlans::gridRound()
{
    Round round;
    round.title = QStringLiteral("Grid round");
    for (const char *code : {"A", "B", "C", "D", "E"})
        round.authorities.append(
            {QString::fromLatin1(code), QStringLiteral("Area %1").arg(QLatin1String(code))});
    round.partnerships.append({PartnershipId(), QStringLiteral("North"), QString(), {"A", "B"}});
    round.priorityGroups = PriorityCatalogue::version1();

    NeedsDataset dataset;
    dataset.name = QStringLiteral("Claimants");
    dataset.source = QStringLiteral("Invented for the tests");
    dataset.illustrative = true;
    dataset.dimensions = {QStringLiteral("Measure")};
    dataset.measures = {{QStringLiteral("claimant_count"),
                         QStringLiteral("Claimant count"),
                         {QStringLiteral("Claimant count")}},
                        {QStringLiteral("population"),
                         QStringLiteral("Population"),
                         {QStringLiteral("Population")}}};
    const double claimants[] = {100, 200, 300, 400, 50};
    for (int i = 0; i < 5; ++i) {
        const QString code = round.authorities[i].gssCode;
        dataset.observations.append(
            {code, QStringLiteral("claimant_count"), QStringLiteral("2023-05"), claimants[i] / 2});
        dataset.observations.append(
            {code, QStringLiteral("claimant_count"), QStringLiteral("2024-05"), claimants[i]});
        dataset.observations.append(
            {code, QStringLiteral("population"), QStringLiteral("2024-05"), claimants[i] * 10});
    }
    round.datasets.append(dataset);
    round.ratios.append({0, QStringLiteral("Claimant rate"), QStringLiteral("claimant_count"),
                         QStringLiteral("population"), 100});

    CpaPlan adopted;
    adopted.name = QStringLiteral("Two CPAs");
    adopted.adopted = true;
    adopted.cpas = {{CpaId(), QStringLiteral("West"), QStringLiteral("#1f6fb4"), {"A", "C"}},
                    {CpaId(), QStringLiteral("East"), QStringLiteral("#c0392b"), {"B", "D", "E"}}};
    CpaPlan diagonal;
    diagonal.name = QStringLiteral("Diagonal");
    diagonal.cpas = {{CpaId(), QStringLiteral("One"), QStringLiteral("#1f6fb4"), {"A", "D"}},
                     {CpaId(), QStringLiteral("Two"), QStringLiteral("#c0392b"), {"B", "C"}},
                     {CpaId(), QStringLiteral("Island"), QStringLiteral("#2e8b57"), {"E"}}};
    round.plans = {adopted, diagonal};
    round.stage(StageId::Needs).status = StageStatus::InProgress;
    return round;
}

void TestPlans::init()
{
    m_path = m_dir.filePath(QStringLiteral("plans.cocom"));
    QFile::remove(m_path);
    auto document = RoundDocument::create(m_path, gridRound(), QStringLiteral("tester"));
    QVERIFY2(document, qPrintable(document.errorMessage()));
    m_document = std::move(*document);
}

void TestPlans::cleanup()
{
    m_document.reset();
    QFile::remove(m_path);
}

std::unique_ptr<RoundDocument> TestPlans::reopen()
{
    m_document.reset();
    auto document = RoundDocument::open(m_path, {}, QStringLiteral("tester"));
    if (!document) {
        qWarning("%s", qPrintable(document.errorMessage()));
        return {};
    }
    return std::move(*document);
}

int TestPlans::auditCount()
{
    const auto entries = m_document->auditEntries();
    return entries ? int(entries->size()) : -1;
}

const CpaPlan &TestPlans::plan(const QString &name) const
{
    for (const CpaPlan &p : m_document->round().plans) {
        if (p.name == name)
            return p;
    }
    qFatal("no plan %s", qPrintable(name));
}

CpaId TestPlans::cpaId(const QString &planName, const QString &cpaName) const
{
    for (const Cpa &cpa : plan(planName).cpas) {
        if (cpa.name == cpaName)
            return cpa.id;
    }
    return CpaId();
}

QString TestPlans::writeFile(const QString &name, const QByteArray &bytes)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

void TestPlans::editsAreStoredAndSurviveReopening()
{
    RoundDocument *doc = m_document.get();
    const Result<PlanId> draft = doc->addPlan(QStringLiteral("  Draft  "));
    QVERIFY2(draft, qPrintable(draft.errorMessage()));
    QCOMPARE(doc->round().plans.last().name, QStringLiteral("Draft"));
    QVERIFY(!doc->round().plans.last().adopted);

    const Result<CpaId> north = doc->addCpa(*draft, QStringLiteral("North"));
    const Result<CpaId> south =
        doc->addCpa(*draft, QStringLiteral("South"), QStringLiteral("#ABCDEF"));
    QVERIFY(north && south);
    const CpaPlan *p = doc->round().plan(*draft);
    QCOMPARE(p->cpas.at(0).colour, defaultCpaColour(0));
    QCOMPARE(p->cpas.at(1).colour, QStringLiteral("#abcdef"));

    QVERIFY(doc->assignAuthorities(*draft, {"D", "A", "B"}, *north));
    QVERIFY(doc->assignAuthorities(*draft, {"C", "D"}, *south));
    p = doc->round().plan(*draft);
    QCOMPARE(p->cpas.at(0).members, QStringList({"A", "B"})); // in the round's order
    QCOMPARE(p->cpas.at(1).members, QStringList({"C", "D"}));
    QVERIFY(doc->assignAuthorities(*draft, {"B"}, CpaId())); // out of every CPA
    QCOMPARE(doc->round().plan(*draft)->cpas.at(0).members, QStringList({"A"}));

    QVERIFY(doc->renamePlan(*draft, QStringLiteral("Draft 2")));
    QVERIFY(doc->renameCpa(*north, QStringLiteral("Northern")));
    QVERIFY(doc->recolourCpa(*south, QStringLiteral("#123456")));
    QVERIFY(doc->setPlanSettings(*draft, AdjacencyRule::LandContactOnly,
                                 QStringLiteral("claimant_count"), 150.0));
    const Result<PlanId> copy = doc->duplicatePlan(*draft, QStringLiteral("Copy"));
    QVERIFY(copy);
    QVERIFY(doc->removeCpa(*south));
    QCOMPARE(doc->round().plan(*draft)->cpas.size(), 1);
    QVERIFY(doc->removePlan(plan(QStringLiteral("Diagonal")).id));

    const QList<CpaPlan> expected = doc->round().plans;
    QCOMPARE(expected.size(), 3);
    const auto reopened = reopen();
    QVERIFY(reopened);
    QCOMPARE(reopened->round().plans, expected);
    QCOMPARE(reopened->round().plans.at(1).name, QStringLiteral("Draft 2"));
    QCOMPARE(reopened->round().plans.at(1).rule, AdjacencyRule::LandContactOnly);
    QCOMPARE(reopened->round().plans.at(1).minimumSize, std::optional<double>(150.0));
    QCOMPARE(reopened->round().plans.at(2).cpas.size(), 2);
}

void TestPlans::editsSignalAndAudit()
{
    RoundDocument *doc = m_document.get();
    QSignalSpy plans(doc, &RoundDocument::plansChanged);
    QSignalSpy round(doc, &RoundDocument::roundChanged);
    const int audited = auditCount();
    const PlanId two = plan(QStringLiteral("Two CPAs")).id;
    QVERIFY(doc->assignAuthorities(two, {"E"},
                                   cpaId(QStringLiteral("Two CPAs"), QStringLiteral("West"))));
    QCOMPARE(plans.count(), 1);
    QCOMPARE(round.count(), 1);
    QCOMPARE(auditCount(), audited + 1);
    const AuditEntry entry = doc->auditEntries()->last();
    QCOMPARE(entry.action, QStringLiteral("assign_authorities"));
    QCOMPARE(entry.subject, QStringLiteral("plan:Two CPAs"));
    QCOMPARE(entry.before, QStringLiteral("Area E in East"));
    QCOMPARE(entry.after, QStringLiteral("Area E in West"));

    // Nothing changes, nothing is written.
    QVERIFY(doc->assignAuthorities(two, {"E"},
                                   cpaId(QStringLiteral("Two CPAs"), QStringLiteral("West"))));
    QCOMPARE(auditCount(), audited + 1);
    QCOMPARE(plans.count(), 1);

    QVERIFY(doc->renameCpa(cpaId(QStringLiteral("Two CPAs"), QStringLiteral("West")),
                           QStringLiteral("Western")));
    const AuditEntry renamed = doc->auditEntries()->last();
    QCOMPARE(renamed.action, QStringLiteral("rename_cpa"));
    QCOMPARE(renamed.before, QStringLiteral("West"));
    QCOMPARE(renamed.after, QStringLiteral("Western"));
    QCOMPARE(plans.count(), 2);
}

void TestPlans::duplicateCopiesEverythingButAdoption()
{
    RoundDocument *doc = m_document.get();
    const PlanId two = plan(QStringLiteral("Two CPAs")).id;
    QVERIFY(doc->setPlanSettings(two, AdjacencyRule::LandContactOnly,
                                 QStringLiteral("claimant_count"), 10.0));
    const Result<PlanId> copy = doc->duplicatePlan(two, QStringLiteral("Two CPAs, again"));
    QVERIFY2(copy, qPrintable(copy.errorMessage()));
    const CpaPlan &original = *doc->round().plan(two);
    const CpaPlan &duplicate = *doc->round().plan(*copy);
    QVERIFY(!duplicate.adopted);
    QVERIFY(original.adopted);
    QCOMPARE(duplicate.rule, original.rule);
    QCOMPARE(duplicate.balanceIndicator, original.balanceIndicator);
    QCOMPARE(duplicate.minimumSize, original.minimumSize);
    QCOMPARE(duplicate.cpas.size(), original.cpas.size());
    for (qsizetype i = 0; i < original.cpas.size(); ++i) {
        QCOMPARE(duplicate.cpas[i].name, original.cpas[i].name);
        QCOMPARE(duplicate.cpas[i].colour, original.cpas[i].colour);
        QCOMPARE(duplicate.cpas[i].members, original.cpas[i].members);
        QVERIFY(duplicate.cpas[i].id != original.cpas[i].id);
    }
}

void TestPlans::refusedEditsChangeNothing_data()
{
    QTest::addColumn<Edit>("edit");
    QTest::addColumn<QString>("expected");
    const auto planId = [](RoundDocument *d, const char *name) {
        for (const CpaPlan &p : d->round().plans) {
            if (p.name == QLatin1String(name))
                return p.id;
        }
        return PlanId();
    };
    const auto cpa = [](RoundDocument *d, const char *name) {
        for (const CpaPlan &p : d->round().plans) {
            for (const Cpa &c : p.cpas) {
                if (c.name == QLatin1String(name))
                    return c.id;
            }
        }
        return CpaId();
    };
    QTest::newRow("plan without a name")
        << Edit([](RoundDocument *d) { return Status(d->addPlan(QStringLiteral("  ")).error()); })
        << "needs a name";
    QTest::newRow("plan name taken, in another case") << Edit([](RoundDocument *d) {
        return Status(d->addPlan(QStringLiteral("two cpas")).error());
    }) << "already has a CPA plan called \"Two CPAs\"";
    QTest::newRow("rename onto another plan") << Edit([=](RoundDocument *d) {
        return d->renamePlan(planId(d, "Diagonal"), QStringLiteral("Two CPAs"));
    }) << "already has a CPA plan";
    QTest::newRow("duplicate under a taken name") << Edit([=](RoundDocument *d) {
        const auto r = d->duplicatePlan(planId(d, "Diagonal"), QStringLiteral("Diagonal"));
        return r ? Status() : Status(r.error());
    }) << "already has a CPA plan";
    QTest::newRow("remove the adopted plan")
        << Edit([=](RoundDocument *d) { return d->removePlan(planId(d, "Two CPAs")); })
        << "adopt another plan before removing it";
    QTest::newRow("remove a plan that is not there")
        << Edit([](RoundDocument *d) { return d->removePlan(PlanId(999)); }) << "no CPA plan 999";
    QTest::newRow("CPA name taken") << Edit([=](RoundDocument *d) {
        const auto r = d->addCpa(planId(d, "Two CPAs"), QStringLiteral("EAST"));
        return r ? Status() : Status(r.error());
    }) << "already has a CPA called \"East\"";
    QTest::newRow("CPA colour not #rrggbb") << Edit([=](RoundDocument *d) {
        const auto r =
            d->addCpa(planId(d, "Two CPAs"), QStringLiteral("North"), QStringLiteral("red"));
        return r ? Status() : Status(r.error());
    }) << "#rrggbb";
    QTest::newRow("recolour with a short colour") << Edit([=](RoundDocument *d) {
        return d->recolourCpa(cpa(d, "West"), QStringLiteral("#fff"));
    }) << "#rrggbb";
    QTest::newRow("rename a CPA to nothing")
        << Edit([=](RoundDocument *d) { return d->renameCpa(cpa(d, "West"), QStringLiteral(" ")); })
        << "needs a name";
    QTest::newRow("paint an unknown code") << Edit([=](RoundDocument *d) {
        return d->assignAuthorities(planId(d, "Two CPAs"), {"A", "E09000001"}, cpa(d, "West"));
    }) << "E09000001";
    QTest::newRow("paint into another plan's CPA") << Edit([=](RoundDocument *d) {
        return d->assignAuthorities(planId(d, "Two CPAs"), {"A"}, cpa(d, "One"));
    }) << "has no CPA";
    QTest::newRow("members with a code twice") << Edit([=](RoundDocument *d) {
        return d->setPlanMembers(planId(d, "Two CPAs"), {{cpa(d, "West"), {"A", "B"}}});
    }) << "more than one";
    QTest::newRow("unknown balance indicator") << Edit([=](RoundDocument *d) {
        return d->setPlanSettings(planId(d, "Two CPAs"), AdjacencyRule::LegalBoundary,
                                  QStringLiteral("vacancies"), std::nullopt);
    }) << "no indicator \"vacancies\"";
    QTest::newRow("a ratio as balance indicator") << Edit([=](RoundDocument *d) {
        return d->setPlanSettings(planId(d, "Two CPAs"), AdjacencyRule::LegalBoundary,
                                  QStringLiteral("r1"), std::nullopt);
    }) << "is a ratio";
    QTest::newRow("negative minimum size") << Edit([=](RoundDocument *d) {
        return d->setPlanSettings(planId(d, "Two CPAs"), AdjacencyRule::LegalBoundary, QString(),
                                  -1.0);
    }) << "0 or more";
    QTest::newRow("minimum size not a number") << Edit([=](RoundDocument *d) {
        return d->setPlanSettings(planId(d, "Two CPAs"), AdjacencyRule::LegalBoundary, QString(),
                                  std::nan(""));
    }) << "0 or more";
    QTest::newRow("import into a plan without a name") << Edit([](RoundDocument *d) {
        const auto r = d->importAssignment(QString(), QStringLiteral("x.csv"));
        return r ? Status() : Status(r.error());
    }) << "Name the CPA plan";
    QTest::newRow("boundaries without their details") << Edit([](RoundDocument *d) {
        BoundaryFile file;
        file.geoJson = "{}";
        return d->setBoundaries(file);
    }) << "file name";
}

void TestPlans::refusedEditsChangeNothing()
{
    QFETCH(Edit, edit);
    QFETCH(QString, expected);
    const Round before = m_document->round();
    const int audited = auditCount();
    QSignalSpy changed(m_document.get(), &RoundDocument::roundChanged);
    const Status s = edit(m_document.get());
    QVERIFY(!s);
    QVERIFY2(s.errorMessage().contains(expected), qPrintable(s.errorMessage()));
    QCOMPARE(m_document->round(), before);
    QCOMPARE(auditCount(), audited);
    QCOMPARE(changed.count(), 0);
}

void TestPlans::readOnlyRoundRefusesEverything()
{
    const Round before = m_document->round();
    m_document.reset();
    auto readOnly = RoundDocument::open(m_path, ProjectFile::Options{true, false});
    QVERIFY(readOnly);
    RoundDocument *doc = readOnly->get();
    QVERIFY(doc->isReadOnly());
    const PlanId two = doc->round().plans.first().id;
    const CpaId west = doc->round().plans.first().cpas.first().id;
    const QString csv =
        writeFile(QStringLiteral("ro.csv"), "gss_code,cpa\nA,X\nB,X\nC,X\nD,X\nE,X\n");
    const QList<Status> refused = {
        Status(doc->addPlan(QStringLiteral("New")).error()),
        Status(doc->duplicatePlan(two, QStringLiteral("Copy")).error()),
        doc->renamePlan(two, QStringLiteral("Renamed")),
        doc->removePlan(doc->round().plans.last().id),
        Status(doc->addCpa(two, QStringLiteral("North")).error()),
        doc->renameCpa(west, QStringLiteral("Westerly")),
        doc->recolourCpa(west, QStringLiteral("#000000")),
        doc->removeCpa(west),
        doc->assignAuthorities(two, {"E"}, west),
        doc->setPlanMembers(two, {{west, {}}}),
        doc->setPlanSettings(two, AdjacencyRule::LandContactOnly, QString(), std::nullopt),
        Status(doc->importAssignment(QStringLiteral("Two CPAs"), csv).error()),
        Status(doc->importBoundaries(geojson(QStringLiteral("squares_2x2.geojson"))).error()),
        doc->removeBoundaries(),
        Commands::removeCpa(doc, west),
        Status(Commands::addPlan(doc, QStringLiteral("New")).error()),
    };
    for (const Status &s : refused) {
        QVERIFY(!s);
        QVERIFY2(s.errorMessage().contains(QStringLiteral("read-only")),
                 qPrintable(s.errorMessage()));
    }
    QCOMPARE(doc->round(), before);
    QCOMPARE(doc->undoStack()->count(), 0);
}

void TestPlans::frozenAdoptedPlan_data()
{
    QTest::addColumn<StageStatus>("status");
    QTest::newRow("stage 2 ready for sign-off") << StageStatus::ReadyForSignOff;
    QTest::newRow("stage 2 signed off") << StageStatus::SignedOff;
}

void TestPlans::frozenAdoptedPlan()
{
    QFETCH(StageStatus, status);
    m_document.reset();
    QFile::remove(m_path);
    Round round = gridRound();
    round.stage(StageId::Priorities).status = status;
    auto created = RoundDocument::create(m_path, round, QStringLiteral("tester"));
    QVERIFY(created);
    m_document = std::move(*created);
    RoundDocument *doc = m_document.get();
    const PlanId two = plan(QStringLiteral("Two CPAs")).id;
    const CpaId west = cpaId(QStringLiteral("Two CPAs"), QStringLiteral("West"));
    QVERIFY(!doc->whyPlanFrozen(two).isEmpty());
    QVERIFY(doc->whyPlanFrozen(plan(QStringLiteral("Diagonal")).id).isEmpty());

    const Round before = doc->round();
    const int audited = auditCount();
    const QString csv =
        writeFile(QStringLiteral("f.csv"), "gss_code,cpa\nA,X\nB,X\nC,X\nD,X\nE,X\n");
    const QList<Status> refused = {
        Status(doc->addCpa(two, QStringLiteral("North")).error()),
        doc->renameCpa(west, QStringLiteral("Westerly")),
        doc->recolourCpa(west, QStringLiteral("#000000")),
        doc->removeCpa(west),
        doc->assignAuthorities(two, {"E"}, west),
        doc->setPlanMembers(two, {{west, {"A"}}}),
        doc->setPlanSettings(two, AdjacencyRule::LandContactOnly, QString(), std::nullopt),
        doc->setPlanContents(doc->round().plans.first(), {}),
        Status(doc->importAssignment(QStringLiteral("Two CPAs"), csv).error()),
        doc->removePlan(two),
        Commands::assignAuthorities(doc, two, {"E"}, west, 1),
        Commands::removeCpa(doc, west),
    };
    for (const Status &s : refused) {
        QVERIFY(!s);
        QVERIFY2(s.errorMessage().contains(QStringLiteral("adopt")), qPrintable(s.errorMessage()));
    }
    QVERIFY(refused.first().errorMessage().contains(
        QStringLiteral("duplicate the plan, edit the copy and adopt it with a recorded reason"),
        Qt::CaseInsensitive));
    QCOMPARE(doc->round(), before);
    QCOMPARE(auditCount(), audited);
    QCOMPARE(doc->undoStack()->count(), 0);

    // The way out: duplicate, edit the copy, adopt it with a reason.
    const Result<PlanId> copy =
        Commands::duplicatePlan(doc, two, QStringLiteral("Two CPAs, revised"));
    QVERIFY2(copy, qPrintable(copy.errorMessage()));
    const CpaId copyWest = doc->round().plan(*copy)->cpas.first().id;
    QVERIFY(Commands::assignAuthorities(doc, *copy, {"E"}, copyWest));
    QVERIFY(doc->renamePlan(two, QStringLiteral("Two CPAs (as decided)"))); // a name is no decision
    QVERIFY(doc->adoptPlan(*copy, QStringLiteral("E joins the western contract")));
    QVERIFY(doc->whyPlanFrozen(two).isEmpty());
    QVERIFY(doc->assignAuthorities(two, {"E"}, west)); // no longer adopted: editable again
}

void TestPlans::planCommandsUndoAndRedoExactly()
{
    RoundDocument *doc = m_document.get();
    QUndoStack *stack = doc->undoStack();
    QList<Round> states{doc->round()};

    const Result<PlanId> draft = Commands::addPlan(doc, QStringLiteral("Draft"));
    QVERIFY(draft);
    states.append(doc->round());
    const Result<CpaId> north = Commands::addCpa(doc, *draft, QStringLiteral("North"));
    QVERIFY(north);
    states.append(doc->round());
    QVERIFY(Commands::assignAuthorities(doc, *draft, {"A", "B"}, *north));
    states.append(doc->round());
    QVERIFY(Commands::renameCpa(doc, *north, QStringLiteral("Northern")));
    states.append(doc->round());
    QVERIFY(Commands::recolourCpa(doc, *north, QStringLiteral("#00FF00")));
    states.append(doc->round());
    QVERIFY(Commands::renamePlan(doc, *draft, QStringLiteral("Draft 1")));
    states.append(doc->round());
    const Result<PlanId> copy = Commands::duplicatePlan(doc, *draft, QStringLiteral("Draft 2"));
    QVERIFY(copy);
    states.append(doc->round());
    QVERIFY(Commands::setPlanSettings(doc, *copy, AdjacencyRule::LandContactOnly,
                                      QStringLiteral("Claimant count"), 5.0));
    QCOMPARE(doc->round().plan(*copy)->balanceIndicator, QStringLiteral("claimant_count"));
    states.append(doc->round());
    QVERIFY(Commands::removeCpa(doc, *north));
    states.append(doc->round());
    QVERIFY(Commands::removePlan(doc, plan(QStringLiteral("Diagonal")).id));
    states.append(doc->round());
    QCOMPARE(stack->count(), states.size() - 1);

    // No-ops push nothing.
    QVERIFY(Commands::renamePlan(doc, *draft, QStringLiteral("Draft 1")));
    QVERIFY(Commands::setPlanSettings(doc, *copy, AdjacencyRule::LandContactOnly,
                                      QStringLiteral("claimant_count"), 5.0));
    QVERIFY(Commands::removeBoundaries(doc));
    QCOMPARE(stack->count(), states.size() - 1);

    for (qsizetype i = states.size() - 1; i > 0; --i) {
        stack->undo();
        QCOMPARE(doc->round(), states.at(i - 1));
    }
    for (qsizetype i = 1; i < states.size(); ++i) {
        stack->redo();
        QCOMPARE(doc->round(), states.at(i));
    }
    // Ids came back on redo, so the last state is what the file holds.
    const Round last = states.last();
    const auto reopened = reopen();
    QVERIFY(reopened);
    QCOMPARE(reopened->round().plans, last.plans);
}

void TestPlans::removeCpaUndoRestoresItsRecords()
{
    RoundDocument *doc = m_document.get();
    const CpaId east = cpaId(QStringLiteral("Two CPAs"), QStringLiteral("East"));
    const CpaId west = cpaId(QStringLiteral("Two CPAs"), QStringLiteral("West"));
    QStringList order;
    for (const PriorityGroup &g : doc->round().priorityGroups)
        order.append(g.key);
    QVERIFY(doc->setPartnerRanking(west, QStringLiteral("DWP"), order));
    QVERIFY(doc->setPartnerRanking(east, QStringLiteral("DWP"), order));
    QStringList reversed(order.crbegin(), order.crend());
    QVERIFY(doc->setPartnerRanking(east, QStringLiteral("North"), reversed));
    QVERIFY(doc->setPriorityDecision(
        east, PriorityDecision{east, order, QStringLiteral("Agreed at the board"), {}}));
    LabourMarketAgreement agreement;
    agreement.headlineIndicators = {QStringLiteral("claimant_count")};
    agreement.narrative = QStringLiteral("High claimant counts in the east.");
    agreement.priorityGroups = {order.first()};
    QVERIFY(doc->setAgreement(east, agreement));
    const Round before = doc->round();
    QCOMPARE(before.rankings.size(), 3);

    QSignalSpy priorities(doc, &RoundDocument::prioritiesChanged);
    QVERIFY(Commands::removeCpa(doc, east));
    QCOMPARE(doc->round().rankings.size(), 1);
    QVERIFY(doc->round().decisions.isEmpty());
    QVERIFY(doc->round().agreements.isEmpty());
    QCOMPARE(priorities.count(), 1);

    doc->undoStack()->undo();
    QCOMPARE(doc->round(), before);
    QCOMPARE(priorities.count(), 2);
    doc->undoStack()->redo();
    QCOMPARE(doc->round().rankings.size(), 1);
    doc->undoStack()->undo();
    QCOMPARE(doc->round(), before);

    // The file holds them again too.
    const auto reopened = reopen();
    QVERIFY(reopened);
    QCOMPARE(reopened->round().plans, before.plans);
    QCOMPARE(reopened->round().rankings.size(), 3);
    QCOMPARE(reopened->round().decisions, before.decisions);
    QCOMPARE(reopened->round().agreements, before.agreements);
}

void TestPlans::strokeIsOneUndoStep()
{
    RoundDocument *doc = m_document.get();
    QUndoStack *stack = doc->undoStack();
    const PlanId diagonal = plan(QStringLiteral("Diagonal")).id;
    const CpaId one = cpaId(QStringLiteral("Diagonal"), QStringLiteral("One"));
    const CpaPlan before = plan(QStringLiteral("Diagonal"));

    // A drag across C, E and B into "One", one authority at a time.
    QVERIFY(Commands::assignAuthorities(doc, diagonal, {"C"}, one, 7));
    QVERIFY(Commands::assignAuthorities(doc, diagonal, {"E"}, one, 7));
    QVERIFY(Commands::assignAuthorities(doc, diagonal, {"B", "C"}, one, 7));
    QCOMPARE(stack->count(), 1);
    const CpaPlan after = plan(QStringLiteral("Diagonal"));
    QCOMPARE(after.cpas.at(0).members, QStringList({"A", "B", "C", "D", "E"}));
    QVERIFY(after.cpas.at(1).members.isEmpty());
    QVERIFY(after.cpas.at(2).members.isEmpty());

    stack->undo();
    QCOMPARE(plan(QStringLiteral("Diagonal")), before);
    stack->redo();
    QCOMPARE(plan(QStringLiteral("Diagonal")), after);
    stack->undo();
    QCOMPARE(plan(QStringLiteral("Diagonal")), before);

    // Another stroke number, or none, is another step; painting what is there pushes nothing.
    QVERIFY(Commands::assignAuthorities(doc, diagonal, {"B"}, one, 8));
    QVERIFY(Commands::assignAuthorities(doc, diagonal, {"C"}, one, 9));
    QVERIFY(Commands::assignAuthorities(doc, diagonal, {"E"}, CpaId()));
    QVERIFY(Commands::assignAuthorities(doc, diagonal, {"E"}, CpaId()));
    QVERIFY(Commands::assignAuthorities(doc, diagonal, {"A"}, one, 9));
    QCOMPARE(stack->count(), 3);
    QCOMPARE(stack->undoText(), QStringLiteral("Take authorities out of their CPA"));
    const Round painted = doc->round();
    const auto reopened = reopen();
    QVERIFY(reopened);
    QCOMPARE(reopened->round().plans, painted.plans);
}

void TestPlans::strokeThatEndsWhereItBeganLeavesNoStep()
{
    RoundDocument *doc = m_document.get();
    const PlanId diagonal = plan(QStringLiteral("Diagonal")).id;
    const CpaPlan before = plan(QStringLiteral("Diagonal"));
    QVERIFY(Commands::assignAuthorities(
        doc, diagonal, {"A"}, cpaId(QStringLiteral("Diagonal"), QStringLiteral("Two")), 3));
    QCOMPARE(doc->undoStack()->count(), 1);
    QVERIFY(Commands::assignAuthorities(
        doc, diagonal, {"A"}, cpaId(QStringLiteral("Diagonal"), QStringLiteral("One")), 3));
    QCOMPARE(doc->undoStack()->count(), 0);
    QCOMPARE(plan(QStringLiteral("Diagonal")), before);
}

void TestPlans::settingsAreCheckedStoredAndMerged()
{
    RoundDocument *doc = m_document.get();
    const PlanId two = plan(QStringLiteral("Two CPAs")).id;
    const CpaPlan before = plan(QStringLiteral("Two CPAs"));
    QVERIFY(Commands::setPlanSettings(doc, two, AdjacencyRule::LegalBoundary,
                                      QStringLiteral("claimant_count"), 100.0));
    QVERIFY(Commands::setPlanSettings(doc, two, AdjacencyRule::LegalBoundary,
                                      QStringLiteral("claimant_count"), 200.0));
    QVERIFY(Commands::setPlanSettings(doc, two, AdjacencyRule::LegalBoundary,
                                      QStringLiteral("claimant_count"), 300.0));
    // Setting the indicator is one step; the minimum size's steps merge into another.
    QCOMPARE(doc->undoStack()->count(), 2);
    QCOMPARE(plan(QStringLiteral("Two CPAs")).minimumSize, std::optional<double>(300.0));
    QVERIFY(Commands::setPlanSettings(doc, two, AdjacencyRule::LandContactOnly,
                                      QStringLiteral("claimant_count"), 300.0));
    QCOMPARE(doc->undoStack()->count(), 3);
    doc->undoStack()->undo();
    QCOMPARE(plan(QStringLiteral("Two CPAs")).rule, AdjacencyRule::LegalBoundary);
    doc->undoStack()->undo();
    QCOMPARE(plan(QStringLiteral("Two CPAs")).minimumSize, std::optional<double>(100.0));
    doc->undoStack()->undo();
    QCOMPARE(plan(QStringLiteral("Two CPAs")), before);
    doc->undoStack()->redo();
    doc->undoStack()->redo();
    doc->undoStack()->redo();
    const CpaPlan after = plan(QStringLiteral("Two CPAs"));
    QCOMPARE(after.rule, AdjacencyRule::LandContactOnly);
    QCOMPARE(after.balanceIndicator, QStringLiteral("claimant_count"));
    const auto reopened = reopen();
    QVERIFY(reopened);
    QCOMPARE(reopened->round().plans.first(), after);
    QVERIFY(reopened->setPlanSettings(after.id, after.rule, QString(), std::nullopt));
    QVERIFY(reopened->round().plans.first().balanceIndicator.isEmpty());
    QVERIFY(!reopened->round().plans.first().minimumSize);
}

void TestPlans::importAssignmentReplacesAPlanKeepingNamedCpas()
{
    RoundDocument *doc = m_document.get();
    const CpaId west = cpaId(QStringLiteral("Two CPAs"), QStringLiteral("West"));
    const CpaId east = cpaId(QStringLiteral("Two CPAs"), QStringLiteral("East"));
    QStringList order;
    for (const PriorityGroup &g : doc->round().priorityGroups)
        order.append(g.key);
    QVERIFY(doc->setPartnerRanking(west, QStringLiteral("DWP"), order));
    QVERIFY(doc->setPartnerRanking(east, QStringLiteral("DWP"), order));
    QVERIFY(doc->setPlanSettings(plan(QStringLiteral("Two CPAs")).id,
                                 AdjacencyRule::LandContactOnly, QString(), 5.0));
    const Round before = doc->round();
    const QString csv =
        writeFile(QStringLiteral("new.csv"),
                  "gss_code,cpa\r\nA,West\r\nB,West\r\nC,South\r\nD,South\r\nE,South\r\n");
    const Result<AssignmentImportSummary> summary =
        Commands::importAssignment(doc, QStringLiteral("two cpas"), csv);
    QVERIFY2(summary, qPrintable(summary.errorMessage()));
    QVERIFY(!summary->newPlan);
    QCOMPARE(summary->planName, QStringLiteral("Two CPAs"));
    QCOMPARE(summary->authorities, 5);
    QCOMPARE(summary->cpas, QStringList({"West", "South"}));
    QCOMPARE(summary->keptCpas, QStringList({"West"}));
    QCOMPARE(summary->removedCpas, QStringList({"East"}));
    QCOMPARE(summary->moved, QStringList({"B", "C", "D", "E"}));

    const CpaPlan &imported = plan(QStringLiteral("Two CPAs"));
    QVERIFY(imported.adopted);
    QCOMPARE(imported.rule, AdjacencyRule::LandContactOnly); // settings stay
    QCOMPARE(imported.minimumSize, std::optional<double>(5.0));
    QCOMPARE(imported.cpas.at(0).id, west);
    QCOMPARE(imported.cpas.at(0).colour, QStringLiteral("#1f6fb4"));
    QCOMPARE(imported.cpas.at(0).members, QStringList({"A", "B"}));
    QCOMPARE(imported.cpas.at(1).members, QStringList({"C", "D", "E"}));
    QCOMPARE(doc->round().rankings.size(), 1); // West's survives, East's went with East
    QCOMPARE(doc->round().rankings.first().cpa, west);
    QCOMPARE(doc->undoStack()->count(), 1);
    const Round after = doc->round();

    doc->undoStack()->undo();
    QCOMPARE(doc->round(), before);
    doc->undoStack()->redo();
    QCOMPARE(doc->round(), after);

    // The same file again changes nothing and pushes nothing.
    const int audited = auditCount();
    QVERIFY(Commands::importAssignment(doc, QStringLiteral("Two CPAs"), csv));
    QCOMPARE(doc->undoStack()->count(), 1);
    QCOMPARE(auditCount(), audited);

    const auto reopened = reopen();
    QVERIFY(reopened);
    QCOMPARE(reopened->round().plans, after.plans);
}

void TestPlans::importAssignmentMakesANewPlan()
{
    m_document.reset();
    QFile::remove(m_path);
    auto created = RoundDocument::create(m_path, *LondonRound::demo(), QStringLiteral("tester"));
    QVERIFY(created);
    m_document = std::move(*created);
    RoundDocument *doc = m_document.get();
    const Round before = doc->round();
    const QString csv = TestSupport::dataDir() + QStringLiteral("/cpa/assignment/partnerships.csv");
    const Result<AssignmentImportSummary> summary =
        Commands::importAssignment(doc, QStringLiteral("From the file"), csv);
    QVERIFY2(summary, qPrintable(summary.errorMessage()));
    QVERIFY(summary->newPlan);
    QCOMPARE(summary->authorities, 33);
    QCOMPARE(summary->cpas.size(), 4);
    const CpaPlan made = *doc->round().plan(summary->plan);
    QCOMPARE(made.name, QStringLiteral("From the file"));
    QVERIFY(!made.adopted);
    QCOMPARE(doc->round().plans.size(), before.plans.size() + 1);
    QCOMPARE(doc->auditEntries()->last().action, QStringLiteral("import_assignment"));
    QVERIFY(doc->auditEntries()->last().after.contains(QStringLiteral("partnerships.csv")));

    doc->undoStack()->undo();
    QCOMPARE(doc->round(), before);
    doc->undoStack()->redo();
    QCOMPARE(*doc->round().plan(summary->plan), made);
}

void TestPlans::importAssignmentRefusesBadFiles_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("expected");
    QTest::newRow("unknown code") << "unknown_code.csv"
                                  << "is not an authority of this round";
    QTest::newRow("duplicate code") << "duplicate_code.csv"
                                    << "already assigned on line";
    QTest::newRow("missing authorities") << "missing_authorities.csv"
                                         << "have no CPA";
    QTest::newRow("no header") << "no_header.csv"
                               << "header";
    QTest::newRow("missing file") << "no_such_file.csv"
                                  << "Cannot open";
}

void TestPlans::importAssignmentRefusesBadFiles()
{
    QFETCH(QString, file);
    QFETCH(QString, expected);
    m_document.reset();
    QFile::remove(m_path);
    auto created = RoundDocument::create(m_path, *LondonRound::demo(), QStringLiteral("tester"));
    QVERIFY(created);
    m_document = std::move(*created);
    const Round before = m_document->round();
    const int audited = auditCount();
    const QString path = TestSupport::dataDir() + QStringLiteral("/cpa/assignment/") + file;
    for (const QString &planName :
         {QStringLiteral("Sub-regional partnerships"), QStringLiteral("New")}) {
        const auto summary = Commands::importAssignment(m_document.get(), planName, path);
        QVERIFY(!summary);
        QVERIFY2(summary.errorMessage().contains(file), qPrintable(summary.errorMessage()));
        QVERIFY2(summary.errorMessage().contains(expected), qPrintable(summary.errorMessage()));
    }
    QCOMPARE(m_document->round(), before);
    QCOMPARE(auditCount(), audited);
    QCOMPARE(m_document->undoStack()->count(), 0);
}

void TestPlans::importBoundariesStoresTheFileAndIsUndoable()
{
    RoundDocument *doc = m_document.get();
    QSignalSpy boundaries(doc, &RoundDocument::boundariesChanged);
    const QString path = geojson(QStringLiteral("squares_2x2.geojson"));
    const Result<BoundaryImportSummary> summary = Commands::importBoundaries(doc, path);
    QVERIFY2(summary, qPrintable(summary.errorMessage()));
    QCOMPARE(summary->areas, 4);
    QCOMPARE(summary->codeProperty, QStringLiteral("LAD23CD"));
    QCOMPARE(summary->missingCodes, QStringList({"E"}));
    QVERIFY(summary->notes.first().contains(QStringLiteral("Area E (E)")));
    QVERIFY(summary->notes.first().contains(QStringLiteral("no neighbours")));
    QCOMPARE(summary->sha256, QString::fromLatin1(TestSupport::fileHash(path)));
    QCOMPARE(boundaries.count(), 1);

    const BoundaryFile stored = doc->round().boundaries;
    QCOMPARE(stored.fileName, QStringLiteral("squares_2x2.geojson"));
    QCOMPARE(stored.codeProperty, QStringLiteral("LAD23CD"));
    QCOMPARE(stored.sha256, summary->sha256);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(stored.geoJson, file.readAll());
    QVERIFY(stored.importedAt.isValid());
    QCOMPARE(doc->auditEntries()->last().action, QStringLiteral("import_boundaries"));

    doc->undoStack()->undo();
    QVERIFY(doc->round().boundaries.isEmpty());
    doc->undoStack()->redo();
    QCOMPARE(doc->round().boundaries, stored);
    QVERIFY(Commands::removeBoundaries(doc));
    QVERIFY(doc->round().boundaries.isEmpty());
    doc->undoStack()->undo();
    QCOMPARE(doc->round().boundaries, stored);
    QCOMPARE(boundaries.count(), 5);

    const auto reopened = reopen();
    QVERIFY(reopened);
    QCOMPARE(reopened->round().boundaries.geoJson, stored.geoJson);
    QCOMPARE(reopened->round().boundaries.sha256, stored.sha256);
    QCOMPARE(reopened->round().boundaries.codeProperty, stored.codeProperty);
    QVERIFY(reopened->removeBoundaries());
    QVERIFY(reopened->round().boundaries.isEmpty());
}

void TestPlans::importBoundariesRefusesUnknownCodesAndBadFiles_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("property");
    QTest::addColumn<QString>("expected");
    QTest::newRow("unknown code") << "squares_unknown_code.geojson" << QString() << "Z9";
    QTest::newRow("not JSON") << "not_json.geojson" << QString() << "not_json.geojson";
    QTest::newRow("self-intersecting")
        << "self_intersecting.geojson" << QString() << "self_intersecting.geojson";
    QTest::newRow("no such property") << "squares_2x2.geojson"
                                      << "OBJECTID"
                                      << "OBJECTID";
    QTest::newRow("missing file") << "no_such.geojson" << QString() << "Cannot open";
}

void TestPlans::importBoundariesRefusesUnknownCodesAndBadFiles()
{
    QFETCH(QString, file);
    QFETCH(QString, property);
    QFETCH(QString, expected);
    const Round before = m_document->round();
    const int audited = auditCount();
    const auto summary = Commands::importBoundaries(m_document.get(), geojson(file), property);
    QVERIFY(!summary);
    QVERIFY2(summary.errorMessage().contains(expected), qPrintable(summary.errorMessage()));
    QVERIFY2(summary.errorMessage().contains(file), qPrintable(summary.errorMessage()));
    QCOMPARE(m_document->round(), before);
    QCOMPARE(auditCount(), audited);
    QCOMPARE(m_document->undoStack()->count(), 0);
}

void TestPlans::checkRoundPlanUsesImportedBoundaries()
{
    RoundDocument *doc = m_document.get();
    // The built-in London adjacency knows none of A to E: every CPA of two falls apart.
    QCOMPARE(adjacencySource(doc->round()), AdjacencySource::LondonReference);
    Result<PlanCheck> check = checkRoundPlan(doc->round(), plan(QStringLiteral("Two CPAs")));
    QVERIFY(check);
    QCOMPARE(check->cpas.at(0).components, 2);

    QVERIFY(Commands::importBoundaries(doc, geojson(QStringLiteral("squares_2x2.geojson"))));
    QCOMPARE(adjacencySource(doc->round()), AdjacencySource::ImportedBoundaries);
    QVERIFY(adjacencySourcePhrase(doc->round()).contains(QStringLiteral("squares_2x2.geojson")));
    const Result<Adjacency> adjacency = roundAdjacency(doc->round());
    QVERIFY(adjacency);
    QVERIFY(adjacency->areNeighbours(QStringLiteral("A"), QStringLiteral("C"),
                                     AdjacencyRule::LegalBoundary));
    QVERIFY(!adjacency->areNeighbours(QStringLiteral("A"), QStringLiteral("D"),
                                      AdjacencyRule::LegalBoundary));

    check = checkRoundPlan(doc->round(), plan(QStringLiteral("Two CPAs")));
    QVERIFY(check);
    QVERIFY(check->cpas.at(0).isContiguous()); // West: A and C share an edge
    QCOMPARE(check->cpas.at(1).components, 2); // East: B-D, and E without an area
    QVERIFY(!check->ok());

    check = checkRoundPlan(doc->round(), plan(QStringLiteral("Diagonal")));
    QVERIFY(check);
    QCOMPARE(check->cpas.at(0).components, 2); // A and D meet at a corner only
    QCOMPARE(check->cpas.at(1).components, 2);
    QVERIFY(check->cpas.at(2).isContiguous()); // E alone

    // The same parse serves again (the cache), and gives the same answer after a reopen.
    const auto first = roundBoundaries(doc->round());
    const auto second = roundBoundaries(doc->round());
    QVERIFY(first && second && *first);
    QCOMPARE(first->get(), second->get());
    const auto reopened = reopen();
    QVERIFY(reopened);
    const Result<PlanCheck> again =
        checkRoundPlan(reopened->round(), reopened->round().plans.first());
    QVERIFY(again);
    QVERIFY(again->cpas.at(0).isContiguous());
}

void TestPlans::checkOptionsComeFromThePlan()
{
    RoundDocument *doc = m_document.get();
    const PlanId two = plan(QStringLiteral("Two CPAs")).id;
    QVERIFY(doc->setPlanSettings(two, AdjacencyRule::LandContactOnly,
                                 QStringLiteral("claimant_count"), 450.0));
    const Result<PlanCheckOptions> options =
        checkOptionsFor(doc->round(), plan(QStringLiteral("Two CPAs")));
    QVERIFY2(options, qPrintable(options.errorMessage()));
    QCOMPARE(options->rule, AdjacencyRule::LandContactOnly);
    QCOMPARE(options->indicatorName, QStringLiteral("Claimant count (2024-05)"));
    QCOMPARE(options->values.value(QStringLiteral("D")), 400.0); // the latest date's figure
    QCOMPARE(options->minimumSize, std::optional<double>(450.0));

    const Result<PlanCheck> check = checkRoundPlan(doc->round(), plan(QStringLiteral("Two CPAs")));
    QVERIFY(check);
    QCOMPARE(check->rule, AdjacencyRule::LandContactOnly);
    QCOMPARE(check->cpas.at(0).total, std::optional<double>(400.0)); // West: A + C
    QVERIFY(check->cpas.at(0).belowMinimum);
    QCOMPARE(check->cpas.at(1).total, std::optional<double>(650.0)); // East: B + D + E
    QVERIFY(!check->cpas.at(1).belowMinimum);

    // A plan without settings is checked on adjacency alone.
    const Result<PlanCheckOptions> plain =
        checkOptionsFor(doc->round(), plan(QStringLiteral("Diagonal")));
    QVERIFY(plain);
    QVERIFY(plain->values.isEmpty());
    QVERIFY(!plain->minimumSize);

    const Result<BalanceValues> ratio = balanceValues(doc->round(), QStringLiteral("r1"));
    QVERIFY(!ratio);
    QVERIFY(ratio.errorMessage().contains(QStringLiteral("ratio")));
}

void TestPlans::addPlanWithContentsIsOneUndoStep()
{
    RoundDocument *doc = m_document.get();
    QUndoStack *stack = doc->undoStack();
    const Round before = doc->round();

    CpaPlan suggested;
    suggested.id = PlanId(999); // ignored, as are the CPA ids and adoption
    suggested.adopted = true;
    suggested.name = QStringLiteral("Suggested: 2 CPAs (5.0%)");
    suggested.cpas = {
        {CpaId(998), QStringLiteral("CPA 1"), QStringLiteral("#1F6FB4"), {"A", "B"}},
        {CpaId(), QStringLiteral("CPA 2"), QStringLiteral("#c0392b"), {"C", "D", "E"}}};
    suggested.rule = AdjacencyRule::LandContactOnly;
    suggested.balanceIndicator = QStringLiteral("claimant_count");
    suggested.minimumSize = 250.0;

    const Result<PlanId> added = Commands::addPlanWithContents(doc, suggested);
    QVERIFY2(added, qPrintable(added.errorMessage()));
    QCOMPARE(stack->count(), 1);
    QCOMPARE(stack->undoText(), QStringLiteral("Add CPA plan \"Suggested: 2 CPAs (5.0%)\""));
    const Round after = doc->round();
    QCOMPARE(after.plans.size(), before.plans.size() + 1);
    const CpaPlan &stored = after.plans.last();
    QCOMPARE(stored.id, *added);
    QVERIFY(stored.id != PlanId(999));
    QVERIFY(!stored.adopted);
    QCOMPARE(after.adoptedPlan()->name, QStringLiteral("Two CPAs"));
    QCOMPARE(stored.name, suggested.name);
    QCOMPARE(stored.cpas.size(), 2);
    QCOMPARE(stored.cpas.at(0).name, QStringLiteral("CPA 1"));
    QCOMPARE(stored.cpas.at(0).colour, QStringLiteral("#1f6fb4"));
    QCOMPARE(stored.cpas.at(0).members, QStringList({"A", "B"}));
    QCOMPARE(stored.cpas.at(1).members, QStringList({"C", "D", "E"}));
    QVERIFY(stored.cpas.at(0).id.isValid() && stored.cpas.at(0).id != CpaId(998));
    QCOMPARE(stored.rule, AdjacencyRule::LandContactOnly);
    QCOMPARE(stored.balanceIndicator, QStringLiteral("claimant_count"));
    QCOMPARE(stored.minimumSize, std::optional<double>(250.0));

    // Undo takes the whole plan away; redo brings it back with the same ids.
    stack->undo();
    QCOMPARE(doc->round(), before);
    stack->redo();
    QCOMPARE(doc->round(), after);
    stack->undo();
    QCOMPARE(doc->round(), before);
    stack->redo();
    const auto reopened = reopen();
    QVERIFY(reopened);
    QCOMPARE(reopened->round().plans, after.plans);
}

void TestPlans::addPlanWithContentsRefusesAndChangesNothing_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("colour");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");

    QTest::newRow("name taken") << "diagonal"
                                << "#123456"
                                << "A"
                                << "already has a CPA plan";
    QTest::newRow("unknown code") << "New"
                                  << "#123456"
                                  << "Z9"
                                  << "Z9";
    QTest::newRow("bad colour") << "New"
                                << "blue"
                                << "A"
                                << "#rrggbb";
}

void TestPlans::addPlanWithContentsRefusesAndChangesNothing()
{
    QFETCH(QString, name);
    QFETCH(QString, colour);
    QFETCH(QString, code);
    QFETCH(QString, message);

    RoundDocument *doc = m_document.get();
    const Round before = doc->round();
    CpaPlan plan;
    plan.name = name;
    plan.cpas = {{CpaId(), QStringLiteral("Only"), colour, {code}}};
    const Result<PlanId> added = Commands::addPlanWithContents(doc, plan);
    QVERIFY(!added);
    QVERIFY2(added.errorMessage().contains(message), qPrintable(added.errorMessage()));
    QCOMPARE(doc->undoStack()->count(), 0);
    QCOMPARE(doc->round(), before);
}

QTEST_GUILESS_MAIN(TestPlans)
#include "tst_plans.moc"
