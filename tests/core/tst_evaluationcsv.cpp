#include "core/evaluation/tenderevaluation.h"
#include "core/io/evaluationcsv.h"
#include "core/round/londonround.h"
#include "tests/support/testsupport.h"

#include <QFile>
#include <QTest>
#include <QTimeZone>

using namespace CoCommission;

/**
 * Reading the evaluation CSV files (EvaluationCsv): what a good set of files makes, every kind
 * of bad input named by file, line and field, and the rules that keep the round's own records
 * (panel, declarations, locked scores and criteria). No project file is involved.
 */
class TestEvaluationCsv : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void readsTheSmallFiles();
    void handComputedTotals_data();
    void handComputedTotals();
    void tiesAreKept();
    void scaleForSpreadsTheDescriptors();
    void lenientWhereASpreadsheetDiffers();
    void badInputIsRefused_data();
    void badInputIsRefused();
    void atMostTwentyProblemsAreListed();
    void conflictedAssessorIsRefused();
    void panelAndDeclarationsAreKept();
    void declarationsAboutAbsentBidders();
    void knownBidKeepsItsSupplyChain();
    void knownCriterionKeepsItsDescriptors();
    void keptScoresMustStillFit();
    void criteriaLockOnceBidsAreOpened();
    void moderationLocksIndividualScores();
    void consensusIsRefusedOnceTheAwardIsSigned();

private:
    static QString small(const QString &name)
    {
        return TestSupport::dataDir() + QStringLiteral("/evaluation/small/") + name;
    }
    static QByteArray bytes(const QString &path)
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            qFatal("cannot read %s", qPrintable(path));
        return file.readAll();
    }
    /** The small files, scores optional, with \a which replaced by \a content. */
    Result<EvaluationCsv::Import> parseSmall(const Round &round, const QString &which = {},
                                             const QByteArray &content = {},
                                             bool withScores = true) const;
    Round importedRound(const QString &scores = QStringLiteral("scores.csv")) const;
    CpaId lot(const QString &name) const;

    Round m_demo;
    const QDateTime m_now = QDateTime(QDate(2025, 3, 14), QTime(10, 30), QTimeZone::utc());
};

void TestEvaluationCsv::initTestCase()
{
    Result<Round> demo = LondonRound::demo();
    QVERIFY2(demo, qPrintable(demo.errorMessage()));
    m_demo = *demo;
    m_demo.tender = Tender(); // whatever the demo's own tender holds, these tests start empty
}

Result<EvaluationCsv::Import> TestEvaluationCsv::parseSmall(const Round &round,
                                                            const QString &which,
                                                            const QByteArray &content,
                                                            bool withScores) const
{
    const auto source = [&](const QString &name) {
        return EvaluationCsv::Source{name, name == which ? content : bytes(small(name))};
    };
    std::optional<EvaluationCsv::Source> scores;
    if (withScores || which == QLatin1String("scores.csv"))
        scores = source(QStringLiteral("scores.csv"));
    return EvaluationCsv::parse(round, source(QStringLiteral("criteria.csv")),
                                source(QStringLiteral("bids.csv")), scores, {m_now});
}

Round TestEvaluationCsv::importedRound(const QString &scores) const
{
    Round round = m_demo;
    const auto import =
        EvaluationCsv::read(round, small(QStringLiteral("criteria.csv")),
                            small(QStringLiteral("bids.csv")), small(scores), {m_now});
    if (!import)
        qFatal("%s", qPrintable(import.errorMessage()));
    round.tender = import->tender;
    return round;
}

CpaId TestEvaluationCsv::lot(const QString &name) const
{
    for (const Cpa &cpa : m_demo.adoptedPlan()->cpas) {
        if (cpa.name == name)
            return cpa.id;
    }
    qFatal("no lot %s", qPrintable(name));
}

