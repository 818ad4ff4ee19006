#include "core/io/nomisimport.h"
#include "core/needs/indicators.h"
#include "core/round/londonround.h"
#include "core/round/rounddocument.h"
#include "core/store/auditlog.h"
#include "core/store/verifier.h"
#include "tests/support/testsupport.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace CoCommission;

class TestNomisImport : public QObject
{
    Q_OBJECT

private slots:
    void init();

    void importsADownload();
    void missingMarkersAreMissingNeverZero();
    void columnOrderAndLineEndsDoNotMatter();
    void sameFileTwiceIsRefused();
    void yearDatesWork();
    void smallAreasSumThroughTheLookup();
    void lookupAfterTheDataSumsAgain();
    void badInputNamesFileLineAndColumn_data();
    void badInputNamesFileLineAndColumn();
    void cancelLeavesTheRoundAsItWas();
    void importSurvivesReopening();

private:
    QString data(const QString &name) const
    {
        return TestSupport::dataDir() + QStringLiteral("/nomis/") + name;
    }
    QString write(const QString &name, const QByteArray &bytes);

    QTemporaryDir m_dir;
    std::unique_ptr<RoundDocument> m_document;
    int m_count = 0;
};

void TestNomisImport::init()
{
    auto document =
        RoundDocument::create(m_dir.filePath(QStringLiteral("r%1.cocom").arg(++m_count)),
                              *LondonRound::demo(), QStringLiteral("tester"));
    QVERIFY2(document, qPrintable(document.errorMessage()));
    m_document = std::move(*document);
}

QString TestNomisImport::write(const QString &name, const QByteArray &bytes)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    file.write(bytes);
    return path;
}

void TestNomisImport::importsADownload()
{
    const auto summary = m_document->importNomis(data(QStringLiteral("claimant_count.csv")),
                                                 QStringLiteral("Claimant count"));
    QVERIFY2(summary, qPrintable(summary.errorMessage()));
    QCOMPARE(summary->rows, 132);
    QCOMPARE(summary->rowsForAuthorities, 132);
    QCOMPARE(summary->unknownRows, 0);
    const NeedsDataset &d = summary->dataset;
    QCOMPARE(d.fileName, QStringLiteral("claimant_count.csv"));
    QCOMPARE(d.sha256, *NomisImport::fileSha256(data(QStringLiteral("claimant_count.csv"))));
    QCOMPARE(d.rowCount, 132);
    QVERIFY(d.dimensions.contains(QStringLiteral("AGE")));
    QVERIFY(d.dimensions.contains(QStringLiteral("GENDER")));
    QVERIFY(!d.dimensions.contains(QStringLiteral("URN")));
    QCOMPARE(d.measures.size(), 2);
    QCOMPARE(d.measures.at(0).label, QStringLiteral("Claimant count: All categories: Age 16+"));
    QCOMPARE(d.measures.at(1).label, QStringLiteral("Claimant count: Aged 18-24"));

    // The round now has the dataset, and its figures answer for authorities.
    QCOMPARE(m_document->round().datasets.size(), 2);
    const Indicators indicators(m_document->round());
    const IndicatorInfo *all =
        indicators.find(QStringLiteral("Claimant count: All categories: Age 16+"));
    QVERIFY(all);
    QCOMPARE(all->dates, (QStringList{QStringLiteral("2024-04"), QStringLiteral("2024-05")}));
    QCOMPARE(indicators.value(all->id, {QStringLiteral("E09000001")}, QStringLiteral("2024-05")),
             300.0);
    QCOMPARE(m_document->auditEntries()->constLast().action, QStringLiteral("import_nomis"));
}

void TestNomisImport::missingMarkersAreMissingNeverZero()
{
    for (const char *marker : {"", "..", "-", "*", ":", "x", "c", "z", "!", "~", " .. "})
        QVERIFY2(NomisImport::isMissingMarker(marker), marker);
    for (const char *number : {"0", "12", "-3", "0.5"})
        QVERIFY2(!NomisImport::isMissingMarker(number), number);

    const auto summary = m_document->importNomis(data(QStringLiteral("claimant_count.csv")));
    QVERIFY(summary);
    QCOMPARE(summary->missingValues, 1);
    const Indicators indicators(m_document->round());
    const QString youth = summary->dataset.measures.at(1).key;
    // Richmond upon Thames (E09000027) has ".." for 18-24s in May: no figure, and no CPA total.
    QCOMPARE(indicators.value(youth, {QStringLiteral("E09000027")}, QStringLiteral("2024-05")),
             std::nullopt);
    QVERIFY(indicators.value(youth, {QStringLiteral("E09000027")}, QStringLiteral("2024-04")));
    const QList<IndicatorValue> cpas =
        indicators.values(youth, Grouping::Cpa, QStringLiteral("2024-05"));
    int missing = 0;
    for (const IndicatorValue &v : cpas)
        missing += v.value ? 0 : 1;
    QCOMPARE(missing, 1);
}

