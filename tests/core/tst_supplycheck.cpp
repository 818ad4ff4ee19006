#include "core/round/londonround.h"
#include "core/round/round.h"
#include "core/supply/supplycheck.h"
#include "core/supply/timeline.h"

#include <QTest>

using namespace CoCommission;

Q_DECLARE_METATYPE(CoCommission::SupplyMarket)

/**
 * The rules a supply market keeps before it is stored (checkSupply()): one row per rule, each
 * refused market naming the provider, milestone or rule and the field in its message.
 */
class TestSupplyCheck : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void goodMarketPasses();
    void emptyMarketPasses();
    void refused_data();
    void refused();
    void milestoneOrderNamesBoth();
    void manyEngagementEventsAreFine();
    void demoSupplyPasses();
    void labels();

private:
    /** Two providers, a timeline in order, the default rules. */
    static SupplyMarket good();

    Round m_round;
};

void TestSupplyCheck::initTestCase()
{
    Result<Round> blank = LondonRound::blank("Supply check");
    QVERIFY2(blank, qPrintable(blank.errorMessage()));
    m_round = *blank;
}

SupplyMarket TestSupplyCheck::good()
{
    SupplyMarket s;
    s.providers = {
        Provider{"Hope Housing",
                 ProviderSector::VoluntaryCommunity,
                 true,
                 {"homelessness"},
                 {"E09000007", "E09000019"},
                 "info@hope.example"},
        Provider{"MindWorks",
                 ProviderSector::Private,
                 false,
                 {"mental_health", "disability"},
                 {"E09000033"},
                 {}},
    };
    s.milestones = {
        Milestone{MilestoneKind::PriorInformationNotice, {}, QDate(2027, 1, 4), QDate(2027, 1, 4)},
        Milestone{MilestoneKind::EngagementEvent, "Camden", QDate(2027, 1, 20), QDate(2027, 1, 20)},
        Milestone{MilestoneKind::SupplyChainFormation, {}, QDate(2027, 1, 21), QDate(2027, 3, 18)},
        Milestone{MilestoneKind::TenderNotice, {}, QDate(2027, 3, 1), QDate(2027, 3, 1)},
        Milestone{MilestoneKind::BidDeadline, {}, QDate(2027, 4, 5), QDate(2027, 4, 5)},
    };
    s.rules = defaultTimelineRules();
    return s;
}

void TestSupplyCheck::goodMarketPasses()
{
    const Status s = checkSupply(m_round, good());
    QVERIFY2(s, qPrintable(s.errorMessage()));
}

void TestSupplyCheck::emptyMarketPasses()
{
    QVERIFY(checkSupply(m_round, SupplyMarket{}));
}

void TestSupplyCheck::refused_data()
{
    QTest::addColumn<SupplyMarket>("supply");
    QTest::addColumn<QStringList>("expected");

    const auto withProvider = [](int i, auto change) {
        SupplyMarket s = good();
        change(s.providers[i]);
        return s;
    };
    const auto withMilestone = [](int i, auto change) {
        SupplyMarket s = good();
        change(s.milestones[i]);
        return s;
    };
    const auto withRule = [](int i, auto change) {
        SupplyMarket s = good();
        change(s.rules[i]);
        return s;
    };

    QTest::newRow("empty name") << withProvider(1, [](Provider &p) { p.name = "  "; })
                                << QStringList{"Provider 2", "field name", "empty"};
    QTest::newRow("untrimmed name")
        << withProvider(1, [](Provider &p) { p.name = "MindWorks "; })
        << QStringList{"Provider 2 (\u201cMindWorks \u201d)", "field name", "spaces"};
    QTest::newRow("same name in another case")
        << withProvider(1, [](Provider &p) { p.name = "HOPE housing"; })
        << QStringList{"Provider 2 (\u201cHOPE housing\u201d)", "field name", "provider 1",
                       "\u201cHope Housing\u201d", "case"};
    QTest::newRow("unknown specialism")
        << withProvider(0, [](Provider &p) { p.specialisms << "knitting"; })
        << QStringList{"Provider 1 (\u201cHope Housing\u201d)", "field specialisms",
                       "\u201cknitting\u201d is not a known specialism"};
    QTest::newRow("specialism twice")
        << withProvider(0, [](Provider &p) { p.specialisms << "homelessness"; })
        << QStringList{"field specialisms", "listed twice"};
    QTest::newRow("unknown area") << withProvider(0, [](Provider &p) { p.areas << "S12000036"; })
                                  << QStringList{"Provider 1", "field areas",
                                                 "\u201cS12000036\u201d",
                                                 "not the GSS code of an authority"};
    QTest::newRow("area twice") << withProvider(0, [](Provider &p) { p.areas << "E09000007"; })
                                << QStringList{"field areas", "Camden (E09000007)", "twice"};
    QTest::newRow("no start date")
        << withMilestone(3, [](Milestone &m) { m.start = QDate(); })
        << QStringList{"Milestone 4 (the tender notice)", "field start", "not a date"};
    QTest::newRow("invalid end date")
        << withMilestone(2, [](Milestone &m) { m.end = QDate(2027, 2, 30); })
        << QStringList{"Milestone 3 (the supply-chain formation)", "field end"};
    QTest::newRow("ends before it starts")
        << withMilestone(2, [](Milestone &m) { m.end = QDate(2027, 1, 1); })
        << QStringList{"Milestone 3", "field end",
                       "ends (1 January 2027) before it starts "
                       "(21 January 2027)"};
    QTest::newRow("named milestone before an earlier kind")
        << withMilestone(1, [](Milestone &m) { m.start = m.end = QDate(2027, 1, 2); })
        << QStringList{"The market engagement event \u201cCamden\u201d (2 January 2027) comes "
                       "before the prior information notice (4 January 2027)."};
    QTest::newRow("minimum below 0") << withRule(0, [](TimelineRule &r) { r.minimumDays = -1; })
                                     << QStringList{"Timeline rule 1 (Supply-chain formation to "
                                                    "Supply-chain formation)",
                                                    "field minimum days", "-1", "0 to 3650"};
    QTest::newRow("minimum above ten years")
        << withRule(2, [](TimelineRule &r) { r.minimumDays = 3651; })
        << QStringList{"Timeline rule 3", "3651"};
    QTest::newRow("rule backwards") << withRule(1, [](TimelineRule &r) {
        r.from = MilestoneKind::BidDeadline;
        r.to = MilestoneKind::TenderNotice;
    }) << QStringList{"Timeline rule 2 (Bid deadline to Tender notice)", "field to", "backwards"};
}