void TestEvaluationCsv::readsTheSmallFiles()
{
    const auto import = EvaluationCsv::read(m_demo, small(QStringLiteral("criteria.csv")),
                                            small(QStringLiteral("bids.csv")),
                                            small(QStringLiteral("scores.csv")), {m_now});
    QVERIFY2(import, qPrintable(import.errorMessage()));
    const Tender &t = import->tender;

    QCOMPARE(import->criteria, 6);
    QCOMPARE(t.criteria.size(), 6);
    QCOMPARE(t.criteria[0].type, CriterionType::Group);
    QCOMPARE(t.criteria[1].type, CriterionType::Quality);
    QCOMPARE(t.criteria[1].parentId, QStringLiteral("approach"));
    QCOMPARE(t.criteria[1].scale, ScoringScale::zeroToFive());
    QCOMPARE(t.criteria[2].scale, ScoringScale::zeroToTen());
    QCOMPARE(t.criteria[3].type, CriterionType::PassFail);
    QCOMPARE(t.criteria[3].weightPercent, 0.0);
    QCOMPARE(t.criteria[4].type, CriterionType::SocialValue);
    QCOMPARE(t.criteria[5].type, CriterionType::Price);
    QVERIFY(CriteriaTree::fromList(t.criteria).ok());

    QCOMPARE(import->bids, 4);
    QCOMPARE(import->lots, 2);
    QCOMPARE(t.bids[1].lot, lot(QStringLiteral("Central London Forward"))); // any case
    QCOMPARE(t.bids[2].price, 1200000.0);                                   // "£1,200,000"
    QCOMPARE(t.bids[3].lot, lot(QStringLiteral("Local London")));

    QVERIFY(import->scoresRead);
    QCOMPARE(import->scores, 4);
    QCOMPARE(import->consensus, 16);
    QCOMPARE(t.scores.size(), 4);
    QCOMPARE(t.scores[0].comment, QStringLiteral("Sound model, thin on caseloads"));
    QCOMPARE(t.scores[0].scoredAt, m_now);
    QCOMPARE(t.consensus.size(), 16);
    const ModeratedScore *agreed = t.moderated(QStringLiteral("B1"), QStringLiteral("delivery"));
    QVERIFY(agreed);
    QCOMPARE(agreed->score, 3.0);
    QCOMPARE(agreed->rationale, QStringLiteral("Caseload plan unconvincing"));

    QCOMPARE(import->addedAssessors, QStringList({"Jane Smith", "Omar Patel"}));
    QCOMPARE(t.panel.size(), 2);
    QCOMPARE(t.panel[0], (Assessor{"Jane Smith", QString(), QString()}));
    QCOMPARE(import->declarationsAdded, 4);
    const ConflictDeclaration *declared =
        t.conflict(QStringLiteral("Omar Patel"), QStringLiteral("Bright Futures"));
    QVERIFY(declared);
    QVERIFY(!declared->conflicted);
    QCOMPARE(declared->note, QStringLiteral("Declared no conflict on the score sheet scores.csv"));
    QCOMPARE(declared->declaredAt, m_now);

    // Individual scores open the bids; consensus rows open moderation.
    QVERIFY(import->bidsOpened);
    QVERIFY(import->moderationOpened);
    QCOMPARE(t.bidsOpenedAt, m_now);
    QCOMPARE(t.moderationOpenedAt, m_now);
    QVERIFY(!t.illustrative);

    // Without a scores file nothing is opened.
    const auto plain = parseSmall(m_demo, {}, {}, false);
    QVERIFY2(plain, qPrintable(plain.errorMessage()));
    QVERIFY(!plain->scoresRead);
    QVERIFY(!plain->tender.bidsOpened());
    QVERIFY(plain->tender.scores.isEmpty());
}

void TestEvaluationCsv::handComputedTotals_data()
{
    // Effective marks: delivery 30 (0-5), local 30 (0-10), social value 10 (0-5), price 30;
    // insurance is pass/fail. Central London Forward: B1 £800k, B2 £1m, B3 £1.2m; Local London:
    // B4 alone. Quality and social value marks:
    //   B1 18 + 18 = 36, 6    B2 30 + 24 = 54, 8    B3 24 + 27 = 51, 10    B4 12 + 15 = 27, 4
    // Lowest ratio: price marks 30, 24, 20 (B4 30). Linear: 30, 15, 0 (B4 alone: 30).
    // Each expected bid: "id total quality social price rank" (rank 0: eliminated).
    QTest::addColumn<QString>("scores");
    QTest::addColumn<QString>("formula");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<QString>("winner");
    QTest::addColumn<double>("margin");
    QTest::newRow("lowest ratio") << "scores.csv"
                                  << "lowest-ratio"
                                  << QStringList{"B2 86 54 8 24 1", "B3 81 51 10 20 2",
                                                 "B1 72 36 6 30 3", "B4 61 27 4 30 1"}
                                  << "B2" << 5.0;
    QTest::newRow("linear") << "scores.csv"
                            << "linear"
                            << QStringList{"B2 77 54 8 15 1", "B1 72 36 6 30 2", "B3 61 51 10 0 3",
                                           "B4 61 27 4 30 1"}
                            << "B2" << 5.0;
    // B3 fails the insurance gate: prices are scored between B1 and B2 only.
    QTest::newRow("eliminated, lowest ratio")
        << "scores_fail.csv"
        << "lowest-ratio"
        << QStringList{"B2 86 54 8 24 1", "B1 72 36 6 30 2", "B3 0 51 10 0 0", "B4 61 27 4 30 1"}
        << "B2" << 14.0;
    QTest::newRow("eliminated, linear")
        << "scores_fail.csv"
        << "linear"
        << QStringList{"B1 72 36 6 30 1", "B2 62 54 8 0 2", "B3 0 51 10 0 0", "B4 61 27 4 30 1"}
        << "B1" << 10.0;
}

