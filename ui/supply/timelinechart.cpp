#include "ui/supply/timelinechart.h"

#include "core/supply/supplycheck.h"

#include <QEvent>
#include <QHelpEvent>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace CoCommission {

namespace {

constexpr int kMargin = 8;
constexpr int kMinimumPlotWidth = 160;

// Fixed colours that keep at least 4.5:1 against white whatever the desktop theme: the chart
// paints its own light background so that they always do.
const QColor kBackground(0xff, 0xff, 0xff);
const QColor kText(0x0b, 0x0c, 0x0c);
const QColor kSecondaryText(0x50, 0x5a, 0x5f);
const QColor kBand(0xf3, 0xf2, 0xf1);
const QColor kGrid(0xb1, 0xb4, 0xb6);
const QColor kBar(0x1d, 0x70, 0xb8);
const QColor kToday(0x00, 0x70, 0x3c);
const QColor kFailed(0xd4, 0x35, 0x1c);
const QColor kFailedFill(0xf6, 0xd7, 0xd2);

QString rowLabel(const Milestone &m)
{
    return m.name.trimmed().isEmpty() ? milestoneName(m.kind) : m.name.trimmed();
}

QString failedLabel(const TimelineCheck &check)
{
    return QCoreApplication::translate("CoCommission::TimelineChart", "✗ %1")
        .arg(check.description);
}

QDate firstOfMonth(const QDate &date)
{
    return QDate(date.year(), date.month(), 1);
}

} // namespace

TimelineChart::TimelineChart(QWidget *parent)
    : QWidget(parent)
    , m_today(QDate::currentDate())
{
    setObjectName(QStringLiteral("timelineChart"));
    setAccessibleName(tr("Timeline chart"));
    setFocusPolicy(Qt::NoFocus);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setMouseTracking(false);
    updateDescription();
}

void TimelineChart::setTimeline(const QList<Milestone> &milestones,
                                const QList<TimelineCheck> &checks)
{
    m_milestones.clear();
    for (const Milestone &m : milestones) {
        if (m.start.isValid() && m.end.isValid())
            m_milestones << m;
    }
    m_failed.clear();
    for (const TimelineCheck &check : checks) {
        if (!check.met && check.days)
            m_failed << check;
    }

    const TimelineSpan span = timelineSpan(m_milestones);
    if (span.isValid()) {
        QDate last = span.end;
        // The marker of where a failed minimum would end stays on the axis.
        for (const TimelineCheck &check : std::as_const(m_failed))
            last = std::max(last, check.start.addDays(check.rule.minimumDays));
        m_axisStart = firstOfMonth(span.start);
        m_axisEnd = firstOfMonth(last).addMonths(1);
    } else {
        m_axisStart = m_axisEnd = QDate();
    }
    updateDescription();
    updateGeometry();
    update();
}

void TimelineChart::setToday(const QDate &today)
{
    m_today = today;
    update();
}

bool TimelineChart::showsToday() const
{
    return m_axisStart.isValid() && m_today.isValid() && m_today >= m_axisStart &&
           m_today < m_axisEnd;
}

QString TimelineChart::milestoneText(const Milestone &m)
{
    const QString label = rowLabel(m);
    if (m.start == m.end)
        return tr("%1: %2").arg(label, longDate(m.start));
    const QString kind = m.name.trimmed().isEmpty() ? QString() : milestoneName(m.kind);
    const QString dates =
        tr("%1 to %2 (%3)")
            .arg(longDate(m.start), longDate(m.end), durationText(int(m.start.daysTo(m.end))));
    return kind.isEmpty() ? tr("%1: %2").arg(label, dates)
                          : tr("%1 (%2): %3").arg(label, kind, dates);
}

QString TimelineChart::textAlternative() const
{
    if (m_milestones.isEmpty())
        return tr("The timeline has no milestones yet.");
    QStringList lines;
    lines << tr("Market engagement timeline, %1 milestones in the order listed:")
                 .arg(m_milestones.size());
    for (const Milestone &m : m_milestones)
        lines << milestoneText(m) + QLatin1Char('.');
    if (m_failed.isEmpty()) {
        lines << tr("No rule that can be measured is missed.");
    } else {
        lines << tr("Rules not met:");
        for (const TimelineCheck &check : m_failed)
            lines << check.explanation;
    }
    return lines.join(QLatin1Char('\n'));
}

void TimelineChart::updateDescription()
{
    const QString text = textAlternative();
    setAccessibleDescription(text);
}

