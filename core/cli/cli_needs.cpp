// Stage 1 on the command line: import-nomis, import-lookup, indicators, indicator, needs.

#include "core/cli/cliutil.h"

#include "core/io/nomisimport.h"
#include "core/needs/indicators.h"
#include "core/round/rounddocument.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTextStream>

namespace CoCommission::CommandLine {

namespace {

QString kindKey(IndicatorInfo::Kind kind)
{
    return kind == IndicatorInfo::Kind::Ratio ? QStringLiteral("ratio") : QStringLiteral("measure");
}

} // namespace

int runImportNomis(const QStringList &args, QTextStream &out, QTextStream &err)
{
    const QString synopsis =
        QStringLiteral("cocommission import-nomis ROUND.cocom FILE.csv [--name NAME] [--json]");
    const Parsed p = parse(args, {QStringLiteral("--json")}, {QStringLiteral("--name")});
    if (!p.error.isEmpty())
        return usage(err, p.error, synopsis);
    if (p.positional.size() != 2)
        return usage(err, tr("Name the round and one NOMIS CSV file."), synopsis);
    const auto document = openForWriting(p.positional.at(0), err);
    if (!document)
        return UsageError;
    const Result<NomisImportSummary> summary =
        document->importNomis(p.positional.at(1), p.values.value(QStringLiteral("--name")));
    if (!summary) {
        err << summary.errorMessage() << '\n';
        return UsageError;
    }
    const NeedsDataset &d = summary->dataset;
    if (p.flags.contains(QStringLiteral("--json"))) {
        QJsonArray measures;
        for (const Measure &m : d.measures)
            measures.append(
                QJsonObject{{QStringLiteral("id"), m.key}, {QStringLiteral("name"), m.label}});
        printJson(out,
                  QJsonObject{{QStringLiteral("dataset"), d.name},
                              {QStringLiteral("file"), d.fileName},
                              {QStringLiteral("sha256"), d.sha256},
                              {QStringLiteral("rows"), summary->rows},
                              {QStringLiteral("missing_values"), summary->missingValues},
                              {QStringLiteral("rows_for_authorities"), summary->rowsForAuthorities},
                              {QStringLiteral("rows_through_lookup"), summary->rowsThroughLookup},
                              {QStringLiteral("unknown_rows"), summary->unknownRows},
                              {QStringLiteral("unknown_codes"),
                               QJsonArray::fromStringList(summary->unknownCodes)},
                              {QStringLiteral("measures"), measures}});
        return Success;
    }
    out << tr("Imported %1 as the dataset \"%2\": %3 rows, %4 measures.")
               .arg(d.fileName, d.name)
               .arg(summary->rows)
               .arg(d.measures.size())
        << '\n';
    out << tr("  rows for the round's authorities: %1; summed through the lookup: %2; "
              "missing values: %3")
               .arg(summary->rowsForAuthorities)
               .arg(summary->rowsThroughLookup)
               .arg(summary->missingValues)
        << '\n';
    if (summary->unknownRows > 0)
        out << tr("  %1 rows have codes the round does not know (kept, not used; import a "
                  "lookup to use them): %2")
                   .arg(summary->unknownRows)
                   .arg(summary->unknownCodes.join(QStringLiteral(", ")))
            << '\n';
    return Success;
}

int runImportLookup(const QStringList &args, QTextStream &out, QTextStream &err)
{
    const QString synopsis = QStringLiteral("cocommission import-lookup ROUND.cocom FILE.csv");
    const Parsed p = parse(args, {}, {});
    if (!p.error.isEmpty())
        return usage(err, p.error, synopsis);
    if (p.positional.size() != 2)
        return usage(err, tr("Name the round and one lookup CSV file."), synopsis);
    const auto document = openForWriting(p.positional.at(0), err);
    if (!document)
        return UsageError;
    const auto summary = document->importLookup(p.positional.at(1));
    if (!summary) {
        err << summary.errorMessage() << '\n';
        return UsageError;
    }
    out << tr("Imported a lookup of %n area(s); ", nullptr, int(summary->rows))
        << tr("%n dataset(s) summed again.", nullptr, int(summary->datasetsReaggregated)) << '\n';
    if (!summary->unknownAuthorities.isEmpty())
        out << tr("  authority codes the round does not know (their areas are not used): %1")
                   .arg(summary->unknownAuthorities.join(QStringLiteral(", ")))
            << '\n';
    return Success;
}

int runIndicators(const QStringList &args, QTextStream &out, QTextStream &err)
{
    const QString synopsis = QStringLiteral("cocommission indicators ROUND.cocom [--json]");
    const std::optional<OneFile> one = parseOneFile(args, synopsis, err);
    if (!one)
        return UsageError;
    const auto document = openForReading(one->path, err);
    if (!document)
        return UsageError;
    const Indicators indicators(document->round());
    if (one->json) {
        QJsonArray list;
        for (const IndicatorInfo &info : indicators.all()) {
            QJsonObject dimensions;
            for (qsizetype i = 0; i < info.dimensions.size() && i < info.dimensionValues.size();
                 ++i)
                dimensions.insert(info.dimensions.at(i), info.dimensionValues.at(i));
            QJsonArray dates;
            if (!info.dates.isEmpty())
                dates = QJsonArray{info.dates.first(), info.dates.last()};
            list.append(QJsonObject{{QStringLiteral("id"), info.id},
                                    {QStringLiteral("name"), info.name},
                                    {QStringLiteral("kind"), kindKey(info.kind)},
                                    {QStringLiteral("dataset"), info.dataset},
                                    {QStringLiteral("dimensions"), dimensions},
                                    {QStringLiteral("dates"), dates},
                                    {QStringLiteral("illustrative"), info.illustrative}});
        }
        printJson(out, QJsonObject{{QStringLiteral("indicators"), list}});
        return Success;
    }
    for (const IndicatorInfo &info : indicators.all()) {
        out << info.id << "  " << info.name << "  (" << kindKey(info.kind);
        if (!info.dates.isEmpty())
            out << ", " << info.dates.first() << QStringLiteral("–") << info.dates.last();
        if (info.illustrative)
            out << ", " << tr("illustrative");
        out << ")\n";
    }
    return Success;
}

int runIndicator(const QStringList &args, QTextStream &out, QTextStream &err)
{
    const QString synopsis = QStringLiteral("cocommission indicator add ROUND.cocom --name NAME "
                                            "--ratio NUMERATOR_ID DENOMINATOR_ID [--scale 100]");
    if (args.isEmpty() || args.first() != QLatin1String("add"))
        return usage(err, tr("The only indicator command is \"add\"."), synopsis);
    QStringList rest = args.mid(1);
    // --ratio takes two values: fold them into one for the parser.
    const qsizetype ratioAt = rest.indexOf(QStringLiteral("--ratio"));
    if (ratioAt >= 0) {
        if (ratioAt + 2 >= rest.size())
            return usage(err, tr("--ratio needs a numerator and a denominator."), synopsis);
        rest[ratioAt + 1] += QLatin1Char('\x1f') + rest.at(ratioAt + 2);
        rest.removeAt(ratioAt + 2);
    }
    const Parsed p = parse(
        rest, {}, {QStringLiteral("--name"), QStringLiteral("--ratio"), QStringLiteral("--scale")});
    if (!p.error.isEmpty())
        return usage(err, p.error, synopsis);
    if (p.positional.size() != 1 || !p.values.contains(QStringLiteral("--name")) ||
        !p.values.contains(QStringLiteral("--ratio")))
        return usage(err, tr("Name the round, --name and --ratio."), synopsis);
    double scale = 100;
    if (p.values.contains(QStringLiteral("--scale"))) {
        bool ok = false;
        scale = p.values.value(QStringLiteral("--scale")).toDouble(&ok);
        if (!ok)
            return usage(err, tr("--scale must be a number."), synopsis);
    }
    const QStringList parts = p.values.value(QStringLiteral("--ratio")).split(QLatin1Char('\x1f'));
    const auto document = openForWriting(p.positional.first(), err);
    if (!document)
        return UsageError;
    const Result<QString> id = document->addRatio(p.values.value(QStringLiteral("--name")),
                                                  parts.at(0), parts.at(1), scale);
    if (!id) {
        err << id.errorMessage() << '\n';
        return UsageError;
    }
    out << tr("Added the indicator %1.").arg(*id) << '\n';
    return Success;
}

int runNeeds(const QStringList &args, QTextStream &out, QTextStream &err)
{
    const QString synopsis =
        QStringLiteral("cocommission needs ROUND.cocom --indicator ID|NAME "
                       "--by authority|partnership|cpa [--plan NAME] [--date YYYY-MM] [--json]");
    const Parsed p = parse(args, {QStringLiteral("--json")},
                           {QStringLiteral("--indicator"), QStringLiteral("--by"),
                            QStringLiteral("--plan"), QStringLiteral("--date")});
    if (!p.error.isEmpty())
        return usage(err, p.error, synopsis);
    if (p.positional.size() != 1 || !p.values.contains(QStringLiteral("--indicator")))
        return usage(err, tr("Name the round and --indicator."), synopsis);
    const QString by = p.values.value(QStringLiteral("--by"), QStringLiteral("authority"));
    Grouping grouping = Grouping::Authority;
    if (by == QLatin1String("partnership"))
        grouping = Grouping::Partnership;
    else if (by == QLatin1String("cpa"))
        grouping = Grouping::Cpa;
    else if (by != QLatin1String("authority"))
        return usage(err, tr("--by must be authority, partnership or cpa."), synopsis);

    const auto document = openForReading(p.positional.first(), err);
    if (!document)
        return UsageError;
    const Round &round = document->round();
    const Indicators indicators(round);
    const IndicatorInfo *info = indicators.find(p.values.value(QStringLiteral("--indicator")));
    if (!info) {
        err << tr("The round has no indicator \"%1\": run \"cocommission indicators\" to list "
                  "them.")
                   .arg(p.values.value(QStringLiteral("--indicator")))
            << '\n';
        return UsageError;
    }
    const CpaPlan *plan = round.adoptedPlan();
    if (p.values.contains(QStringLiteral("--plan"))) {
        const QString name = p.values.value(QStringLiteral("--plan"));
        const auto it = std::find_if(round.plans.begin(), round.plans.end(),
                                     [&](const CpaPlan &pl) { return pl.name == name; });
        if (it == round.plans.end()) {
            err << tr("The round has no CPA plan \"%1\".").arg(name) << '\n';
            return UsageError;
        }
        plan = &*it;
    }
    if (grouping == Grouping::Cpa && !plan) {
        err << tr("The round has no adopted CPA plan: name one with --plan.") << '\n';
        return UsageError;
    }
    QString date = p.values.value(QStringLiteral("--date"));
    if (date.isEmpty() && !info->dates.isEmpty())
        date = info->dates.last();
    if (!info->dates.contains(date)) {
        err << tr("\"%1\" has no figures for %2; it has figures for: %3.")
                   .arg(info->name, date.isEmpty() ? tr("any date") : date,
                        info->dates.join(QStringLiteral(", ")))
            << '\n';
        return UsageError;
    }
    const QList<IndicatorValue> values = indicators.values(info->id, grouping, date, plan);
    if (p.flags.contains(QStringLiteral("--json"))) {
        QJsonArray list;
        for (const IndicatorValue &v : values)
            list.append(QJsonObject{
                {QStringLiteral("code"), v.code},
                {QStringLiteral("name"), v.name},
                {QStringLiteral("value"), v.value ? QJsonValue(*v.value) : QJsonValue()}});
        QJsonObject o{{QStringLiteral("indicator"), info->name},
                      {QStringLiteral("id"), info->id},
                      {QStringLiteral("date"), date},
                      {QStringLiteral("by"), by},
                      {QStringLiteral("illustrative"), info->illustrative},
                      {QStringLiteral("values"), list}};
        if (grouping == Grouping::Cpa)
            o.insert(QStringLiteral("plan"), plan->name);
        printJson(out, o);
        return Success;
    }
    out << info->name << ", " << date;
    if (info->illustrative)
        out << " (" << tr("illustrative figures, not official statistics") << ')';
    out << '\n';
    for (const IndicatorValue &v : values)
        out << "  " << v.name << ": "
            << (v.value ? QString::number(*v.value, 'f',
                                          info->kind == IndicatorInfo::Kind::Ratio ? 2 : 0)
                        : tr("no figure"))
            << '\n';
    return Success;
}

} // namespace CoCommission::CommandLine