void TestNomisImport::columnOrderAndLineEndsDoNotMatter()
{
    const auto a = m_document->importNomis(data(QStringLiteral("claimant_count.csv")));
    const auto b = m_document->importNomis(data(QStringLiteral("claimant_count_reordered.csv")));
    QVERIFY(a && b);
    QCOMPARE(b->dataset.measures.size(), a->dataset.measures.size());
    QCOMPARE(b->dataset.observations.size(), a->dataset.observations.size());
    QCOMPARE(b->missingValues, a->missingValues);
    // Same figures, whatever the column order, BOM, quoting and line ends.
    const Indicators indicators(m_document->round());
    for (int m = 0; m < 2; ++m) {
        for (const Authority &authority : m_document->round().authorities) {
            const QString date = QStringLiteral("2024-05");
            QCOMPARE(indicators.value(b->dataset.measures.at(m).key, {authority.gssCode}, date),
                     indicators.value(a->dataset.measures.at(m).key, {authority.gssCode}, date));
        }
    }
}

void TestNomisImport::sameFileTwiceIsRefused()
{
    QVERIFY(m_document->importNomis(data(QStringLiteral("claimant_count.csv"))));
    const Round before = m_document->round();
    const auto again = m_document->importNomis(data(QStringLiteral("claimant_count.csv")));
    QVERIFY(!again);
    QVERIFY2(again.errorMessage().contains(QStringLiteral("imported already")),
             qPrintable(again.errorMessage()));
    QCOMPARE(m_document->round(), before);
}

void TestNomisImport::yearDatesWork()
{
    const QString path =
        write(QStringLiteral("years.csv"), "DATE,GEOGRAPHY_CODE,MEASURES_NAME,OBS_VALUE\n"
                                           "2023,E09000001,Value,10\n2024,E09000001,Value,12\n");
    const auto summary = m_document->importNomis(path);
    QVERIFY2(summary, qPrintable(summary.errorMessage()));
    const Indicators indicators(m_document->round());
    const IndicatorInfo *info = indicators.find(summary->dataset.measures.first().key);
    QCOMPARE(info->dates, (QStringList{QStringLiteral("2023"), QStringLiteral("2024")}));
}

void TestNomisImport::smallAreasSumThroughTheLookup()
{
    const auto lookup = m_document->importLookup(data(QStringLiteral("lsoa_lookup.csv")));
    QVERIFY2(lookup, qPrintable(lookup.errorMessage()));
    QCOMPARE(lookup->rows, 6);
    const auto summary = m_document->importNomis(data(QStringLiteral("lsoa_population.csv")));
    QVERIFY2(summary, qPrintable(summary.errorMessage()));
    QCOMPARE(summary->rowsThroughLookup, 6);
    QCOMPARE(summary->unknownRows, 1);
    QCOMPARE(summary->unknownCodes, QStringList{QStringLiteral("W01000001")});
    const Indicators indicators(m_document->round());
    const QString key = summary->dataset.measures.first().key;
    const QString year = QStringLiteral("2024");
    QCOMPARE(indicators.value(key, {QStringLiteral("E09000002")}, year), 60.0); // 10 + 20 + 30
    // Barnet's third area is "-": the sum is missing, not 30.
    QCOMPARE(indicators.value(key, {QStringLiteral("E09000003")}, year), std::nullopt);
}

void TestNomisImport::lookupAfterTheDataSumsAgain()
{
    const auto summary = m_document->importNomis(data(QStringLiteral("lsoa_population.csv")));
    QVERIFY(summary);
    QCOMPARE(summary->unknownRows, 7);
    const QString key = summary->dataset.measures.first().key;
    QCOMPARE(Indicators(m_document->round())
                 .value(key, {QStringLiteral("E09000002")}, QStringLiteral("2024")),
             std::nullopt);
    const auto lookup = m_document->importLookup(data(QStringLiteral("lsoa_lookup.csv")));
    QVERIFY2(lookup, qPrintable(lookup.errorMessage()));
    QVERIFY(lookup->datasetsReaggregated >= 1);
    QCOMPARE(Indicators(m_document->round())
                 .value(key, {QStringLiteral("E09000002")}, QStringLiteral("2024")),
             60.0);
    // What the document holds is what the file holds.
    const QString path = m_document->filePath();
    const Round inMemory = m_document->round();
    m_document.reset();
    auto reopened = RoundDocument::open(path);
    QCOMPARE((*reopened)->round(), inMemory);
}

