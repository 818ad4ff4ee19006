#include "core/monitoring/contractreport.h"

#include "core/monitoring/monitoringcheck.h"
#include "core/round/round.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>
#include <cmath>

namespace CoCommission {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("CoCommission::ContractReport", text);
}

QLocale ukLocale()
{
    return QLocale(QLocale::English, QLocale::UnitedKingdom);
}

/** 1,234, or 153.2 for a fraction (a derived profile's): more decimals are noise to a reader. */
QString count(double value)
{
    const double whole = std::round(value);
    if (std::abs(value - whole) < 1e-6)
        return ukLocale().toString(whole, 'f', 0);
    return ukLocale().toString(value, 'f', 1);
}

/** 94.9% */
QString percent(double value)
{
    return ukLocale().toString(value, 'f', 1) + QLatin1Char('%');
}

/** £120,000 */
QString money(double value)
{
    return QStringLiteral("\u00a3") + ukLocale().toString(value, 'f', 0);
}

QString longDate(const QDate &date)
{
    return ukLocale().toString(date, QStringLiteral("d MMMM yyyy"));
}

QString quoted(const QString &text)
{
    return QStringLiteral("\u201c%1\u201d").arg(text);
}

/** "People who are homeless" reads "people who are homeless" mid-sentence; acronyms stay. */
QString inSentence(const QString &name)
{
    if (name.size() < 2 || !name.at(0).isUpper() || name.at(1).isUpper())
        return name;
    return name.at(0).toLower() + name.mid(1);
}

/** "a, b and c". */
QString listed(const QStringList &items)
{
    if (items.size() <= 1)
        return items.value(0);
    return tr("%1 and %2")
        .arg(items.mid(0, items.size() - 1).join(QStringLiteral(", ")), items.last());
}

/** Names of the round's CPAs and groups, falling back to the id or key the round no longer knows.
 */
class Names
{
public:
    explicit Names(const Round &round)
        : m_round(round)
        , m_groups(monitoringGroups(round))
    {}

    QString cpa(CpaId id) const
    {
        if (!id.isValid())
            return tr("all CPAs");
        const Cpa *cpa = m_round.adoptedCpa(id);
        return cpa ? cpa->name : tr("CPA %1").arg(id.value());
    }
    QString group(const QString &key) const
    {
        return key.isEmpty() ? tr("all groups") : inSentence(nameOfKey(m_groups, key));
    }
    QString place(const QString &gssCode) const
    {
        const Authority *a = m_round.authority(gssCode);
        return a ? a->name : gssCode;
    }

private:
    const Round &m_round;
    QList<KeyName> m_groups;
};

/** "1,234 against 1,300 in the profile (94.9% of profile, amber)". */
QString againstProfile(const PerformanceRow &row)
{
    if (!row.percentOfProfile)
        return tr("%1, where the profile expects none by now").arg(count(row.actual));
    return tr("%1 against %2 in the profile (%3 of profile, %4)")
        .arg(count(row.actual), count(row.profile), percent(*row.percentOfProfile),
             ragName(*row.rag).toLower());
}

const PerformanceRow *findRow(const QList<PerformanceRow> &rows, CpaId cpa, const QString &group,
                              MonitoringMeasure measure)
{
    for (const PerformanceRow &row : rows) {
        if (row.cpa == cpa && row.group == group && row.measure == measure)
            return &row;
    }
    return nullptr;
}

/** The CPAs of the report's rows, in their order. */
QList<CpaId> reportCpas(const PerformanceReport &report)
{
    QList<CpaId> cpas;
    for (const PerformanceRow &row : report.rows) {
        if (cpas.isEmpty() || cpas.last() != row.cpa)
            cpas.append(row.cpa);
    }
    return cpas;
}

