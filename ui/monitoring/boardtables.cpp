#include "ui/monitoring/boardtables.h"

#include "ui/uiutil.h"

#include <QAbstractButton>
#include <QColor>
#include <QDate>
#include <QDateTime>
#include <QTableWidget>
#include <QTableWidgetItem>

#include <algorithm>
#include <cmath>

namespace CoCommission::BoardTables {

namespace {

// The same fixed pairs the stage 4 screen uses for a met rule and a gap.
const QColor kGoodText(0x00, 0x5a, 0x30);
const QColor kAttentionBackground(0xf6, 0xd7, 0xd2);
const QColor kAttentionText(0x7a, 0x1e, 0x10);

} // namespace

QString dayText(const QDate &date)
{
    return date.isValid() ? QLocale().toString(date, QStringLiteral("d MMM yyyy")) : QString();
}

QString dateTimeText(const QDateTime &dateTime)
{
    return dateTime.isValid()
               ? QLocale().toString(dateTime.toLocalTime(), QStringLiteral("d MMM yyyy, HH:mm"))
               : QString();
}

QString countText(double value)
{
    // Avoids "-0" for a tiny negative rounding residue.
    const double whole = std::round(value);
    return UiUtil::numberLocale().toString(whole == 0 ? 0.0 : whole, 'f', 0);
}

QString figureText(double value, int decimals)
{
    QString text = UiUtil::numberLocale().toString(value, 'f', decimals);
    const QChar point = UiUtil::numberLocale().decimalPoint().front();
    if (decimals > 0 && text.contains(point)) {
        while (text.endsWith(u'0'))
            text.chop(1);
        if (text.endsWith(point))
            text.chop(1);
    }
    return text;
}

void markGood(QTableWidgetItem *item)
{
    item->setForeground(kGoodText);
}

void markAttention(QTableWidgetItem *item)
{
    item->setBackground(kAttentionBackground);
    item->setForeground(kAttentionText);
}

void enable(QAbstractButton *button, bool on, const QString &what, const QString &why,
            const QString &otherwise)
{
    UiUtil::setAvailable(button, on, what, !why.isEmpty() ? why : otherwise);
}

void selectNear(QTableWidget *table, int row, int column)
{
    if (table->rowCount() == 0)
        return;
    const int next = std::min(row, table->rowCount() - 1);
    table->selectRow(next);
    table->setCurrentCell(next, column);
}

} // namespace CoCommission::BoardTables
