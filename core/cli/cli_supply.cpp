// Stage 4 on the command line: the supply report (coverage matrix, gaps and timeline checks)
// and the provider register's CSV exchange (ProviderCsv).

#include "core/cli/cliutil.h"

#include "core/round/rounddocument.h"
#include "core/supply/coverage.h"
#include "core/supply/providercsv.h"
#include "core/supply/supplycheck.h"
#include "core/supply/timeline.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QSaveFile>
#include <QTextStream>

#include <cmath>

namespace CoCommission::CommandLine {

namespace {

const QString kReportSynopsis = QStringLiteral("cocommission supply ROUND.cocom [--json]");
const QString kExportSynopsis =
    QStringLiteral("cocommission supply export-providers ROUND.cocom -o FILE.csv");
const QString kImportSynopsis =
    QStringLiteral("cocommission supply import-providers ROUND.cocom FILE.csv");

QString quoted(const QString &text)
{
    return QStringLiteral("\u201c%1\u201d").arg(text);
}

/** A share (0-1) as JSON gives it: four decimals are more than any reader needs. */
double share(double value)
{
    return std::round(value * 10000.0) / 10000.0;
}

QString percent(double value)
{
    return QStringLiteral("%1%").arg(std::lround(value * 100.0));
}

QString isoDate(const QDate &date)
{
    return date.toString(Qt::ISODate);
}

QString providerCount(qsizetype n)
{
    return n == 1 ? tr("1 provider") : tr("%1 providers").arg(n);
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

QJsonObject coverageJson(const CoverageMatrix &m)
{
    QJsonArray groups;
    for (const PriorityGroup &g : m.groups)
        groups.append(
            QJsonObject{{QStringLiteral("key"), g.key}, {QStringLiteral("name"), g.name}});
    QJsonArray cpas;
    for (const CpaSupply &c : m.cpas) {
        cpas.append(QJsonObject{
            {QStringLiteral("name"), c.name},
            {QStringLiteral("providers"), QJsonArray::fromStringList(c.providers)},
            {QStringLiteral("provider_count"), int(c.providers.size())},
            {QStringLiteral("voluntary_community"), c.voluntaryCommunity},
            {QStringLiteral("voluntary_community_share"), share(c.voluntaryCommunityShare)},
            {QStringLiteral("smes"), c.smes},
            {QStringLiteral("sme_share"), share(c.smeShare)},
        });
    }
    QJsonArray cells;
    for (const QList<CoverageCell> &row : m.cells) {
        QJsonArray cellRow;
        for (const CoverageCell &cell : row) {
            cellRow.append(QJsonObject{
                {QStringLiteral("count"), cell.count()},
                {QStringLiteral("providers"), QJsonArray::fromStringList(cell.providers)},
                {QStringLiteral("priority"), cell.priority},
                {QStringLiteral("gap"), cell.gap},
            });
        }
        cells.append(cellRow);
    }
    return QJsonObject{{QStringLiteral("groups"), groups},
                       {QStringLiteral("cpas"), cpas},
                       {QStringLiteral("cells"), cells},
                       {QStringLiteral("whole_catalogue"), m.wholeCatalogue}};
}

QJsonArray gapsJson(const CoverageMatrix &m)
{
    QJsonArray gaps;
    for (const CoverageGap &g : m.gaps) {
        QString cpa;
        for (const CpaSupply &c : m.cpas) {
            if (c.cpa == g.cpa)
                cpa = c.name;
        }
        gaps.append(QJsonObject{{QStringLiteral("group"), g.group},
                                {QStringLiteral("cpa"), cpa},
                                {QStringLiteral("message"), g.message}});
    }
    return gaps;
}

QJsonArray timelineJson(const QList<TimelineCheck> &checks)
{
    QJsonArray out;
    for (const TimelineCheck &c : checks) {
        out.append(QJsonObject{
            {QStringLiteral("from"), milestoneKey(c.rule.from)},
            {QStringLiteral("to"), milestoneKey(c.rule.to)},
            {QStringLiteral("minimum_days"), c.rule.minimumDays},
            {QStringLiteral("description"), c.description},
            {QStringLiteral("days"), c.days ? QJsonValue(*c.days) : QJsonValue()},
            {QStringLiteral("start"), c.days ? QJsonValue(isoDate(c.start)) : QJsonValue()},
            {QStringLiteral("end"), c.days ? QJsonValue(isoDate(c.end)) : QJsonValue()},
            {QStringLiteral("met"), c.met},
            {QStringLiteral("explanation"), c.explanation},
        });
    }
    return out;
}

QJsonArray milestonesJson(const QList<Milestone> &milestones)
{
    QJsonArray out;
    for (const Milestone &m : milestones) {
        out.append(QJsonObject{{QStringLiteral("kind"), milestoneKey(m.kind)},
                               {QStringLiteral("name"), m.name},
                               {QStringLiteral("start"), isoDate(m.start)},
                               {QStringLiteral("end"), isoDate(m.end)}});
    }
    return out;
}

void printCoverage(const CoverageMatrix &m, QTextStream &out)
{
    out << '\n' << tr("Coverage: specialist providers per priority group and CPA") << '\n';
    if (m.cpas.isEmpty()) {
        out << "  " << tr("The round has no adopted CPA plan, so there is no coverage to show.")
            << '\n';
        return;
    }
    if (m.groups.isEmpty()) {
        out << "  " << tr("The round's catalogue has no priority groups.") << '\n';
    } else {
        QList<QStringList> rows;
        QStringList header{tr("Priority group")};
        for (const CpaSupply &c : m.cpas)
            header << c.name;
        rows << header;
        for (qsizetype r = 0; r < m.groups.size(); ++r) {
            QStringList row{m.groups[r].name};
            for (const CoverageCell &cell : m.cells[r]) {
                const QString n = QString::number(cell.count());
                row << (cell.gap ? tr("GAP") : cell.priority ? n : QStringLiteral("(%1)").arg(n));
            }
            rows << row;
        }
        out << table(rows);
        out << "  "
            << (m.wholeCatalogue
                    ? tr("GAP: no specialist provider. No CPA has priorities decided or agreed "
                         "yet: every group of the catalogue counts.")
                    : tr("GAP: a priority of the CPA without a specialist provider; (n): not a "
                         "priority of that CPA."))
            << '\n';
    }
    out << '\n' << tr("Providers per CPA") << '\n';
    for (const CpaSupply &c : m.cpas) {
        out << "  "
            << tr("%1: %2, %3 voluntary and community, %4 SME.")
                   .arg(c.name, providerCount(c.providers.size()),
                        percent(c.voluntaryCommunityShare), percent(c.smeShare))
            << '\n';
    }
}

void printTimeline(const SupplyMarket &supply, const QList<TimelineCheck> &checks, QTextStream &out)
{
    out << '\n' << tr("Timeline") << '\n';
    if (supply.milestones.isEmpty())
        out << "  " << tr("No milestones yet.") << '\n';
    for (const Milestone &m : supply.milestones) {
        const QString name = m.name.isEmpty()
                                 ? milestoneName(m.kind)
                                 : QStringLiteral("%1: %2").arg(milestoneName(m.kind), m.name);
        const QString when = m.start == m.end
                                 ? longDate(m.start)
                                 : tr("%1 to %2").arg(longDate(m.start), longDate(m.end));
        out << "  " << tr("%1, %2").arg(name, when) << '\n';
    }
    if (checks.isEmpty())
        out << "  " << tr("The board has set no timeline rules.") << '\n';
    for (const TimelineCheck &c : checks)
        out << "  " << tr("%1. %2").arg(c.description, c.explanation) << '\n';
}

int runReport(const QStringList &args, QTextStream &out, QTextStream &err)
{
    const auto file = parseOneFile(args, kReportSynopsis, err);
    if (!file)
        return UsageError;
    const auto document = openForReading(file->path, err);
    if (!document)
        return UsageError;
    const Round &round = document->round();
    const SupplyMarket &supply = round.supply;
    const CoverageMatrix coverage = supplyCoverage(round, supply);
    const QList<TimelineCheck> checks = checkTimeline(supply);
    const TimelineSpan span = timelineSpan(supply.milestones);

    if (file->json) {
        printJson(out,
                  QJsonObject{
                      {QStringLiteral("providers"), int(supply.providers.size())},
                      {QStringLiteral("coverage"), coverageJson(coverage)},
                      {QStringLiteral("gaps"), gapsJson(coverage)},
                      {QStringLiteral("milestones"), milestonesJson(supply.milestones)},
                      {QStringLiteral("timeline"), timelineJson(checks)},
                      {QStringLiteral("span"),
                       span.isValid()
                           ? QJsonValue(QJsonObject{{QStringLiteral("start"), isoDate(span.start)},
                                                    {QStringLiteral("end"), isoDate(span.end)}})
                           : QJsonValue()},
                      {QStringLiteral("illustrative"), supply.isIllustrative()},
                      {QStringLiteral("illustrative_providers"), supply.illustrativeProviders},
                      {QStringLiteral("illustrative_timeline"), supply.illustrativeTimeline},
                  });
        return Success;
    }

    out << tr("Structure of supply of %1").arg(quoted(round.title)) << '\n';
    if (supply.illustrativeProviders)
        out << tr("ILLUSTRATIVE: the organisations in the register are invented to show the "
                  "stage working; no decision may rest on them.")
            << '\n';
    if (supply.illustrativeTimeline)
        out << tr("ILLUSTRATIVE: the market engagement dates are invented.") << '\n';
    out << tr("Provider register: %1.").arg(providerCount(supply.providers.size())) << '\n';
    printCoverage(coverage, out);
    out << '\n' << tr("Gaps") << '\n';
    if (coverage.gaps.isEmpty() && !coverage.cpas.isEmpty())
        out << "  " << tr("None: every priority group has a specialist provider in every CPA.")
            << '\n';
    for (const CoverageGap &g : coverage.gaps)
        out << "  " << g.message << '\n';
    printTimeline(supply, checks, out);
    return Success;
}

int runExport(const QStringList &args, QTextStream &out, QTextStream &err)
{
    // parse() knows long options only; -o is the short form of --output.
    QStringList rest = args;
    for (QString &a : rest) {
        if (a == QLatin1String("-o"))
            a = QStringLiteral("--output");
    }
    const Parsed p = parse(rest, {}, {QStringLiteral("--output")});
    if (!p.error.isEmpty())
        return usage(err, p.error, kExportSynopsis);
    if (p.positional.size() != 1)
        return usage(err, tr("Name one round file."), kExportSynopsis);
    if (!p.values.contains(QStringLiteral("--output")))
        return usage(err, tr("Name the CSV file to write with -o."), kExportSynopsis);
    const auto document = openForReading(p.positional.first(), err);
    if (!document)
        return UsageError;
    const QList<Provider> &providers = document->round().supply.providers;
    const QString path = p.values.value(QStringLiteral("--output"));
    QSaveFile file(path);
    const QByteArray bytes = writeProvidersCsv(providers);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        err << tr("Could not write %1: %2").arg(path, file.errorString()) << '\n';
        return UsageError;
    }
    out << tr("Wrote %1 to %2.").arg(providerCount(providers.size()), QFileInfo(path).fileName())
        << '\n';
    if (document->round().supply.illustrativeProviders)
        out << tr("ILLUSTRATIVE: the organisations are invented.") << '\n';
    return Success;
}

int runImport(const QStringList &args, QTextStream &out, QTextStream &err)
{
    const Parsed p = parse(args, {}, {});
    if (!p.error.isEmpty())
        return usage(err, p.error, kImportSynopsis);
    if (p.positional.size() != 2)
        return usage(err, tr("Name the round file and the CSV file."), kImportSynopsis);
    const auto document = openForWriting(p.positional.first(), err);
    if (!document)
        return UsageError;
    if (const QString why = document->whySupplyFrozen(); !why.isEmpty()) {
        err << tr("Nothing was imported: %1").arg(why) << '\n';
        return UsageError;
    }
    const QString path = p.positional.at(1);
    const Result<QList<Provider>> imported = readProvidersCsv(path, document->round());
    if (!imported) {
        err << tr("Nothing was imported:") << '\n' << imported.errorMessage() << '\n';
        return UsageError;
    }

    const ProviderImport result = importProviders(document->round().supply, *imported);
    const SupplyMarket &supply = result.supply;
    const QString fileName = QFileInfo(path).fileName();
    if (const Status stored =
            document->setSupply(supply, tr("Providers imported from %1").arg(fileName));
        !stored) {
        err << tr("Nothing was imported: %1").arg(stored.errorMessage()) << '\n';
        return UsageError;
    }
    out << tr("Read %1 from %2: %3 added, %4 updated, %5 unchanged.")
               .arg(providerCount(imported->size()), fileName, QString::number(result.added),
                    QString::number(result.updated), QString::number(result.unchanged))
        << '\n';
    if (result.replacedIllustrative)
        out << tr("The invented organisations of the illustrative register were replaced by the "
                  "file's.")
            << '\n';
    out << tr("The register now holds %1.").arg(providerCount(supply.providers.size())) << '\n';
    if (supply.illustrativeTimeline)
        out << tr("ILLUSTRATIVE: the market engagement timeline is still the demo's invented "
                  "one.")
            << '\n';
    return Success;
}

} // namespace

int runSupply(const QStringList &args, QTextStream &out, QTextStream &err)
{
    const QString synopsis = kReportSynopsis + QStringLiteral("\n       ") + kExportSynopsis +
                             QStringLiteral("\n       ") + kImportSynopsis;
    if (args.isEmpty())
        return usage(err, tr("Name the round file."), synopsis);
    const QString verb = args.first();
    if (verb == QLatin1String("export-providers"))
        return runExport(args.mid(1), out, err);
    if (verb == QLatin1String("import-providers"))
        return runImport(args.mid(1), out, err);
    return runReport(args, out, err);
}

} // namespace CoCommission::CommandLine
