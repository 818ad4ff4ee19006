#include "core/needs/indicators.h"
#include "core/round/londonround.h"

#include <QTest>

using namespace CoCommission;

class TestIndicators : public QObject
{
    Q_OBJECT

private slots:
    void listsMeasuresAndRatios();
    void groupsSumTheirAuthorities();
    void ratiosAreRecomputedFromSummedParts();
    void aGroupWithAMissingMemberHasNoValue();
    void anyPlanCanBeUsed();
    void timeSeries();
    void ratesAreNotSummedOverGroups();
    void rateWordsAreRecognised_data();
    void rateWordsAreRecognised();

private:
    static Round tinyRound();
};

// Three authorities, two partnerships; counts and populations chosen so that the mean of the
// members' rates (25%) differs from the rate of the summed parts (20%).
Round TestIndicators::tinyRound()
{
    Round round;
    round.authorities = {{QStringLiteral("A"), QStringLiteral("Alpha")},
                         {QStringLiteral("B"), QStringLiteral("Beta")},
                         {QStringLiteral("C"), QStringLiteral("Gamma")}};
    round.partnerships = {{PartnershipId(1), QStringLiteral("North"), {}, {"A", "B"}},
                          {PartnershipId(2), QStringLiteral("South"), {}, {"C"}}};
    CpaPlan plan;
    plan.name = QStringLiteral("All in one");
    plan.adopted = true;
    plan.cpas = {
        {CpaId(1), QStringLiteral("Everything"), QStringLiteral("#000000"), {"A", "B", "C"}}};
    round.plans = {plan};
    NeedsDataset d;
    d.name = QStringLiteral("Test");
    d.measures = {{QStringLiteral("count"), QStringLiteral("Count"), {}},
                  {QStringLiteral("pop"), QStringLiteral("Population"), {}}};
    const auto add = [&](const char *code, const char *date, double count, double pop) {
        d.observations.append(
            {QLatin1String(code), QStringLiteral("count"), QLatin1String(date), count});
        d.observations.append(
            {QLatin1String(code), QStringLiteral("pop"), QLatin1String(date), pop});
    };
    add("A", "2024-01", 10, 100); // 10%
    add("B", "2024-01", 40, 100); // 40% -> mean of A and B 25%, rate of the sum 50/200 = 25%
    add("C", "2024-01", 30, 300); // 10%
    add("A", "2024-02", 10, 50);  // 20%
    add("B", "2024-02", 30, 200); // 15% -> mean 17.5%, rate of the sum 40/250 = 16%
    add("C", "2024-02", 5, 100);
    round.datasets = {d};
    round.ratios = {
        {1, QStringLiteral("Rate"), QStringLiteral("count"), QStringLiteral("pop"), 100}};
    return round;
}

void TestIndicators::listsMeasuresAndRatios()
{
    const Indicators indicators(tinyRound());
    QCOMPARE(indicators.all().size(), 3);
    QCOMPARE(indicators.all().at(2).id, QStringLiteral("r1"));
    QCOMPARE(indicators.all().at(2).kind, IndicatorInfo::Kind::Ratio);
    QCOMPARE(indicators.all().at(2).numerator, QStringLiteral("count"));
    QCOMPARE(indicators.all().at(2).denominator, QStringLiteral("pop"));
    QCOMPARE(indicators.all().at(2).scale, 100.0);
    QCOMPARE(indicators.all().at(0).scale, 1.0);
    QCOMPARE(indicators.find(QStringLiteral("rate"))->id, QStringLiteral("r1")); // by name
    QCOMPARE(indicators.find(QStringLiteral("count"))->name, QStringLiteral("Count"));
    QCOMPARE(indicators.find(QStringLiteral("nothing")), nullptr);
    QCOMPARE(indicators.find(QStringLiteral("r1"))->dates,
             (QStringList{QStringLiteral("2024-01"), QStringLiteral("2024-02")}));
}

void TestIndicators::groupsSumTheirAuthorities()
{
    const Indicators indicators(tinyRound());
    const auto partnerships = indicators.values(QStringLiteral("count"), Grouping::Partnership,
                                                QStringLiteral("2024-01"));
    QCOMPARE(partnerships.size(), 2);
    QCOMPARE(partnerships.at(0).code, QStringLiteral("North"));
    QCOMPARE(partnerships.at(0).value, 50.0);
    QCOMPARE(partnerships.at(1).value, 30.0);
    const auto cpas =
        indicators.values(QStringLiteral("count"), Grouping::Cpa, QStringLiteral("2024-01"));
    QCOMPARE(cpas.size(), 1);
    QCOMPARE(cpas.first().value, 80.0);
    const auto authorities =
        indicators.values(QStringLiteral("count"), Grouping::Authority, QStringLiteral("2024-01"));
    QCOMPARE(authorities.size(), 3);
    QCOMPARE(authorities.at(1).name, QStringLiteral("Beta"));
    QCOMPARE(authorities.at(1).value, 40.0);
}

void TestIndicators::ratiosAreRecomputedFromSummedParts()
{
    const Indicators indicators(tinyRound());
    const QString feb = QStringLiteral("2024-02");
    QCOMPARE(indicators.value(QStringLiteral("r1"), {QStringLiteral("A")}, feb), 20.0);
    QCOMPARE(indicators.value(QStringLiteral("r1"), {QStringLiteral("B")}, feb), 15.0);
    // 40 / 250, not the mean of 20% and 15%.
    QCOMPARE(
        indicators.value(QStringLiteral("r1"), {QStringLiteral("A"), QStringLiteral("B")}, feb),
        16.0);
}

