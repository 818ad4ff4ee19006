// Stage 6 on the command line: the performance report (cumulative figures against the contract
// profile, RAG-rated) and the report to the DWP contract manager. Both only read the round.

#include "core/cli/cliutil.h"

#include "core/monitoring/contractreport.h"
#include "core/monitoring/monitoringcheck.h"
#include "core/monitoring/performance.h"
#include "core/round/rounddocument.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <QTextStream>

#include <algorithm>
#include <cmath>

namespace CoCommission::CommandLine {

namespace {

const QString kReportSynopsis =
    QStringLiteral("cocommission monitoring report ROUND.cocom [--period YYYY-MM] [--json]");
const QString kDwpSynopsis = QStringLiteral(
    "cocommission monitoring dwp-report ROUND.cocom [--period YYYY-MM] [--json|--html]");

QString quoted(const QString &text)
{
    return QStringLiteral("\u201c%1\u201d").arg(text);
}

QJsonValue optional(const std::optional<double> &value)
{
    return value ? QJsonValue(*value) : QJsonValue();
}

QJsonValue optional(const std::optional<bool> &value)
{
    return value ? QJsonValue(*value) : QJsonValue();
}

QJsonValue ragJson(const std::optional<Rag> &rag)
{
    return rag ? QJsonValue(ragKey(*rag)) : QJsonValue();
}

/** 1,234, or 153.2 for a fraction (a derived profile's). */
QString count(double value)
{
    const QLocale locale(QLocale::English, QLocale::UnitedKingdom);
    const double whole = std::round(value);
    if (std::abs(value - whole) < 1e-6)
        return locale.toString(whole, 'f', 0);
    return locale.toString(value, 'f', 1);
}

/**
 * A count as JSON gives it: a derived profile's fractions summed carry binary noise
 * (1690.0799999999997); four decimals are more than any reader needs.
 */
double tidy(double value)
{
    return std::round(value * 10000.0) / 10000.0;
}

QString percentText(const std::optional<double> &value)
{
    return value ? QLocale(QLocale::English, QLocale::UnitedKingdom).toString(*value, 'f', 1) +
                       QLatin1Char('%')
                 : QStringLiteral("-");
}

/** The arguments ROUND.cocom [--period YYYY-MM] and the output flags. */
struct ReportArgs
{
    QString path;
    std::optional<QDate> period;
    QStringList flags;
};

/** Parses \a args; nullopt after printing the problem and the usage. */
std::optional<ReportArgs> parseReportArgs(const QStringList &args, const QStringList &flags,
                                          const QString &synopsis, QTextStream &err)
{
    const Parsed p = parse(args, flags, {QStringLiteral("--period")});
    if (!p.error.isEmpty()) {
        usage(err, p.error, synopsis);
        return std::nullopt;
    }
    if (p.positional.size() != 1) {
        usage(err, tr("Name one round file."), synopsis);
        return std::nullopt;
    }
    ReportArgs a{p.positional.first(), std::nullopt, p.flags};
    if (p.values.contains(QStringLiteral("--period"))) {
        const QString key = p.values.value(QStringLiteral("--period"));
        a.period = periodFromKey(key);
        if (!a.period) {
            usage(
                err,
                tr("The period %1 is not a month written YYYY-MM, e.g. 2018-03.").arg(quoted(key)),
                synopsis);
            return std::nullopt;
        }
    }
    return a;
}

QString groupName(const QList<KeyName> &groups, const QString &key)
{
    return key.isEmpty() ? tr("All groups") : nameOfKey(groups, key);
}

QString cpaName(const Round &round, CpaId cpa)
{
    if (!cpa.isValid())
        return tr("All CPAs");
    const Cpa *found = round.adoptedCpa(cpa);
    return found ? found->name : tr("CPA %1").arg(cpa.value());
}

QJsonObject rowJson(const PerformanceRow &row, bool withCpa)
{
    QJsonObject o{
        {QStringLiteral("measure"), monitoringMeasureKey(row.measure)},
        {QStringLiteral("actual"), tidy(row.actual)},
        {QStringLiteral("profile"), tidy(row.profile)},
        {QStringLiteral("percent_of_profile"), optional(row.percentOfProfile)},
        {QStringLiteral("rag"), ragJson(row.rag)},
    };
    if (withCpa) {
        o.insert(QStringLiteral("cpa"), row.cpaName);
        o.insert(QStringLiteral("priority_group"),
                 row.group.isEmpty() ? QJsonValue() : QJsonValue(row.group));
    }
    return o;
}

QJsonObject reportJson(const Round &round, const PerformanceReport &report)
{
    QJsonArray rows, totals, conversions, priorities, standards;
    for (const PerformanceRow &row : report.rows)
        rows.append(rowJson(row, true));
    for (const PerformanceRow &row : report.totals)
        totals.append(rowJson(row, false));
    for (const ConversionRate &c : report.conversions) {
        conversions.append(QJsonObject{
            {QStringLiteral("cpa"),
             c.cpa.isValid() ? QJsonValue(cpaName(round, c.cpa)) : QJsonValue()},
            {QStringLiteral("key"), c.key},
            {QStringLiteral("name"), c.name},
            {QStringLiteral("actual_percent"), optional(c.actualPercent)},
            {QStringLiteral("profile_percent"), optional(c.profilePercent)},
        });
    }
    for (const PriorityShare &s : report.priorities) {
        priorities.append(QJsonObject{
            {QStringLiteral("condition"), s.condition},
            {QStringLiteral("kind"), conditionKindKey(s.measurable ? ConditionKind::GroupShare
                                                                   : ConditionKind::PlacePresence)},
            {QStringLiteral("cpa"),
             s.cpa.isValid() ? QJsonValue(cpaName(round, s.cpa)) : QJsonValue()},
            {QStringLiteral("subject"), s.group},
            {QStringLiteral("measurable"), s.measurable},
            {QStringLiteral("minimum_percent"), s.minimumPercent},
            {QStringLiteral("group_starts"), tidy(s.groupStarts)},
            {QStringLiteral("total_starts"), tidy(s.totalStarts)},
            {QStringLiteral("share_percent"), optional(s.sharePercent)},
            {QStringLiteral("met"), optional(s.met)},
        });
    }
    for (const StandardCheck &s : report.standards) {
        standards.append(QJsonObject{
            {QStringLiteral("standard"), s.standard},
            {QStringLiteral("cpa"), cpaName(round, s.cpa)},
            {QStringLiteral("value"), optional(s.value)},
            {QStringLiteral("reported_for"),
             s.reportedFor.isValid() ? QJsonValue(periodKey(s.reportedFor)) : QJsonValue()},
            {QStringLiteral("met"), optional(s.met)},
        });
    }
    const ProgrammeBoard &board = round.monitoring.board;
    return QJsonObject{
        {QStringLiteral("period"), periodKey(report.period)},
        {QStringLiteral("from"), periodKey(report.from)},
        {QStringLiteral("rows"), rows},
        {QStringLiteral("totals"), totals},
        {QStringLiteral("conversions"), conversions},
        {QStringLiteral("priorities"), priorities},
        {QStringLiteral("standards"), standards},
        {QStringLiteral("warnings"), QJsonArray::fromStringList(report.warnings)},
        {QStringLiteral("thresholds"),
         QJsonObject{{QStringLiteral("green_percent"), board.greenPercent},
                     {QStringLiteral("amber_percent"), board.amberPercent}}},
        {QStringLiteral("illustrative"), round.monitoring.isIllustrative()},
    };
}

/** The text report's table: the first column left-aligned, the others right-aligned. */
QString table(const QList<QStringList> &rows)
{
    QList<qsizetype> widths;
    for (const QStringList &row : rows) {
        for (qsizetype c = 0; c < row.size(); ++c) {
            if (widths.size() <= c)
                widths << 0;
            widths[c] = std::max(widths[c], row[c].size());
        }
    }
    QString text;
    for (const QStringList &row : rows) {
        QStringList cells;
        for (qsizetype c = 0; c < row.size(); ++c)
            cells << (c == 0 ? row[c].leftJustified(widths[c]) : row[c].rightJustified(widths[c]));
        text += QStringLiteral("  ") + cells.join(QStringLiteral("  ")).trimmed() + u'\n';
    }
    return text;
}

/** "12 / 15  80.0% red": actual, profile, percent of profile and RAG. */
QString cell(const PerformanceRow &row)
{
    return QStringLiteral("%1 / %2  %3 %4")
        .arg(count(row.actual), count(row.profile), percentText(row.percentOfProfile),
             row.rag ? ragKey(*row.rag) : QStringLiteral("-"));
}

void printReport(const Round &round, const PerformanceReport &report, QTextStream &out)
{
    out << tr("Performance of %1 against the contract profile").arg(quoted(round.title)) << '\n'
        << tr("Cumulative from %1 to %2. Each cell: actual / profile, percent of profile, RAG "
              "(green from %3% of profile, amber from %4%).")
               .arg(periodName(report.from), periodName(report.period),
                    count(round.monitoring.board.greenPercent),
                    count(round.monitoring.board.amberPercent))
        << '\n';
    if (round.monitoring.isIllustrative())
        out << tr("ILLUSTRATIVE: the board, profile or returns are invented to show the stage "
                  "working; no decision may rest on them.")
            << '\n';
    const QList<KeyName> groups = monitoringGroups(round);
    QStringList header{tr("Group")};
    for (MonitoringMeasure m : monitoringMeasures())
        header << monitoringMeasureName(m);

    for (qsizetype i = 0; i < report.rows.size();) {
        const CpaId cpa = report.rows[i].cpa;
        out << '\n' << report.rows[i].cpaName << '\n';
        QList<QStringList> lines{header};
        while (i < report.rows.size() && report.rows[i].cpa == cpa) {
            const PerformanceRow &first = report.rows[i];
            QStringList line{groupName(groups, first.group)};
            for (; i < report.rows.size() && report.rows[i].cpa == cpa &&
                   report.rows[i].group == first.group;
                 ++i)
                line << cell(report.rows[i]);
            lines << line;
        }
        out << table(lines);
    }
    out << '\n' << tr("All CPAs") << '\n';
    QStringList all{tr("All groups")};
    for (const PerformanceRow &row : report.totals)
        all << cell(row);
    out << table({header, all});

    out << '\n' << tr("Conversion rates to date (actual, profile)") << '\n';
    QList<QStringList> rates{{tr("CPA")}};
    for (qsizetype i = 0; i < report.conversions.size() && i < 3; ++i)
        rates.first() << report.conversions[i].name;
    for (qsizetype i = 0; i < report.conversions.size(); i += 3) {
        QStringList line{cpaName(round, report.conversions[i].cpa)};
        for (qsizetype j = i; j < i + 3 && j < report.conversions.size(); ++j)
            line << QStringLiteral("%1, %2").arg(percentText(report.conversions[j].actualPercent),
                                                 percentText(report.conversions[j].profilePercent));
        rates << line;
    }
    out << table(rates);

    out << '\n' << tr("Local priorities: share of starts to date") << '\n';
    if (report.priorities.isEmpty())
        out << "  " << tr("The design sets no directive condition.") << '\n';
    for (const PriorityShare &s : report.priorities) {
        if (!s.measurable) {
            const Authority *place = round.authority(s.group);
            out << "  "
                << tr("Presence in %1: not measured by returns.").arg(place ? place->name : s.group)
                << '\n';
            continue;
        }
        const QString verdict = !s.met ? tr("no starts yet") : *s.met ? tr("met") : tr("NOT met");
        out << "  "
            << tr("%1, %2: %3 of %4 starts (%5), at least %6: %7.")
                   .arg(cpaName(round, s.cpa), nameOfKey(groups, s.group), count(s.groupStarts),
                        count(s.totalStarts), percentText(s.sharePercent),
                        percentText(s.minimumPercent), verdict)
            << '\n';
    }

    out << '\n' << tr("Service standards: latest figure reported") << '\n';
    if (report.standards.isEmpty())
        out << "  " << tr("The design sets no service standard.") << '\n';
    for (const StandardCheck &s : report.standards) {
        const auto it = std::find_if(
            round.design.standards.begin(), round.design.standards.end(),
            [&](const ServiceStandard &standard) { return standard.key == s.standard; });
        const QString name = it == round.design.standards.end() ? s.standard : it->name;
        QString value;
        if (s.value) {
            if (it != round.design.standards.end() && it->direction == StandardDirection::Required)
                value = *s.value >= 1 ? tr("yes") : tr("no");
            else if (it != round.design.standards.end() && !it->unit.isEmpty())
                value = QStringLiteral("%1 %2").arg(count(*s.value), it->unit);
            else
                value = count(*s.value);
        }
        out << "  "
            << (s.value ? tr("%1, %2: %3 in %4: %5.")
                              .arg(cpaName(round, s.cpa), name, value, periodName(s.reportedFor),
                                   *s.met ? tr("met") : tr("NOT met"))
                        : tr("%1, %2: not reported.").arg(cpaName(round, s.cpa), name))
            << '\n';
    }

    out << '\n' << tr("Warnings") << '\n';
    if (report.warnings.isEmpty())
        out << "  " << tr("None.") << '\n';
    for (const QString &w : report.warnings)
        out << "  " << w << '\n';
}

QJsonObject paperJson(const ContractManagerPaper &paper)
{
    QJsonArray sections;
    for (const ReportSection &s : paper.sections) {
        sections.append(QJsonObject{
            {QStringLiteral("matter"), reportMatterKey(s.matter)},
            {QStringLiteral("title"), s.title},
            {QStringLiteral("findings"), QJsonArray::fromStringList(s.findings)},
            {QStringLiteral("commentary"), s.commentary},
        });
    }
    return QJsonObject{
        {QStringLiteral("round"), paper.round},
        {QStringLiteral("period"), periodKey(paper.period)},
        {QStringLiteral("from"), periodKey(paper.performance.from)},
        {QStringLiteral("today"), paper.today.toString(Qt::ISODate)},
        {QStringLiteral("illustrative"), paper.illustrative},
        {QStringLiteral("sections"), sections},
    };
}

} // namespace

int runMonitoringReport(const QStringList &args, QTextStream &out, QTextStream &err)
{
    const auto a = parseReportArgs(args, {QStringLiteral("--json")}, kReportSynopsis, err);
    if (!a)
        return UsageError;
    const auto document = openForReading(a->path, err);
    if (!document)
        return UsageError;
    const Round &round = document->round();
    const Result<PerformanceReport> report = performanceReport(round, a->period);
    if (!report) {
        err << tr("No report: %1").arg(report.errorMessage()) << '\n';
        return UsageError;
    }
    if (a->flags.contains(QStringLiteral("--json")))
        printJson(out, reportJson(round, *report));
    else
        printReport(round, *report, out);
    return Success;
}

int runMonitoringDwpReport(const QStringList &args, QTextStream &out, QTextStream &err)
{
    const auto a = parseReportArgs(args, {QStringLiteral("--json"), QStringLiteral("--html")},
                                   kDwpSynopsis, err);
    if (!a)
        return UsageError;
    const bool json = a->flags.contains(QStringLiteral("--json"));
    const bool html = a->flags.contains(QStringLiteral("--html"));
    if (json && html)
        return usage(err, tr("Ask for --json or --html, not both."), kDwpSynopsis);
    const auto document = openForReading(a->path, err);
    if (!document)
        return UsageError;
    const Result<ContractManagerPaper> paper = contractManagerPaper(document->round(), a->period);
    if (!paper) {
        err << tr("No report: %1").arg(paper.errorMessage()) << '\n';
        return UsageError;
    }
    if (json)
        printJson(out, paperJson(*paper));
    else if (html)
        out << paper->toHtml();
    else
        out << paper->toText();
    return Success;
}

} // namespace CoCommission::CommandLine
