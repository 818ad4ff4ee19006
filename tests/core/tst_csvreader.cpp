#include "core/io/csvreader.h"

#include <QBuffer>
#include <QTest>

using namespace CoCommission;

class TestCsvReader : public QObject
{
    Q_OBJECT

private slots:
    void records_data();
    void records();
    void lineNumbersCountLinesInsideQuotes();
    void unterminatedQuoteIsAnError();
    void textAfterAClosingQuoteIsAnError();
    void largeInputStreamsAcrossChunks();

private:
    static QList<QStringList> readAll(const QByteArray &bytes, QString *error = nullptr);
};

QList<QStringList> TestCsvReader::readAll(const QByteArray &bytes, QString *error)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(&buffer);
    QList<QStringList> records;
    QStringList fields;
    while (reader.readRecord(fields))
        records.append(fields);
    if (error)
        *error = reader.error();
    return records;
}

using Records = QList<QStringList>;

void TestCsvReader::records_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<Records>("expected");

    QTest::newRow("plain") << QByteArray("a,b\n1,2\n") << Records{{"a", "b"}, {"1", "2"}};
    QTest::newRow("no final newline") << QByteArray("a,b\n1,2") << Records{{"a", "b"}, {"1", "2"}};
    QTest::newRow("CRLF") << QByteArray("a,b\r\n1,2\r\n") << Records{{"a", "b"}, {"1", "2"}};
    QTest::newRow("byte-order mark") << QByteArray("\xEF\xBB\xBF"
                                                   "a,b\n")
                                     << Records{{"a", "b"}};
    QTest::newRow("quoted comma") << QByteArray("\"Kingston upon Thames, Royal\",2\n")
                                  << Records{{"Kingston upon Thames, Royal", "2"}};
    QTest::newRow("doubled quote")
        << QByteArray("\"say \"\"hello\"\"\",x\n") << Records{{"say \"hello\"", "x"}};
    QTest::newRow("newline in quotes")
        << QByteArray("\"two\nlines\",3\n") << Records{{"two\nlines", "3"}};
    QTest::newRow("empty fields") << QByteArray(",,\n") << Records{{"", "", ""}};
    QTest::newRow("empty quoted field") << QByteArray("\"\",a\n") << Records{{"", "a"}};
    QTest::newRow("UTF-8") << QByteArray("Bromley,\xC2\xA3"
                                         "5\n")
                           << Records{{"Bromley", "£5"}};
}

void TestCsvReader::records()
{
    QFETCH(QByteArray, input);
    QFETCH(Records, expected);
    QString error;
    QCOMPARE(readAll(input, &error), expected);
    QVERIFY(error.isEmpty());
}

void TestCsvReader::lineNumbersCountLinesInsideQuotes()
{
    QBuffer buffer;
    buffer.setData("h\n\"a\nb\"\nc\n");
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(&buffer);
    QVERIFY(reader.next());
    QCOMPARE(reader.recordLine(), 1);
    QVERIFY(reader.next());
    QCOMPARE(reader.recordLine(), 2);
    QVERIFY(reader.next());
    QCOMPARE(reader.recordLine(), 4);
    QCOMPARE(reader.fieldText(0), QStringLiteral("c"));
    QVERIFY(!reader.next());
}

void TestCsvReader::unterminatedQuoteIsAnError()
{
    QString error;
    const Records records = readAll("a,b\n\"cut off here,2\n", &error);
    QCOMPARE(records.size(), 1);
    QVERIFY2(error.contains(QStringLiteral("line 2")), qPrintable(error));
}

void TestCsvReader::textAfterAClosingQuoteIsAnError()
{
    QBuffer buffer;
    buffer.setData("a,b\n\"Camden\"x,2\n");
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(&buffer);
    QVERIFY(reader.next());
    QVERIFY(!reader.next());
    QCOMPARE(reader.problem(), CsvReader::Problem::TextAfterQuote);
    QCOMPARE(reader.problemLine(), 2);
    QVERIFY(reader.error().contains(QStringLiteral("line 2")));
}

void TestCsvReader::largeInputStreamsAcrossChunks()
{
    // Quotes and line ends that straddle the reader's 1 MiB chunks.
    QByteArray input;
    const int rows = 120000;
    for (int i = 0; i < rows; ++i)
        input +=
            "\"area, " + QByteArray::number(i) + "\",\"x\"\"y\"," + QByteArray::number(i) + "\r\n";
    const Records records = readAll(input);
    QCOMPARE(records.size(), rows);
    for (int i : {0, 1, 8737, 65535, rows - 1}) {
        QCOMPARE(records.at(i).at(0), QStringLiteral("area, %1").arg(i));
        QCOMPARE(records.at(i).at(1), QStringLiteral("x\"y"));
        QCOMPARE(records.at(i).at(2), QString::number(i));
    }
}

QTEST_GUILESS_MAIN(TestCsvReader)
#include "tst_csvreader.moc"