void TestEvaluationCsv::handComputedTotals()
{
    QFETCH(QString, scores);
    QFETCH(QString, formula);
    QFETCH(QStringList, expected);
    QFETCH(QString, winner);
    QFETCH(double, margin);
    const Round round = importedRound(scores);
    const Result<Evaluation> evaluation = evaluateTender(round, priceFormulaFromKey(formula));
    QVERIFY2(evaluation, qPrintable(evaluation.errorMessage()));
    QCOMPARE(evaluation->lots.size(), 2);
    const LotResult *central = evaluation->lot(QStringLiteral("Central London Forward"));
    QVERIFY(central);
    QCOMPARE(central->winner, std::optional<QString>(winner));
    QVERIFY(central->winningMargin);
    QCOMPARE(*central->winningMargin, margin);
    for (const QString &line : expected) {
        const QStringList f = line.split(u' ');
        const BidResult *b = nullptr;
        for (const LotResult &lot : evaluation->lots) {
            if (!b)
                b = lot.bid(f[0]);
        }
        QVERIFY2(b, qPrintable(f[0]));
        QCOMPARE(qRound64(b->total * 100), qRound64(f[1].toDouble() * 100));
        QCOMPARE(qRound64(b->quality * 100), qRound64(f[2].toDouble() * 100));
        QCOMPARE(qRound64(b->socialValue * 100), qRound64(f[3].toDouble() * 100));
        QCOMPARE(qRound64(b->priceMarks * 100), qRound64(f[4].toDouble() * 100));
        QCOMPARE(b->rank, f[5].toInt());
        QCOMPARE(b->eliminated, f[5] == QLatin1String("0"));
    }
    // Ranked bids first, best first, then the eliminated.
    QCOMPARE(central->bids.first().bidId, expected.first().section(u' ', 0, 0));
}

void TestEvaluationCsv::tiesAreKept()
{
    // B1 revised to delivery 5 and social value 4: 30 + 18 + 8 + 30 = 86, level with B2.
    const Round round = importedRound(QStringLiteral("scores_tie.csv"));
    const Result<Evaluation> evaluation = evaluateTender(round);
    QVERIFY2(evaluation, qPrintable(evaluation.errorMessage()));
    const LotResult *central = evaluation->lot(QStringLiteral("Central London Forward"));
    QVERIFY(central->tiedForFirst);
    QVERIFY(!central->winner);
    QCOMPARE(central->bid(QStringLiteral("B1"))->rank, 1);
    QCOMPARE(central->bid(QStringLiteral("B2"))->rank, 1);
    QVERIFY(central->bid(QStringLiteral("B2"))->tied);
    QCOMPARE(central->bid(QStringLiteral("B3"))->rank, 3);
}

void TestEvaluationCsv::scaleForSpreadsTheDescriptors()
{
    const QStringList six = ScoringScale::sixLevelDescriptors();
    QCOMPARE(EvaluationCsv::scaleFor(5), ScoringScale::zeroToFive());
    QCOMPARE(EvaluationCsv::scaleFor(10), ScoringScale::zeroToTen());
    const ScoringScale four = EvaluationCsv::scaleFor(4);
    QCOMPARE(four.maxScore, 4);
    QCOMPARE(four.descriptors, QStringList({six[0], six[2], six[3], six[4], six[5]}));
    const ScoringScale one = EvaluationCsv::scaleFor(1);
    QCOMPARE(one.descriptors, QStringList({six[0], six[5]}));
    const ScoringScale twenty = EvaluationCsv::scaleFor(20);
    QCOMPARE(twenty.descriptors.size(), 21);
    QCOMPARE(twenty.descriptors.last(), six[5]);
}

void TestEvaluationCsv::lenientWhereASpreadsheetDiffers()
{
    // Columns in another order and case, an extra column, blank lines, CRLF, a byte-order mark,
    // "60%" weights, "Pass-Fail", a group typed "group", a 0-4 scale, a fractional consensus.
    const QByteArray criteria =
        "\xEF\xBB\xBFName,ID,Parent_ID,Weight_Percent,Type,Max_Score,Notes\r\n"
        "Approach,approach,,60%,group,,heading\r\n"
        "Delivery model,delivery,approach,50,quality,5,\r\n"
        "Local integration,local,approach,50,Quality,10,\r\n"
        ",,,,,,\r\n"
        "Insurance in place,insurance,,,Pass-Fail,1,\r\n"
        "Social value,social,,10,social value,4,\r\n"
        "Price,price,,30,price,,\r\n";
    const QByteArray scores = bytes(small(QStringLiteral("scores.csv")))
                                  .replace("CONSENSUS,B1,local,6,", "consensus,B1,local,6.5,")
                                  .replace("CONSENSUS,B1,social,3,", "CONSENSUS,B1,social,2,")
                                  .replace("CONSENSUS,B3,social,5,", "CONSENSUS,B3,social,4,");
    const auto import =
        EvaluationCsv::parse(m_demo, {QStringLiteral("criteria.csv"), criteria},
                             {QStringLiteral("bids.csv"), bytes(small(QStringLiteral("bids.csv")))},
                             EvaluationCsv::Source{QStringLiteral("scores.csv"), scores}, {m_now});
    QVERIFY2(import, qPrintable(import.errorMessage()));
    QCOMPARE(import->tender.criteria.size(), 6);
    QCOMPARE(import->tender.criteria[3].type, CriterionType::PassFail);
    QCOMPARE(import->tender.criteria[4].scale.maxScore, 4);
    QCOMPARE(import->tender.moderated(QStringLiteral("B1"), QStringLiteral("local"))->score, 6.5);
}