TimelineChart::Geometry TimelineChart::geometry() const
{
    const QFontMetrics fm = fontMetrics();
    Geometry g;
    g.axisHeight = 2 * fm.height() + 10;
    g.rowHeight = fm.height() + 12;
    int widest = fm.horizontalAdvance(tr("Rules not met"));
    for (const Milestone &m : m_milestones)
        widest = std::max(widest, fm.horizontalAdvance(rowLabel(m)));
    for (const TimelineCheck &check : m_failed)
        widest = std::max(widest, fm.horizontalAdvance(failedLabel(check)));
    const int available = width() - 2 * kMargin;
    // Labels take what they need up to two-fifths of the width; the plot keeps the rest.
    g.labelWidth = std::clamp(widest + 16, 120, std::max(120, available * 2 / 5));
    g.plotLeft = kMargin + g.labelWidth;
    g.plotRight = std::max(g.plotLeft + kMinimumPlotWidth / 2, width() - kMargin - 4);
    g.rulesTop = kMargin + g.axisHeight + int(m_milestones.size()) * g.rowHeight + g.rowHeight / 2;
    return g;
}

double TimelineChart::xOf(const Geometry &g, const QDate &date) const
{
    const double total = double(m_axisStart.daysTo(m_axisEnd));
    if (total <= 0)
        return g.plotLeft;
    return g.plotLeft + double(m_axisStart.daysTo(date)) / total * (g.plotRight - g.plotLeft);
}

QSize TimelineChart::sizeHint() const
{
    const QFontMetrics fm = fontMetrics();
    if (m_milestones.isEmpty())
        return {600, 3 * fm.height()};
    const Geometry g = geometry();
    int height = g.rulesTop - g.rowHeight / 2 + kMargin;
    if (!m_failed.isEmpty())
        height = g.rulesTop + (1 + int(m_failed.size())) * g.rowHeight + kMargin;
    return {600, height};
}

QSize TimelineChart::minimumSizeHint() const
{
    return {320, sizeHint().height()};
}

void TimelineChart::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange) {
        updateGeometry();
        update();
    }
    QWidget::changeEvent(event);
}

bool TimelineChart::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const QString text = rowTextAt(help->pos().y());
        if (text.isEmpty()) {
            QToolTip::hideText();
            event->ignore();
        } else {
            QToolTip::showText(help->globalPos(), text, this);
        }
        return true;
    }
    return QWidget::event(event);
}

QString TimelineChart::rowTextAt(int y) const
{
    if (m_milestones.isEmpty())
        return {};
    const Geometry g = geometry();
    const int top = kMargin + g.axisHeight;
    if (y >= top && y < top + int(m_milestones.size()) * g.rowHeight)
        return milestoneText(m_milestones[(y - top) / g.rowHeight]);
    const int failedTop = g.rulesTop + g.rowHeight;
    if (!m_failed.isEmpty() && y >= failedTop && y < failedTop + int(m_failed.size()) * g.rowHeight)
        return m_failed[(y - failedTop) / g.rowHeight].explanation;
    return {};
}

