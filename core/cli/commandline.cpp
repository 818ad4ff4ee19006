#include "core/cli/commandline.h"

#include "core/cpa/adjacency.h"
#include "core/cpa/assignmentcsv.h"
#include "core/cpa/plancheck.h"
#include "core/cpa/suggest.h"
#include "core/io/nomisimport.h"
#include "core/needs/indicators.h"
#include "core/priorities/jointranking.h"
#include "core/round/londonround.h"
#include "core/round/rounddocument.h"
#include "core/round/stagerules.h"
#include "core/store/verifier.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QTextStream>

namespace CoCommission::CommandLine {

namespace {

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("CoCommission::CommandLine", text, disambiguation, n);
}

const QStringList kSubcommands = {QStringLiteral("new"),           QStringLiteral("info"),
                                  QStringLiteral("verify"),        QStringLiteral("import-nomis"),
                                  QStringLiteral("import-lookup"), QStringLiteral("indicators"),
                                  QStringLiteral("indicator"),     QStringLiteral("needs"),
                                  QStringLiteral("priorities"),    QStringLiteral("cpa")};

/** Splits "--flag", "--key value" and positional arguments. */
struct Parsed
{
    QStringList positional;
    QStringList flags;
    QHash<QString, QString> values;
    QString error;
};

Parsed parse(const QStringList &args, const QStringList &flags, const QStringList &valued)
{
    Parsed p;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        if (a.startsWith(QLatin1String("--"))) {
            if (flags.contains(a)) {
                p.flags.append(a);
            } else if (valued.contains(a)) {
                if (i + 1 >= args.size()) {
                    p.error = tr("%1 needs a value.").arg(a);
                    return p;
                }
                p.values.insert(a, args[++i]);
            } else {
                p.error = tr("Unknown option %1.").arg(a);
                return p;
            }
        } else {
            p.positional.append(a);
        }
    }
    return p;
}

void printJson(QTextStream &out, const QJsonObject &object)
{
    out << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
}

int usage(QTextStream &err, const QString &problem, const QString &synopsis)
{
    err << problem << '\n' << tr("Usage: %1").arg(synopsis) << '\n';
    return UsageError;
}

/** Opens \a path without taking the write lock, or prints why not and returns null. */
std::unique_ptr<RoundDocument> openForReading(const QString &path, QTextStream &err)
{
    auto document = RoundDocument::open(path, {.readOnly = true});
    if (!document) {
        err << document.errorMessage() << '\n';
        return nullptr;
    }
    return std::move(*document);
}

int runNew(const QStringList &args, QTextStream &out, QTextStream &err)
{
    const QString synopsis =
        QStringLiteral("cocommission new FILE.cocom [--demo] [--title TITLE] [--model 1|2|3]");
    const Parsed p = parse(args, {QStringLiteral("--demo")},
                           {QStringLiteral("--title"), QStringLiteral("--model")});
    if (!p.error.isEmpty())
        return usage(err, p.error, synopsis);
    if (p.positional.size() != 1)
        return usage(err, tr("Name one file to create."), synopsis);
    const QString path = p.positional.first();

    Result<Round> round = p.flags.contains(QStringLiteral("--demo"))
                              ? LondonRound::demo()
                              : LondonRound::blank(tr("New commissioning round"));
    if (!round) {
        err << round.errorMessage() << '\n';
        return UsageError;
    }
    if (p.values.contains(QStringLiteral("--title"))) {
        round->title = p.values.value(QStringLiteral("--title")).trimmed();
        if (round->title.isEmpty())
            return usage(err, tr("--title needs a non-empty title."), synopsis);
    }
    if (p.values.contains(QStringLiteral("--model"))) {
        bool ok = false;
        const auto model = modelFromNumber(p.values.value(QStringLiteral("--model")).toInt(&ok));
        if (!ok || !model)
            return usage(err, tr("--model must be 1, 2 or 3."), synopsis);
        round->model = *model;
    }
    const auto document = RoundDocument::create(path, *round);
    if (!document) {
        err << document.errorMessage() << '\n';
        return UsageError;
    }
    out << tr("Created %1: %2 (%3 authorities).")
               .arg(path, round->title)
               .arg(round->authorities.size())
        << '\n';
    return Success;
}

