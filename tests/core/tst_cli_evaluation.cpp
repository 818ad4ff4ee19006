#include "core/io/evaluationcsv.h"
#include "core/round/londonround.h"
#include "core/round/rounddocument.h"
#include "tests/support/testsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace CoCommission;
using TestSupport::runCli;

/**
 * Stage 5 on the command line: evaluation import (the CSV exchange, all or nothing) and
 * evaluation report (text and the JSON contract of the issue) on small hand-computed cases.
 */
class TestCliEvaluation : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void importPrintsWhatItDid();
    void importReplacesTheDemoTender();
    void reportJsonFollowsTheContract();
    void reportWithTheLinearFormula();
    void reportOneLot();
    void unknownLotListsTheLots();
    void eliminationInTextAndJson();
    void tiesAreReported();
    void abnormallyLowBidsAreFlagged();
    void illustrativeAndCriteriaChangesAreFlagged();
    void badInputChangesNothing_data();
    void badInputChangesNothing();
    void conflictedAssessorChangesNothing();
    void lockedCriteriaChangeNothing();
    void reportNeedsScoresForEveryBid();
    void usage();

private:
    /** A demo round whose tender is \a tender (empty by default). */
    QString round(const QString &name, const Tender &tender = {});
    QString imported(const QString &name, const QString &scores = QStringLiteral("scores.csv"),
                     const QString &bids = QStringLiteral("bids.csv"));
    static QString small(const QString &file)
    {
        return TestSupport::dataDir() + QStringLiteral("/evaluation/small/") + file;
    }
    static QString bad(const QString &file)
    {
        return TestSupport::dataDir() + QStringLiteral("/evaluation/bad/") + file;
    }
    static QJsonObject json(const TestSupport::CliRun &run)
    {
        if (run.exitCode != 0)
            qWarning("%s", qPrintable(run.err));
        return QJsonDocument::fromJson(run.out.toUtf8()).object();
    }
    static QJsonObject bid(const QJsonObject &lot, const QString &id)
    {
        for (const QJsonValue &b : lot.value("bids").toArray()) {
            if (b["bid_id"].toString() == id)
                return b.toObject();
        }
        return {};
    }

    QTemporaryDir m_dir;
    Round m_demo;
};

void TestCliEvaluation::initTestCase()
{
    QVERIFY(m_dir.isValid());
    Result<Round> demo = LondonRound::demo();
    QVERIFY2(demo, qPrintable(demo.errorMessage()));
    m_demo = *demo;
}

QString TestCliEvaluation::round(const QString &name, const Tender &tender)
{
    Round r = m_demo;
    r.tender = tender;
    const QString path = TestSupport::createRoundFile(m_dir.filePath(name), r);
    if (path.isEmpty())
        qFatal("cannot make %s", qPrintable(name));
    return path;
}

QString TestCliEvaluation::imported(const QString &name, const QString &scores, const QString &bids)
{
    const QString path = round(name);
    const auto run = runCli({"evaluation", "import", path, "--criteria", small("criteria.csv"),
                             "--bids", small(bids), "--scores", small(scores)});
    if (run.exitCode != 0)
        qWarning("%s", qPrintable(run.err));
    return path;
}