void TestEvaluationCsv::badInputIsRefused_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QStringList>("expected");

    const QByteArray criteria = bytes(small(QStringLiteral("criteria.csv")));
    const QByteArray bids = bytes(small(QStringLiteral("bids.csv")));
    const QByteArray scores = bytes(small(QStringLiteral("scores.csv")));
    const auto with = [](QByteArray text, const char *from, const char *to) {
        if (!text.contains(from))
            qFatal("fixture lacks %s", from);
        return text.replace(from, to);
    };
    const QString c = QStringLiteral("criteria.csv");
    const QString b = QStringLiteral("bids.csv");
    const QString s = QStringLiteral("scores.csv");

    // criteria.csv
    QTest::newRow("criteria: empty file")
        << c << QByteArray() << QStringList{"criteria.csv is empty"};
    QTest::newRow("criteria: header only")
        << c << QByteArray("id,parent_id,name,weight_percent,type,max_score\n")
        << QStringList{"criteria.csv has no criteria"};
    QTest::newRow("criteria: column missing")
        << c << with(criteria, "weight_percent,", "weight,")
        << QStringList{"criteria.csv, line 1", "weight_percent missing"};
    QTest::newRow("criteria: column twice")
        << c << with(criteria, "type,max_score", "type,type")
        << QStringList{"criteria.csv, line 1", "names the column type twice"};
    QTest::newRow("criteria: ragged row")
        << c << with(criteria, "social,,Social value,10,social_value,5", "social,,Social value,10")
        << QStringList{"criteria.csv, line 6: expected 6 fields", "found 4"};
    QTest::newRow("criteria: unclosed quote")
        << c << with(criteria, "price,,Price", "price,,\"Price")
        << QStringList{"criteria.csv", "line 7", "never ends"};
    QTest::newRow("criteria: empty id") << c << with(criteria, "social,,Social", ",,Social")
                                        << QStringList{"criteria.csv, line 6, field id"};
    QTest::newRow("criteria: duplicate id")
        << c << with(criteria, "insurance,,Insurance", "delivery,,Insurance")
        << QStringList{"criteria.csv, line 5, field id", "already used on line 3"};
    QTest::newRow("criteria: empty name") << c << with(criteria, "Social value", "")
                                          << QStringList{"criteria.csv, line 6, field name"};
    QTest::newRow("criteria: unknown parent")
        << c << with(criteria, "local,approach,", "local,aproach,")
        << QStringList{"criteria.csv, line 4, field parent_id", "aproach"};
    QTest::newRow("criteria: own parent")
        << c << with(criteria, "social,,Social", "social,social,Social")
        << QStringList{"criteria.csv, line 6, field parent_id", "own parent"};
    QTest::newRow("criteria: cycle")
        << c
        << QByteArray("id,parent_id,name,weight_percent,type,max_score\n"
                      "a,b,A,100,group,\n"
                      "b,a,B,50,group,\n"
                      "c,a,C,50,quality,5\n"
                      "d,,D,100,quality,5\n")
        << QStringList{"criteria.csv, line 2, field parent_id", "own ancestor",
                       "criteria.csv, line 3, field parent_id"};
    QTest::newRow("criteria: group with a leaf's type")
        << c << with(criteria, "Approach,60,group,", "Approach,60,quality,")
        << QStringList{"criteria.csv, line 2, field type", "so it is a group"};
    QTest::newRow("criteria: leaf typed group")
        << c << with(criteria, "Social value,10,social_value,5", "Social value,10,group,")
        << QStringList{"criteria.csv, line 6, field type", "no row names it"};
    QTest::newRow("criteria: unknown type")
        << c << with(criteria, "50,quality,5", "50,qualty,5")
        << QStringList{"criteria.csv, line 3, field type", "qualty"};
    QTest::newRow("criteria: empty type") << c << with(criteria, "50,quality,5", "50,,5")
                                          << QStringList{"criteria.csv, line 3, field type"};
    QTest::newRow("criteria: group with a max_score")
        << c << with(criteria, "Approach,60,group,", "Approach,60,group,5")
        << QStringList{"criteria.csv, line 2, field max_score"};
    QTest::newRow("criteria: quality without a max_score")
        << c << with(criteria, "50,quality,5", "50,quality,")
        << QStringList{"criteria.csv, line 3, field max_score"};
    QTest::newRow("criteria: fractional max_score")
        << c << with(criteria, "social_value,5", "social_value,7.5")
        << QStringList{"criteria.csv, line 6, field max_score", "7.5"};
    QTest::newRow("criteria: max_score over 100")
        << c << with(criteria, "social_value,5", "social_value,101")
        << QStringList{"criteria.csv, line 6, field max_score"};
    QTest::newRow("criteria: price with a max_score")
        << c << with(criteria, "Price,30,price,", "Price,30,price,5")
        << QStringList{"criteria.csv, line 7, field max_score"};
    QTest::newRow("criteria: pass_fail with a max_score")
        << c << with(criteria, "0,pass_fail,", "0,pass_fail,5")
        << QStringList{"criteria.csv, line 5, field max_score"};
    QTest::newRow("criteria: weight not a number")
        << c << with(criteria, "Price,30", "Price,thirty")
        << QStringList{"criteria.csv, line 7, field weight_percent", "thirty"};
    QTest::newRow("criteria: weight empty")
        << c << with(criteria, "Price,30", "Price,")
        << QStringList{"criteria.csv, line 7, field weight_percent"};
    QTest::newRow("criteria: weight over 100")
        << c << with(criteria, "Approach,60", "Approach,160")
        << QStringList{"criteria.csv, line 2, field weight_percent", "160"};
    QTest::newRow("criteria: sub-criteria not summing to 100")
        << c << with(criteria, "Local integration,50", "Local integration,40")
        << QStringList{"criteria.csv, lines 3, 4, field weight_percent", "approach",
                       "add up to 90%"};
    QTest::newRow("criteria: top level not summing to 100")
        << c << with(criteria, "Price,30", "Price,20")
        << QStringList{"criteria.csv, lines 2, 5, 6, 7, field weight_percent", "top-level",
                       "add up to 90%"};
    QTest::newRow("criteria: pass_fail with a weight")
        << c
        << with(with(criteria, "Insurance in place,0", "Insurance in place,5"), "Price,30",
                "Price,25")
        << QStringList{"criteria.csv, line 5, field weight_percent", "must be 0"};
    QTest::newRow("criteria: two prices")
        << c << with(criteria, "Social value,10,social_value,5", "Social value,10,price,")
        << QStringList{"criteria.csv, lines 6, 7, field type", "only one criterion"};
    QTest::newRow("criteria: no marks")
        << c
        << QByteArray("id,parent_id,name,weight_percent,type,max_score\n"
                      "gate,,Insurance,0,pass_fail,\n")
        << QStringList{"criteria.csv: the criteria award no marks"};

    // bids.csv
    QTest::newRow("bids: wrong header")
        << b << QByteArray("id,bidder,lot,price\nB1,Acme,Local London,1\n")
        << QStringList{"bids.csv, line 1", "bid_id missing"};
    QTest::newRow("bids: empty id")
        << b << with(bids, "B4,Delta", ",Delta") << QStringList{"bids.csv, line 5, field bid_id"};
    QTest::newRow("bids: duplicate id")
        << b << with(bids, "B3,Care", "B1,Care")
        << QStringList{"bids.csv, line 4, field bid_id", "already used on line 2"};
    QTest::newRow("bids: empty bidder") << b << with(bids, "B4,Delta Partners,", "B4,,")
                                        << QStringList{"bids.csv, line 5, field bidder"};
    QTest::newRow("bids: unknown lot")
        << b << with(bids, "Local London", "North London")
        << QStringList{"bids.csv, line 5, field lot", "North London",
                       "Central London Forward, Local London, West London Alliance, South "
                       "London Partnership"};
    QTest::newRow("bids: empty lot")
        << b << with(bids, "B4,Delta Partners,Local London", "B4,Delta Partners,")
        << QStringList{"bids.csv, line 5, field lot"};
    QTest::newRow("bids: zero price")
        << b << with(bids, "1000000.00", "0")
        << QStringList{"bids.csv, line 3, field price", "more than zero"};
    QTest::newRow("bids: negative price")
        << b << with(bids, "\"£1,200,000\"", "-1200000")
        << QStringList{"bids.csv, line 4, field price", "more than zero"};
    QTest::newRow("bids: price not a number")
        << b << with(bids, "500000", "half a million")
        << QStringList{"bids.csv, line 5, field price", "half a million"};
    QTest::newRow("bids: empty price") << b << with(bids, "Local London,500000", "Local London,")
                                       << QStringList{"bids.csv, line 5, field price"};

    // scores.csv
    QTest::newRow("scores: wrong header")
        << s << with(scores, "criterion_id", "criterion")
        << QStringList{"scores.csv, line 1", "criterion_id missing"};
    QTest::newRow("scores: empty assessor") << s << with(scores, "Jane Smith,B1", ",B1")
                                            << QStringList{"scores.csv, line 2, field assessor"};
    QTest::newRow("scores: unknown bid")
        << s << with(scores, "Jane Smith,B1,", "Jane Smith,B9,")
        << QStringList{"scores.csv, line 2, field bid_id", "B9", "bids.csv"};
    QTest::newRow("scores: unknown criterion")
        << s << with(scores, "Jane Smith,B2,delivery", "Jane Smith,B2,quality9")
        << QStringList{"scores.csv, line 3, field criterion_id", "quality9", "criteria.csv"};
    QTest::newRow("scores: group scored")
        << s << with(scores, "CONSENSUS,B4,delivery", "CONSENSUS,B4,approach")
        << QStringList{"scores.csv, line 18, field criterion_id", "group"};
    QTest::newRow("scores: price scored")
        << s << scores + "CONSENSUS,B1,price,3,Cheapest\n"
        << QStringList{"scores.csv, line 22, field criterion_id", "price"};
    QTest::newRow("scores: out of scale")
        << s << with(scores, "CONSENSUS,B1,delivery,3", "CONSENSUS,B1,delivery,6")
        << QStringList{"scores.csv, line 6, field score", "between 0 and 5"};
    QTest::newRow("scores: negative")
        << s << with(scores, "CONSENSUS,B1,local,6", "CONSENSUS,B1,local,-1")
        << QStringList{"scores.csv, line 7, field score"};
    QTest::newRow("scores: pass_fail not 1 or 0")
        << s << with(scores, "CONSENSUS,B1,insurance,1", "CONSENSUS,B1,insurance,2")
        << QStringList{"scores.csv, line 8, field score", "1 (pass) or 0 (fail)"};
    QTest::newRow("scores: between levels")
        << s << with(scores, "Jane Smith,B1,delivery,3", "Jane Smith,B1,delivery,3.5")
        << QStringList{"scores.csv, line 2, field score", "whole level"};
    QTest::newRow("scores: not a number")
        << s << with(scores, "Jane Smith,B1,delivery,3", "Jane Smith,B1,delivery,good")
        << QStringList{"scores.csv, line 2, field score", "good"};
    QTest::newRow("scores: missing comment") << s << with(scores, "4,Good contact standards", "4,")
                                             << QStringList{"scores.csv, line 4, field comment"};
    QTest::newRow("scores: missing rationale")
        << s << with(scores, "6,Housing links asserted only", "6,\"  \"")
        << QStringList{"scores.csv, line 7, field comment", "rationale"};
    QTest::newRow("scores: scored twice")
        << s << scores + "jane smith,B2,delivery,4,Second thoughts\n"
        << QStringList{"scores.csv, line 22, field criterion_id", "already scored", "line 3"};
    QTest::newRow("scores: consensus twice")
        << s << scores + "CONSENSUS,B4,social,3,Again\n"
        << QStringList{"scores.csv, line 22, field criterion_id", "line 21"};
}

