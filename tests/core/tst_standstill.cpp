#include "core/evaluation/standstill.h"

#include <QTest>

using namespace CoCommission;

using DateList = QList<QDate>;

class TestStandstill : public QObject
{
    Q_OBJECT

private slots:
    void easterSunday_data();
    void easterSunday();
    void publishedLists_data();
    void publishedLists();
    void substituteDays_data();
    void substituteDays();
    void oneOffAndMovedHolidays_data();
    void oneOffAndMovedHolidays();
    void listsAreSortedAndUnique();
    void workingDays_data();
    void workingDays();
    void standstillEnd_data();
    void standstillEnd();
    void addWorkingDaysEdges();
};

void TestStandstill::easterSunday_data()
{
    QTest::addColumn<int>("year");
    QTest::addColumn<QDate>("expected");

    QTest::newRow("2024") << 2024 << QDate(2024, 3, 31);
    QTest::newRow("2025") << 2025 << QDate(2025, 4, 20);
    QTest::newRow("2026") << 2026 << QDate(2026, 4, 5);
    QTest::newRow("2000") << 2000 << QDate(2000, 4, 23);
    QTest::newRow("2008 early") << 2008 << QDate(2008, 3, 23);
    QTest::newRow("2019") << 2019 << QDate(2019, 4, 21);
    QTest::newRow("2038 latest") << 2038 << QDate(2038, 4, 25);
    QTest::newRow("2285 earliest") << 2285 << QDate(2285, 3, 22);
}

void TestStandstill::easterSunday()
{
    QFETCH(int, year);
    QFETCH(QDate, expected);
    QCOMPARE(Standstill::easterSunday(year), expected);
    QCOMPARE(Standstill::easterSunday(year).dayOfWeek(), int(Qt::Sunday));
}

void TestStandstill::publishedLists_data()
{
    QTest::addColumn<int>("year");
    QTest::addColumn<DateList>("expected");

    // As published at https://www.gov.uk/bank-holidays (England and Wales).
    QTest::newRow("2024") << 2024
                          << DateList{QDate(2024, 1, 1),   QDate(2024, 3, 29), QDate(2024, 4, 1),
                                      QDate(2024, 5, 6),   QDate(2024, 5, 27), QDate(2024, 8, 26),
                                      QDate(2024, 12, 25), QDate(2024, 12, 26)};
    QTest::newRow("2025") << 2025
                          << DateList{QDate(2025, 1, 1),   QDate(2025, 4, 18), QDate(2025, 4, 21),
                                      QDate(2025, 5, 5),   QDate(2025, 5, 26), QDate(2025, 8, 25),
                                      QDate(2025, 12, 25), QDate(2025, 12, 26)};
    QTest::newRow("2026") << 2026
                          << DateList{QDate(2026, 1, 1),   QDate(2026, 4, 3),  QDate(2026, 4, 6),
                                      QDate(2026, 5, 4),   QDate(2026, 5, 25), QDate(2026, 8, 31),
                                      QDate(2026, 12, 25), QDate(2026, 12, 28)};
}

void TestStandstill::publishedLists()
{
    QFETCH(int, year);
    QFETCH(DateList, expected);
    QCOMPARE(Standstill::bankHolidays(year), expected);
}

void TestStandstill::substituteDays_data()
{
    QTest::addColumn<int>("year");
    QTest::addColumn<DateList>("present");
    QTest::addColumn<DateList>("absent");

    QTest::newRow("2021 Christmas on Saturday")
        << 2021 << DateList{QDate(2021, 12, 27), QDate(2021, 12, 28)}
        << DateList{QDate(2021, 12, 25), QDate(2021, 12, 26)};
    QTest::newRow("2022 Christmas on Sunday")
        << 2022 << DateList{QDate(2022, 12, 26), QDate(2022, 12, 27)}
        << DateList{QDate(2022, 12, 25), QDate(2022, 12, 28)};
    QTest::newRow("2026 Boxing Day on Saturday")
        << 2026 << DateList{QDate(2026, 12, 25), QDate(2026, 12, 28)}
        << DateList{QDate(2026, 12, 26), QDate(2026, 12, 29)};
    QTest::newRow("2022 New Year on Saturday")
        << 2022 << DateList{QDate(2022, 1, 3)} << DateList{QDate(2022, 1, 1)};
    QTest::newRow("2023 New Year on Sunday")
        << 2023 << DateList{QDate(2023, 1, 2)} << DateList{QDate(2023, 1, 1)};
    QTest::newRow("2027 New Year on Friday")
        << 2027 << DateList{QDate(2027, 1, 1)} << DateList{QDate(2027, 1, 4)};
}

void TestStandstill::substituteDays()
{
    QFETCH(int, year);
    QFETCH(DateList, present);
    QFETCH(DateList, absent);
    const QList<QDate> holidays = Standstill::bankHolidays(year);
    for (const QDate &date : present)
        QVERIFY2(holidays.contains(date), qPrintable(date.toString(Qt::ISODate)));
    for (const QDate &date : absent)
        QVERIFY2(!holidays.contains(date), qPrintable(date.toString(Qt::ISODate)));
}

