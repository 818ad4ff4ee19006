#pragma once

#include <QDate>
#include <QList>

/**
 * The standstill period after an award notice: a number of working days (8 by default) that
 * must pass before the contract may be entered into. A working day is any day that is not a
 * Saturday, a Sunday or a bank holiday in England and Wales.
 *
 * Bank holidays follow the regular rules (New Year's Day, Good Friday, Easter Monday, the early
 * May, spring and summer bank holidays, Christmas Day and Boxing Day, with substitute days
 * when these fall at a weekend) plus a small table of one-off holidays and moved holidays in
 * standstill.cpp (kOneOffHolidays, kMovedHolidays). The rules are those in force since 1978;
 * earlier years are computed with the same rules and are not historical.
 *
 * New one-off or moved bank holidays (announced by royal proclamation) are not predictable:
 * they MUST be added to the tables in standstill.cpp when GOV.UK announces them, or standstill
 * dates in those years will come out a day early.
 */
namespace CoCommission::Standstill {

/** Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm). */
QDate easterSunday(int year);

/** The bank holidays in England and Wales in a year, sorted, without duplicates. */
QList<QDate> bankHolidays(int year);

/** False for Saturdays, Sundays, bank holidays in England and Wales and invalid dates. */
bool isWorkingDay(QDate date);

/**
 * The date reached by counting `days` working days on from `from`, the day `from` itself not
 * counted (so `from` may be a non-working day). Negative `days` count backwards; zero returns
 * `from`. An invalid `from` gives an invalid date.
 */
QDate addWorkingDays(QDate from, int days);

/** The last day of the standstill period: `workingDays` working days after the award notice. */
QDate standstillEnd(QDate awardNotice, int workingDays = 8);

} // namespace CoCommission::Standstill