void TestEvaluationCsv::badInputIsRefused()
{
    QFETCH(QString, file);
    QFETCH(QByteArray, content);
    QFETCH(QStringList, expected);
    const auto import = parseSmall(m_demo, file, content);
    QVERIFY(!import);
    for (const QString &part : expected)
        QVERIFY2(import.errorMessage().contains(part), qPrintable(import.errorMessage()));
}

void TestEvaluationCsv::atMostTwentyProblemsAreListed()
{
    QByteArray scores = bytes(small(QStringLiteral("scores.csv")));
    for (int i = 0; i < 30; ++i)
        scores += "Jane Smith,B" + QByteArray::number(10 + i) + ",delivery,3,Fine\n";
    const auto import = parseSmall(m_demo, QStringLiteral("scores.csv"), scores);
    QVERIFY(!import);
    const QStringList lines = import.errorMessage().split(u'\n');
    QCOMPARE(lines.size(), EvaluationCsv::kMaxProblems + 1);
    QVERIFY(lines.first().startsWith(QStringLiteral("scores.csv, line 22, field bid_id")));
    QCOMPARE(lines.last(), QStringLiteral("... and 10 more problem(s)."));
}

void TestEvaluationCsv::conflictedAssessorIsRefused()
{
    Round round = m_demo;
    round.tender.panel = {{"Omar Patel", "DWP", "Performance manager"}};
    round.tender.conflicts = {{"Omar Patel", "Bright Futures", true, "Former trustee", m_now}};
    const auto import = parseSmall(round);
    QVERIFY(!import);
    QVERIFY2(import.errorMessage().contains(QStringLiteral("scores.csv, line 5, field assessor")),
             qPrintable(import.errorMessage()));
    QVERIFY(import.errorMessage().contains(QStringLiteral("Former trustee")));
    QVERIFY(!import.errorMessage().contains(QStringLiteral("line 4"))); // Acme is fine
}