QJsonObject infoJson(const RoundDocument &document)
{
    const Round &r = document.round();
    QJsonObject o;
    o[QStringLiteral("file")] = document.filePath();
    o[QStringLiteral("title")] = r.title;
    o[QStringLiteral("programme")] = r.programme;
    o[QStringLiteral("model")] = modelNumber(r.model);
    o[QStringLiteral("model_name")] = modelName(r.model);
    o[QStringLiteral("read_only")] = document.isReadOnly();
    o[QStringLiteral("illustrative_figures")] = r.hasIllustrativeFigures();

    QJsonArray authorities;
    for (const Authority &a : r.authorities)
        authorities.append(
            QJsonObject{{QStringLiteral("gss_code"), a.gssCode}, {QStringLiteral("name"), a.name}});
    o[QStringLiteral("authorities")] = authorities;

    QJsonArray partnerships;
    for (const Partnership &p : r.partnerships)
        partnerships.append(
            QJsonObject{{QStringLiteral("name"), p.name},
                        {QStringLiteral("lead_authority"),
                         p.leadAuthority.isEmpty() ? QJsonValue() : QJsonValue(p.leadAuthority)},
                        {QStringLiteral("members"), QJsonArray::fromStringList(p.members)}});
    o[QStringLiteral("partnerships")] = partnerships;

    QJsonArray plans;
    for (const CpaPlan &plan : r.plans) {
        QJsonArray cpas;
        for (const Cpa &cpa : plan.cpas)
            cpas.append(
                QJsonObject{{QStringLiteral("name"), cpa.name},
                            {QStringLiteral("members"), QJsonArray::fromStringList(cpa.members)}});
        plans.append(QJsonObject{{QStringLiteral("name"), plan.name},
                                 {QStringLiteral("adopted"), plan.adopted},
                                 {QStringLiteral("cpas"), cpas}});
    }
    o[QStringLiteral("plans")] = plans;

    QJsonArray stages;
    for (StageId stage : kAllStages) {
        QJsonArray signOffs;
        for (const SignOff &s : r.signOffsFor(stage))
            signOffs.append(
                QJsonObject{{QStringLiteral("party"), partyKey(s.party)},
                            {QStringLiteral("name"), s.name},
                            {QStringLiteral("role"), s.role},
                            {QStringLiteral("signed_at"), s.signedAt.toString(Qt::ISODate)},
                            {QStringLiteral("rationale"), s.rationale},
                            {QStringLiteral("snapshot_sha256"), s.snapshotSha256}});
        stages.append(QJsonObject{{QStringLiteral("stage"), stageKey(stage)},
                                  {QStringLiteral("number"), stageNumber(stage)},
                                  {QStringLiteral("title"), stageTitle(stage)},
                                  {QStringLiteral("status"), statusKey(r.stage(stage).status)},
                                  {QStringLiteral("outstanding"),
                                   QJsonArray::fromStringList(StageRules::outstanding(r, stage))},
                                  {QStringLiteral("sign_offs"), signOffs}});
    }
    o[QStringLiteral("stages")] = stages;
    return o;
}

void printInfoText(const RoundDocument &document, QTextStream &out)
{
    const Round &r = document.round();
    out << r.title << '\n';
    if (!r.programme.isEmpty())
        out << tr("Programme: %1").arg(r.programme) << '\n';
    out << tr("Model: %1").arg(modelName(r.model)) << '\n';
    out << tr("Authorities: %1").arg(r.authorities.size()) << '\n';
    out << tr("Partnerships:") << '\n';
    for (const Partnership &p : r.partnerships)
        out << "  " << tr("%1 (%2 authorities)").arg(p.name).arg(p.members.size()) << '\n';
    out << tr("CPA plans:") << '\n';
    for (const CpaPlan &plan : r.plans)
        out << "  " << plan.name << (plan.adopted ? tr(" (adopted)") : QString()) << ": "
            << tr("CPAs: %1").arg(plan.cpas.size()) << '\n';
    out << tr("Stages:") << '\n';
    for (StageId stage : kAllStages)
        out << "  " << stageNumber(stage) << ". " << stageTitle(stage) << ": "
            << statusName(r.stage(stage).status) << '\n';
    if (r.hasIllustrativeFigures())
        out << tr("Note: this round holds illustrative figures, not official statistics.") << '\n';
}

int runInfo(const QStringList &args, QTextStream &out, QTextStream &err)
{
    const QString synopsis = QStringLiteral("cocommission info FILE.cocom [--json]");
    const Parsed p = parse(args, {QStringLiteral("--json")}, {});
    if (!p.error.isEmpty())
        return usage(err, p.error, synopsis);
    if (p.positional.size() != 1)
        return usage(err, tr("Name one round file."), synopsis);
    const auto document = openForReading(p.positional.first(), err);
    if (!document)
        return UsageError;
    if (p.flags.contains(QStringLiteral("--json")))
        printJson(out, infoJson(*document));
    else
        printInfoText(*document, out);
    return Success;
}