void TestSupplyCheck::refused()
{
    QFETCH(SupplyMarket, supply);
    QFETCH(QStringList, expected);
    const Status s = checkSupply(m_round, supply);
    QVERIFY(!s);
    for (const QString &part : expected)
        QVERIFY2(s.errorMessage().contains(part), qPrintable(s.errorMessage()));
}

void TestSupplyCheck::milestoneOrderNamesBoth()
{
    SupplyMarket s = good();
    s.milestones = {
        Milestone{MilestoneKind::TenderNotice, {}, QDate(2027, 4, 1), QDate(2027, 4, 1)},
        Milestone{MilestoneKind::BidDeadline, {}, QDate(2027, 3, 3), QDate(2027, 3, 3)},
    };
    QCOMPARE(checkSupply(m_round, s).errorMessage(),
             QStringLiteral("The bid deadline (3 March 2027) comes before the tender notice "
                            "(1 April 2027)."));

    // Starting on the same day is not before; a later kind may end before an earlier one ends.
    s.milestones[1].start = s.milestones[1].end = QDate(2027, 4, 1);
    QVERIFY(checkSupply(m_round, s));
    s.milestones[0].end = QDate(2027, 4, 30);
    QVERIFY(checkSupply(m_round, s));
}

void TestSupplyCheck::manyEngagementEventsAreFine()
{
    // A second event before the first, and a third once supply-chain formation has begun:
    // only the first event must come before the later kinds.
    SupplyMarket s = good();
    s.milestones.insert(2, Milestone{MilestoneKind::EngagementEvent, "Croydon", QDate(2027, 1, 10),
                                     QDate(2027, 1, 10)});
    s.milestones << Milestone{MilestoneKind::EngagementEvent, "Workshop", QDate(2027, 2, 3),
                              QDate(2027, 2, 3)};
    const Status status = checkSupply(m_round, s);
    QVERIFY2(status, qPrintable(status.errorMessage()));

    // But the first of a later kind may not start before the first of an earlier one.
    s.milestones[2].start = s.milestones[2].end = QDate(2027, 1, 1);
    QCOMPARE(
        checkSupply(m_round, s).errorMessage(),
        QStringLiteral("The market engagement event \u201cCroydon\u201d (1 January 2027) comes "
                       "before the prior information notice (4 January 2027)."));
}

void TestSupplyCheck::demoSupplyPasses()
{
    Result<Round> demo = LondonRound::demo();
    QVERIFY2(demo, qPrintable(demo.errorMessage()));
    const Status s = checkSupply(*demo, demo->supply);
    QVERIFY2(s, qPrintable(s.errorMessage()));
}

void TestSupplyCheck::labels()
{
    QCOMPARE(milestoneLabel(Milestone{MilestoneKind::GoLive, {}, {}, {}}),
             QStringLiteral("the go-live"));
    QCOMPARE(milestoneLabel(Milestone{MilestoneKind::EngagementEvent, " Camden ", {}, {}}),
             QStringLiteral("the market engagement event \u201cCamden\u201d"));
    QCOMPARE(longDate(QDate(2027, 3, 3)), QStringLiteral("3 March 2027"));
}

QTEST_GUILESS_MAIN(TestSupplyCheck)
#include "tst_supplycheck.moc"
