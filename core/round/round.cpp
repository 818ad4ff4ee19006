#include "core/round/round.h"
#include "core/round/roundnames.h"

#include <QSet>

namespace CoCommission {

const Authority *Round::authority(const QString &gssCode) const
{
    for (const Authority &a : authorities) {
        if (a.gssCode == gssCode)
            return &a;
    }
    return nullptr;
}

const CpaPlan *Round::adoptedPlan() const
{
    for (const CpaPlan &p : plans) {
        if (p.adopted)
            return &p;
    }
    return nullptr;
}

const Cpa *Round::adoptedCpa(CpaId id) const
{
    if (const CpaPlan *plan = adoptedPlan()) {
        for (const Cpa &cpa : plan->cpas) {
            if (cpa.id == id)
                return &cpa;
        }
    }
    return nullptr;
}

const BoardPaper *Round::paper(qint64 id) const
{
    for (const BoardPaper &p : papers) {
        if (p.id == id)
            return &p;
    }
    return nullptr;
}

QString authorityName(const Round &round, const QString &gssCode)
{
    const Authority *a = round.authority(gssCode);
    return a ? a->name : gssCode;
}

QString priorityGroupName(const Round &round, const QString &key)
{
    for (const PriorityGroup &g : round.priorityGroups) {
        if (g.key == key)
            return g.name;
    }
    return key;
}

const LabourMarketAgreement *Round::agreement(CpaId cpa) const
{
    for (const LabourMarketAgreement &a : agreements) {
        if (a.cpa == cpa)
            return &a;
    }
    return nullptr;
}

const CpaPlan *Round::plan(PlanId id) const
{
    for (const CpaPlan &p : plans) {
        if (p.id == id)
            return &p;
    }
    return nullptr;
}

QList<SignOff> Round::signOffsFor(StageId stage) const
{
    QList<SignOff> result;
    for (const SignOff &s : signOffs) {
        if (s.stage == stage)
            result.append(s);
    }
    return result;
}

bool Round::hasIllustrativeFigures() const
{
    for (const NeedsDataset &d : datasets) {
        if (d.illustrative)
            return true;
    }
    return false;
}

std::optional<double> Round::latestValue(const QString &gssCode, const QString &measure) const
{
    std::optional<double> value;
    QString date;
    for (const NeedsDataset &d : datasets) {
        for (const Observation &o : d.observations) {
            if (o.gssCode == gssCode && o.measure == measure && (!value || o.date > date)) {
                value = o.value;
                date = o.date;
            }
        }
    }
    return value;
}

QStringList Round::priorityPartners(const Cpa &cpa) const
{
    QStringList partners{QStringLiteral("DWP")};
    for (const Partnership &p : partnerships) {
        if (std::any_of(p.members.begin(), p.members.end(),
                        [&](const QString &code) { return cpa.members.contains(code); }))
            partners.append(p.name);
    }
    return partners;
}

PlanCoverage planCoverage(const Round &round, const CpaPlan &plan)
{
    PlanCoverage coverage;
    QSet<QString> seen;
    for (const Cpa &cpa : plan.cpas) {
        for (const QString &code : cpa.members) {
            if (!round.authority(code)) {
                coverage.unknown.append(code);
                continue;
            }
            if (seen.contains(code)) {
                if (!coverage.duplicated.contains(code))
                    coverage.duplicated.append(code);
            }
            seen.insert(code);
        }
    }
    for (const Authority &a : round.authorities) {
        if (!seen.contains(a.gssCode))
            coverage.unassigned.append(a.gssCode);
    }
    return coverage;
}

} // namespace CoCommission