int runVerify(const QStringList &args, QTextStream &out, QTextStream &err)
{
    const QString synopsis = QStringLiteral("cocommission verify FILE.cocom [--json]");
    const Parsed p = parse(args, {QStringLiteral("--json")}, {});
    if (!p.error.isEmpty())
        return usage(err, p.error, synopsis);
    if (p.positional.size() != 1)
        return usage(err, tr("Name one round file."), synopsis);
    const Result<VerifyReport> report = verifyRoundFile(p.positional.first());
    if (!report) {
        err << report.errorMessage() << '\n';
        return UsageError;
    }
    if (p.flags.contains(QStringLiteral("--json"))) {
        QJsonArray checks;
        for (const VerifyCheck &c : report->checks)
            checks.append(
                QJsonObject{{QStringLiteral("name"), c.name},
                            {QStringLiteral("detail"), c.detail},
                            {QStringLiteral("ok"), c.passed()},
                            {QStringLiteral("problems"), QJsonArray::fromStringList(c.problems)}});
        printJson(out, QJsonObject{{QStringLiteral("file"), report->path},
                                   {QStringLiteral("ok"), report->passed()},
                                   {QStringLiteral("checks"), checks}});
    } else {
        out << tr("Verifying %1").arg(report->path) << '\n';
        for (const VerifyCheck &c : report->checks) {
            out << (c.passed() ? tr("  ok      ") : tr("  FAILED  ")) << c.name;
            if (!c.detail.isEmpty())
                out << " (" << c.detail << ')';
            out << '\n';
            for (const QString &problem : c.problems)
                out << "          - " << problem << '\n';
        }
        out << (report->passed() ? tr("The round is intact.")
                                 : tr("The round has problems: see above."))
            << '\n';
    }
    return report->passed() ? Success : CheckFailed;
}

/** Opens \a path for writing, or prints why not and returns null. */
std::unique_ptr<RoundDocument> openForWriting(const QString &path, QTextStream &err)
{
    auto document = RoundDocument::open(path);
    if (!document) {
        err << document.errorMessage() << '\n';
        return nullptr;
    }
    if ((*document)->isReadOnly()) {
        err << (*document)->whyNotEditable() << '\n';
        return nullptr;
    }
    return std::move(*document);
}

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
    out << tr("Imported a lookup of %1 areas; %2 dataset(s) summed again.")
               .arg(summary->rows)
               .arg(summary->datasetsReaggregated)
        << '\n';
    if (!summary->unknownAuthorities.isEmpty())
        out << tr("  authority codes the round does not know (their areas are not used): %1")
                   .arg(summary->unknownAuthorities.join(QStringLiteral(", ")))
            << '\n';
    return Success;
}

QString kindKey(IndicatorInfo::Kind kind)
{
    return kind == IndicatorInfo::Kind::Ratio ? QStringLiteral("ratio") : QStringLiteral("measure");
}

