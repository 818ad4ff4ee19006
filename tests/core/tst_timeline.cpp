#include "core/round/supply.h"
#include "core/supply/timeline.h"

#include <QTest>

using namespace CoCommission;

/**
 * The timeline checks (checkTimelineRule(), checkTimeline()): the default rules and how they
 * read, what is measured (first start of one kind to last end of another), rules met, unmet and
 * unmeasurable for want of a milestone, and the span a Gantt chart draws.
 */
class TestTimeline : public QObject
{
    Q_OBJECT

private slots:
    void defaults();
    void durations_data();
    void durations();
    void rules_data();
    void rules();
    void explanations();
    void checkTimelineFollowsTheRules();
    void span();
};

Q_DECLARE_METATYPE(CoCommission::TimelineRule)
Q_DECLARE_METATYPE(QList<CoCommission::Milestone>)

namespace {

Milestone day(MilestoneKind kind, QDate date)
{
    return Milestone{kind, {}, date, date};
}

Milestone period(MilestoneKind kind, QDate start, QDate end)
{
    return Milestone{kind, {}, start, end};
}

} // namespace

void TestTimeline::defaults()
{
    const QList<TimelineRule> rules = defaultTimelineRules();
    QCOMPARE(rules.size(), 4);
    QCOMPARE(rules[0], (TimelineRule{MilestoneKind::SupplyChainFormation,
                                     MilestoneKind::SupplyChainFormation, 56}));
    QCOMPARE(rules[1], (TimelineRule{MilestoneKind::TenderNotice, MilestoneKind::BidDeadline, 30}));
    QCOMPARE(rules[2], (TimelineRule{MilestoneKind::Standstill, MilestoneKind::Standstill, 10}));
    QCOMPARE(rules[3], (TimelineRule{MilestoneKind::PriorInformationNotice,
                                     MilestoneKind::TenderNotice, 35}));

    QCOMPARE(timelineRuleDescription(rules[0]),
             QStringLiteral("Supply-chain formation lasts at least 8 weeks"));
    QCOMPARE(timelineRuleDescription(rules[1]),
             QStringLiteral("At least 30 days from the tender notice to the bid deadline"));
    QCOMPARE(timelineRuleDescription(rules[2]),
             QStringLiteral("Standstill lasts at least 10 days"));
    QCOMPARE(timelineRuleDescription(rules[3]),
             QStringLiteral("At least 5 weeks from the prior information notice to the tender "
                            "notice"));
    // The struct's own default is the first rule.
    QCOMPARE(TimelineRule{}, rules[0]);
}

void TestTimeline::durations_data()
{
    QTest::addColumn<int>("days");
    QTest::addColumn<QString>("text");
    QTest::newRow("none") << 0 << "0 days";
    QTest::newRow("one day") << 1 << "1 day";
    QTest::newRow("one week") << 7 << "1 week";
    QTest::newRow("eight weeks") << 56 << "8 weeks";
    QTest::newRow("thirty days") << 30 << "30 days";
    QTest::newRow("ten days") << 10 << "10 days";
}

void TestTimeline::durations()
{
    QFETCH(int, days);
    QFETCH(QString, text);
    QCOMPARE(durationText(days), text);
}

void TestTimeline::rules_data()
{
    QTest::addColumn<QList<Milestone>>("milestones");
    QTest::addColumn<TimelineRule>("rule");
    QTest::addColumn<int>("days"); ///< -1: not measured
    QTest::addColumn<bool>("met");

    const TimelineRule formation{MilestoneKind::SupplyChainFormation,
                                 MilestoneKind::SupplyChainFormation, 56};
    const TimelineRule tender{MilestoneKind::TenderNotice, MilestoneKind::BidDeadline, 30};
    const TimelineRule standstill{MilestoneKind::Standstill, MilestoneKind::Standstill, 10};
    const QDate jan1(2027, 1, 1);

    QTest::newRow("formation exactly 8 weeks")
        << QList<Milestone>{period(MilestoneKind::SupplyChainFormation, jan1, jan1.addDays(56))}
        << formation << 56 << true;
    QTest::newRow("formation a day short")
        << QList<Milestone>{period(MilestoneKind::SupplyChainFormation, jan1, jan1.addDays(55))}
        << formation << 55 << false;
    QTest::newRow("formation in two periods: first start to last end")
        << QList<Milestone>{period(MilestoneKind::SupplyChainFormation, jan1.addDays(20),
                                   jan1.addDays(60)),
                            period(MilestoneKind::SupplyChainFormation, jan1, jan1.addDays(10))}
        << formation << 60 << true;
    QTest::newRow("tender 30 days")
        << QList<Milestone>{day(MilestoneKind::TenderNotice, jan1),
                            day(MilestoneKind::BidDeadline, jan1.addDays(30))}
        << tender << 30 << true;
    QTest::newRow("tender 29 days")
        << QList<Milestone>{day(MilestoneKind::TenderNotice, jan1),
                            day(MilestoneKind::BidDeadline, jan1.addDays(29))}
        << tender << 29 << false;
    QTest::newRow("deadline extended: the last one counts")
        << QList<Milestone>{day(MilestoneKind::TenderNotice, jan1),
                            day(MilestoneKind::BidDeadline, jan1.addDays(29)),
                            day(MilestoneKind::BidDeadline, jan1.addDays(40))}
        << tender << 40 << true;
    QTest::newRow("other kinds do not count")
        << QList<Milestone>{day(MilestoneKind::PriorInformationNotice, jan1.addDays(-100)),
                            day(MilestoneKind::TenderNotice, jan1),
                            day(MilestoneKind::BidDeadline, jan1.addDays(31)),
                            day(MilestoneKind::GoLive, jan1.addDays(300))}
        << tender << 31 << true;
    QTest::newRow("no tender notice")
        << QList<Milestone>{day(MilestoneKind::BidDeadline, jan1)} << tender << -1 << false;
    QTest::newRow("no bid deadline")
        << QList<Milestone>{day(MilestoneKind::TenderNotice, jan1)} << tender << -1 << false;
    QTest::newRow("no milestones") << QList<Milestone>{} << standstill << -1 << false;
    QTest::newRow("invalid dates are left out")
        << QList<Milestone>{period(MilestoneKind::Standstill, QDate(), QDate())} << standstill << -1
        << false;
    QTest::newRow("zero minimum on a single day")
        << QList<Milestone>{day(MilestoneKind::Standstill, jan1)}
        << TimelineRule{MilestoneKind::Standstill, MilestoneKind::Standstill, 0} << 0 << true;
}