void TestEvaluationCsv::panelAndDeclarationsAreKept()
{
    Round round = m_demo;
    const Assessor jane{"Jane Smith", "DWP", "Commissioning manager"};
    const ConflictDeclaration declared{"Jane Smith", "Acme Employment", false, "Checked register",
                                       m_now.addDays(-2)};
    round.tender.panel = {jane};
    round.tender.conflicts = {declared};
    const QByteArray scores = bytes(small(QStringLiteral("scores.csv")))
                                  .replace("Jane Smith,B2", "JANE SMITH,B2"); // any case
    const auto import = parseSmall(round, QStringLiteral("scores.csv"), scores);
    QVERIFY2(import, qPrintable(import.errorMessage()));
    const Tender &t = import->tender;
    QCOMPARE(import->addedAssessors, QStringList({"Omar Patel"}));
    QCOMPARE(t.panel.size(), 2);
    QCOMPARE(t.panel.first(), jane);
    QCOMPARE(t.scores[1].assessor, QStringLiteral("Jane Smith"));
    QCOMPARE(*t.conflict(QStringLiteral("Jane Smith"), QStringLiteral("Acme Employment")),
             declared);
    QVERIFY(t.conflict(QStringLiteral("Jane Smith"), QStringLiteral("Bright Futures")));
    QCOMPARE(import->declarationsAdded, 3);
    QCOMPARE(t.conflicts.size(), 4);
}