void TestIndicators::aGroupWithAMissingMemberHasNoValue()
{
    Round round = tinyRound();
    round.datasets.first().observations.removeIf([](const Observation &o) {
        return o.gssCode == QLatin1String("B") && o.date == QLatin1String("2024-02") &&
               o.measure == QLatin1String("count");
    });
    const Indicators indicators(round);
    const QString feb = QStringLiteral("2024-02");
    QCOMPARE(
        indicators.value(QStringLiteral("count"), {QStringLiteral("A"), QStringLiteral("B")}, feb),
        std::nullopt);
    QCOMPARE(
        indicators.value(QStringLiteral("r1"), {QStringLiteral("A"), QStringLiteral("B")}, feb),
        std::nullopt);
    QCOMPARE(indicators.value(QStringLiteral("count"), {QStringLiteral("A")}, feb), 10.0);
    QCOMPARE(
        indicators.value(QStringLiteral("count"), {QStringLiteral("A")}, QStringLiteral("2030")),
        std::nullopt);
}

void TestIndicators::anyPlanCanBeUsed()
{
    Round round = tinyRound();
    CpaPlan split;
    split.name = QStringLiteral("Split");
    split.cpas = {{CpaId(2), QStringLiteral("West"), QStringLiteral("#111111"), {"A"}},
                  {CpaId(3), QStringLiteral("East"), QStringLiteral("#222222"), {"B", "C"}}};
    round.plans.append(split);
    const Indicators indicators(round);
    const auto values = indicators.values(QStringLiteral("r1"), Grouping::Cpa,
                                          QStringLiteral("2024-01"), &round.plans.last());
    QCOMPARE(values.size(), 2);
    QCOMPARE(values.at(1).code, QStringLiteral("East"));
    QCOMPARE(values.at(1).value, 70.0 / 400.0 * 100.0);
}

void TestIndicators::timeSeries()
{
    const Indicators indicators(tinyRound());
    const auto series =
        indicators.series(QStringLiteral("r1"), {QStringLiteral("A"), QStringLiteral("B")});
    QCOMPARE(series.size(), 2);
    QCOMPARE(series.at(0).first, QStringLiteral("2024-01"));
    QCOMPARE(series.at(0).second, 25.0);
    QCOMPARE(series.at(1).second, 16.0);
}

void TestIndicators::ratesAreNotSummedOverGroups()
{
    Round round = tinyRound();
    NeedsDataset &d = round.datasets.first();
    d.dimensions = {QStringLiteral("MEASURES")};
    d.measures.append({QStringLiteral("share"),
                       QStringLiteral("Claimants as a proportion of residents aged 16-64"),
                       {QStringLiteral("Claimants as a proportion of residents aged 16-64")}});
    d.observations.append({QStringLiteral("A"), QStringLiteral("share"), "2024-01", 3.5});
    d.observations.append({QStringLiteral("B"), QStringLiteral("share"), "2024-01", 4.5});
    const Indicators indicators(round);
    const IndicatorInfo *share = indicators.find(QStringLiteral("share"));
    QVERIFY(share->rate);
    QVERIFY(!share->isCount());
    QVERIFY(indicators.find(QStringLiteral("count"))->isCount());
    QVERIFY(!indicators.find(QStringLiteral("r1"))->isCount());
    // One authority: its own figure. A group: none, never 8 (a sum) or 4 (a mean).
    QCOMPARE(indicators.value(QStringLiteral("share"), {"A"}, "2024-01"), std::optional(3.5));
    QCOMPARE(indicators.value(QStringLiteral("share"), {"A", "B"}, "2024-01"), std::nullopt);
    const QList<IndicatorValue> byPartnership =
        indicators.values(QStringLiteral("share"), Grouping::Partnership, "2024-01");
    QCOMPARE(byPartnership.first().value, std::nullopt);
}

void TestIndicators::rateWordsAreRecognised_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("rate");
    QTest::addColumn<bool>("percentage");
    QTest::newRow("count") << "Claimant count" << false << false;
    QTest::newRow("value") << "Value" << false << false;
    QTest::newRow("percent") << "Percent" << true << true;
    QTest::newRow("% sign") << "% aged 16-64 economically inactive" << true << true;
    QTest::newRow("rate") << "Employment rate - aged 16-64" << true << false;
    QTest::newRow("proportion") << "Claimants as a proportion of residents" << true << false;
    QTest::newRow("median") << "Median" << true << false;
    QTest::newRow("confidence") << "Confidence" << true << false;
    QTest::newRow("not a word") << "Separate households" << false << false;
    QTest::newRow("means-tested") << "Means-tested benefits" << false << false;
}

void TestIndicators::rateWordsAreRecognised()
{
    QFETCH(QString, value);
    QFETCH(bool, rate);
    QFETCH(bool, percentage);
    const auto [isRate, isPercentage] =
        Indicators::rateAndPercentage({QStringLiteral("People"), value});
    QCOMPARE(isRate, rate);
    QCOMPARE(isPercentage, percentage);
}

QTEST_GUILESS_MAIN(TestIndicators)
#include "tst_indicators.moc"
