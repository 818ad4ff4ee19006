#include "core/round/londonround.h"
#include "core/round/rounddocument.h"
#include "core/round/stagerules.h"
#include "core/store/verifier.h"
#include "tests/support/testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace CoCommission;
using TestSupport::runCli;

class TestPriorities : public QObject
{
    Q_OBJECT

private slots:
    void init();

    void newRoundsCarryTheCatalogue();
    void partnersAreDwpAndThePartnershipsOfTheCpa();
    void rankingsAreCheckedAndStored();
    void pointsAndMethodAreStored();
    void decisionsCompleteStageTwoAndFreeze();
    void commandLineRanksAndDecides();
    void tiesMustBeResolvedByThePartners();

private:
    QStringList keys() const;
    void signStageOne();
    QTemporaryDir m_dir;
    std::unique_ptr<RoundDocument> m_document;
    int m_count = 0;
};

void TestPriorities::init()
{
    auto document =
        RoundDocument::create(m_dir.filePath(QStringLiteral("p%1.cocom").arg(++m_count)),
                              *LondonRound::demo(), QStringLiteral("tester"));
    QVERIFY2(document, qPrintable(document.errorMessage()));
    m_document = std::move(*document);
}

QStringList TestPriorities::keys() const
{
    QStringList result;
    for (const PriorityGroup &g : m_document->round().priorityGroups)
        result.append(g.key);
    return result;
}

void TestPriorities::signStageOne()
{
    QVERIFY(m_document->setStageStatus(StageId::Needs, StageStatus::ReadyForSignOff));
    for (SignOffParty party :
         StageRules::requiredParties(m_document->round().model, StageId::Needs))
        QVERIFY(m_document->signOff(StageId::Needs, party, "N", "R", "Agreed"));
}

void TestPriorities::newRoundsCarryTheCatalogue()
{
    const QStringList k = keys();
    QCOMPARE(k.size(), 10);
    QVERIFY(k.contains("esa_wrag"));
    QVERIFY(k.contains("lone_parents"));
    QVERIFY(k.contains("young_never_worked"));
    const QString path = m_document->filePath();
    const Round round = m_document->round();
    m_document.reset();
    QCOMPARE((*RoundDocument::open(path))->round().priorityGroups, round.priorityGroups);
}

void TestPriorities::partnersAreDwpAndThePartnershipsOfTheCpa()
{
    const Cpa &clf = m_document->round().adoptedPlan()->cpas.first();
    QCOMPARE(m_document->round().priorityPartners(clf),
             (QStringList{"DWP", "Central London Forward"}));
}

void TestPriorities::rankingsAreCheckedAndStored()
{
    const Cpa clf = m_document->round().adoptedPlan()->cpas.first();
    QStringList order = keys();
    QVERIFY(!m_document->setPartnerRanking(clf.id, "Local London", order)); // not its CPA
    QVERIFY(!m_document->setPartnerRanking(clf.id, "DWP", order.mid(1)));   // a group missing
    QStringList twice = order;
    twice[1] = twice[0];
    QVERIFY(!m_document->setPartnerRanking(clf.id, "DWP", twice));
    QVERIFY(!m_document->setPartnerRanking(CpaId(9999), "DWP", order));
    QVERIFY(m_document->round().rankings.isEmpty());

    QVERIFY(m_document->setPartnerRanking(clf.id, "DWP", order));
    std::reverse(order.begin(), order.end());
    QVERIFY(m_document->setPartnerRanking(clf.id, "DWP", order));
    QCOMPARE(m_document->round().rankings.size(), 1);
    QCOMPARE(m_document->round().rankings.first().order, order);
    QVERIFY(m_document->setPartnerRanking(clf.id, "DWP", std::nullopt));
    QVERIFY(m_document->round().rankings.isEmpty());
}