void TimelineChart::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), kBackground);
    p.setPen(kGrid);
    p.drawRect(rect().adjusted(0, 0, -1, -1));
    const QFontMetrics fm = fontMetrics();

    if (m_milestones.isEmpty()) {
        p.setPen(kSecondaryText);
        p.drawText(rect(), Qt::AlignCenter,
                   tr("No milestones yet: add them below to see the timeline."));
        return;
    }

    const Geometry g = geometry();
    const int rowsTop = kMargin + g.axisHeight;
    const int rowsBottom = rowsTop + int(m_milestones.size()) * g.rowHeight;
    const int bottom =
        m_failed.isEmpty() ? rowsBottom : g.rulesTop + (1 + int(m_failed.size())) * g.rowHeight;

    // Bands on every other row, so that a label can be followed to its bar.
    for (int i = 0; i < m_milestones.size(); ++i) {
        if (i % 2 == 1)
            p.fillRect(
                QRect(kMargin, rowsTop + i * g.rowHeight, width() - 2 * kMargin, g.rowHeight),
                kBand);
    }
    for (int i = 0; i < m_failed.size(); ++i) {
        if (i % 2 == 1)
            p.fillRect(QRect(kMargin, g.rulesTop + (i + 1) * g.rowHeight, width() - 2 * kMargin,
                             g.rowHeight),
                       kBand);
    }

    // Month ticks: a line at the first of each month, the month's name in its middle when it
    // fits (else every second or third month), and the year under January and the first month.
    const QLocale locale;
    int longest = 0;
    for (int month = 1; month <= 12; ++month)
        longest =
            std::max(longest, fm.horizontalAdvance(locale.monthName(month, QLocale::ShortFormat)));
    const double monthWidth =
        (g.plotRight - g.plotLeft) / std::max(1.0, double(m_axisStart.daysTo(m_axisEnd)) / 30.44);
    const int step = std::max(1, int(std::ceil((longest + 8) / std::max(1.0, monthWidth))));
    int index = 0;
    for (QDate month = m_axisStart; month < m_axisEnd; month = month.addMonths(1), ++index) {
        const double x = xOf(g, month);
        const double next = xOf(g, month.addMonths(1));
        p.setPen(QPen(kGrid, 1));
        p.drawLine(QPointF(x, kMargin), QPointF(x, bottom));
        if (index % step != 0)
            continue;
        p.setPen(kText);
        const QRectF cellRect(x, kMargin, std::max(next - x, double(longest + 8)), fm.height() + 4);
        p.drawText(cellRect, Qt::AlignHCenter | Qt::AlignVCenter,
                   locale.monthName(month.month(), QLocale::ShortFormat));
        if (index == 0 || month.month() == 1) {
            p.setPen(kSecondaryText);
            p.drawText(cellRect.translated(0, fm.height() + 2), Qt::AlignHCenter | Qt::AlignVCenter,
                       QString::number(month.year()));
        }
    }
    p.setPen(QPen(kGrid, 1));
    p.drawLine(QPointF(g.plotRight, kMargin), QPointF(g.plotRight, bottom));
    p.drawLine(QPointF(kMargin, rowsTop), QPointF(width() - kMargin, rowsTop));

    // The milestones: a bar for a period, a diamond for a day.
    const double dayWidth = xOf(g, m_axisStart.addDays(1)) - xOf(g, m_axisStart);
    const int barHeight = std::max(8, g.rowHeight - 12);
    for (int i = 0; i < m_milestones.size(); ++i) {
        const Milestone &m = m_milestones[i];
        const int top = rowsTop + i * g.rowHeight;
        const double centreY = top + g.rowHeight / 2.0;
        p.setPen(kText);
        p.drawText(QRect(kMargin + 4, top, g.labelWidth - 12, g.rowHeight),
                   Qt::AlignLeft | Qt::AlignVCenter,
                   fm.elidedText(rowLabel(m), Qt::ElideRight, g.labelWidth - 12));
        if (m.start == m.end) {
            const double x = xOf(g, m.start) + dayWidth / 2;
            const double r = barHeight / 2.0 + 1;
            QPainterPath diamond;
            diamond.moveTo(x, centreY - r);
            diamond.lineTo(x + r, centreY);
            diamond.lineTo(x, centreY + r);
            diamond.lineTo(x - r, centreY);
            diamond.closeSubpath();
            p.fillPath(diamond, kBar);
        } else {
            const double left = xOf(g, m.start);
            const double right = std::max(left + 3, xOf(g, m.end.addDays(1)));
            p.fillRect(QRectF(left, centreY - barHeight / 2.0, right - left, barHeight), kBar);
        }
    }

    // The rules not met: what was measured, and a dashed mark where the minimum would end.
    if (!m_failed.isEmpty()) {
        QFont bold = font();
        bold.setBold(true);
        p.setFont(bold);
        p.setPen(kFailed.darker(130));
        p.drawText(QRect(kMargin + 4, g.rulesTop, width() - 2 * kMargin, g.rowHeight),
                   Qt::AlignLeft | Qt::AlignVCenter, tr("Rules not met"));
        p.setFont(font());
        for (int i = 0; i < m_failed.size(); ++i) {
            const TimelineCheck &check = m_failed[i];
            const int top = g.rulesTop + (i + 1) * g.rowHeight;
            const double centreY = top + g.rowHeight / 2.0;
            p.setPen(kText);
            p.drawText(QRect(kMargin + 4, top, g.labelWidth - 12, g.rowHeight),
                       Qt::AlignLeft | Qt::AlignVCenter,
                       fm.elidedText(failedLabel(check), Qt::ElideRight, g.labelWidth - 12));
            const double left = xOf(g, check.start);
            const double right = std::max(left + 3, xOf(g, check.end));
            const QRectF span(left, centreY - barHeight / 2.0, right - left, barHeight);
            p.fillRect(span, kFailedFill);
            p.setPen(QPen(kFailed, 2));
            p.drawRect(span);
            // The shortfall: a dashed outline from where the measure ends to where the
            // minimum would end.
            const double needed = xOf(g, check.start.addDays(check.rule.minimumDays));
            if (needed > right) {
                p.setPen(QPen(kFailed, 1.5, Qt::DashLine));
                p.setBrush(Qt::NoBrush);
                p.drawRect(QRectF(right, span.top(), needed - right, span.height()));
            }
        }
    }

    if (showsToday()) {
        const double x = xOf(g, m_today) + dayWidth / 2;
        p.setPen(QPen(kToday, 2, Qt::DashLine));
        p.drawLine(QPointF(x, rowsTop - 2), QPointF(x, bottom));
        const QString label = tr("Today");
        const int w = fm.horizontalAdvance(label) + 6;
        const QRectF box(std::min(x + 3, double(g.plotRight - w)), rowsTop - fm.height() - 4, w,
                         fm.height() + 2);
        p.fillRect(box, kBackground);
        p.setPen(kToday);
        p.drawText(box, Qt::AlignCenter, label);
    }
}

} // namespace CoCommission