int runIndicators(const QStringList &args, QTextStream &out, QTextStream &err)
{
    const QString synopsis = QStringLiteral("cocommission indicators ROUND.cocom [--json]");
    const Parsed p = parse(args, {QStringLiteral("--json")}, {});
    if (!p.error.isEmpty())
        return usage(err, p.error, synopsis);
    if (p.positional.size() != 1)
        return usage(err, tr("Name one round file."), synopsis);
    const auto document = openForReading(p.positional.first(), err);
    if (!document)
        return UsageError;
    const Indicators indicators(document->round());
    if (p.flags.contains(QStringLiteral("--json"))) {
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

const Cpa *cpaByName(const Round &round, const QString &name)
{
    if (const CpaPlan *plan = round.adoptedPlan()) {
        for (const Cpa &cpa : plan->cpas) {
            if (cpa.name.compare(name, Qt::CaseInsensitive) == 0)
                return &cpa;
        }
    }
    return nullptr;
}

QString groupName(const Round &round, const QString &key)
{
    for (const PriorityGroup &g : round.priorityGroups) {
        if (g.key == key)
            return g.name;
    }
    return key;
}

/** The joint ranking of \a cpa from the rankings recorded for it, or why there is none. */
Result<JointRanking> jointRankingFor(const Round &round, const Cpa &cpa)
{
    QStringList groups;
    for (const PriorityGroup &g : round.priorityGroups)
        groups.append(g.key);
    QList<PartnerRanking> rankings;
    for (const PartnerRankingRecord &r : round.rankings) {
        if (r.cpa == cpa.id)
            rankings.append({r.partner, r.order, {}});
    }
    return JointRankingCalculator::compute(groups, rankings, RankingMethod::Borda);
}

QJsonObject prioritiesJson(const Round &round, const Cpa &cpa)
{
    QJsonObject o{
        {QStringLiteral("cpa"), cpa.name},
        {QStringLiteral("method"), QStringLiteral("borda")},
        {QStringLiteral("partners"), QJsonArray::fromStringList(round.priorityPartners(cpa))}};
    QJsonArray ranked;
    for (const PartnerRankingRecord &r : round.rankings) {
        if (r.cpa == cpa.id)
            ranked.append(r.partner);
    }
    o.insert(QStringLiteral("ranked_by"), ranked);
    const Result<JointRanking> joint = jointRankingFor(round, cpa);
    if (joint) {
        QJsonArray ranking;
        for (const RankedGroup &g : joint->groups) {
            QJsonObject ranks;
            for (const PartnerRankingRecord &r : round.rankings) {
                if (r.cpa == cpa.id)
                    ranks.insert(r.partner, int(r.order.indexOf(g.group)) + 1);
            }
            ranking.append(QJsonObject{{QStringLiteral("group"), g.group},
                                       {QStringLiteral("name"), groupName(round, g.group)},
                                       {QStringLiteral("score"), g.score},
                                       {QStringLiteral("rank"), g.rank},
                                       {QStringLiteral("tied"), g.tied},
                                       {QStringLiteral("spread"), g.spread()},
                                       {QStringLiteral("ranks"), ranks}});
        }
        QJsonArray agreement;
        for (const PairAgreement &a : joint->agreements)
            agreement.append(
                QJsonObject{{QStringLiteral("partners"), QJsonArray{a.first, a.second}},
                            {QStringLiteral("tau"), a.tau ? QJsonValue(*a.tau) : QJsonValue()}});
        o.insert(QStringLiteral("ranking"), ranking);
        o.insert(QStringLiteral("agreement"), agreement);
        o.insert(QStringLiteral("widest_spread"), QJsonArray::fromStringList(joint->widestSpread));
        o.insert(QStringLiteral("ties"), joint->hasTies());
    } else {
        o.insert(QStringLiteral("ranking"), QJsonArray());
        o.insert(QStringLiteral("problem"), joint.errorMessage());
    }
    const auto decision = std::find_if(round.decisions.begin(), round.decisions.end(),
                                       [&](const PriorityDecision &d) { return d.cpa == cpa.id; });
    o.insert(QStringLiteral("decision"),
             decision == round.decisions.end()
                 ? QJsonValue()
                 : QJsonValue(QJsonObject{
                       {QStringLiteral("order"), QJsonArray::fromStringList(decision->order)},
                       {QStringLiteral("rationale"), decision->rationale},
                       {QStringLiteral("decided_at"), decision->decidedAt.toString(Qt::ISODate)}}));
    return o;
}

void printPrioritiesText(const Round &round, const Cpa &cpa, QTextStream &out)
{
    out << cpa.name << '\n';
    const Result<JointRanking> joint = jointRankingFor(round, cpa);
    if (!joint) {
        out << "  " << joint.errorMessage() << '\n';
        return;
    }
    out << "  " << tr("Joint ranking (Borda count):") << '\n';
    for (const RankedGroup &g : joint->groups)
        out << "  " << QString::number(g.rank).rightJustified(3) << (g.tied ? "=" : " ") << ' '
            << groupName(round, g.group) << "  ("
            << tr("points %1, ranks %2-%3").arg(g.score).arg(g.bestRank).arg(g.worstRank) << ")\n";
    if (joint->hasTies())
        out << "  " << tr("Groups marked = are tied: the partners must decide between them.")
            << '\n';
    for (const PairAgreement &a : joint->agreements)
        out << "  "
            << tr("Agreement of %1 and %2 (Kendall's tau): %3")
                   .arg(a.first, a.second,
                        a.tau ? QString::number(*a.tau, 'f', 2) : tr("undefined"))
            << '\n';
    if (!joint->widestSpread.isEmpty()) {
        QStringList names;
        for (const QString &key : joint->widestSpread)
            names.append(groupName(round, key));
        out << "  " << tr("Widest disagreement: %1").arg(names.join(QStringLiteral("; "))) << '\n';
    }
}

int runPriorities(const QStringList &args, QTextStream &out, QTextStream &err)
{
    const QString synopsis = QStringLiteral(
        "cocommission priorities ROUND.cocom [--cpa NAME] [--json]\n"
        "       cocommission priorities rank ROUND.cocom --cpa NAME --partner NAME GROUP...\n"
        "       cocommission priorities decide ROUND.cocom --cpa NAME --rationale TEXT "
        "[GROUP...]\n"
        "       cocommission priorities places ROUND.cocom GSS_CODE...");
    QString verb;
    QStringList rest = args;
    if (!rest.isEmpty() &&
        (rest.first() == QLatin1String("rank") || rest.first() == QLatin1String("decide") ||
         rest.first() == QLatin1String("places")))
        verb = rest.takeFirst();
    const Parsed p = parse(
        rest, {QStringLiteral("--json")},
        {QStringLiteral("--cpa"), QStringLiteral("--partner"), QStringLiteral("--rationale")});
    if (!p.error.isEmpty())
        return usage(err, p.error, synopsis);
    if (p.positional.isEmpty())
        return usage(err, tr("Name the round."), synopsis);
    const QString path = p.positional.first();
    const QStringList items = p.positional.mid(1);

    if (verb.isEmpty()) {
        if (!items.isEmpty())
            return usage(err, tr("Unexpected arguments: %1").arg(items.join(u' ')), synopsis);
        const auto document = openForReading(path, err);
        if (!document)
            return UsageError;
        const Round &round = document->round();
        const CpaPlan *plan = round.adoptedPlan();
        if (!plan) {
            err << tr("The round has no adopted CPA plan: priorities are decided per CPA.") << '\n';
            return UsageError;
        }
        QList<const Cpa *> cpas;
        if (p.values.contains(QStringLiteral("--cpa"))) {
            const Cpa *cpa = cpaByName(round, p.values.value(QStringLiteral("--cpa")));
            if (!cpa) {
                err << tr("The adopted plan has no CPA \"%1\".")
                           .arg(p.values.value(QStringLiteral("--cpa")))
                    << '\n';
                return UsageError;
            }
            cpas.append(cpa);
        } else {
            for (const Cpa &cpa : plan->cpas)
                cpas.append(&cpa);
        }
        if (p.flags.contains(QStringLiteral("--json"))) {
            QJsonArray list;
            for (const Cpa *cpa : cpas)
                list.append(prioritiesJson(round, *cpa));
            QJsonArray places;
            for (const QString &code : round.priorityPlaces)
                places.append(code);
            printJson(out, QJsonObject{{QStringLiteral("cpas"), list},
                                       {QStringLiteral("priority_places"), places}});
        } else {
            for (const Cpa *cpa : cpas)
                printPrioritiesText(round, *cpa, out);
        }
        return Success;
    }

    const auto document = openForWriting(path, err);
    if (!document)
        return UsageError;
    const Round &round = document->round();
    Status result;
    if (verb == QLatin1String("places")) {
        result = document->setPriorityPlaces(items);
    } else {
        const Cpa *cpa = cpaByName(round, p.values.value(QStringLiteral("--cpa")));
        if (!cpa)
            return usage(err, tr("Name a CPA of the adopted plan with --cpa."), synopsis);
        if (verb == QLatin1String("rank")) {
            if (!p.values.contains(QStringLiteral("--partner")))
                return usage(err, tr("Name the partner with --partner."), synopsis);
            result = document->setPartnerRanking(
                cpa->id, p.values.value(QStringLiteral("--partner")), items);
        } else {
            QStringList order = items;
            if (order.isEmpty()) {
                const Result<JointRanking> joint = jointRankingFor(round, *cpa);
                if (!joint) {
                    err << joint.errorMessage() << '\n';
                    return UsageError;
                }
                if (joint->hasTies()) {
                    err << tr("The joint ranking has ties: give the agreed order of the groups.")
                        << '\n';
                    return UsageError;
                }
                for (const RankedGroup &g : joint->groups)
                    order.append(g.group);
            }
            result = document->setPriorityDecision(
                cpa->id, PriorityDecision{
                             cpa->id, order, p.values.value(QStringLiteral("--rationale")), {}});
        }
    }
    if (!result) {
        err << result.errorMessage() << '\n';
        return UsageError;
    }
    out << tr("Recorded.") << '\n';
    return Success;
}

/** The balance values of \a indicator (a measure) at its latest date, or why not. */
Result<std::pair<QHash<QString, double>, QString>> balanceValues(const Round &round,
                                                                 const QString &indicator)
{
    const Indicators indicators(round);
    const IndicatorInfo *info = indicators.find(indicator);
    if (!info)
        return Error{tr("The round has no indicator \"%1\": run \"cocommission indicators\" to "
                        "list them.")
                         .arg(indicator)};
    if (info->kind != IndicatorInfo::Kind::Measure)
        return Error{tr("\"%1\" is a ratio: balance is measured on a count, such as the "
                        "claimant count.")
                         .arg(info->name)};
    if (info->dates.isEmpty())
        return Error{tr("\"%1\" has no figures.").arg(info->name)};
    return std::pair{indicators.authorityValues(info->id, info->dates.last()),
                     QStringLiteral("%1 (%2)").arg(info->name, info->dates.last())};
}

QJsonValue number(const std::optional<double> &value)
{
    return value ? QJsonValue(*value) : QJsonValue();
}

int runCpa(const QStringList &args, QTextStream &out, QTextStream &err)
{
    const QString synopsis = QStringLiteral(
        "cocommission cpa check ROUND.cocom [--plan NAME] [--adjacency legal|land] "
        "[--indicator ID] [--json]\n"
        "       cocommission cpa export ROUND.cocom FILE.csv [--plan NAME]\n"
        "       cocommission cpa suggest ROUND.cocom --k N --indicator ID [--keep-partnerships] "
        "[--adjacency legal|land] [--seconds S] [--json]");
    if (args.isEmpty())
        return usage(err, tr("Name what to do: check, export or suggest."), synopsis);
    const QString verb = args.first();
    if (verb == QLatin1String("import"))
        return usage(err,
                     tr("Importing an assignment into a plan is not built yet: plans cannot be "
                        "edited in this version."),
                     synopsis);
    if (verb != QLatin1String("check") && verb != QLatin1String("export") &&
        verb != QLatin1String("suggest"))
        return usage(err, tr("Unknown cpa command \"%1\".").arg(verb), synopsis);
    const Parsed p =
        parse(args.mid(1), {QStringLiteral("--json"), QStringLiteral("--keep-partnerships")},
              {QStringLiteral("--plan"), QStringLiteral("--adjacency"),
               QStringLiteral("--indicator"), QStringLiteral("--k"), QStringLiteral("--seconds")});
    if (!p.error.isEmpty())
        return usage(err, p.error, synopsis);
    if (p.positional.isEmpty() || p.positional.size() > (verb == QLatin1String("export") ? 2 : 1) ||
        (verb == QLatin1String("export") && p.positional.size() != 2))
        return usage(
            err,
            tr("Name the round%1.")
                .arg(verb == QLatin1String("export") ? tr(" and the CSV file") : QString()),
            synopsis);
    const auto rule = adjacencyRuleFromKey(
        p.values.value(QStringLiteral("--adjacency"), QStringLiteral("legal")));
    if (!rule)
        return usage(err, tr("--adjacency must be legal or land."), synopsis);

    const auto document = openForReading(p.positional.first(), err);
    if (!document)
        return UsageError;
    const Round &round = document->round();
    const Result<Adjacency> adjacency = Adjacency::london();
    if (!adjacency) {
        err << adjacency.errorMessage() << '\n';
        return UsageError;
    }

    if (verb == QLatin1String("suggest")) {
        bool ok = false;
        const int k = p.values.value(QStringLiteral("--k")).toInt(&ok);
        if (!ok || k < 1)
            return usage(err, tr("--k must be a number of CPAs, 1 or more."), synopsis);
        if (!p.values.contains(QStringLiteral("--indicator")))
            return usage(err, tr("Name the balance indicator with --indicator."), synopsis);
        const auto values = balanceValues(round, p.values.value(QStringLiteral("--indicator")));
        if (!values) {
            err << values.errorMessage() << '\n';
            return UsageError;
        }
        SuggestOptions options;
        options.cpaCount = k;
        options.rule = *rule;
        options.keepPartnershipsWhole = p.flags.contains(QStringLiteral("--keep-partnerships"));
        const double seconds =
            p.values.value(QStringLiteral("--seconds"), QStringLiteral("10")).toDouble(&ok);
        if (!ok || seconds <= 0)
            return usage(err, tr("--seconds must be a positive number."), synopsis);
        options.deadline = QDeadlineTimer(qint64(seconds * 1000));
        const Result<Suggestion> suggestion =
            suggestPlans(round.authorities, round.partnerships, values->first, *adjacency, options);
        if (!suggestion) {
            err << suggestion.errorMessage() << '\n';
            return UsageError;
        }
        if (p.flags.contains(QStringLiteral("--json"))) {
            QJsonArray plans;
            for (const SuggestedPlan &plan : suggestion->plans) {
                QJsonArray cpas;
                for (qsizetype i = 0; i < plan.cpas.size(); ++i)
                    cpas.append(QJsonObject{
                        {QStringLiteral("members"), QJsonArray::fromStringList(plan.cpas.at(i))},
                        {QStringLiteral("value"), plan.totals.value(i)}});
                plans.append(QJsonObject{
                    {QStringLiteral("largest_deviation_percent"), plan.largestDeviationPercent},
                    {QStringLiteral("cpas"), cpas}});
            }
            printJson(out, QJsonObject{{QStringLiteral("indicator"), values->second},
                                       {QStringLiteral("k"), k},
                                       {QStringLiteral("adjacency"), adjacencyRuleKey(*rule)},
                                       {QStringLiteral("exhaustive"), suggestion->exhaustive},
                                       {QStringLiteral("mean"), suggestion->mean},
                                       {QStringLiteral("elapsed_ms"), suggestion->elapsedMs},
                                       {QStringLiteral("plans"), plans}});
            return Success;
        }
        out << tr("Suggested plans of %1 CPAs balanced on %2, %3:")
                   .arg(k)
                   .arg(values->second, adjacencyRulePhrase(*rule))
            << '\n';
        out << (suggestion->exhaustive ? tr("The search was exhaustive: these are the best plans.")
                                       : tr("The search stopped at its time limit: these are the "
                                            "best plans found."))
            << '\n';
        int n = 0;
        for (const SuggestedPlan &plan : suggestion->plans) {
            out << tr("Plan %1: largest deviation from the mean %2%")
                       .arg(++n)
                       .arg(plan.largestDeviationPercent, 0, 'f', 2)
                << '\n';
            for (qsizetype i = 0; i < plan.cpas.size(); ++i) {
                QStringList names;
                for (const QString &code : plan.cpas.at(i))
                    names.append(round.authority(code) ? round.authority(code)->name : code);
                out << "  "
                    << tr("CPA %1 (%2): %3")
                           .arg(i + 1)
                           .arg(plan.totals.value(i), 0, 'f', 0)
                           .arg(names.join(QStringLiteral(", ")))
                    << '\n';
            }
        }
        if (suggestion->plans.isEmpty())
            out << tr("No contiguous plan of %1 CPAs exists under this rule.").arg(k) << '\n';
        return Success;
    }

    const CpaPlan *plan = round.adoptedPlan();
    if (p.values.contains(QStringLiteral("--plan"))) {
        const QString name = p.values.value(QStringLiteral("--plan"));
        const auto it = std::find_if(round.plans.begin(), round.plans.end(),
                                     [&](const CpaPlan &pl) { return pl.name == name; });
        plan = it == round.plans.end() ? nullptr : &*it;
        if (!plan) {
            err << tr("The round has no CPA plan \"%1\".").arg(name) << '\n';
            return UsageError;
        }
    }
    if (!plan) {
        err << tr("The round has no adopted CPA plan: name one with --plan.") << '\n';
        return UsageError;
    }

    if (verb == QLatin1String("export")) {
        QSaveFile file(p.positional.at(1));
        if (!file.open(QIODevice::WriteOnly)) {
            err << tr("Could not write %1: %2").arg(p.positional.at(1), file.errorString()) << '\n';
            return UsageError;
        }
        if (Status s = AssignmentCsv::write(&file, *plan, round.authorities);
            !s || !file.commit()) {
            err << tr("Could not write %1: %2")
                       .arg(p.positional.at(1), s ? file.errorString() : s.errorMessage())
                << '\n';
            return UsageError;
        }
        out << tr("Wrote the plan \"%1\" to %2.").arg(plan->name, p.positional.at(1)) << '\n';
        return Success;
    }

    PlanCheckOptions options;
    options.rule = *rule;
    if (p.values.contains(QStringLiteral("--indicator"))) {
        const auto values = balanceValues(round, p.values.value(QStringLiteral("--indicator")));
        if (!values) {
            err << values.errorMessage() << '\n';
            return UsageError;
        }
        options.values = values->first;
        options.indicatorName = values->second;
    }
    const PlanCheck check = checkPlan(round, *plan, *adjacency, options);
    if (p.flags.contains(QStringLiteral("--json"))) {
        QJsonArray cpas;
        for (const CpaCheck &c : check.cpas)
            cpas.append(
                QJsonObject{{QStringLiteral("name"), c.name},
                            {QStringLiteral("members"), QJsonArray::fromStringList(c.members)},
                            {QStringLiteral("contiguous"), c.isContiguous()},
                            {QStringLiteral("components"), c.components},
                            {QStringLiteral("value"), number(c.total)},
                            {QStringLiteral("deviation_percent"), number(c.deviationPercent)},
                            {QStringLiteral("partnerships_split"), c.partnershipsSplit()}});
        printJson(out, QJsonObject{{QStringLiteral("plan"), plan->name},
                                   {QStringLiteral("adjacency"), adjacencyRuleKey(*rule)},
                                   {QStringLiteral("ok"), check.ok()},
                                   {QStringLiteral("unassigned"),
                                    QJsonArray::fromStringList(check.unassigned)},
                                   {QStringLiteral("cpas"), cpas},
                                   {QStringLiteral("problems"),
                                    QJsonArray::fromStringList(check.problemTexts())}});
    } else {
        out << tr("CPA plan \"%1\", %2").arg(plan->name, adjacencyRulePhrase(*rule)) << '\n';
        for (const CpaCheck &c : check.cpas) {
            out << "  " << c.name << ": " << tr("%1 authorities").arg(c.members.size()) << ", "
                << (c.isContiguous() ? tr("contiguous") : tr("in %1 parts").arg(c.components));
            if (c.total)
                out << ", " << tr("%1 = %2").arg(options.indicatorName).arg(*c.total, 0, 'f', 0);
            if (c.deviationPercent)
                out << QStringLiteral(" (%1%2%)")
                           .arg(*c.deviationPercent >= 0 ? QStringLiteral("+") : QString())
                           .arg(*c.deviationPercent, 0, 'f', 1);
            out << '\n';
        }
        for (const QString &problem : check.problemTexts())
            out << "  - " << problem << '\n';
        out << (check.ok() ? tr("The plan keeps every rule.")
                           : tr("The plan breaks a rule: see above."))
            << '\n';
    }
    return check.ok() ? Success : CheckFailed;
}

} // namespace

bool isCommandLineRequest(const QStringList &arguments)
{
    if (arguments.isEmpty())
        return false;
    const QString &first = arguments.first();
    return kSubcommands.contains(first) || first == QLatin1String("--help") ||
           first == QLatin1String("-h") || first == QLatin1String("--version") ||
           first == QLatin1String("-v") || first == QLatin1String("help");
}

QString helpText()
{
    return tr("Usage: cocommission [FILE.cocom | --demo]\n"
              "       cocommission COMMAND [ARGUMENTS]\n"
              "\n"
              "CoCommission runs a round of co-commissioning specialist employment support:\n"
              "the six procurement stages, sign-offs and the audit trail. Without a command it\n"
              "starts the program, on FILE.cocom or, with --demo, on the built-in demo round.\n"
              "\n"
              "Commands (they need no display):\n"
              "  new FILE.cocom [--demo] [--title TITLE] [--model 1|2|3]\n"
              "                      create a round of London's 33 authorities and four\n"
              "                      partnerships; --demo adds an adopted CPA plan and\n"
              "                      illustrative needs figures\n"
              "  info FILE.cocom [--json]\n"
              "                      title, model, authorities, partnerships, plans, stages\n"
              "  verify FILE.cocom [--json]\n"
              "                      check the file's integrity, audit chain and snapshots\n"
              "  import-nomis FILE.cocom DATA.csv [--name NAME] [--json]\n"
              "                      import a NOMIS labour-market CSV download as a dataset\n"
              "  import-lookup FILE.cocom LOOKUP.csv\n"
              "                      import child_code,authority_code to sum small areas\n"
              "  indicators FILE.cocom [--json]\n"
              "                      list the measures and indicators, with their ids\n"
              "  indicator add FILE.cocom --name NAME --ratio NUM_ID DEN_ID [--scale 100]\n"
              "                      define a ratio indicator\n"
              "  needs FILE.cocom --indicator ID|NAME [--by authority|partnership|cpa]\n"
              "        [--plan NAME] [--date YYYY-MM] [--json]\n"
              "                      an indicator's values for one date\n"
              "  priorities FILE.cocom [--cpa NAME] [--json]\n"
              "                      per CPA the joint ranking of priority groups, each\n"
              "                      partner's ranks and how far they agree\n"
              "  priorities rank FILE.cocom --cpa NAME --partner NAME GROUP...\n"
              "  priorities decide FILE.cocom --cpa NAME --rationale TEXT [GROUP...]\n"
              "  priorities places FILE.cocom GSS_CODE...\n"
              "                      record a ranking, the agreed decision, priority places\n"
              "  cpa check FILE.cocom [--plan NAME] [--adjacency legal|land] [--indicator ID]\n"
              "        [--json]      coverage, contiguity, balance and partnership splits;\n"
              "                      exits 1 when the plan breaks a rule\n"
              "  cpa export FILE.cocom OUT.csv [--plan NAME]\n"
              "                      write the plan as gss_code,cpa\n"
              "  cpa suggest FILE.cocom --k N --indicator ID [--keep-partnerships]\n"
              "        [--adjacency legal|land] [--seconds S] [--json]\n"
              "                      propose contiguous, balanced plans\n"
              "\n"
              "Options:\n"
              "  -h, --help          show this help\n"
              "  -v, --version       show the version\n"
              "\n"
              "Exit codes: 0 success, 1 the check failed, 2 bad usage or unreadable input.\n");
}

int run(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    if (arguments.isEmpty() || !isCommandLineRequest(arguments)) {
        err << helpText();
        return UsageError;
    }
    const QString command = arguments.first();
    const QStringList rest = arguments.mid(1);
    if (command == QLatin1String("--version") || command == QLatin1String("-v")) {
        out << QStringLiteral("cocommission %1").arg(QStringLiteral(COCOMMISSION_VERSION)) << '\n';
        return Success;
    }
    if (command == QLatin1String("--help") || command == QLatin1String("-h") ||
        command == QLatin1String("help")) {
        out << helpText();
        return Success;
    }
    if (command == QLatin1String("new"))
        return runNew(rest, out, err);
    if (command == QLatin1String("info"))
        return runInfo(rest, out, err);
    if (command == QLatin1String("import-nomis"))
        return runImportNomis(rest, out, err);
    if (command == QLatin1String("import-lookup"))
        return runImportLookup(rest, out, err);
    if (command == QLatin1String("indicators"))
        return runIndicators(rest, out, err);
    if (command == QLatin1String("indicator"))
        return runIndicator(rest, out, err);
    if (command == QLatin1String("needs"))
        return runNeeds(rest, out, err);
    if (command == QLatin1String("priorities"))
        return runPriorities(rest, out, err);
    if (command == QLatin1String("cpa"))
        return runCpa(rest, out, err);
    return runVerify(rest, out, err);
}

} // namespace CoCommission::CommandLine
