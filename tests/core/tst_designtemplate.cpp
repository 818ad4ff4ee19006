#include "core/design/designtemplate.h"

#include "core/design/designcheck.h"
#include "core/round/londonround.h"
#include "core/round/round.h"

#include <QTest>

#include <algorithm>

using namespace CoCommission;

/**
 * The templates a round's own design starts from: the source papers' six standards, seed 003's
 * eligibility criteria and referral routes, all accepted by checkDesign(), and the demo design
 * built from the very same texts.
 */
class TestDesignTemplate : public QObject
{
    Q_OBJECT

private slots:
    void standardsAreThePapersSix_data();
    void standardsAreThePapersSix();
    void eligibilityFollowsSeed003();
    void referralRoutesNameKnownSources();
    void designTemplateHoldsNoPaymentModel();
    void designTemplatePassesTheCheck();
    void demoDesignUsesTheTemplates();
};

void TestDesignTemplate::standardsAreThePapersSix_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<double>("target");
    QTest::addColumn<QString>("unit");
    QTest::addColumn<int>("direction");

    QTest::newRow("first contact within 5 working days")
        << "first_contact" << 5.0 << "working days" << int(StandardDirection::AtMost);
    QTest::newRow("face to face every 2 weeks")
        << "contact_frequency" << 2.0 << "weeks" << int(StandardDirection::AtMost);
    QTest::newRow("a named key worker")
        << "key_worker" << 1.0 << "" << int(StandardDirection::Required);
    QTest::newRow("caseload at most 50")
        << "caseload" << 50.0 << "participants" << int(StandardDirection::AtMost);
    QTest::newRow("action plan within 4 weeks")
        << "action_plan" << 4.0 << "weeks" << int(StandardDirection::AtMost);
    QTest::newRow("in-work support 6 months")
        << "in_work_support" << 6.0 << "months" << int(StandardDirection::AtLeast);
}

void TestDesignTemplate::standardsAreThePapersSix()
{
    QFETCH(QString, key);
    QFETCH(double, target);
    QFETCH(QString, unit);
    QFETCH(int, direction);

    const QList<ServiceStandard> standards = standardTemplates();
    QCOMPARE(standards.size(), 6);
    const auto it = std::find_if(standards.cbegin(), standards.cend(),
                                 [&](const ServiceStandard &s) { return s.key == key; });
    QVERIFY2(it != standards.cend(), qPrintable(key));
    QCOMPARE(it->target, target);
    QCOMPARE(it->unit, unit);
    QCOMPARE(int(it->direction), direction);
    QVERIFY(!it->name.isEmpty());
    QVERIFY(!it->description.isEmpty());
}

void TestDesignTemplate::eligibilityFollowsSeed003()
{
    const QList<EligibilityRule> rules = eligibilityTemplates();
    QCOMPARE(rules.size(), 5);
    // One rule per criterion of seed 003 (lines 19-24), in its order.
    const QList<std::pair<QString, QString>> expected = {
        {"benefit", "three of the past four years"},
        {"household", "history of worklessness"},
        {"household", "youngest child is three or over"},
        {"age", "18 to 24"},
        {"disadvantage", "benefit cap"},
    };
    for (qsizetype i = 0; i < rules.size(); ++i) {
        QCOMPARE(rules[i].category, expected[i].first);
        QVERIFY2(rules[i].text.contains(expected[i].second), qPrintable(rules[i].text));
    }
}

void TestDesignTemplate::referralRoutesNameKnownSources()
{
    const QList<ReferralRoute> routes = referralTemplates();
    QCOMPARE(routes.size(), 3);
    QCOMPARE(routes.first().source, QStringLiteral("jobcentre_plus")); // most referrals
    for (const ReferralRoute &r : routes) {
        QVERIFY(nameOfKey(referralSources(), r.source) != r.source);
        QVERIFY(!r.description.isEmpty());
    }
}

void TestDesignTemplate::designTemplateHoldsNoPaymentModel()
{
    const ServiceDesign d = designTemplate();
    QCOMPARE(d.standards, standardTemplates());
    QCOMPARE(d.eligibility, eligibilityTemplates());
    QCOMPARE(d.referralRoutes, referralTemplates());
    QVERIFY(d.conditions.isEmpty());
    QVERIFY(d.paymentGroups.isEmpty());
    QVERIFY(d.volumes.isEmpty());
    QVERIFY(d.scenarios.isEmpty());
    QVERIFY(d.contributions.isEmpty());
    QVERIFY(!d.illustrative);
}

void TestDesignTemplate::designTemplatePassesTheCheck()
{
    const Result<Round> round = LondonRound::blank(QStringLiteral("Template"));
    QVERIFY(round.ok());
    const Status status = checkDesign(*round, designTemplate());
    QVERIFY2(status.ok(), qPrintable(status.errorMessage()));
}

void TestDesignTemplate::demoDesignUsesTheTemplates()
{
    const Result<Round> demo = LondonRound::demo();
    QVERIFY2(demo.ok(), qPrintable(demo.errorMessage()));
    QCOMPARE(demo->design.standards, standardTemplates());
    QCOMPARE(demo->design.eligibility, eligibilityTemplates());
    QCOMPARE(demo->design.referralRoutes, referralTemplates());
}

QTEST_GUILESS_MAIN(TestDesignTemplate)
#include "tst_designtemplate.moc"