void TestTimeline::rules()
{
    QFETCH(QList<Milestone>, milestones);
    QFETCH(TimelineRule, rule);
    QFETCH(int, days);
    QFETCH(bool, met);

    const TimelineCheck check = checkTimelineRule(milestones, rule);
    QCOMPARE(check.rule, rule);
    QCOMPARE(check.description, timelineRuleDescription(rule));
    QCOMPARE(check.days.has_value(), days >= 0);
    if (days >= 0)
        QCOMPARE(*check.days, days);
    QCOMPARE(check.met, met);
    QVERIFY(!check.explanation.isEmpty());
    QVERIFY(
        check.explanation.startsWith(met ? QStringLiteral("Met: ") : QStringLiteral("Not met: ")));
}

void TestTimeline::explanations()
{
    const TimelineRule formation = defaultTimelineRules().at(0);
    const TimelineRule tender = defaultTimelineRules().at(1);
    const QDate start(2027, 3, 1);

    TimelineCheck c = checkTimelineRule(
        {period(MilestoneKind::SupplyChainFormation, start, start.addDays(63))}, formation);
    QCOMPARE(c.explanation,
             QStringLiteral("Met: Supply-chain formation lasts 63 days (9 weeks), from 1 March "
                            "2027 to 3 May 2027; the rule asks for at least 8 weeks."));
    QCOMPARE(c.start, start);
    QCOMPARE(c.end, QDate(2027, 5, 3));

    c = checkTimelineRule({period(MilestoneKind::SupplyChainFormation, start, start.addDays(40))},
                          formation);
    QCOMPARE(c.explanation,
             QStringLiteral("Not met: Supply-chain formation lasts 40 days, from 1 March 2027 to "
                            "10 April 2027; the rule asks for at least 8 weeks, 16 days more."));

    c = checkTimelineRule({day(MilestoneKind::TenderNotice, start),
                           day(MilestoneKind::BidDeadline, start.addDays(29))},
                          tender);
    QCOMPARE(c.explanation,
             QStringLiteral("Not met: 29 days from the tender notice (1 March 2027) to the bid "
                            "deadline (30 March 2027); the rule asks for at least 30 days, 1 day "
                            "more."));

    QCOMPARE(checkTimelineRule({}, tender).explanation,
             QStringLiteral("Not met: the timeline has no tender notice and no bid deadline."));
    QCOMPARE(checkTimelineRule({day(MilestoneKind::TenderNotice, start)}, tender).explanation,
             QStringLiteral("Not met: the timeline has no bid deadline."));
    QCOMPARE(checkTimelineRule({}, formation).explanation,
             QStringLiteral("Not met: the timeline has no supply-chain formation."));
}

void TestTimeline::checkTimelineFollowsTheRules()
{
    SupplyMarket s;
    s.milestones = {day(MilestoneKind::TenderNotice, QDate(2027, 3, 1)),
                    day(MilestoneKind::BidDeadline, QDate(2027, 4, 5))};
    s.rules = defaultTimelineRules();
    const QList<TimelineCheck> checks = checkTimeline(s);
    QCOMPARE(checks.size(), 4);
    QCOMPARE(checks[1].rule, s.rules[1]);
    QCOMPARE(checks[1].days, std::optional<int>(35));
    QVERIFY(checks[1].met);
    QVERIFY(!checks[0].met && !checks[2].met && !checks[3].met);
    QVERIFY(checkTimeline(SupplyMarket{}).isEmpty());
}

void TestTimeline::span()
{
    QVERIFY(!timelineSpan({}).isValid());
    QCOMPARE(timelineSpan({}).days(), 0);
    const TimelineSpan s = timelineSpan({
        day(MilestoneKind::TenderNotice, QDate(2027, 3, 1)),
        period(MilestoneKind::SupplyChainFormation, QDate(2027, 1, 10), QDate(2027, 3, 20)),
        day(MilestoneKind::PriorInformationNotice, QDate(2027, 1, 4)),
        period(MilestoneKind::Standstill, QDate(2027, 6, 1), QDate(2027, 6, 11)),
        period(MilestoneKind::GoLive, QDate(), QDate()),
    });
    QVERIFY(s.isValid());
    QCOMPARE(s.start, QDate(2027, 1, 4));
    QCOMPARE(s.end, QDate(2027, 6, 11));
    QCOMPARE(s.days(), int(QDate(2027, 1, 4).daysTo(QDate(2027, 6, 11))));
}

QTEST_GUILESS_MAIN(TestTimeline)
#include "tst_timeline.moc"