QStringList localIntegration(const Round &round, const PerformanceReport &report,
                             const Names &names)
{
    QStringList findings;
    const ServiceDesign &design = round.design;
    if (design.contributions.isEmpty())
        findings << tr("No statement of intent to contribute local services has been recorded.");
    for (ContributionStatus status :
         {ContributionStatus::Signed, ContributionStatus::Agreed, ContributionStatus::Proposed}) {
        QStringList which;
        double value = 0;
        for (const LocalContribution &c : design.contributions) {
            if (c.status != status)
                continue;
            value += c.valuePerYear;
            which << tr("%1: %2").arg(names.place(c.authority),
                                      nameOfKey(contributionServices(), c.service));
        }
        if (which.isEmpty())
            continue;
        findings << tr("Statements of intent %1: %2, worth %3 a year (%4).")
                        .arg(inSentence(contributionStatusName(status)),
                             QString::number(which.size()), money(value),
                             which.join(QStringLiteral("; ")));
    }
    if (design.referralRoutes.isEmpty())
        findings << tr("The design of services sets out no referral route.");
    for (const ReferralRoute &r : design.referralRoutes)
        findings << tr("Referral route, %1: %2")
                        .arg(nameOfKey(referralSources(), r.source), r.description);
    if (const PerformanceRow *all =
            findRow(report.totals, CpaId(), QString(), MonitoringMeasure::Referrals))
        findings << tr("Referrals to date, all CPAs: %1.").arg(againstProfile(*all));
    for (CpaId cpa : reportCpas(report)) {
        if (const PerformanceRow *row =
                findRow(report.rows, cpa, QString(), MonitoringMeasure::Referrals))
            findings
                << tr("Referrals to date in %1: %2.").arg(names.cpa(cpa), againstProfile(*row));
    }
    return findings;
}

QStringList localPriorities(const PerformanceReport &report, const Names &names)
{
    QStringList findings;
    if (report.priorities.isEmpty())
        findings << tr("The design of services sets no directive condition for the priority "
                       "groups or places.");
    for (const PriorityShare &s : report.priorities) {
        if (!s.measurable) {
            findings << (s.cpa.isValid()
                             ? tr("A delivery presence in %1, a priority place in %2, is not "
                                  "measured by performance returns: the board checks it "
                                  "directly.")
                                   .arg(names.place(s.group), names.cpa(s.cpa))
                             : tr("A delivery presence in %1, a priority place, is not measured "
                                  "by performance returns: the board checks it directly.")
                                   .arg(names.place(s.group)));
            continue;
        }
        const QString minimum = percent(s.minimumPercent);
        if (!s.sharePercent) {
            findings << tr("In %1, no starts have been reported yet, so the share of starts from "
                           "%2 (at least %3) cannot be judged.")
                            .arg(names.cpa(s.cpa), names.group(s.group), minimum);
            continue;
        }
        findings << (*s.met ? tr("In %1, %2 of starts to date came from %3 (%4 of %5), against a "
                                 "minimum of %6: met.")
                            : tr("In %1, %2 of starts to date came from %3 (%4 of %5), against a "
                                 "minimum of %6: not met."))
                        .arg(names.cpa(s.cpa), percent(*s.sharePercent), names.group(s.group),
                             count(s.groupStarts), count(s.totalStarts), minimum);
    }
    return findings;
}

QStringList bestPractice(const PerformanceReport &report, const Names &names)
{
    QStringList findings;
    const ConversionRate *best = nullptr;
    for (const ConversionRate &rate : report.conversions) {
        if (!rate.cpa.isValid() || rate.key != QLatin1String("job_outcomes_per_start") ||
            !rate.actualPercent)
            continue;
        if (!best || *rate.actualPercent > *best->actualPercent)
            best = &rate;
    }
    if (!best) {
        findings << tr("No CPA has reported starts yet, so none can be named for its job "
                       "outcomes per start.");
    } else {
        findings << (best->profilePercent
                         ? tr("%1 has the highest job outcomes per start: %2, against %3 in the "
                              "profile.")
                               .arg(names.cpa(best->cpa), percent(*best->actualPercent),
                                    percent(*best->profilePercent))
                         : tr("%1 has the highest job outcomes per start: %2.")
                               .arg(names.cpa(best->cpa), percent(*best->actualPercent)));
    }
    int green = 0;
    for (const PerformanceRow &row : report.rows) {
        if (row.group.isEmpty() || row.measure != MonitoringMeasure::JobOutcomes ||
            row.rag != Rag::Green)
            continue;
        ++green;
        findings << tr("In %1, job outcomes for %2 are green: %3.")
                        .arg(names.cpa(row.cpa), names.group(row.group), againstProfile(row));
    }
    if (green == 0)
        findings << tr("No priority group's job outcomes are green yet.");
    return findings;
}