void TestPriorities::pointsAndMethodAreStored()
{
    const Cpa clf = m_document->round().adoptedPlan()->cpas.first();
    const QStringList order = keys();
    QList<double> points;
    for (qsizetype i = 0; i < order.size(); ++i)
        points.append(double(order.size() - i) * 1.5);
    QVERIFY(!m_document->setPartnerRanking(clf.id, "DWP", order, points.mid(1))); // one short
    QList<double> negative = points;
    negative[3] = -1;
    QVERIFY(!m_document->setPartnerRanking(clf.id, "DWP", order, negative));
    QVERIFY(m_document->round().rankings.isEmpty());
    QVERIFY(m_document->setPartnerRanking(clf.id, "DWP", order, points));
    QCOMPARE(m_document->round().rankings.first().points, points);
    QCOMPARE(m_document->round().priorityMethod, RankingMethod::Borda);
    QVERIFY(m_document->setPriorityMethod(RankingMethod::PointsSum));

    const QString path = m_document->filePath();
    m_document.reset();
    auto reopened = RoundDocument::open(path);
    QVERIFY2(reopened, qPrintable(reopened.errorMessage()));
    m_document = std::move(*reopened);
    QCOMPARE(m_document->round().rankings.first().points, points);
    QCOMPARE(m_document->round().priorityMethod, RankingMethod::PointsSum);
    // The command line states the method the round uses.
    const auto shown = runCli({"priorities", path, "--cpa", "Central London Forward", "--json"});
    QCOMPARE(shown.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(shown.out.toUtf8())["cpas"][0]["method"].toString(),
             QString("points"));

    signStageOne();
    for (const Cpa &cpa : m_document->round().adoptedPlan()->cpas)
        QVERIFY(
            m_document->setPriorityDecision(cpa.id, PriorityDecision{{}, keys(), "Agreed", {}}));
    QVERIFY(m_document->setStageStatus(StageId::Priorities, StageStatus::ReadyForSignOff));
    QVERIFY(!m_document->setPriorityMethod(RankingMethod::Borda));
    QCOMPARE(m_document->round().priorityMethod, RankingMethod::PointsSum);
}

void TestPriorities::decisionsCompleteStageTwoAndFreeze()
{
    signStageOne();
    const auto requirement = [&] {
        return StageRules::requirements(m_document->round(), StageId::Priorities).at(2);
    };
    QVERIFY(!requirement().met);
    QVERIFY(!m_document->setPriorityDecision(m_document->round().adoptedPlan()->cpas.first().id,
                                             PriorityDecision{{}, keys(), "  ", {}}));
    for (const Cpa &cpa : m_document->round().adoptedPlan()->cpas)
        QVERIFY(m_document->setPriorityDecision(
            cpa.id, PriorityDecision{{}, keys(), "Agreed at the board", {}}));
    QVERIFY(requirement().met);
    QVERIFY(m_document->setPriorityPlaces({"E09000002", "E09000025"}));
    QVERIFY(!m_document->setPriorityPlaces({"E09000099"}));

    QVERIFY(m_document->setStageStatus(StageId::Priorities, StageStatus::ReadyForSignOff));
    const CpaId first = m_document->round().adoptedPlan()->cpas.first().id;
    const Status frozen = m_document->setPartnerRanking(first, "DWP", keys());
    QVERIFY(!frozen);
    QVERIFY(frozen.errorMessage().contains("ready for sign-off"));
    QVERIFY(!m_document->setPriorityPlaces({}));
    for (SignOffParty party :
         StageRules::requiredParties(m_document->round().model, StageId::Priorities))
        QVERIFY(m_document->signOff(StageId::Priorities, party, "N", "R", "Agreed"));
    QVERIFY(m_document->whyPrioritiesFrozen().contains("signed off"));

    // The signed snapshot holds the decisions, and the file verifies.
    const SignOff &last = m_document->round().signOffs.constLast();
    const auto archived = m_document->snapshotRound(last.snapshot);
    QVERIFY(archived);
    QCOMPARE(archived->decisions.size(), 4);
    QCOMPARE(archived->priorityPlaces, (QStringList{"E09000002", "E09000025"}));
    QVERIFY(verifyRoundFile(m_document->filePath())->passed());
}

