#include "core/supply/timeline.h"

#include "core/supply/supplycheck.h"

#include <QCoreApplication>

namespace CoCommission {

namespace {

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("CoCommission::Timeline", text, disambiguation, n);
}

/** "tender notice": a kind's name inside a sentence. */
QString kindInSentence(MilestoneKind kind)
{
    QString name = milestoneName(kind);
    if (!name.isEmpty())
        name[0] = name[0].toLower();
    return name;
}

// Plurals spelt out: without an English translation file "%n day(s)" would print as written.
QString dayCount(int days)
{
    return days == 1 || days == -1 ? tr("%1 day").arg(days) : tr("%1 days").arg(days);
}

/** "42 days" or "42 days (6 weeks)". */
QString measured(int days)
{
    const QString inDays = dayCount(days);
    if (days != 0 && days % 7 == 0)
        return tr("%1 (%2)").arg(inDays, durationText(days));
    return inDays;
}

} // namespace

QList<TimelineRule> defaultTimelineRules()
{
    return {
        {MilestoneKind::SupplyChainFormation, MilestoneKind::SupplyChainFormation, 56},
        {MilestoneKind::TenderNotice, MilestoneKind::BidDeadline, 30},
        {MilestoneKind::Standstill, MilestoneKind::Standstill, 10},
        {MilestoneKind::PriorInformationNotice, MilestoneKind::TenderNotice, 35},
    };
}

QString durationText(int days)
{
    if (days != 0 && days % 7 == 0)
        return days == 7 ? tr("1 week") : tr("%1 weeks").arg(days / 7);
    return dayCount(days);
}

QString timelineRuleDescription(const TimelineRule &rule)
{
    if (rule.from == rule.to)
        return tr("%1 lasts at least %2")
            .arg(milestoneName(rule.from), durationText(rule.minimumDays));
    return tr("At least %1 from the %2 to the %3")
        .arg(durationText(rule.minimumDays), kindInSentence(rule.from), kindInSentence(rule.to));
}

TimelineCheck checkTimelineRule(const QList<Milestone> &milestones, const TimelineRule &rule)
{
    TimelineCheck check;
    check.rule = rule;
    check.description = timelineRuleDescription(rule);
    QDate start;
    QDate end;
    for (const Milestone &m : milestones) {
        if (!m.start.isValid() || !m.end.isValid())
            continue;
        if (m.kind == rule.from && (!start.isValid() || m.start < start))
            start = m.start;
        if (m.kind == rule.to && (!end.isValid() || m.end > end))
            end = m.end;
    }

    if (!start.isValid() || !end.isValid()) {
        QStringList missing;
        if (!start.isValid())
            missing << kindInSentence(rule.from);
        if (!end.isValid() && rule.to != rule.from)
            missing << kindInSentence(rule.to);
        check.explanation =
            missing.size() == 1
                ? tr("Not met: the timeline has no %1.").arg(missing.first())
                : tr("Not met: the timeline has no %1 and no %2.").arg(missing[0], missing[1]);
        return check;
    }

    const int days = int(start.daysTo(end));
    check.days = days;
    check.start = start;
    check.end = end;
    check.met = days >= rule.minimumDays;
    const QString span =
        rule.from == rule.to
            ? tr("%1 lasts %2, from %3 to %4")
                  .arg(milestoneName(rule.from), measured(days), longDate(start), longDate(end))
            : tr("%1 from the %2 (%3) to the %4 (%5)")
                  .arg(measured(days), kindInSentence(rule.from), longDate(start),
                       kindInSentence(rule.to), longDate(end));
    if (check.met)
        check.explanation =
            tr("Met: %1; the rule asks for at least %2.").arg(span, durationText(rule.minimumDays));
    else
        check.explanation =
            tr("Not met: %1; the rule asks for at least %2, %3 more.")
                .arg(span, durationText(rule.minimumDays), dayCount(rule.minimumDays - days));
    return check;
}

QList<TimelineCheck> checkTimeline(const SupplyMarket &supply)
{
    QList<TimelineCheck> checks;
    for (const TimelineRule &rule : supply.rules)
        checks << checkTimelineRule(supply.milestones, rule);
    return checks;
}

TimelineSpan timelineSpan(const QList<Milestone> &milestones)
{
    TimelineSpan span;
    for (const Milestone &m : milestones) {
        if (!m.start.isValid() || !m.end.isValid())
            continue;
        if (!span.start.isValid() || m.start < span.start)
            span.start = m.start;
        if (!span.end.isValid() || m.end > span.end)
            span.end = m.end;
    }
    return span;
}

} // namespace CoCommission
