// Stage 6 on the command line: receiving performance returns, setting the contract profile,
// listing the returns and a figure's history, and removing the demo's illustrative returns.
// "monitoring report" and "monitoring dwp-report" live in cli_monitoring_report.cpp.

#include "core/cli/cliutil.h"

#include "core/commands/monitoringcommands.h"
#include "core/monitoring/monitoringcheck.h"
#include "core/monitoring/performance.h"
#include "core/monitoring/profile.h"
#include "core/monitoring/returncsv.h"
#include "core/round/rounddocument.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <QTextStream>

#include <algorithm>

namespace CoCommission::CommandLine {

namespace {

const QString kImportSynopsis =
    QStringLiteral("cocommission monitoring import ROUND.cocom FILE.csv [--note TEXT] [--json]");
const QString kProfileSynopsis =
    QStringLiteral("cocommission monitoring profile ROUND.cocom --derive SCENARIO [--start "
                   "YYYY-MM]\n"
                   "       cocommission monitoring profile ROUND.cocom --import FILE.csv\n"
                   "       cocommission monitoring profile ROUND.cocom --export FILE.csv");
const QString kReturnsSynopsis =
    QStringLiteral("cocommission monitoring returns ROUND.cocom [--json]");
const QString kHistorySynopsis =
    QStringLiteral("cocommission monitoring history ROUND.cocom --period YYYY-MM --cpa NAME "
                   "--group KEY --measure MEASURE [--json]");
const QString kRemoveSynopsis =
    QStringLiteral("cocommission monitoring remove-illustrative ROUND.cocom");
const QString kReportSynopsis =
    QStringLiteral("cocommission monitoring report ROUND.cocom [--period YYYY-MM] [--json]\n"
                   "       cocommission monitoring dwp-report ROUND.cocom [--period YYYY-MM] "
                   "[--json|--html]");

QString quoted(const QString &text)
{
    return QStringLiteral("\u201c%1\u201d").arg(text);
}

/** A count or value as it reads: 12, 3.5. */
QString number(double value)
{
    return QLocale::c().toString(value, 'f', QLocale::FloatingPointShortest);
}

QString timestamp(const QDateTime &at)
{
    return at.toUTC().toString(Qt::ISODate);
}

QJsonValue periodJson(const QDate &period)
{
    return period.isValid() ? QJsonValue(periodKey(period)) : QJsonValue();
}

QString measureKeys()
{
    QStringList keys;
    for (MonitoringMeasure m : monitoringMeasures())
        keys << monitoringMeasureKey(m);
    return keys.join(QStringLiteral(", "));
}

/** "2019-04 to 2019-06", "2019-04", or "" without periods. */
QString periodRange(const QDate &first, const QDate &last)
{
    if (!first.isValid())
        return {};
    if (first == last)
        return periodKey(first);
    return tr("%1 to %2").arg(periodKey(first), periodKey(last));
}

/** The first and last months a return reports. */
std::pair<QDate, QDate> periodsOf(const PerformanceReturn &r)
{
    QDate first;
    QDate last;
    const auto add = [&](const QDate &period) {
        if (!first.isValid() || period < first)
            first = period;
        if (!last.isValid() || period > last)
            last = period;
    };
    for (const MonitoringFigure &f : r.figures)
        add(f.period);
    for (const StandardFigure &f : r.standards)
        add(f.period);
    return {first, last};
}

int runImport(const QStringList &args, QTextStream &out, QTextStream &err)
{
    const Parsed p = parse(args, {QStringLiteral("--json")}, {QStringLiteral("--note")});
    if (!p.error.isEmpty())
        return usage(err, p.error, kImportSynopsis);
    if (p.positional.size() != 2)
        return usage(err, tr("Name the round file and the return's CSV file."), kImportSynopsis);
    const auto document = openForWriting(p.positional.first(), err);
    if (!document)
        return UsageError;
    if (const QString why = document->whyMonitoringFrozen(); !why.isEmpty()) {
        err << tr("Nothing was received: %1").arg(why) << '\n';
        return UsageError;
    }
    const Result<ReturnImport> read = readReturnCsv(document->round(), p.positional.at(1),
                                                    p.values.value(QStringLiteral("--note")));
    if (!read) {
        err << tr("Nothing was received:") << '\n' << read.errorMessage() << '\n';
        return UsageError;
    }
    const Monitoring &monitoring = document->round().monitoring;
    const bool illustrative =
        std::any_of(monitoring.returns.begin(), monitoring.returns.end(),
                    [](const PerformanceReturn &r) { return r.illustrative; });
    const Result<qint64> id = document->addReturn(read->performanceReturn);
    if (!id) {
        err << tr("Nothing was received: %1").arg(id.errorMessage()) << '\n';
        if (illustrative)
            err << tr("To remove them: cocommission monitoring remove-illustrative %1")
                       .arg(p.positional.first())
                << '\n';
        return UsageError;
    }
    const PerformanceReturn &r = read->performanceReturn;
    const auto [first, last] = periodsOf(r);
    for (const QString &warning : read->warnings)
        err << tr("warning: %1").arg(warning) << '\n';
    if (p.flags.contains(QStringLiteral("--json"))) {
        printJson(out, QJsonObject{
                           {QStringLiteral("return"), double(*id)},
                           {QStringLiteral("source"), r.source},
                           {QStringLiteral("sha256"), r.sha256},
                           {QStringLiteral("note"), r.note},
                           {QStringLiteral("rows"), read->rows},
                           {QStringLiteral("figures"), int(r.figures.size())},
                           {QStringLiteral("standards"), int(r.standards.size())},
                           {QStringLiteral("corrections"), read->corrections},
                           {QStringLiteral("first_period"), periodJson(first)},
                           {QStringLiteral("last_period"), periodJson(last)},
                           {QStringLiteral("warnings"), QJsonArray::fromStringList(read->warnings)},
                       });
        return Success;
    }
    out << tr("Received %1 as return %2: %3 for %4.")
               .arg(r.source, QString::number(*id),
                    read->rows == 1 ? tr("1 row") : tr("%1 rows").arg(read->rows),
                    periodRange(first, last))
        << '\n';
    if (read->corrections == 1)
        out << tr("1 figure corrects a figure of an earlier return, which stays on record.")
            << '\n';
    else if (read->corrections > 1)
        out << tr("%1 figures correct figures of earlier returns, which stay on record.")
                   .arg(read->corrections)
            << '\n';
    if (!read->warnings.isEmpty())
        out << (read->warnings.size() == 1
                    ? tr("1 warning: see above.")
                    : tr("%1 warnings: see above.").arg(read->warnings.size()))
            << '\n';
    return Success;
}

void printProfile(const ContractProfile &profile, QTextStream &out)
{
    out << tr("Contract profile: %1 to %2, %3 months, with %4 figures.")
               .arg(periodKey(profile.start), periodKey(profile.end()),
                    QString::number(profile.months), QString::number(profile.figures.size()))
        << '\n'
        << profile.source << '\n';
    if (profile.illustrative)
        out << tr("ILLUSTRATIVE: the profile rests on invented figures; no decision may rest on "
                  "it.")
            << '\n';
}

int runProfile(const QStringList &args, QTextStream &out, QTextStream &err)
{
    const QString derive = QStringLiteral("--derive");
    const QString start = QStringLiteral("--start");
    const QString import = QStringLiteral("--import");
    const QString exportOption = QStringLiteral("--export");
    const Parsed p = parse(args, {}, {derive, start, import, exportOption});
    if (!p.error.isEmpty())
        return usage(err, p.error, kProfileSynopsis);
    if (p.positional.size() != 1)
        return usage(err, tr("Name one round file."), kProfileSynopsis);
    const int modes = int(p.values.contains(derive)) + int(p.values.contains(import)) +
                      int(p.values.contains(exportOption));
    if (modes != 1)
        return usage(err, tr("Give one of --derive, --import or --export."), kProfileSynopsis);
    if (p.values.contains(start) && !p.values.contains(derive))
        return usage(err, tr("--start goes with --derive."), kProfileSynopsis);
    QDate first;
    if (p.values.contains(start)) {
        const std::optional<QDate> period = periodFromKey(p.values.value(start));
        if (!period)
            return usage(
                err,
                tr("%1 is not a month: write --start YYYY-MM.").arg(quoted(p.values.value(start))),
                kProfileSynopsis);
        first = *period;
    }

    if (p.values.contains(exportOption)) {
        const auto document = openForReading(p.positional.first(), err);
        if (!document)
            return UsageError;
        const ContractProfile &profile = document->round().monitoring.profile;
        if (profile.figures.isEmpty()) {
            err << tr("The round has no contract profile to export: derive or import one first.")
                << '\n';
            return UsageError;
        }
        const QString path = p.values.value(exportOption);
        if (Status s = writeProfileCsv(document->round(), profile, path); !s) {
            err << s.errorMessage() << '\n';
            return UsageError;
        }
        out << tr("Wrote the %1 figures of the contract profile to %2.")
                   .arg(QString::number(profile.figures.size()), QFileInfo(path).fileName())
            << '\n';
        if (profile.illustrative)
            out << tr("ILLUSTRATIVE: the profile rests on invented figures.") << '\n';
        return Success;
    }

    const auto document = openForWriting(p.positional.first(), err);
    if (!document)
        return UsageError;
    if (const QString why = document->whyMonitoringFrozen(); !why.isEmpty()) {
        err << tr("Nothing was changed: %1").arg(why) << '\n';
        return UsageError;
    }
    const Round &round = document->round();
    const bool deriving = p.values.contains(derive);
    const Result<ContractProfile> profile =
        deriving ? deriveProfile(round, p.values.value(derive), first)
                 : readProfileCsv(round, p.values.value(import));
    if (!profile) {
        err << tr("Nothing was changed:") << '\n' << profile.errorMessage() << '\n';
        return UsageError;
    }
    const QString what = deriving ? tr("Contract profile derived from the payment scenario %1")
                                        .arg(quoted(p.values.value(derive)))
                                  : tr("Contract profile imported from %1")
                                        .arg(QFileInfo(p.values.value(import)).fileName());
    if (Status s = document->setProfile(*profile, what); !s) {
        err << tr("Nothing was changed: %1").arg(s.errorMessage()) << '\n';
        return UsageError;
    }
    printProfile(*profile, out);
    return Success;
}

int runReturns(const QStringList &args, QTextStream &out, QTextStream &err)
{
    const auto file = parseOneFile(args, kReturnsSynopsis, err);
    if (!file)
        return UsageError;
    const auto document = openForReading(file->path, err);
    if (!document)
        return UsageError;
    const Monitoring &monitoring = document->round().monitoring;
    if (file->json) {
        QJsonArray returns;
        for (const PerformanceReturn &r : monitoring.returns) {
            const ReturnSummary s = summariseReturn(monitoring, r.id);
            returns.append(QJsonObject{
                {QStringLiteral("id"), double(r.id)},
                {QStringLiteral("source"), r.source},
                {QStringLiteral("sha256"),
                 r.sha256.isEmpty() ? QJsonValue() : QJsonValue(r.sha256)},
                {QStringLiteral("received_at"), timestamp(r.receivedAt)},
                {QStringLiteral("note"), r.note},
                {QStringLiteral("illustrative"), r.illustrative},
                {QStringLiteral("figures"), s.figures},
                {QStringLiteral("corrections"), s.corrections},
                {QStringLiteral("superseded"), s.superseded},
                {QStringLiteral("first_period"), periodJson(s.firstPeriod)},
                {QStringLiteral("last_period"), periodJson(s.lastPeriod)},
            });
        }
        printJson(out, QJsonObject{{QStringLiteral("returns"), returns}});
        return Success;
    }
    if (monitoring.returns.isEmpty()) {
        out << tr("No performance return has been received.") << '\n';
        return Success;
    }
    out << tr("Performance returns of %1").arg(quoted(document->round().title)) << '\n';
    for (const PerformanceReturn &r : monitoring.returns) {
        const ReturnSummary s = summariseReturn(monitoring, r.id);
        out << "  "
            << tr("%1. %2, received %3: %4 figures for %5; %6 corrections, %7 superseded.")
                   .arg(QString::number(r.id), r.source, timestamp(r.receivedAt),
                        QString::number(s.figures), periodRange(s.firstPeriod, s.lastPeriod),
                        QString::number(s.corrections), QString::number(s.superseded))
            << '\n';
        if (!r.note.isEmpty())
            out << "     " << tr("Note: %1").arg(r.note) << '\n';
    }
    if (std::any_of(monitoring.returns.begin(), monitoring.returns.end(),
                    [](const PerformanceReturn &r) { return r.illustrative; }))
        out << tr("ILLUSTRATIVE: the demo's invented returns; remove them with monitoring "
                  "remove-illustrative before receiving real ones.")
            << '\n';
    return Success;
}

int runHistory(const QStringList &args, QTextStream &out, QTextStream &err)
{
    const QString periodOption = QStringLiteral("--period");
    const QString cpaOption = QStringLiteral("--cpa");
    const QString groupOption = QStringLiteral("--group");
    const QString measureOption = QStringLiteral("--measure");
    const Parsed p = parse(args, {QStringLiteral("--json")},
                           {periodOption, cpaOption, groupOption, measureOption});
    if (!p.error.isEmpty())
        return usage(err, p.error, kHistorySynopsis);
    if (p.positional.size() != 1)
        return usage(err, tr("Name one round file."), kHistorySynopsis);
    for (const QString &option : {periodOption, cpaOption, groupOption, measureOption}) {
        if (!p.values.contains(option))
            return usage(err, tr("Give %1.").arg(option), kHistorySynopsis);
    }
    const std::optional<QDate> period = periodFromKey(p.values.value(periodOption));
    if (!period)
        return usage(err,
                     tr("%1 is not a month: write --period YYYY-MM.")
                         .arg(quoted(p.values.value(periodOption))),
                     kHistorySynopsis);
    const std::optional<MonitoringMeasure> measure =
        monitoringMeasureFromKey(p.values.value(measureOption).trimmed().toLower());
    if (!measure)
        return usage(err,
                     tr("%1 is not a measure: write %2.")
                         .arg(quoted(p.values.value(measureOption)), measureKeys()),
                     kHistorySynopsis);
    const auto document = openForReading(p.positional.first(), err);
    if (!document)
        return UsageError;
    const Round &round = document->round();

    const QString cpaName = p.values.value(cpaOption).trimmed();
    const Cpa *cpa = nullptr;
    QStringList cpaNames;
    if (const CpaPlan *plan = round.adoptedPlan()) {
        for (const Cpa &c : plan->cpas) {
            cpaNames << c.name;
            if (c.name.trimmed().compare(cpaName, Qt::CaseInsensitive) == 0)
                cpa = &c;
        }
    }
    if (!cpa) {
        err << (cpaNames.isEmpty() ? tr("The round has no adopted CPA plan.")
                                   : tr("%1 is not a CPA of the adopted plan, whose CPAs are %2.")
                                         .arg(quoted(cpaName), cpaNames.join(QStringLiteral(", "))))
            << '\n';
        return UsageError;
    }
    const QString groupText = p.values.value(groupOption).trimmed();
    QString group;
    QString groupName;
    QStringList groupKeys;
    for (const KeyName &g : monitoringGroups(round)) {
        groupKeys << g.key;
        if (g.key.compare(groupText, Qt::CaseInsensitive) == 0) {
            group = g.key;
            groupName = g.name;
        }
    }
    if (group.isEmpty()) {
        err << tr("%1 is not a priority group or payment group of the round: write one of %2.")
                   .arg(quoted(groupText), groupKeys.join(QStringLiteral(", ")))
            << '\n';
        return UsageError;
    }

    const QList<FigureVersion> versions =
        figureHistory(round.monitoring, *period, cpa->id, group, *measure);
    if (p.flags.contains(QStringLiteral("--json"))) {
        QJsonArray list;
        QJsonValue inForce;
        for (const FigureVersion &v : versions) {
            list.append(QJsonObject{{QStringLiteral("return"), double(v.returnId)},
                                    {QStringLiteral("source"), v.source},
                                    {QStringLiteral("received_at"), timestamp(v.receivedAt)},
                                    {QStringLiteral("note"), v.note},
                                    {QStringLiteral("value"), v.value},
                                    {QStringLiteral("in_force"), v.inForce}});
            if (v.inForce)
                inForce = v.value;
        }
        printJson(out, QJsonObject{{QStringLiteral("period"), periodKey(*period)},
                                   {QStringLiteral("cpa"), cpa->name},
                                   {QStringLiteral("priority_group"), group},
                                   {QStringLiteral("measure"), monitoringMeasureKey(*measure)},
                                   {QStringLiteral("in_force"), inForce},
                                   {QStringLiteral("versions"), list}});
        return Success;
    }
    out << tr("%1 of %2 in %3, %4")
               .arg(monitoringMeasureName(*measure), groupName, cpa->name, periodName(*period))
        << '\n';
    if (versions.isEmpty()) {
        out << "  " << tr("No return reports this figure.") << '\n';
        return Success;
    }
    for (const FigureVersion &v : versions) {
        out << "  "
            << tr("%1 from return %2, %3, received %4 (%5)")
                   .arg(number(v.value), QString::number(v.returnId), v.source,
                        timestamp(v.receivedAt), v.inForce ? tr("in force") : tr("superseded"))
            << '\n';
        if (!v.note.isEmpty())
            out << "    " << tr("Note: %1").arg(v.note) << '\n';
    }
    return Success;
}

int runRemoveIllustrative(const QStringList &args, QTextStream &out, QTextStream &err)
{
    const Parsed p = parse(args, {}, {});
    if (!p.error.isEmpty())
        return usage(err, p.error, kRemoveSynopsis);
    if (p.positional.size() != 1)
        return usage(err, tr("Name one round file."), kRemoveSynopsis);
    const auto document = openForWriting(p.positional.first(), err);
    if (!document)
        return UsageError;
    if (const QString why = document->whyMonitoringFrozen(); !why.isEmpty()) {
        err << tr("Nothing was removed: %1").arg(why) << '\n';
        return UsageError;
    }
    const Monitoring &monitoring = document->round().monitoring;
    const auto count = std::count_if(monitoring.returns.begin(), monitoring.returns.end(),
                                     [](const PerformanceReturn &r) { return r.illustrative; });
    if (count == 0) {
        out << tr("The round holds no illustrative returns.") << '\n';
        return Success;
    }
    if (Status s = Commands::removeIllustrativeReturns(document.get()); !s) {
        err << tr("Nothing was removed: %1").arg(s.errorMessage()) << '\n';
        return UsageError;
    }
    out << (count == 1 ? tr("Removed 1 illustrative return")
                       : tr("Removed %1 illustrative returns").arg(count))
        << tr(": the round's own returns can now be received.") << '\n';
    if (monitoring.profile.illustrative)
        out << tr("The contract profile is still the demo's illustrative one: set the round's own "
                  "with monitoring profile --derive or --import.")
            << '\n';
    if (monitoring.board.illustrative)
        out << tr("The programme board is still the demo's invented one.") << '\n';
    return Success;
}

} // namespace

int runMonitoring(const QStringList &args, QTextStream &out, QTextStream &err)
{
    const QString synopsis = QStringList{kImportSynopsis,  kProfileSynopsis, kReturnsSynopsis,
                                         kHistorySynopsis, kRemoveSynopsis,  kReportSynopsis}
                                 .join(QStringLiteral("\n       "));
    if (args.isEmpty())
        return usage(err, tr("Name a monitoring command."), synopsis);
    const QString verb = args.first();
    const QStringList rest = args.mid(1);
    if (verb == QLatin1String("import"))
        return runImport(rest, out, err);
    if (verb == QLatin1String("profile"))
        return runProfile(rest, out, err);
    if (verb == QLatin1String("returns"))
        return runReturns(rest, out, err);
    if (verb == QLatin1String("history"))
        return runHistory(rest, out, err);
    if (verb == QLatin1String("remove-illustrative"))
        return runRemoveIllustrative(rest, out, err);
    if (verb == QLatin1String("report"))
        return runMonitoringReport(rest, out, err);
    if (verb == QLatin1String("dwp-report"))
        return runMonitoringDwpReport(rest, out, err);
    return usage(err, tr("%1 is not a monitoring command.").arg(quoted(verb)), synopsis);
}

} // namespace CoCommission::CommandLine