void TestPriorities::commandLineRanksAndDecides()
{
    const QString path = m_document->filePath();
    m_document.reset();
    const QStringList dwp{
        "esa_wrag",           "jsa_12_months",     "health_condition",       "lone_parents",
        "young_never_worked", "workless_families", "multiple_disadvantages", "care_leavers",
        "ex_offenders",       "homelessness"};
    QStringList clf = dwp;
    std::swap(clf[0], clf[2]); // CLF puts health first
    auto rank = [&](const char *partner, const QStringList &order) {
        return runCli(QStringList{"priorities", "rank", path, "--cpa", "Central London Forward",
                                  "--partner", partner} +
                      order);
    };
    QCOMPARE(rank("DWP", dwp).exitCode, 0);
    QCOMPARE(rank("Central London Forward", clf).exitCode, 0);
    const auto wrong = rank("Local London", dwp);
    QCOMPARE(wrong.exitCode, 2);
    QVERIFY(wrong.err.contains("not a partner"));

    const auto shown = runCli({"priorities", path, "--cpa", "Central London Forward", "--json"});
    QCOMPARE(shown.exitCode, 0);
    const QJsonObject cpa = QJsonDocument::fromJson(shown.out.toUtf8())
                                .object()
                                .value("cpas")
                                .toArray()
                                .first()
                                .toObject();
    QCOMPARE(cpa.value("method").toString(), QStringLiteral("borda"));
    const QJsonArray ranking = cpa.value("ranking").toArray();
    QCOMPARE(ranking.size(), 10);
    // esa: 9 + 7 = 16, health: 7 + 9 = 16 -> tied first; jsa: 8 + 8 = 16 as well.
    QCOMPARE(ranking.at(0)["score"].toDouble(), 16.0);
    QVERIFY(ranking.at(0)["tied"].toBool());
    QVERIFY(cpa.value("ties").toBool());
    QCOMPARE(ranking.at(0)["ranks"].toObject().size(), 2);
    QCOMPARE(cpa.value("agreement").toArray().size(), 1);
    const double tau = cpa.value("agreement").toArray().first()["tau"].toDouble();
    QVERIFY(tau > 0.5 && tau < 1.0);
    QCOMPARE(cpa.value("decision").isNull(), true);

    const auto decided =
        runCli(QStringList{"priorities", "decide", path, "--cpa", "Central London Forward",
                           "--rationale", "Health first, as the needs assessment shows"} +
               clf);
    QVERIFY2(decided.exitCode == 0, qPrintable(decided.err));
    const auto after = runCli({"priorities", path, "--json"});
    const QJsonArray cpas =
        QJsonDocument::fromJson(after.out.toUtf8()).object().value("cpas").toArray();
    QCOMPARE(cpas.size(), 4);
    QCOMPARE(cpas.first()["decision"]["order"].toArray().first().toString(),
             QStringLiteral("health_condition"));
    QCOMPARE(runCli({"verify", path}).exitCode, 0);
}

void TestPriorities::tiesMustBeResolvedByThePartners()
{
    const QString path = m_document->filePath();
    m_document.reset();
    const QStringList a{
        "esa_wrag",           "jsa_12_months",     "health_condition",       "lone_parents",
        "young_never_worked", "workless_families", "multiple_disadvantages", "care_leavers",
        "ex_offenders",       "homelessness"};
    QStringList b = a;
    std::swap(b[0], b[1]);
    QCOMPARE(runCli(QStringList{"priorities", "rank", path, "--cpa", "Local London", "--partner",
                                "DWP"} +
                    a)
                 .exitCode,
             0);
    QCOMPARE(runCli(QStringList{"priorities", "rank", path, "--cpa", "Local London", "--partner",
                                "Local London"} +
                    b)
                 .exitCode,
             0);
    const auto refused =
        runCli({"priorities", "decide", path, "--cpa", "Local London", "--rationale", "As ranked"});
    QCOMPARE(refused.exitCode, 2);
    QVERIFY(refused.err.contains("ties"));
    const auto text = runCli({"priorities", path, "--cpa", "Local London"});
    QVERIFY(text.out.contains("tied"));
}

QTEST_GUILESS_MAIN(TestPriorities)
#include "tst_priorities.moc"
