// The CPA editor on the command line: cpa check|export|import|suggest, and import-boundaries
// (which the dispatcher hands to runCpa() with its own name as the verb).

#include "core/cli/cliutil.h"

#include "core/cpa/adjacency.h"
#include "core/cpa/assignmentcsv.h"
#include "core/cpa/plancheck.h"
#include "core/cpa/roundcheck.h"
#include "core/cpa/suggest.h"
#include "core/round/rounddocument.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSaveFile>
#include <QTextStream>

namespace CoCommission::CommandLine {

namespace {

QJsonValue number(const std::optional<double> &value)
{
    return value ? QJsonValue(*value) : QJsonValue();
}

/** cocommission import-boundaries ROUND.cocom FILE.geojson [--code-property NAME] [--json] */
int runImportBoundaries(const QStringList &args, QTextStream &out, QTextStream &err)
{
    const QString synopsis = QStringLiteral(
        "cocommission import-boundaries ROUND.cocom FILE.geojson [--code-property NAME] [--json]");
    const Parsed p = parse(args, {QStringLiteral("--json")}, {QStringLiteral("--code-property")});
    if (!p.error.isEmpty())
        return usage(err, p.error, synopsis);
    if (p.positional.size() != 2)
        return usage(err, tr("Name the round and one GeoJSON boundary file."), synopsis);
    const auto document = openForWriting(p.positional.at(0), err);
    if (!document)
        return UsageError;
    const Result<BoundaryImportSummary> summary = document->importBoundaries(
        p.positional.at(1), p.values.value(QStringLiteral("--code-property")));
    if (!summary) {
        err << summary.errorMessage() << '\n';
        return UsageError;
    }
    if (p.flags.contains(QStringLiteral("--json"))) {
        printJson(
            out, QJsonObject{
                     {QStringLiteral("file"), summary->fileName},
                     {QStringLiteral("sha256"), summary->sha256},
                     {QStringLiteral("code_property"), summary->codeProperty},
                     {QStringLiteral("areas"), summary->areas},
                     {QStringLiteral("missing"), QJsonArray::fromStringList(summary->missingCodes)},
                     {QStringLiteral("notes"), QJsonArray::fromStringList(summary->notes)}});
        return Success;
    }
    out << tr("Imported %n area(s) from %1, codes read from the property \"%2\".", nullptr,
              int(summary->areas))
               .arg(summary->fileName, summary->codeProperty)
        << '\n';
    if (summary->missingCodes.isEmpty())
        out << tr("Every authority of the round has an area.") << '\n';
    for (const QString &note : summary->notes)
        out << "  " << note << '\n';
    return Success;
}

/** The plan called \a name, or the adopted plan when \a name is empty; prints why not. */
const CpaPlan *planNamed(const Round &round, const QString &name, bool named, QTextStream &err)
{
    if (!named) {
        if (const CpaPlan *adopted = round.adoptedPlan())
            return adopted;
        err << tr("The round has no adopted CPA plan: name one with --plan.") << '\n';
        return nullptr;
    }
    for (const CpaPlan &plan : round.plans) {
        if (plan.name == name)
            return &plan;
    }
    err << tr("The round has no CPA plan \"%1\".").arg(name) << '\n';
    return nullptr;
}

/** Prints what importing an assignment file did. */
void printImport(const AssignmentImportSummary &s, const QString &path, QTextStream &out)
{
    if (s.newPlan) {
        out << tr("Imported %1 into the new CPA plan \"%2\": ").arg(path, s.planName)
            << tr("%n CPA(s), ", nullptr, int(s.cpas.size()))
            << tr("%n authority(ies).", nullptr, int(s.authorities)) << '\n';
        return;
    }
    out << tr("Imported %1 into the CPA plan \"%2\": ").arg(path, s.planName)
        << tr("%n CPA(s), ", nullptr, int(s.cpas.size()))
        << tr("%n authority(ies); ", nullptr, int(s.authorities))
        << tr("%n moved.", nullptr, int(s.moved.size())) << '\n';
    QStringList added = s.cpas;
    for (const QString &kept : s.keptCpas)
        added.removeAll(kept);
    if (!s.keptCpas.isEmpty())
        out << "  "
            << tr("kept (with their colours and stage 2 records): %1")
                   .arg(s.keptCpas.join(QStringLiteral(", ")))
            << '\n';
    if (!added.isEmpty())
        out << "  " << tr("new: %1").arg(added.join(QStringLiteral(", "))) << '\n';
    if (!s.removedCpas.isEmpty())
        out << "  "
            << tr("removed (with their stage 2 records): %1")
                   .arg(s.removedCpas.join(QStringLiteral(", ")))
            << '\n';
}

} // namespace

int runCpa(const QStringList &args, QTextStream &out, QTextStream &err)
{
    if (!args.isEmpty() && args.first() == QLatin1String("import-boundaries"))
        return runImportBoundaries(args.mid(1), out, err);
    const QString synopsis = QStringLiteral(
        "cocommission cpa check ROUND.cocom [--plan NAME] [--adjacency legal|land] "
        "[--indicator ID] [--json]\n"
        "       cocommission cpa export ROUND.cocom FILE.csv [--plan NAME]\n"
        "       cocommission cpa import ROUND.cocom FILE.csv --plan NAME\n"
        "       cocommission cpa suggest ROUND.cocom --k N --indicator ID [--keep-partnerships] "
        "[--adjacency legal|land] [--seconds S] [--json]");
    if (args.isEmpty())
        return usage(err, tr("Name what to do: check, export, import or suggest."), synopsis);
    const QString verb = args.first();
    if (verb != QLatin1String("check") && verb != QLatin1String("export") &&
        verb != QLatin1String("import") && verb != QLatin1String("suggest"))
        return usage(err, tr("Unknown cpa command \"%1\".").arg(verb), synopsis);
    const Parsed p =
        parse(args.mid(1), {QStringLiteral("--json"), QStringLiteral("--keep-partnerships")},
              {QStringLiteral("--plan"), QStringLiteral("--adjacency"),
               QStringLiteral("--indicator"), QStringLiteral("--k"), QStringLiteral("--seconds")});
    if (!p.error.isEmpty())
        return usage(err, p.error, synopsis);
    const bool withFile = verb == QLatin1String("export") || verb == QLatin1String("import");
    if (p.positional.size() != (withFile ? 2 : 1))
        return usage(err, withFile ? tr("Name the round and the CSV file.") : tr("Name the round."),
                     synopsis);

    if (verb == QLatin1String("import")) {
        if (!p.values.contains(QStringLiteral("--plan")))
            return usage(err, tr("Name the plan to import into with --plan."), synopsis);
        const auto document = openForWriting(p.positional.first(), err);
        if (!document)
            return UsageError;
        const Result<AssignmentImportSummary> summary = document->importAssignment(
            p.values.value(QStringLiteral("--plan")), p.positional.at(1));
        if (!summary) {
            err << summary.errorMessage() << '\n';
            return UsageError;
        }
        printImport(*summary, p.positional.at(1), out);
        return Success;
    }

    const auto rule = adjacencyRuleFromKey(
        p.values.value(QStringLiteral("--adjacency"), QStringLiteral("legal")));
    if (!rule)
        return usage(err, tr("--adjacency must be legal or land."), synopsis);

    const auto document = openForReading(p.positional.first(), err);
    if (!document)
        return UsageError;
    const Round &round = document->round();
    const Result<Adjacency> adjacency = roundAdjacency(round);
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
        const Result<BalanceValues> values =
            balanceValues(round, p.values.value(QStringLiteral("--indicator")));
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
        const Result<Suggestion> suggestion = suggestPlans(round.authorities, round.partnerships,
                                                           values->values, *adjacency, options);
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
            printJson(out, QJsonObject{{QStringLiteral("indicator"), values->label},
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
                   .arg(values->label, adjacencyRulePhrase(*rule))
            << '\n';
        out << tr("Adjacency: %1.").arg(adjacencySourcePhrase(round)) << '\n';
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

    const CpaPlan *plan = planNamed(round, p.values.value(QStringLiteral("--plan")),
                                    p.values.contains(QStringLiteral("--plan")), err);
    if (!plan)
        return UsageError;

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

    // The plan's stored settings, unless a flag overrides them. A minimum size is a threshold on
    // the plan's own indicator, so it does not carry over to another one.
    CpaPlan settings = *plan;
    if (p.values.contains(QStringLiteral("--adjacency")))
        settings.rule = *rule;
    if (p.values.contains(QStringLiteral("--indicator"))) {
        const Result<BalanceValues> values =
            balanceValues(round, p.values.value(QStringLiteral("--indicator")));
        if (!values) {
            err << values.errorMessage() << '\n';
            return UsageError;
        }
        if (values->indicator != plan->balanceIndicator)
            settings.minimumSize.reset();
        settings.balanceIndicator = values->indicator;
    }
    const Result<PlanCheckOptions> checkOptions = checkOptionsFor(round, settings);
    if (!checkOptions) {
        err << checkOptions.errorMessage() << '\n';
        return UsageError;
    }
    const PlanCheckOptions &options = *checkOptions;
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
                                   {QStringLiteral("adjacency"), adjacencyRuleKey(options.rule)},
                                   {QStringLiteral("ok"), check.ok()},
                                   {QStringLiteral("unassigned"),
                                    QJsonArray::fromStringList(check.unassigned)},
                                   {QStringLiteral("cpas"), cpas},
                                   {QStringLiteral("problems"),
                                    QJsonArray::fromStringList(check.problemTexts())}});
    } else {
        out << tr("CPA plan \"%1\", %2").arg(plan->name, adjacencyRulePhrase(options.rule)) << '\n';
        out << tr("Adjacency: %1.").arg(adjacencySourcePhrase(round)) << '\n';
        if (options.minimumSize)
            out << tr("Minimum size: %1 of %2.")
                       .arg(*options.minimumSize, 0, 'f', 0)
                       .arg(options.indicatorName.isEmpty() ? tr("the balance indicator")
                                                            : options.indicatorName)
                << '\n';
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

} // namespace CoCommission::CommandLine