QString standardValue(const ServiceStandard &standard, double value)
{
    if (standard.direction == StandardDirection::Required)
        return value >= 1 ? tr("yes") : tr("no");
    return standard.unit.isEmpty() ? count(value)
                                   : QStringLiteral("%1 %2").arg(count(value), standard.unit);
}

QStringList operationalDelivery(const Round &round, const PerformanceReport &report,
                                const QDate &today, const Names &names)
{
    QStringList findings;
    // RAG by measure, per CPA.
    for (CpaId cpa : reportCpas(report)) {
        QStringList parts;
        for (MonitoringMeasure measure : monitoringMeasures()) {
            const PerformanceRow *row = findRow(report.rows, cpa, QString(), measure);
            if (!row)
                continue;
            const QString name = inSentence(monitoringMeasureName(measure));
            parts << (row->rag ? tr("%1 %2 (%3)")
                                     .arg(name, ragName(*row->rag).toLower(),
                                          percent(*row->percentOfProfile))
                               : tr("%1 not rated (no profile yet)").arg(name));
        }
        findings << tr("%1: %2.").arg(names.cpa(cpa), listed(parts));
    }
    // Red rows by name.
    for (const PerformanceRow &row : report.rows) {
        if (row.rag != Rag::Red)
            continue;
        findings << tr("Red: %1 for %2 in %3, %4.")
                        .arg(inSentence(monitoringMeasureName(row.measure)), names.group(row.group),
                             names.cpa(row.cpa), againstProfile(row));
    }
    // Service standards.
    int reported = 0, unmet = 0;
    for (const StandardCheck &check : report.standards) {
        if (!check.value)
            continue;
        ++reported;
        if (check.met.value_or(true))
            continue;
        ++unmet;
        const auto it =
            std::find_if(round.design.standards.begin(), round.design.standards.end(),
                         [&](const ServiceStandard &s) { return s.key == check.standard; });
        if (it == round.design.standards.end())
            continue;
        findings << tr("In %1, the standard %2 was not met in %3: %4 against %5 %6.")
                        .arg(names.cpa(check.cpa), quoted(it->name), periodName(check.reportedFor),
                             standardValue(*it, *check.value),
                             inSentence(directionName(it->direction)),
                             standardValue(*it, it->target));
    }
    if (reported == 0)
        findings << tr("No service standard has been reported yet.");
    else if (unmet == 0)
        findings << tr("Every service standard reported was met.");
    // The board: meetings held, overdue actions and open issues.
    const ProgrammeBoard &board = round.monitoring.board;
    QList<BoardMeeting> held;
    for (const BoardMeeting &m : board.meetings) {
        if (m.date.isValid() && m.date <= today)
            held.append(m);
    }
    std::stable_sort(held.begin(), held.end(),
                     [](const BoardMeeting &a, const BoardMeeting &b) { return a.date < b.date; });
    if (held.isEmpty())
        findings << tr("The programme board has not met yet.");
    for (const BoardMeeting &m : held) {
        const QString title = m.title.isEmpty() ? tr("Board meeting") : m.title;
        findings << (board.isQuorate(m)
                         ? tr("%1, %2: quorate (voting members present: %3, needed: %4).")
                         : tr("%1, %2: not quorate (voting members present: %3, needed: %4)."))
                        .arg(longDate(m.date), title)
                        .arg(board.votingPresent(m))
                        .arg(board.quorumNeeded());
    }
    int overdue = 0, open = 0;
    for (const BoardAction &a : board.actions) {
        const QString owner = a.owner.isEmpty() ? tr("no owner") : tr("owner %1").arg(a.owner);
        if (a.kind == ActionKind::Action && a.isOverdue(today)) {
            ++overdue;
            findings << tr("Overdue: action %1, %2, %3, due %4.")
                            .arg(QString::number(a.id), quoted(a.text), owner, longDate(a.due));
        } else if (a.kind == ActionKind::Issue &&
                   (a.status == ActionStatus::Open || a.status == ActionStatus::InProgress)) {
            ++open;
            findings << (a.isOverdue(today)
                             ? tr("Open issue %1, %2, %3, overdue since %4.")
                                   .arg(QString::number(a.id), quoted(a.text), owner,
                                        longDate(a.due))
                             : tr("Open issue %1, %2, %3.")
                                   .arg(QString::number(a.id), quoted(a.text), owner));
        }
    }
    if (overdue == 0)
        findings << tr("No action is overdue.");
    if (open == 0)
        findings << tr("No issue is open.");
    findings << report.warnings;
    return findings;
}

