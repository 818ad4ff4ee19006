// The CPA editor on the command line: cpa check|export|import|suggest.

#include "core/cli/cliutil.h"

#include "core/cpa/adjacency.h"
#include "core/cpa/assignmentcsv.h"
#include "core/cpa/plancheck.h"
#include "core/cpa/suggest.h"
#include "core/needs/indicators.h"
#include "core/round/rounddocument.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSaveFile>
#include <QTextStream>

namespace CoCommission::CommandLine {

namespace {

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

} // namespace

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

} // namespace CoCommission::CommandLine
