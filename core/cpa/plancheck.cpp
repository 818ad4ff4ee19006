#include "core/cpa/plancheck.h"

#include "core/cpa/plancheck_p.h"

#include <QCoreApplication>
#include <QLocale>
#include <QSet>

#include <cmath>

namespace CoCommission {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("CoCommission::PlanCheck", text);
}

QString formatNumber(double value)
{
    const bool whole = std::abs(value - std::round(value)) < 1e-9;
    return QLocale().toString(value, 'f', whole ? 0 : 2);
}

QString nameList(const QStringList &codes, const QHash<QString, QString> &names)
{
    QStringList result;
    for (const QString &code : codes)
        result.append(names.value(code, code));
    return result.join(QStringLiteral(", "));
}

/** Number of connected parts of \a members (round indices) in \a graph. */
int countComponents(const QList<int> &members, const QList<QList<int>> &graph,
                    const QList<int> &cpaOf, int cpa, QList<char> &seen)
{
    int components = 0;
    QList<int> stack;
    for (const int start : members) {
        if (seen[start])
            continue;
        ++components;
        seen[start] = 1;
        stack.append(start);
        while (!stack.isEmpty()) {
            const int u = stack.takeLast();
            for (const int v : graph.at(u)) {
                if (!seen[v] && cpaOf.at(v) == cpa) {
                    seen[v] = 1;
                    stack.append(v);
                }
            }
        }
    }
    for (const int m : members)
        seen[m] = 0;
    return components;
}

} // namespace

namespace detail {

void completePlanCheck(PlanCheck &check, const QHash<QString, QString> &names,
                       const PlanCheckOptions &options)
{
    check.rule = options.rule;
    check.indicatorName = options.indicatorName;
    check.minimumSize = options.minimumSize;
    check.hasValues = !options.values.isEmpty();

    const qsizetype n = check.cpas.size();
    if (check.hasValues) {
        double total = 0;
        for (const CpaCheck &cpa : std::as_const(check.cpas))
            total += cpa.total.value_or(0);
        check.total = total;
        if (n > 0) {
            const double mean = total / double(n);
            check.mean = mean;
            double largest = 0;
            double smallest = 0;
            double largestDeviation = 0;
            for (qsizetype i = 0; i < n; ++i) {
                CpaCheck &cpa = check.cpas[i];
                const double t = cpa.total.value_or(0);
                if (total != 0)
                    cpa.sharePercent = t / total * 100.0;
                if (mean != 0) {
                    cpa.deviationPercent = (t - mean) / mean * 100.0;
                    largestDeviation = std::max(largestDeviation, std::abs(*cpa.deviationPercent));
                }
                largest = i == 0 ? t : std::max(largest, t);
                smallest = i == 0 ? t : std::min(smallest, t);
                if (options.minimumSize && t < *options.minimumSize)
                    cpa.belowMinimum = true;
            }
            if (mean != 0)
                check.largestDeviationPercent = largestDeviation;
            if (smallest > 0)
                check.maxMinRatio = largest / smallest;
        }
    }

    check.problems.clear();
    using Kind = PlanProblem::Kind;
    if (!check.unassigned.isEmpty()) {
        check.problems.append({Kind::Unassigned, -1, check.unassigned,
                               tr("Not in any CPA: %1.").arg(nameList(check.unassigned, names))});
    }
    if (!check.duplicated.isEmpty()) {
        check.problems.append(
            {Kind::Duplicated, -1, check.duplicated,
             tr("In more than one CPA: %1.").arg(nameList(check.duplicated, names))});
    }
    if (!check.unknown.isEmpty()) {
        check.problems.append({Kind::UnknownCode, -1, check.unknown,
                               tr("Not authorities of this round: %1.")
                                   .arg(check.unknown.join(QStringLiteral(", ")))});
    }
    const bool land = options.rule == AdjacencyRule::LandContactOnly;
    for (qsizetype i = 0; i < n; ++i) {
        const CpaCheck &cpa = check.cpas.at(i);
        if (cpa.isEmpty()) {
            check.problems.append(
                {Kind::EmptyCpa, int(i), {}, tr("%1 has no authorities.").arg(cpa.name)});
            continue;
        }
        if (cpa.components > 1) {
            const QString text =
                land ? tr("%1 is not contiguous using land contact only: it falls into %2 parts.")
                     : tr("%1 is not contiguous using legal boundaries: it falls into %2 parts.");
            check.problems.append(
                {Kind::NotContiguous, int(i), cpa.members, text.arg(cpa.name).arg(cpa.components)});
        }
        if (cpa.belowMinimum) {
            const QString text =
                options.indicatorName.isEmpty()
                    ? tr("%1 is below the minimum size: %2 against a minimum of %3.")
                          .arg(cpa.name, formatNumber(cpa.total.value_or(0)),
                               formatNumber(*options.minimumSize))
                    : tr("%1 is below the minimum size: %2 of %3 against a minimum of %4.")
                          .arg(cpa.name, formatNumber(cpa.total.value_or(0)), options.indicatorName,
                               formatNumber(*options.minimumSize));
            check.problems.append({Kind::BelowMinimum, int(i), cpa.members, text});
        }
        if (!cpa.splitPartnerships.isEmpty()) {
            check.problems.append(
                {Kind::PartnershipSplit, int(i), cpa.members,
                 tr("%1 splits these partnerships: %2.")
                     .arg(cpa.name, cpa.splitPartnerships.join(QStringLiteral(", ")))});
        }
        if (!cpa.unknownValues.isEmpty()) {
            const QString text =
                options.indicatorName.isEmpty()
                    ? tr("%1 has members without a figure: %2.")
                          .arg(cpa.name, nameList(cpa.unknownValues, names))
                    : tr("%1 has members without a figure for %2: %3.")
                          .arg(cpa.name, options.indicatorName, nameList(cpa.unknownValues, names));
            check.problems.append({Kind::UnknownValues, int(i), cpa.unknownValues, text});
        }
    }
}

} // namespace detail

