#include "core/round/stagerules.h"

#include "core/evaluation/tenderevaluation.h"
#include "core/round/round.h"

#include <QSet>

namespace CoCommission {

QList<SignOffParty> StageRules::requiredParties(DevolutionModel model, StageId stage)
{
    switch (model) {
    case DevolutionModel::CoCommissioning:
        return {SignOffParty::Dwp, SignOffParty::PartnershipBoard};
    case DevolutionModel::PartnershipDelivery:
        if (stage == StageId::Design || stage == StageId::Selection)
            return {SignOffParty::LeadAuthority, SignOffParty::Dwp};
        return {SignOffParty::LeadAuthority};
    case DevolutionModel::FullDevolution:
        if (stage == StageId::Priorities)
            return {SignOffParty::LeadAuthority, SignOffParty::Dwp};
        return {SignOffParty::LeadAuthority};
    }
    return {};
}

static bool everyAuthorityHasFigures(const Round &round)
{
    QSet<QString> covered;
    for (const NeedsDataset &d : round.datasets) {
        for (const Observation &o : d.observations)
            covered.insert(o.gssCode);
    }
    for (const Authority &a : round.authorities) {
        if (!covered.contains(a.gssCode))
            return false;
    }
    return !round.authorities.isEmpty();
}

static bool everyCpaHasAnAgreement(const Round &round)
{
    const CpaPlan *adopted = round.adoptedPlan();
    if (!adopted || adopted->cpas.isEmpty())
        return false;
    return std::all_of(adopted->cpas.begin(), adopted->cpas.end(), [&](const Cpa &cpa) {
        const LabourMarketAgreement *a = round.agreement(cpa.id);
        return a && !a->headlineIndicators.isEmpty() && !a->narrative.trimmed().isEmpty();
    });
}

QList<Requirement> StageRules::requirements(const Round &round, StageId stage)
{
    QList<Requirement> result;
    if (stage != StageId::Needs) {
        const StageId previous = StageId(int(stage) - 1);
        result.append({tr("Stage %1, %2, signed off")
                           .arg(stageNumber(previous))
                           .arg(stageTitle(previous).toLower()),
                       round.stage(previous).status == StageStatus::SignedOff});
    }
    switch (stage) {
    case StageId::Needs:
        result.append({tr("Labour-market figures for every authority in the round"),
                       everyAuthorityHasFigures(round)});
        result.append({tr("A Local Labour Market Agreement, with headline indicators and a "
                          "narrative, for every CPA of the adopted plan"),
                       everyCpaHasAnAgreement(round)});
        break;
    case StageId::Priorities: {
        const CpaPlan *adopted = round.adoptedPlan();
        result.append({tr("An adopted CPA plan that covers every authority exactly once"),
                       adopted && planCoverage(round, *adopted).isComplete()});
        bool decided = adopted && !adopted->cpas.isEmpty();
        if (decided) {
            for (const Cpa &cpa : adopted->cpas) {
                decided =
                    decided && std::any_of(round.decisions.begin(), round.decisions.end(),
                                           [&](const PriorityDecision &d) {
                                               return d.cpa == cpa.id && !d.rationale.isEmpty();
                                           });
            }
        }
        result.append(
            {tr("The partners' agreed priorities, with the rationale, for every CPA"), decided});
        break;
    }
    case StageId::Design:
        result.append(
            {tr("Service standards, eligibility and the payment model (not built yet)"), false});
        break;
    case StageId::Supply:
        result.append(
            {tr("A provider register with no unmet specialist gaps (not built yet)"), false});
        break;
    case StageId::Selection: {
        const Tender &tender = round.tender;
        result.append(
            {tr("Published award criteria, the weights at every level summing to 100"),
             !tender.criteria.isEmpty() && bool(CriteriaTree::fromList(tender.criteria))});
        const TenderStatus status = tenderStatus(round);
        const bool everyLot =
            !status.lots.isEmpty() && std::all_of(status.lots.begin(), status.lots.end(),
                                                  [](const LotProgress &l) { return l.bids > 0; });
        result.append(
            {tr("At least one bid for every lot (each CPA of the adopted plan)"), everyLot});
        result.append(
            {tr("Every score of every bid agreed at moderation, with its rationale"),
             everyLot && std::all_of(status.lots.begin(), status.lots.end(),
                                     [](const LotProgress &l) { return l.allAgreed(); })});
        const bool signedAll =
            everyLot &&
            std::all_of(status.lots.begin(), status.lots.end(), [&](const LotProgress &l) {
                const Cpa *cpa = round.adoptedCpa(l.lot);
                const QList<AwardSignature> signatures = tender.signaturesFor(l.lot);
                return cpa && signatures.size() == round.priorityPartners(*cpa).size();
            });
        result.append({tr("The award recommendation for every lot signed by DWP and the "
                          "lot's partnership(s)"),
                       signedAll});
        break;
    }
    case StageId::Monitoring:
        result.append({tr("A programme board and performance returns (not built yet)"), false});
        break;
    }
    return result;
}

QList<SignOffParty> StageRules::missingParties(const Round &round, StageId stage)
{
    QList<SignOffParty> missing = requiredParties(round.model, stage);
    for (const SignOff &s : round.signOffs) {
        if (s.stage == stage)
            missing.removeAll(s.party);
    }
    return missing;
}

QStringList StageRules::outstanding(const Round &round, StageId stage)
{
    const StageStatus status = round.stage(stage).status;
    if (status == StageStatus::SignedOff)
        return {};
    QStringList result;
    for (const Requirement &r : requirements(round, stage)) {
        if (!r.met)
            result.append(r.text);
    }
    if (status != StageStatus::ReadyForSignOff)
        result.append(tr("Marked ready for sign-off"));
    for (SignOffParty party : missingParties(round, stage))
        result.append(tr("Signed off by: %1").arg(partyName(party)));
    return result;
}

std::optional<QString> StageRules::whyNotStatus(const Round &round, StageId stage,
                                                StageStatus status)
{
    const StageStatus current = round.stage(stage).status;
    if (current == StageStatus::SignedOff)
        return tr("Stage %1 is signed off: its decision is final.").arg(stageNumber(stage));
    if (status == StageStatus::SignedOff)
        return tr("A stage is signed off by recording the signature of each required party.");
    if (status == current)
        return tr("Stage %1 is already %2.")
            .arg(stageNumber(stage))
            .arg(statusName(status).toLower());
    if (status == StageStatus::ReadyForSignOff) {
        for (const Requirement &r : requirements(round, stage)) {
            if (!r.met)
                return tr("Stage %1 cannot be marked ready for sign-off yet. It still needs: %2.")
                    .arg(stageNumber(stage))
                    .arg(r.text);
        }
        return std::nullopt;
    }
    const qsizetype signatures = round.signOffsFor(stage).size();
    if (signatures > 0)
        return tr("Stage %1 already carries %n signature(s) and cannot be withdrawn.", nullptr,
                  int(signatures))
            .arg(stageNumber(stage));
    return std::nullopt;
}

std::optional<QString> StageRules::whyNotSignOff(const Round &round, StageId stage,
                                                 SignOffParty party)
{
    const StageStatus status = round.stage(stage).status;
    if (status == StageStatus::SignedOff)
        return tr("Stage %1 is already signed off.").arg(stageNumber(stage));
    if (status != StageStatus::ReadyForSignOff)
        return tr("Stage %1 must be marked ready for sign-off before anyone signs it.")
            .arg(stageNumber(stage));
    if (!requiredParties(round.model, stage).contains(party))
        return tr("Under %1, stage %2 does not need a signature from: %3.")
            .arg(modelName(round.model))
            .arg(stageNumber(stage))
            .arg(partyName(party));
    if (!missingParties(round, stage).contains(party))
        return tr("Stage %2 already carries a signature from: %1.")
            .arg(partyName(party))
            .arg(stageNumber(stage));
    return std::nullopt;
}

QString StageRules::notBuiltYet(StageId stage)
{
    switch (stage) {
    case StageId::Needs:
    case StageId::Priorities:
    case StageId::Selection:
        return {};
    case StageId::Design:
        return tr("Minimum service standards, eligibility, the payment model and the financial "
                  "model are not built yet.");
    case StageId::Supply:
        return tr("The provider register, market engagement and supply gaps are not built yet.");

    case StageId::Monitoring:
        return tr("The programme board, contract profiles and performance returns are not built "
                  "yet.");
    }
    return {};
}

} // namespace CoCommission