QString illustrativeNote()
{
    return tr("Illustrative: some of the figures, people or meetings in this report are "
              "invented. It does not report on a real programme.");
}

QString subtitle(const ContractManagerPaper &paper)
{
    return tr("%1: performance from %2 to %3 (cumulative), prepared on %4.")
        .arg(paper.round.isEmpty() ? tr("Untitled round") : paper.round,
             periodName(paper.performance.from), periodName(paper.period), longDate(paper.today));
}

QString html(const QString &text)
{
    return text.toHtmlEscaped();
}

} // namespace

QString ContractManagerPaper::toText() const
{
    QString text = tr("Report to the DWP contract manager") + u'\n' + subtitle(*this) + u'\n';
    if (illustrative)
        text += illustrativeNote() + u'\n';
    for (const ReportSection &section : sections) {
        text += u'\n' + section.title + u'\n';
        for (const QString &finding : section.findings)
            text += QStringLiteral("- ") + finding + u'\n';
        text += section.commentary.isEmpty()
                    ? tr("The board has written no commentary on this matter.") + u'\n'
                    : tr("The board's commentary: %1").arg(section.commentary.trimmed()) + u'\n';
    }
    return text;
}

QString ContractManagerPaper::toHtml() const
{
    const QString title = tr("Report to the DWP contract manager");
    QString out;
    out +=
        QStringLiteral("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
                       "<title>%1</title>\n")
            .arg(html(round.isEmpty() ? title : QStringLiteral("%1: %2").arg(title, round)));
    out += QStringLiteral(
        "<style>body{font-family:sans-serif;max-width:60em;margin:2em auto;line-height:1.4}"
        "table{border-collapse:collapse}th,td{border:1px solid #888;padding:.25em .5em;"
        "text-align:left}.illustrative{border:2px solid #b00;padding:.5em}</style>\n"
        "</head>\n<body>\n");
    out += QStringLiteral("<h1>%1</h1>\n<p>%2</p>\n").arg(html(title), html(subtitle(*this)));
    if (illustrative)
        out += QStringLiteral("<p class=\"illustrative\"><strong>%1</strong></p>\n")
                   .arg(html(illustrativeNote()));
    for (const ReportSection &section : sections) {
        out += QStringLiteral("<h2>%1</h2>\n").arg(html(section.title));
        if (!section.findings.isEmpty()) {
            out += QStringLiteral("<ul>\n");
            for (const QString &finding : section.findings)
                out += QStringLiteral("<li>%1</li>\n").arg(html(finding));
            out += QStringLiteral("</ul>\n");
        }
        if (section.matter == ReportMatter::OperationalDelivery && !performance.totals.isEmpty()) {
            // The RAG ratings read best as a table: a CPA a row, a measure a column.
            out += QStringLiteral("<table>\n<caption>%1</caption>\n<tr><th scope=\"col\">%2</th>")
                       .arg(html(tr("Cumulative performance against profile to %1")
                                     .arg(periodName(period))),
                            html(tr("CPA")));
            for (MonitoringMeasure m : monitoringMeasures())
                out +=
                    QStringLiteral("<th scope=\"col\">%1</th>").arg(html(monitoringMeasureName(m)));
            out += QStringLiteral("</tr>\n");
            QList<std::pair<QString, QList<const PerformanceRow *>>> lines;
            for (const PerformanceRow &row : performance.rows) {
                if (!row.group.isEmpty())
                    continue;
                if (lines.isEmpty() || lines.last().first != row.cpaName)
                    lines.append({row.cpaName, {}});
                lines.last().second.append(&row);
            }
            QList<const PerformanceRow *> all;
            for (const PerformanceRow &row : performance.totals)
                all.append(&row);
            lines.append({tr("All CPAs"), all});
            for (const auto &[name, rows] : lines) {
                out += QStringLiteral("<tr><th scope=\"row\">%1</th>").arg(html(name));
                for (const PerformanceRow *row : rows) {
                    const QString cell =
                        row->rag ? tr("%1 of %2 (%3, %4)")
                                       .arg(count(row->actual), count(row->profile),
                                            percent(*row->percentOfProfile), ragName(*row->rag))
                                 : tr("%1 (no profile)").arg(count(row->actual));
                    out += QStringLiteral("<td>%1</td>").arg(html(cell));
                }
                out += QStringLiteral("</tr>\n");
            }
            out += QStringLiteral("</table>\n");
        }
        if (section.commentary.isEmpty()) {
            out += QStringLiteral("<p><em>%1</em></p>\n")
                       .arg(html(tr("The board has written no commentary on this matter.")));
        } else {
            out += QStringLiteral("<h3>%1</h3>\n").arg(html(tr("The board's commentary")));
            const QStringList paragraphs =
                section.commentary.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
            for (const QString &p : paragraphs)
                out += QStringLiteral("<p>%1</p>\n").arg(html(p.trimmed()));
        }
    }
    out += QStringLiteral("</body>\n</html>\n");
    return out;
}

