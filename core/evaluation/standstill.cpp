#include "core/evaluation/standstill.h"

#include <algorithm>
#include <iterator>

namespace CoCommission::Standstill {

namespace {

struct OneOffHoliday
{
    int year;
    int month;
    int day;
    const char *reason;
};

/** Extra bank holidays proclaimed for a single year. Add new ones here (see the header). */
constexpr OneOffHoliday kOneOffHolidays[] = {
    {1999, 12, 31, "Millennium celebrations"},
    {2002, 6, 3, "Golden Jubilee of Elizabeth II"},
    {2011, 4, 29, "Wedding of Prince William and Catherine Middleton"},
    {2012, 6, 5, "Diamond Jubilee of Elizabeth II"},
    {2022, 6, 3, "Platinum Jubilee of Elizabeth II"},
    {2022, 9, 19, "State Funeral of Queen Elizabeth II"},
    {2023, 5, 8, "Coronation of King Charles III"},
};

enum class Movable { EarlyMay, Spring };

struct MovedHoliday
{
    Movable holiday;
    int year;
    int month;
    int day;
    const char *reason;
};

/** Regular bank holidays moved from their usual day in a single year. Add new ones here. */
constexpr MovedHoliday kMovedHolidays[] = {
    {Movable::EarlyMay, 1995, 5, 8, "50th anniversary of VE Day"},
    {Movable::Spring, 2002, 6, 4, "Golden Jubilee weekend"},
    {Movable::Spring, 2012, 6, 4, "Diamond Jubilee weekend"},
    {Movable::EarlyMay, 2020, 5, 8, "75th anniversary of VE Day"},
    {Movable::Spring, 2022, 6, 2, "Platinum Jubilee weekend"},
};

QDate movedOr(Movable holiday, int year, QDate usual)
{
    for (const MovedHoliday &moved : kMovedHolidays) {
        if (moved.holiday == holiday && moved.year == year)
            return QDate(moved.year, moved.month, moved.day);
    }
    return usual;
}

QDate firstMonday(int year, int month)
{
    const QDate first(year, month, 1);
    return first.addDays((Qt::Monday - first.dayOfWeek() + 7) % 7);
}

QDate lastMonday(int year, int month)
{
    const QDate first(year, month, 1);
    const QDate last = first.addDays(first.daysInMonth() - 1);
    return last.addDays(-((last.dayOfWeek() - Qt::Monday + 7) % 7));
}

bool isWeekend(QDate date)
{
    return date.dayOfWeek() >= Qt::Saturday;
}

} // namespace

QDate easterSunday(int year)
{
    const int a = year % 19;
    const int b = year / 100;
    const int c = year % 100;
    const int d = b / 4;
    const int e = b % 4;
    const int f = (b + 8) / 25;
    const int g = (b - f + 1) / 3;
    const int h = (19 * a + b - d - g + 15) % 30;
    const int i = c / 4;
    const int k = c % 4;
    const int l = (32 + 2 * e + 2 * i - h - k) % 7;
    const int m = (a + 11 * h + 22 * l) / 451;
    const int month = (h + l - 7 * m + 114) / 31;
    const int day = (h + l - 7 * m + 114) % 31 + 1;
    return QDate(year, month, day);
}

QList<QDate> bankHolidays(int year)
{
    if (year < 1 || !QDate(year, 1, 1).isValid())
        return {};

    QList<QDate> days;

    // New Year's Day: a weekend day is replaced by the following Monday.
    QDate newYear(year, 1, 1);
    while (isWeekend(newYear))
        newYear = newYear.addDays(1);
    days << newYear;

    const QDate easter = easterSunday(year);
    days << easter.addDays(-2) << easter.addDays(1);

    days << movedOr(Movable::EarlyMay, year, firstMonday(year, 5));
    days << movedOr(Movable::Spring, year, lastMonday(year, 5));
    days << lastMonday(year, 8);

    // Christmas Day and Boxing Day: each falling at a weekend takes the next weekday not
    // already a holiday (Sat 25th: Mon 27th and Tue 28th; Sun 25th: Mon 26th is Boxing Day
    // and Tue 27th the substitute for Christmas Day).
    const QDate christmas(year, 12, 25);
    const QDate boxingDay(year, 12, 26);
    QList<QDate> christmasDays;
    for (const QDate &day : {christmas, boxingDay}) {
        if (!isWeekend(day))
            christmasDays << day;
    }
    QDate next = boxingDay.addDays(1);
    for (const QDate &day : {christmas, boxingDay}) {
        if (!isWeekend(day))
            continue;
        while (isWeekend(next) || christmasDays.contains(next))
            next = next.addDays(1);
        christmasDays << next;
        next = next.addDays(1);
    }
    days << christmasDays;

    for (const OneOffHoliday &oneOff : kOneOffHolidays) {
        if (oneOff.year == year)
            days << QDate(oneOff.year, oneOff.month, oneOff.day);
    }

    std::sort(days.begin(), days.end());
    days.erase(std::unique(days.begin(), days.end()), days.end());
    return days;
}

bool isWorkingDay(QDate date)
{
    if (!date.isValid() || isWeekend(date))
        return false;
    return !bankHolidays(date.year()).contains(date);
}

QDate addWorkingDays(QDate from, int days)
{
    if (!from.isValid())
        return {};
    const int step = days < 0 ? -1 : 1;
    QDate date = from;
    for (int remaining = days < 0 ? -days : days; remaining > 0;) {
        date = date.addDays(step);
        if (!date.isValid())
            return {};
        if (isWorkingDay(date))
            --remaining;
    }
    return date;
}

QDate standstillEnd(QDate awardNotice, int workingDays)
{
    return addWorkingDays(awardNotice, workingDays);
}

} // namespace CoCommission::Standstill