void TestCliEvaluation::importPrintsWhatItDid()
{
    const QString path = round(QStringLiteral("import.cocom"));
    const auto run = runCli({"evaluation", "import", path, "--criteria", small("criteria.csv"),
                             "--bids", small("bids.csv"), "--scores", small("scores.csv")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains(QStringLiteral("Imported 6 criteria, 4 bids in 2 lots.")),
             qPrintable(run.out));
    QVERIFY(run.out.contains(QStringLiteral("4 individual scores, 16 consensus scores")));
    QVERIFY(run.out.contains(QStringLiteral("Added to the panel (give their organisation and "
                                            "role): Jane Smith, Omar Patel.")));
    QVERIFY(run.out.contains(QStringLiteral("4 declarations of no conflict")));
    QVERIFY(run.out.contains(QStringLiteral("Moderation is now open")));

    auto document = TestSupport::openRoundFile(path);
    QVERIFY(document);
    const Tender &t = document->round().tender;
    QCOMPARE(t.criteria.size(), 6);
    QCOMPARE(t.bids.size(), 4);
    QCOMPARE(t.consensus.size(), 16);
    QCOMPARE(t.panel.size(), 2);
    QVERIFY(t.bidsOpened() && t.moderationOpen());
    document.reset();

    // The same files again change nothing.
    const QByteArray before = TestSupport::fileHash(path);
    const auto again = runCli({"evaluation", "import", path, "--criteria", small("criteria.csv"),
                               "--bids", small("bids.csv"), "--scores", small("scores.csv")});
    QVERIFY2(again.exitCode == 0, qPrintable(again.err));
    QVERIFY(!again.out.contains(QStringLiteral("Added to the panel")));
    QCOMPARE(TestSupport::fileHash(path), before);
}

void TestCliEvaluation::importReplacesTheDemoTender()
{
    // The demo's tender is invented: the files replace all of it, panel and locks included.
    QVERIFY(m_demo.tender.illustrative);
    const QString path = round(QStringLiteral("demo.cocom"), m_demo.tender);
    const auto run = runCli({"evaluation", "import", path, "--criteria", small("criteria.csv"),
                             "--bids", small("bids.csv"), "--scores", small("scores.csv")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    auto document = TestSupport::openRoundFile(path);
    QVERIFY(document);
    const Tender &t = document->round().tender;
    QVERIFY(!t.illustrative);
    QCOMPARE(t.panel.size(), 2);
    QCOMPARE(t.conflicts.size(), 4);
    QCOMPARE(t.criteria.size(), 6);
}

void TestCliEvaluation::reportJsonFollowsTheContract()
{
    const QString path = imported(QStringLiteral("json.cocom"));
    const QJsonObject o = json(runCli({"evaluation", "report", path, "--json"}));
    const QJsonArray lots = o.value("lots").toArray();
    QCOMPARE(lots.size(), 2);
    const QJsonObject central = lots.at(0).toObject();
    QCOMPARE(central.value("lot").toString(), QStringLiteral("Central London Forward"));
    QCOMPARE(central.value("winner").toString(), QStringLiteral("B2"));
    QCOMPARE(central.value("winning_margin").toDouble(), 5.0);

    // Hand-computed: quality + social value + price marks (lowest price / price × 30).
    const QJsonArray bids = central.value("bids").toArray();
    QCOMPARE(bids.size(), 3);
    const QStringList order{"B2", "B3", "B1"};
    const QList<QList<double>> figures{{86, 54, 8, 24}, {81, 51, 10, 20}, {72, 36, 6, 30}};
    for (int i = 0; i < 3; ++i) {
        const QJsonObject b = bids.at(i).toObject();
        for (const char *key : {"bid_id", "bidder", "total", "quality", "social_value", "price",
                                "rank", "status", "reason"})
            QVERIFY2(b.contains(QLatin1String(key)), key);
        QCOMPARE(b.value("bid_id").toString(), order[i]);
        QCOMPARE(b.value("total").toDouble(), figures[i][0]);
        QCOMPARE(b.value("quality").toDouble(), figures[i][1]);
        QCOMPARE(b.value("social_value").toDouble(), figures[i][2]);
        QCOMPARE(b.value("price").toDouble(), figures[i][3]);
        QCOMPARE(b.value("rank").toInt(), i + 1);
        QVERIFY(b.value("rank").isDouble());
        QCOMPARE(b.value("status").toString(), QStringLiteral("ranked"));
        QCOMPARE(b.value("reason").toString(), QString());
    }
    QCOMPARE(bids.at(0)["bidder"].toString(), QStringLiteral("Bright Futures"));

    // Price at the top level: B2 = 0.8x + 62(100 - x)/70 and B1 = 60 + 0.4x meet at x = 58.82.
    bool found = false;
    for (const QJsonValue &s : central.value("sensitivity").toArray()) {
        for (const char *key : {"criterion_id", "weight", "stable_from", "stable_to"})
            QVERIFY2(s.toObject().contains(QLatin1String(key)), key);
        if (s["criterion_id"].toString() != QLatin1String("price"))
            continue;
        found = true;
        QCOMPARE(s["weight"].toDouble(), 30.0);
        QCOMPARE(s["stable_from"].toDouble(), 0.0);
        QCOMPARE(s["stable_to"].toDouble(), 58.82);
        QCOMPARE(s["rival_above"].toString(), QStringLiteral("B1"));
    }
    QVERIFY(found);

    const QJsonObject local = lots.at(1).toObject();
    QCOMPARE(local.value("lot").toString(), QStringLiteral("Local London"));
    QCOMPARE(local.value("winner").toString(), QStringLiteral("B4"));
    QCOMPARE(bid(local, "B4").value("total").toDouble(), 61.0);
    QVERIFY(local.value("winning_margin").isNull());
    QCOMPARE(o.value("price_formula").toString(), QStringLiteral("lowest-ratio"));
    QCOMPARE(o.value("illustrative").toBool(true), false);
}

void TestCliEvaluation::reportWithTheLinearFormula()
{
    // Linear: full marks at £800k, none at £1.2m: B2 54 + 8 + 15 = 77, B1 72, B3 61.
    const QString path = imported(QStringLiteral("linear.cocom"));
    const QJsonObject o =
        json(runCli({"evaluation", "report", path, "--price-formula", "linear", "--json"}));
    QCOMPARE(o.value("price_formula").toString(), QStringLiteral("linear"));
    const QJsonObject central = o.value("lots").toArray().at(0).toObject();
    QCOMPARE(central.value("winner").toString(), QStringLiteral("B2"));
    QCOMPARE(bid(central, "B2").value("total").toDouble(), 77.0);
    QCOMPARE(bid(central, "B2").value("price").toDouble(), 15.0);
    QCOMPARE(bid(central, "B1").value("rank").toInt(), 2);
    QCOMPARE(bid(central, "B3").value("total").toDouble(), 61.0);
    QCOMPARE(bid(central, "B3").value("price").toDouble(), 0.0);

    const auto bad = runCli({"evaluation", "report", path, "--price-formula", "cheapest"});
    QCOMPARE(bad.exitCode, 2);
    QVERIFY(bad.err.contains(QStringLiteral("lowest-ratio or linear")));
}

void TestCliEvaluation::reportOneLot()
{
    const QString path = imported(QStringLiteral("lot.cocom"));
    const QJsonObject o =
        json(runCli({"evaluation", "report", path, "--lot", "local london", "--json"}));
    const QJsonArray lots = o.value("lots").toArray();
    QCOMPARE(lots.size(), 1);
    QCOMPARE(lots.at(0)["lot"].toString(), QStringLiteral("Local London"));
    // 12 + 15 + 4 + 30: the only bid takes full price marks.
    QCOMPARE(bid(lots.at(0).toObject(), "B4").value("total").toDouble(), 61.0);

    // A lot without bids is reported empty.
    const QJsonObject empty =
        json(runCli({"evaluation", "report", path, "--lot", "West London Alliance", "--json"}));
    QCOMPARE(empty.value("lots").toArray().at(0)["bids"].toArray().size(), 0);
    QVERIFY(empty.value("lots").toArray().at(0)["winner"].isNull());
    const auto text = runCli({"evaluation", "report", path, "--lot", "West London Alliance"});
    QVERIFY(text.out.contains(QStringLiteral("No bids for this lot.")));
}

void TestCliEvaluation::unknownLotListsTheLots()
{
    const QString path = imported(QStringLiteral("unknownlot.cocom"));
    const auto run = runCli({"evaluation", "report", path, "--lot", "North London"});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(QStringLiteral("North London")), qPrintable(run.err));
    for (const Cpa &cpa : m_demo.adoptedPlan()->cpas)
        QVERIFY2(run.err.contains(cpa.name), qPrintable(run.err));
}

void TestCliEvaluation::eliminationInTextAndJson()
{
    // B3 fails the insurance gate: B2 86 (54 + 8 + 24), B1 72; B3 keeps 51 + 10 for its summary.
    const QString path = imported(QStringLiteral("fail.cocom"), QStringLiteral("scores_fail.csv"));
    const QJsonObject central = json(runCli({"evaluation", "report", path, "--json"}))
                                    .value("lots")
                                    .toArray()
                                    .at(0)
                                    .toObject();
    const QJsonObject b3 = bid(central, "B3");
    QVERIFY(b3.value("rank").isNull());
    QCOMPARE(b3.value("status").toString(), QStringLiteral("eliminated"));
    QVERIFY(b3.value("reason").toString().contains(QStringLiteral("Insurance in place")));
    QCOMPARE(b3.value("total").toDouble(), 0.0);
    QCOMPARE(b3.value("quality").toDouble(), 51.0);
    QCOMPARE(b3.value("price").toDouble(), 0.0);
    QCOMPARE(central.value("winning_margin").toDouble(), 14.0);

    const auto text = runCli({"evaluation", "report", path});
    QVERIFY2(text.exitCode == 0, qPrintable(text.err));
    QVERIFY2(text.out.contains(QStringLiteral("eliminated: Failed the pass/fail criteria")),
             qPrintable(text.out));
    QVERIFY(
        text.out.contains(QStringLiteral("Winner: B2 (Bright Futures), 14.00 marks ahead of B1.")));
    QVERIFY(text.out.contains(QStringLiteral("Sensitivity:")));
    QVERIFY(text.out.contains(QStringLiteral("price (Price), weight 30.00%")));
    QVERIFY(text.out.contains(QStringLiteral("Smallest score change:")));
    QVERIFY(text.out.contains(QStringLiteral("Lot: Local London")));
    QVERIFY(!text.out.contains(QStringLiteral("ILLUSTRATIVE")));

    // Linear between the prices still in: B1 takes the lot.
    const QJsonObject linear =
        json(runCli({"evaluation", "report", path, "--price-formula", "linear", "--json"}))
            .value("lots")
            .toArray()
            .at(0)
            .toObject();
    QCOMPARE(linear.value("winner").toString(), QStringLiteral("B1"));
    QCOMPARE(bid(linear, "B2").value("total").toDouble(), 62.0);
}

void TestCliEvaluation::tiesAreReported()
{
    // B1 revised to 30 + 18 + 8 + 30 = 86, level with B2.
    const QString path = imported(QStringLiteral("tie.cocom"), QStringLiteral("scores_tie.csv"));
    const QJsonObject central = json(runCli({"evaluation", "report", path, "--json"}))
                                    .value("lots")
                                    .toArray()
                                    .at(0)
                                    .toObject();
    QVERIFY(central.value("winner").isNull());
    QVERIFY(central.value("tied_for_first").toBool());
    QCOMPARE(bid(central, "B1").value("rank").toInt(), 1);
    QCOMPARE(bid(central, "B2").value("rank").toInt(), 1);
    QVERIFY(bid(central, "B2").value("tied").toBool());
    QVERIFY(central.value("sensitivity").toArray().isEmpty());

    const auto text = runCli({"evaluation", "report", path});
    QVERIFY2(text.out.contains(QStringLiteral("No winner: the first place is tied.")),
             qPrintable(text.out));
    QVERIFY(text.out.contains(QStringLiteral("Tie: B1, B2 share rank 1 with 86.00 marks.")));
}

void TestCliEvaluation::abnormallyLowBidsAreFlagged()
{
    // B1 at £600k: the lot's mean is £933,333, and 20% below it £746,667.
    const QString path = imported(QStringLiteral("low.cocom"), QStringLiteral("scores.csv"),
                                  QStringLiteral("bids_low.csv"));
    const QJsonObject central = json(runCli({"evaluation", "report", path, "--json"}))
                                    .value("lots")
                                    .toArray()
                                    .at(0)
                                    .toObject();
    QVERIFY(bid(central, "B1").value("abnormally_low").toBool());
    QVERIFY(!bid(central, "B2").value("abnormally_low").toBool(true));
    const auto text = runCli({"evaluation", "report", path});
    QVERIFY2(text.out.contains(
                 QStringLiteral("Abnormally low: B1 (Acme Employment) at £600,000.00, more than "
                                "20% below the lot's mean price")),
             qPrintable(text.out));
}

void TestCliEvaluation::illustrativeAndCriteriaChangesAreFlagged()
{
    Round empty = m_demo;
    empty.tender = {};
    auto import =
        EvaluationCsv::read(empty, small("criteria.csv"), small("bids.csv"), small("scores.csv"));
    QVERIFY2(import, qPrintable(import.errorMessage()));
    Tender tender = import->tender;
    tender.illustrative = true;
    tender.criteriaChanges = {{QDateTime(QDate(2025, 4, 1), QTime(9, 0), QTimeZone::utc()),
                               "A. Officer", "Clarified after a bidder's question",
                               "Delivery model weight 40% to 50%."}};
    const QString path = round(QStringLiteral("flags.cocom"), tender);
    const auto text = runCli({"evaluation", "report", path});
    QVERIFY2(text.exitCode == 0, qPrintable(text.err));
    QVERIFY2(text.out.contains(QStringLiteral("ILLUSTRATIVE:")), qPrintable(text.out));
    QVERIFY(text.out.contains(QStringLiteral(
        "FLAGGED: the criteria changed after the bids were opened, on 2025-04-01 09:00 UTC by A. "
        "Officer. Reason: Clarified after a bidder's question Delivery model weight 40% to 50%.")));
    const QJsonObject o = json(runCli({"evaluation", "report", path, "--json"}));
    QVERIFY(o.value("illustrative").toBool());
    const QJsonArray changes = o.value("criteria_changed_after_opening").toArray();
    QCOMPARE(changes.size(), 1);
    QCOMPARE(changes.at(0)["reason"].toString(),
             QStringLiteral("Clarified after a bidder's question"));
}

void TestCliEvaluation::badInputChangesNothing_data()
{
    QTest::addColumn<QString>("criteria");
    QTest::addColumn<QString>("bids");
    QTest::addColumn<QString>("scores");
    QTest::addColumn<QStringList>("expected");
    const QString c = small("criteria.csv");
    const QString b = small("bids.csv");
    const QString s = small("scores.csv");
    QTest::newRow("weights not summing to 100")
        << bad("criteria_weights.csv") << b << s
        << QStringList{"criteria_weights.csv, lines 3, 4, field weight_percent", "90%"};
    QTest::newRow("top-level weights not summing to 100")
        << bad("criteria_top_weights.csv") << b << s
        << QStringList{"criteria_top_weights.csv, lines 2, 5, 6, 7, field weight_percent"};
    QTest::newRow("duplicate criterion id")
        << bad("criteria_duplicate_id.csv") << b << s
        << QStringList{"criteria_duplicate_id.csv, line 5, field id"};
    QTest::newRow("wrong criteria header")
        << bad("criteria_header.csv") << b << s
        << QStringList{"criteria_header.csv, line 1", "parent_id"};
    QTest::newRow("unknown type") << bad("criteria_type.csv") << b << s
                                  << QStringList{"criteria_type.csv, line 3, field type"};
    QTest::newRow("max score not whole")
        << bad("criteria_max_score.csv") << b << s
        << QStringList{"criteria_max_score.csv, line 6, field max_score"};
    QTest::newRow("zero price") << c << bad("bids_zero_price.csv") << s
                                << QStringList{"bids_zero_price.csv, line 3, field price"};
    QTest::newRow("negative price") << c << bad("bids_negative_price.csv") << s
                                    << QStringList{"bids_negative_price.csv, line 4, field price"};
    QTest::newRow("price not a number") << c << bad("bids_price_text.csv") << s
                                        << QStringList{"bids_price_text.csv, line 5, field price"};
    QTest::newRow("unknown lot") << c << bad("bids_unknown_lot.csv") << s
                                 << QStringList{"bids_unknown_lot.csv, line 5, field lot",
                                                "Central London Forward"};
    QTest::newRow("duplicate bid id") << c << bad("bids_duplicate_id.csv") << s
                                      << QStringList{"bids_duplicate_id.csv, line 4, field bid_id"};
    QTest::newRow("score outside its scale")
        << c << b << bad("scores_out_of_scale.csv")
        << QStringList{"scores_out_of_scale.csv, line 6, field score"};
    QTest::newRow("unknown bid") << c << b << bad("scores_unknown_bid.csv")
                                 << QStringList{"scores_unknown_bid.csv, line 2, field bid_id"};
    QTest::newRow("unknown criterion")
        << c << b << bad("scores_unknown_criterion.csv")
        << QStringList{"scores_unknown_criterion.csv, line 3, field criterion_id"};
    QTest::newRow("missing comment")
        << c << b << bad("scores_missing_comment.csv")
        << QStringList{"scores_missing_comment.csv, line 4, field comment"};
    QTest::newRow("pass_fail not 1 or 0")
        << c << b << bad("scores_pass_fail.csv")
        << QStringList{"scores_pass_fail.csv, line 8, field score"};
    QTest::newRow("price scored") << c << b << bad("scores_price.csv")
                                  << QStringList{"scores_price.csv, line 22, field criterion_id"};
    QTest::newRow("between levels") << c << b << bad("scores_whole_level.csv")
                                    << QStringList{"scores_whole_level.csv, line 2, field score"};
    QTest::newRow("scored twice") << c << b << bad("scores_duplicate.csv")
                                  << QStringList{
                                         "scores_duplicate.csv, line 22, field criterion_id",
                                         "line 6"};
    QTest::newRow("missing file") << c << b << bad("no_such_file.csv")
                                  << QStringList{"no_such_file.csv"};
}

void TestCliEvaluation::badInputChangesNothing()
{
    QFETCH(QString, criteria);
    QFETCH(QString, bids);
    QFETCH(QString, scores);
    QFETCH(QStringList, expected);
    // A round holding a good import, so that "nothing changed" means the old tender stands.
    const QString path = imported(
        QStringLiteral("bad-%1.cocom").arg(QString::number(qHash(QTest::currentDataTag()))));
    const QByteArray before = TestSupport::fileHash(path);
    const auto run = runCli(
        {"evaluation", "import", path, "--criteria", criteria, "--bids", bids, "--scores", scores});
    QCOMPARE(run.exitCode, 2);
    for (const QString &part : expected)
        QVERIFY2(run.err.contains(part), qPrintable(run.err));
    QCOMPARE(TestSupport::fileHash(path), before);
}

void TestCliEvaluation::conflictedAssessorChangesNothing()
{
    Tender tender;
    tender.panel = {{"Omar Patel", "DWP", "Performance manager"}};
    TenderBid bright;
    bright.id = QStringLiteral("B2");
    bright.bidder = QStringLiteral("Bright Futures");
    bright.lot = m_demo.adoptedPlan()->cpas.first().id;
    bright.price = 1000000;
    tender.bids = {bright};
    tender.conflicts = {
        {"Omar Patel", "Bright Futures", true, "Former trustee", QDateTime::currentDateTimeUtc()}};
    const QString path = round(QStringLiteral("conflict.cocom"), tender);
    const QByteArray before = TestSupport::fileHash(path);
    const auto run = runCli({"evaluation", "import", path, "--criteria", small("criteria.csv"),
                             "--bids", small("bids.csv"), "--scores", small("scores.csv")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(QStringLiteral("scores.csv, line 5, field assessor")),
             qPrintable(run.err));
    QVERIFY(run.err.contains(QStringLiteral("conflict of interest")));
    QCOMPARE(TestSupport::fileHash(path), before);
}

void TestCliEvaluation::lockedCriteriaChangeNothing()
{
    const QString path = imported(QStringLiteral("locked.cocom"));
    const QByteArray before = TestSupport::fileHash(path);
    // Valid on its own (50/50 becomes 60/40), but the bids are open.
    QFile changed(m_dir.filePath(QStringLiteral("criteria.csv")));
    QVERIFY(changed.open(QIODevice::WriteOnly));
    QFile original(small("criteria.csv"));
    QVERIFY(original.open(QIODevice::ReadOnly));
    changed.write(original.readAll()
                      .replace("Delivery model,50", "Delivery model,60")
                      .replace("Local integration,50", "Local integration,40"));
    changed.close();
    const auto run = runCli({"evaluation", "import", path, "--criteria", changed.fileName(),
                             "--bids", small("bids.csv")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(QStringLiteral("criteria.csv: the bids were opened")),
             qPrintable(run.err));
    QCOMPARE(TestSupport::fileHash(path), before);
}

void TestCliEvaluation::reportNeedsScoresForEveryBid()
{
    const QString path = round(QStringLiteral("unscored.cocom"));
    const auto empty = runCli({"evaluation", "report", path});
    QCOMPARE(empty.exitCode, 2);
    QVERIFY(empty.err.contains(QStringLiteral("no award criteria")));

    const auto imported = runCli({"evaluation", "import", path, "--criteria", small("criteria.csv"),
                                  "--bids", small("bids.csv")});
    QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
    QVERIFY(imported.out.contains(QStringLiteral("No scores file")));
    const auto run = runCli({"evaluation", "report", path});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QStringLiteral("B1")), qPrintable(run.err));
}

void TestCliEvaluation::usage()
{
    QVERIFY(runCli({"--help"}).out.contains(QStringLiteral("evaluation import")));
    const auto none = runCli({"evaluation"});
    QCOMPARE(none.exitCode, 2);
    QVERIFY(none.err.contains(QStringLiteral("Usage:")));
    const auto verb = runCli({"evaluation", "rank", "x.cocom"});
    QCOMPARE(verb.exitCode, 2);
    const auto noBids = runCli({"evaluation", "import", m_dir.filePath(QStringLiteral("x.cocom")),
                                "--criteria", small("criteria.csv")});
    QCOMPARE(noBids.exitCode, 2);
    QVERIFY(noBids.err.contains(QStringLiteral("--bids")));
}

QTEST_GUILESS_MAIN(TestCliEvaluation)
#include "tst_cli_evaluation.moc"