Result<ContractManagerPaper> contractManagerPaper(const Round &round, std::optional<QDate> period,
                                                  const QDate &today)
{
    Result<PerformanceReport> performance = performanceReport(round, period);
    if (!performance)
        return performance.error();

    ContractManagerPaper paper;
    paper.round = round.title;
    paper.performance = std::move(*performance);
    paper.period = paper.performance.period;
    paper.today = today.isValid() ? today : QDate::currentDate();
    // The report also states the design's statements of intent: invented ones count too.
    paper.illustrative = round.monitoring.isIllustrative() || round.design.illustrative;

    const Names names(round);
    const ContractManagerReport *commentary = round.monitoring.board.report(paper.period);
    for (ReportMatter matter : reportMatters()) {
        ReportSection section;
        section.matter = matter;
        section.title = reportMatterName(matter);
        switch (matter) {
        case ReportMatter::LocalIntegration:
            section.findings = localIntegration(round, paper.performance, names);
            break;
        case ReportMatter::LocalPriorities:
            section.findings = localPriorities(paper.performance, names);
            break;
        case ReportMatter::BestPractice:
            section.findings = bestPractice(paper.performance, names);
            break;
        case ReportMatter::OperationalDelivery:
            section.findings = operationalDelivery(round, paper.performance, paper.today, names);
            break;
        }
        if (commentary)
            section.commentary = commentary->on(matter);
        paper.sections.append(section);
    }
    return paper;
}

} // namespace CoCommission