void TestEvaluationCsv::declarationsAboutAbsentBidders()
{
    Round round = m_demo;
    round.tender.panel = {{"Omar Patel", "DWP", "Performance manager"}};
    round.tender.conflicts = {{"Omar Patel", "Gone Ltd", false, QString(), m_now}};
    const auto dropped = parseSmall(round);
    QVERIFY2(dropped, qPrintable(dropped.errorMessage()));
    QCOMPARE(dropped->declarationsDropped, 1);
    QVERIFY(!dropped->tender.conflict(QStringLiteral("Omar Patel"), QStringLiteral("Gone Ltd")));

    // A declared conflict stays until removed by hand: a renamed bidder must not slip past it.
    round.tender.conflicts = {{"Omar Patel", "Gone Ltd", true, "Director", m_now}};
    const auto refused = parseSmall(round);
    QVERIFY(!refused);
    QVERIFY2(refused.errorMessage().contains(QStringLiteral("bids.csv: no bid comes from")),
             qPrintable(refused.errorMessage()));
}

void TestEvaluationCsv::knownBidKeepsItsSupplyChain()
{
    Round round = m_demo;
    TenderBid known;
    known.id = QStringLiteral("B1");
    known.bidder = QStringLiteral("Acme");
    known.lot = lot(QStringLiteral("Local London"));
    known.price = 1;
    known.supplyChain = {
        {"Mind in Camden", ProviderSector::VoluntaryCommunity, true, {"mental_health"}}};
    known.integrationPlan = QStringLiteral("Co-located in job centres");
    round.tender.bids = {known};
    const auto import = parseSmall(round, {}, {}, false);
    QVERIFY2(import, qPrintable(import.errorMessage()));
    const TenderBid *b1 = import->tender.bid(QStringLiteral("B1"));
    QCOMPARE(b1->supplyChain, known.supplyChain);
    QCOMPARE(b1->integrationPlan, known.integrationPlan);
    QCOMPARE(b1->bidder, QStringLiteral("Acme Employment"));
    QCOMPARE(b1->price, 800000.0);
    QCOMPARE(b1->lot, lot(QStringLiteral("Central London Forward")));
}

void TestEvaluationCsv::knownCriterionKeepsItsDescriptors()
{
    Round round = m_demo;
    Criterion delivery{
        "delivery", "approach", "Delivery", 50, CriterionType::Quality, ScoringScale::zeroToFive()};
    delivery.scale.descriptors[5] = QStringLiteral("Outstanding, with evidence");
    Criterion local = delivery;
    local.id = QStringLiteral("local");
    round.tender.criteria = {delivery, local}; // local is 0-10 in the file: a new scale
    const auto import = parseSmall(round, {}, {}, false);
    QVERIFY2(import, qPrintable(import.errorMessage()));
    QCOMPARE(import->tender.criteria[1].scale, delivery.scale);
    QCOMPARE(import->tender.criteria[2].scale, ScoringScale::zeroToTen());
}

void TestEvaluationCsv::keptScoresMustStillFit()
{
    // Scoring under way, moderation not open yet.
    Round round = importedRound();
    round.tender.moderationOpenedAt = {};
    round.tender.consensus.clear();
    // Without a scores file the stored scores stay, so a bid they score cannot go.
    const QByteArray bids = bytes(small(QStringLiteral("bids.csv")))
                                .replace("B1,Acme Employment,Central London Forward,800000\n", "");
    const auto refused = parseSmall(round, QStringLiteral("bids.csv"), bids, false);
    QVERIFY(!refused);
    QVERIFY2(refused.errorMessage().contains(QStringLiteral("bids.csv has no bid \u201cB1\u201d")),
             qPrintable(refused.errorMessage()));
    QVERIFY(refused.errorMessage().contains(QStringLiteral("--scores")));

    // The same files again without scores keep every stored score and record.
    const auto kept = parseSmall(round, {}, {}, false);
    QVERIFY2(kept, qPrintable(kept.errorMessage()));
    QCOMPARE(kept->tender, round.tender);
}

