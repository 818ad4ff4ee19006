#include "core/priorities/priorityagreement.h"

#include <algorithm>

namespace CoCommission {

AgreementBand PriorityAgreement::band(std::optional<double> tau)
{
    if (!tau)
        return AgreementBand::Unknown;
    if (*tau >= kStrong)
        return AgreementBand::Strong;
    if (*tau >= kModerate)
        return AgreementBand::Moderate;
    if (*tau > -kModerate)
        return AgreementBand::Little;
    if (*tau > -kStrong)
        return AgreementBand::Disagree;
    return AgreementBand::StrongDisagree;
}

QString PriorityAgreement::bandName(AgreementBand band)
{
    switch (band) {
    case AgreementBand::Strong:
        return tr("strong agreement");
    case AgreementBand::Moderate:
        return tr("moderate agreement");
    case AgreementBand::Little:
        return tr("little agreement");
    case AgreementBand::Disagree:
        return tr("disagree");
    case AgreementBand::StrongDisagree:
        return tr("strongly disagree");
    case AgreementBand::Unknown:
        return tr("cannot be measured");
    }
    return {};
}

QString PriorityAgreement::bandsExplained()
{
    return tr("Kendall's tau runs from −1 (opposite orders) through 0 (no relation) to 1 (the "
              "same order). 0.7 or more reads as strong agreement, 0.3 to 0.7 moderate "
              "agreement, between −0.3 and 0.3 little agreement, −0.3 to −0.7 disagree, and "
              "−0.7 or less strongly disagree.");
}

QString PriorityAgreement::methodName(RankingMethod method)
{
    switch (method) {
    case RankingMethod::Borda:
        return tr("Borda count");
    case RankingMethod::PointsSum:
        return tr("Points sum");
    }
    return {};
}

QString PriorityAgreement::methodExplained(RankingMethod method, int groups)
{
    switch (method) {
    case RankingMethod::Borda:
        return tr("Each partner's first group scores %1 points, the next %2, and so on down to 0 "
                  "for the last; the joint ranking orders the groups by their total score.")
            .arg(std::max(0, groups - 1))
            .arg(std::max(0, groups - 2));
    case RankingMethod::PointsSum:
        return tr("Each partner gives every group points; the joint ranking orders the groups "
                  "by their total points.");
    }
    return {};
}

QStringList PriorityAgreement::rankedBy(const Round &round, const Cpa &cpa)
{
    QStringList recorded;
    for (const PartnerRankingRecord &r : round.rankings) {
        if (r.cpa == cpa.id && !recorded.contains(r.partner))
            recorded.append(r.partner);
    }
    QStringList result;
    for (const QString &partner : round.priorityPartners(cpa)) {
        if (recorded.removeOne(partner))
            result.append(partner);
    }
    return result + recorded;
}

Result<JointRanking> PriorityAgreement::jointRanking(const Round &round, const Cpa &cpa)
{
    QStringList groups;
    for (const PriorityGroup &g : round.priorityGroups)
        groups.append(g.key);
    QList<PartnerRanking> rankings;
    for (const QString &partner : rankedBy(round, cpa)) {
        const auto record = std::find_if(
            round.rankings.begin(), round.rankings.end(),
            [&](const PartnerRankingRecord &r) { return r.cpa == cpa.id && r.partner == partner; });
        PartnerRanking ranking;
        ranking.partner = partner;
        ranking.order = record->order;
        if (record->points.size() == record->order.size()) {
            for (qsizetype i = 0; i < record->order.size(); ++i)
                ranking.points.insert(record->order[i], record->points[i]);
        }
        rankings.append(ranking);
    }
    return JointRankingCalculator::compute(groups, rankings, round.priorityMethod);
}

} // namespace CoCommission