void TestNomisImport::badInputNamesFileLineAndColumn_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QStringList>("expected");

    const QByteArray header = "DATE,GEOGRAPHY_NAME,GEOGRAPHY_CODE,MEASURES_NAME,OBS_VALUE\n";
    QTest::newRow("empty file") << QByteArray() << QStringList{"is empty"};
    QTest::newRow("header only") << header << QStringList{"no data rows"};
    QTest::newRow("not a NOMIS file") << QByteArray("gss_code,cpa\nE09000001,Central\n")
                                      << QStringList{"line 1", "GEOGRAPHY_CODE"};
    QTest::newRow("no OBS_VALUE column")
        << QByteArray("DATE,GEOGRAPHY_CODE,VALUE\n2024,E09000001,3\n") << QStringList{"OBS_VALUE"};
    QTest::newRow("non-numeric value")
        << header + "2024,City,E09000001,Value,12\n2024,Camden,E09000007,Value,twelve\n"
        << QStringList{"line 3", "column OBS_VALUE", "\"twelve\""};
    QTest::newRow("ragged row") << header + "2024,City,E09000001,Value\n"
                                << QStringList{"line 2", "expected 5 fields", "found 4"};
    QTest::newRow("truncated inside a quote")
        << header + "2024,\"City of Lon" << QStringList{"never ends", "truncated"};
    QTest::newRow("bad date") << header + "May 2024,City,E09000001,Value,3\n"
                              << QStringList{"line 2", "column DATE", "\"May 2024\""};
    QTest::newRow("empty code") << header + "2024,City,,Value,3\n"
                                << QStringList{"line 2", "GEOGRAPHY_CODE"};
    QTest::newRow("absurd number") << header + "2024,City,E09000001,Value,1e999\n"
                                   << QStringList{"line 2", "OBS_VALUE"};
    QTest::newRow("same authority twice")
        << header + "2024,City,E09000001,Value,3\n2024,City,E09000001,Value,4\n"
        << QStringList{"line 3", "a second value"};
}

void TestNomisImport::badInputNamesFileLineAndColumn()
{
    QFETCH(QByteArray, content);
    QFETCH(QStringList, expected);
    const QString path = write(QStringLiteral("bad_input.csv"), content);
    const Round before = m_document->round();
    const qsizetype entries = m_document->auditEntries()->size();

    const auto summary = m_document->importNomis(path);
    QVERIFY(!summary);
    QVERIFY2(summary.errorMessage().contains(QStringLiteral("bad_input.csv")),
             qPrintable(summary.errorMessage()));
    for (const QString &e : expected)
        QVERIFY2(summary.errorMessage().contains(e), qPrintable(summary.errorMessage()));
    QCOMPARE(m_document->round(), before);
    QCOMPARE(m_document->auditEntries()->size(), entries);
    QFile::remove(path);
}

void TestNomisImport::cancelLeavesTheRoundAsItWas()
{
    const Round before = m_document->round();
    int calls = 0;
    const auto summary = m_document->importNomis(data(QStringLiteral("claimant_count.csv")), {},
                                                 [&](qint64, qint64) { return ++calls < 1; });
    QVERIFY(!summary);
    QVERIFY(summary.errorMessage().contains(QStringLiteral("cancelled")));
    QCOMPARE(m_document->round(), before);
    // Nothing half-imported: the same file imports afterwards as new.
    QVERIFY(m_document->importNomis(data(QStringLiteral("claimant_count.csv"))));
    QVERIFY(verifyRoundFile(m_document->filePath())->passed());
}

void TestNomisImport::importSurvivesReopening()
{
    QVERIFY(m_document->importNomis(data(QStringLiteral("claimant_count.csv")),
                                    QStringLiteral("Claimants")));
    const Round inMemory = m_document->round();
    const QString path = m_document->filePath();
    m_document.reset();
    auto reopened = RoundDocument::open(path);
    QVERIFY(reopened);
    QCOMPARE((*reopened)->round(), inMemory);
}

QTEST_GUILESS_MAIN(TestNomisImport)
#include "tst_nomisimport.moc"