void TestStandstill::oneOffAndMovedHolidays_data()
{
    QTest::addColumn<int>("year");
    QTest::addColumn<DateList>("expected");

    QTest::newRow("2012 Diamond Jubilee")
        << 2012 << DateList{QDate(2012, 1, 2),  QDate(2012, 4, 6),   QDate(2012, 4, 9),
                            QDate(2012, 5, 7),  QDate(2012, 6, 4),   QDate(2012, 6, 5),
                            QDate(2012, 8, 27), QDate(2012, 12, 25), QDate(2012, 12, 26)};
    QTest::newRow("2020 VE Day") << 2020 << DateList{QDate(2020, 1, 1),   QDate(2020, 4, 10),
                                                     QDate(2020, 4, 13),  QDate(2020, 5, 8),
                                                     QDate(2020, 5, 25),  QDate(2020, 8, 31),
                                                     QDate(2020, 12, 25), QDate(2020, 12, 28)};
    QTest::newRow("2022 Platinum Jubilee and State Funeral")
        << 2022
        << DateList{QDate(2022, 1, 3),   QDate(2022, 4, 15), QDate(2022, 4, 18), QDate(2022, 5, 2),
                    QDate(2022, 6, 2),   QDate(2022, 6, 3),  QDate(2022, 8, 29), QDate(2022, 9, 19),
                    QDate(2022, 12, 26), QDate(2022, 12, 27)};
    QTest::newRow("2023 Coronation")
        << 2023 << DateList{QDate(2023, 1, 2),  QDate(2023, 4, 7),   QDate(2023, 4, 10),
                            QDate(2023, 5, 1),  QDate(2023, 5, 8),   QDate(2023, 5, 29),
                            QDate(2023, 8, 28), QDate(2023, 12, 25), QDate(2023, 12, 26)};
}

void TestStandstill::oneOffAndMovedHolidays()
{
    QFETCH(int, year);
    QFETCH(DateList, expected);
    QCOMPARE(Standstill::bankHolidays(year), expected);
}

void TestStandstill::listsAreSortedAndUnique()
{
    for (int year = 1978; year <= 2100; ++year) {
        const QList<QDate> holidays = Standstill::bankHolidays(year);
        QVERIFY2(holidays.size() >= 8, qPrintable(QString::number(year)));
        for (qsizetype i = 0; i < holidays.size(); ++i) {
            QCOMPARE(holidays.at(i).year(), year);
            QVERIFY(holidays.at(i).dayOfWeek() <= Qt::Friday);
            if (i > 0)
                QVERIFY(holidays.at(i - 1) < holidays.at(i));
        }
    }
}

void TestStandstill::workingDays_data()
{
    QTest::addColumn<QDate>("date");
    QTest::addColumn<bool>("working");

    QTest::newRow("ordinary Thursday") << QDate(2026, 4, 2) << true;
    QTest::newRow("Good Friday") << QDate(2026, 4, 3) << false;
    QTest::newRow("Saturday") << QDate(2026, 4, 4) << false;
    QTest::newRow("Sunday") << QDate(2026, 4, 5) << false;
    QTest::newRow("Easter Monday") << QDate(2026, 4, 6) << false;
    QTest::newRow("Tuesday after Easter") << QDate(2026, 4, 7) << true;
    QTest::newRow("Christmas Eve") << QDate(2026, 12, 24) << true;
    QTest::newRow("invalid") << QDate() << false;
}

void TestStandstill::workingDays()
{
    QFETCH(QDate, date);
    QFETCH(bool, working);
    QCOMPARE(Standstill::isWorkingDay(date), working);
}

void TestStandstill::standstillEnd_data()
{
    QTest::addColumn<QDate>("notice");
    QTest::addColumn<QDate>("expected");

    // Thu 2 Apr: Good Friday 3 and Easter Monday 6 skipped; days 1-8 are 7-10 and 13-16 April.
    QTest::newRow("across Easter 2026") << QDate(2026, 4, 2) << QDate(2026, 4, 16);
    // Thu 17 Dec: 18, 21-24 Dec are days 1-5; 25 and 28 Dec skipped; 29-31 Dec are days 6-8.
    QTest::newRow("across Christmas 2026") << QDate(2026, 12, 17) << QDate(2026, 12, 31);
    // Tue 22 Dec: 23, 24, 29, 30, 31 Dec, then 1 Jan 2027 skipped, then 4-6 Jan.
    QTest::newRow("into the New Year 2027") << QDate(2026, 12, 22) << QDate(2027, 1, 6);
    // Mon 9 Mar: 10-13 and 16-19 March.
    QTest::newRow("plain weeks") << QDate(2026, 3, 9) << QDate(2026, 3, 19);
    // Sat 7 Mar: the notice day is not counted, so Mon 9 is day 1 and Wed 18 day 8.
    QTest::newRow("notice on a Saturday") << QDate(2026, 3, 7) << QDate(2026, 3, 18);
    QTest::newRow("notice on Good Friday") << QDate(2026, 4, 3) << QDate(2026, 4, 16);
}

void TestStandstill::standstillEnd()
{
    QFETCH(QDate, notice);
    QFETCH(QDate, expected);
    const QDate end = Standstill::standstillEnd(notice);
    QCOMPARE(end, expected);
    QVERIFY(Standstill::isWorkingDay(end));
}

void TestStandstill::addWorkingDaysEdges()
{
    const QDate saturday(2026, 3, 7);
    QCOMPARE(Standstill::addWorkingDays(saturday, 0), saturday);
    QCOMPARE(Standstill::addWorkingDays(QDate(2026, 3, 9), 1), QDate(2026, 3, 10));
    QCOMPARE(Standstill::addWorkingDays(QDate(2026, 4, 7), -1), QDate(2026, 4, 2));
    QCOMPARE(Standstill::addWorkingDays(QDate(2026, 4, 16), -8), QDate(2026, 4, 2));
    QCOMPARE(Standstill::standstillEnd(QDate(2026, 3, 9), 10), QDate(2026, 3, 23));
    QVERIFY(!Standstill::addWorkingDays(QDate(), 8).isValid());
}

QTEST_GUILESS_MAIN(TestStandstill)
#include "tst_standstill.moc"
