#pragma once

#include "core/round/supply.h"
#include "core/supply/timeline.h"

#include <QDate>
#include <QList>
#include <QWidget>

namespace CoCommission {

/**
 * A Gantt-style chart of the market engagement timeline: one row per milestone in the order
 * given, a bar from its start to its end on a date axis with month ticks, a diamond for a
 * milestone of one day, a line for today when today falls on the axis, and below the milestones
 * a row for each rule that is not met: what was measured, then the shortfall to the minimum in
 * a dashed outline.
 *
 * The chart only shows: it takes no focus, and the milestone and rule tables beside it hold the
 * same facts for keyboard and screen-reader users. textAlternative() says it in words and is
 * the chart's accessible description.
 */
class TimelineChart : public QWidget
{
    Q_OBJECT

public:
    explicit TimelineChart(QWidget *parent = nullptr);

    /** Shows \a milestones; of \a checks, those not met with a measured span are marked. */
    void setTimeline(const QList<Milestone> &milestones, const QList<TimelineCheck> &checks);
    /** The day drawn as today; QDate::currentDate() unless set (tests fix it). */
    void setToday(const QDate &today);
    QDate today() const { return m_today; }

    /** The first day of the axis (the first of the earliest milestone's month), or invalid. */
    QDate axisStart() const { return m_axisStart; }
    /** The day after the axis (the first of the month after the latest end), or invalid. */
    QDate axisEnd() const { return m_axisEnd; }
    /** The rules marked as not met, in order. */
    const QList<TimelineCheck> &failedChecks() const { return m_failed; }
    bool showsToday() const;

    /** The chart in words: each milestone with its dates, then each rule not met. */
    QString textAlternative() const;
    /** What a milestone's row says, e.g. "Supply-chain formation: 1 October to 19 November 2026".
     */
    static QString milestoneText(const Milestone &milestone);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    struct Geometry
    {
        int labelWidth = 0;
        int plotLeft = 0;
        int plotRight = 0;
        int axisHeight = 0;
        int rowHeight = 0;
        int rulesTop = 0; ///< the heading of the rules not met, when there are any
    };

    Geometry geometry() const;
    double xOf(const Geometry &g, const QDate &date) const;
    /** The text of the row at \a y, for its tooltip; empty when there is no row there. */
    QString rowTextAt(int y) const;
    void updateDescription();

    QList<Milestone> m_milestones;
    QList<TimelineCheck> m_failed;
    QDate m_axisStart;
    QDate m_axisEnd;
    QDate m_today;
};

} // namespace CoCommission