void TestEvaluationCsv::criteriaLockOnceBidsAreOpened()
{
    const Round round = importedRound();
    QVERIFY(round.tender.bidsOpened());
    const QByteArray changed = bytes(small(QStringLiteral("criteria.csv")))
                                   .replace("Delivery model,50", "Delivery model,60")
                                   .replace("Local integration,50", "Local integration,40");
    const auto refused = parseSmall(round, QStringLiteral("criteria.csv"), changed);
    QVERIFY(!refused);
    QVERIFY2(refused.errorMessage().contains(QStringLiteral("criteria.csv: the bids were opened on "
                                                            "2025-03-14 10:30 UTC")),
             qPrintable(refused.errorMessage()));
    QVERIFY(refused.errorMessage().contains(QStringLiteral("delivery (weight 50% to 60%)")));

    // Importing the same criteria again is fine: nothing changes.
    const auto same = parseSmall(round);
    QVERIFY2(same, qPrintable(same.errorMessage()));
    QCOMPARE(same->tender, round.tender);
    QVERIFY(!same->bidsOpened);
}

void TestEvaluationCsv::moderationLocksIndividualScores()
{
    const Round round = importedRound();
    QVERIFY(round.tender.moderationOpen());
    const QByteArray changed = bytes(small(QStringLiteral("scores.csv")))
                                   .replace("Omar Patel,B1,delivery,4", "Omar Patel,B1,delivery,5");
    const auto refused = parseSmall(round, QStringLiteral("scores.csv"), changed);
    QVERIFY(!refused);
    QVERIFY2(refused.errorMessage().contains(QStringLiteral("scores.csv, line 4, field score")),
             qPrintable(refused.errorMessage()));
    QVERIFY(refused.errorMessage().contains(QStringLiteral("locked")));

    // The bids are fixed too, as RoundDocument::setBid() holds them.
    const QByteArray bids = bytes(small(QStringLiteral("bids.csv")));
    const auto repriced =
        parseSmall(round, QStringLiteral("bids.csv"), QByteArray(bids).replace("500000", "450000"));
    QVERIFY(!repriced);
    QVERIFY2(repriced.errorMessage().contains(QStringLiteral("bids.csv, line 5, field bid_id")),
             qPrintable(repriced.errorMessage()));
    QVERIFY(repriced.errorMessage().contains(QStringLiteral("fixed")));
    const auto removed =
        parseSmall(round, QStringLiteral("bids.csv"),
                   QByteArray(bids).replace("B4,Delta Partners,Local London,500000\n", ""), false);
    QVERIFY(!removed);
    QVERIFY2(removed.errorMessage().contains(QStringLiteral("\u201cB4\u201d cannot be removed")),
             qPrintable(removed.errorMessage()));

    // Leaving the individual rows out keeps them; a new consensus replaces the old.
    QByteArray consensusOnly;
    for (const QByteArray &line : bytes(small(QStringLiteral("scores.csv"))).split('\n')) {
        if (!line.startsWith("Jane") && !line.startsWith("Omar") && !line.isEmpty())
            consensusOnly += line.startsWith("CONSENSUS,B4,social")
                                 ? QByteArray("CONSENSUS,B4,social,3,Revised on appeal\n")
                                 : line + '\n';
    }
    const auto moderated = parseSmall(round, QStringLiteral("scores.csv"), consensusOnly);
    QVERIFY2(moderated, qPrintable(moderated.errorMessage()));
    QCOMPARE(moderated->tender.scores, round.tender.scores);
    QCOMPARE(moderated->tender.moderated(QStringLiteral("B4"), QStringLiteral("social"))->score,
             3.0);
    // Unchanged consensus keeps when it was agreed.
    QCOMPARE(moderated->tender.consensus.first(), round.tender.consensus.first());
}

void TestEvaluationCsv::consensusIsRefusedOnceTheAwardIsSigned()
{
    Round round = importedRound();
    round.tender.awardSignatures = {{lot(QStringLiteral("Local London")), "DWP", "A Signer",
                                     "Director", "Best value", "B4", m_now}};
    const auto refused = parseSmall(round);
    QVERIFY(!refused);
    QVERIFY2(refused.errorMessage().contains(QStringLiteral("scores.csv, line 18, field assessor")),
             qPrintable(refused.errorMessage()));
    QVERIFY(refused.errorMessage().contains(QStringLiteral("signed")));
}

QTEST_GUILESS_MAIN(TestEvaluationCsv)
#include "tst_evaluationcsv.moc"