bool PlanCheck::ok() const
{
    for (const PlanProblem &p : problems) {
        if (p.breaksRule())
            return false;
    }
    return true;
}

bool PlanCheck::isContiguous() const
{
    for (const CpaCheck &cpa : cpas) {
        if (!cpa.isContiguous())
            return false;
    }
    return true;
}

QStringList PlanCheck::problemTexts(bool rulesOnly) const
{
    QStringList texts;
    for (const PlanProblem &p : problems) {
        if (!rulesOnly || p.breaksRule())
            texts.append(p.text);
    }
    return texts;
}

int PlanCheck::indexOfCpa(const QString &name) const
{
    for (qsizetype i = 0; i < cpas.size(); ++i) {
        if (cpas[i].name == name)
            return int(i);
    }
    return -1;
}

PlanCheck checkPlan(const QList<Authority> &authorities, const QList<Partnership> &partnerships,
                    const CpaPlan &plan, const Adjacency &adjacency,
                    const PlanCheckOptions &options)
{
    PlanCheck check;
    check.planName = plan.name;

    QStringList codes;
    QHash<QString, int> indexOf;
    QHash<QString, QString> names;
    for (const Authority &a : authorities) {
        if (indexOf.contains(a.gssCode))
            continue;
        indexOf.insert(a.gssCode, int(codes.size()));
        codes.append(a.gssCode);
        names.insert(a.gssCode, a.name);
    }
    const int n = int(codes.size());

    // Coverage; a code listed twice counts in the first CPA that lists it.
    QList<int> cpaOf(n, -1);
    QList<char> duplicated(n, 0);
    for (qsizetype c = 0; c < plan.cpas.size(); ++c) {
        for (const QString &code : plan.cpas[c].members) {
            const int a = indexOf.value(code, -1);
            if (a < 0) {
                if (!check.unknown.contains(code))
                    check.unknown.append(code);
            } else if (cpaOf[a] >= 0) {
                duplicated[a] = 1;
            } else {
                cpaOf[a] = int(c);
            }
        }
    }
    for (int a = 0; a < n; ++a) {
        if (cpaOf[a] < 0)
            check.unassigned.append(codes[a]);
        if (duplicated[a])
            check.duplicated.append(codes[a]);
    }

    // Members, contiguity and totals per CPA.
    const QList<QList<int>> graph = adjacency.graph(codes, options.rule);
    QList<QList<int>> members(plan.cpas.size());
    for (int a = 0; a < n; ++a) {
        if (cpaOf[a] >= 0)
            members[cpaOf[a]].append(a);
    }
    QList<char> seen(n, 0);
    const bool hasValues = !options.values.isEmpty();
    for (qsizetype c = 0; c < plan.cpas.size(); ++c) {
        CpaCheck cpa;
        cpa.name = plan.cpas[c].name;
        double total = 0;
        for (const int a : std::as_const(members[c])) {
            cpa.members.append(codes[a]);
            if (hasValues) {
                const auto v = options.values.constFind(codes[a]);
                if (v == options.values.cend())
                    cpa.unknownValues.append(codes[a]);
                else
                    total += *v;
            }
        }
        if (hasValues)
            cpa.total = total;
        cpa.components = countComponents(members[c], graph, cpaOf, int(c), seen);
        check.cpas.append(cpa);
    }

    // Partnerships: which CPAs each spans, and which CPAs cut it.
    for (const Partnership &p : partnerships) {
        PartnershipSpread spread;
        spread.name = p.name;
        QList<int> inCpa(plan.cpas.size(), 0);
        QSet<int> counted;
        int known = 0;
        for (const QString &code : p.members) {
            const int a = indexOf.value(code, -1);
            if (a < 0 || counted.contains(a))
                continue;
            counted.insert(a);
            ++known;
            if (cpaOf[a] >= 0)
                ++inCpa[cpaOf[a]];
            else
                spread.unassigned.append(code);
        }
        for (qsizetype c = 0; c < plan.cpas.size(); ++c) {
            if (inCpa[c] > 0) {
                spread.cpas.append(plan.cpas[c].name);
                if (inCpa[c] < known)
                    check.cpas[c].splitPartnerships.append(p.name);
            }
        }
        check.partnerships.append(spread);
    }

    detail::completePlanCheck(check, names, options);
    return check;
}

PlanCheck checkPlan(const Round &round, const CpaPlan &plan, const Adjacency &adjacency,
                    const PlanCheckOptions &options)
{
    return checkPlan(round.authorities, round.partnerships, plan, adjacency, options);
}

QHash<QString, double> latestValues(const Round &round, const QString &measure)
{
    QHash<QString, double> values;
    for (const Authority &a : round.authorities) {
        if (const std::optional<double> v = round.latestValue(a.gssCode, measure))
            values.insert(a.gssCode, *v);
    }
    return values;
}

} // namespace CoCommission
