#include "core/round/stagerules.h"

#include "core/design/volumes.h"
#include "core/evaluation/tenderevaluation.h"
#include "core/round/round.h"
#include "core/supply/coverage.h"
#include "core/supply/timeline.h"

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

/** Every payment group has referrals in every CPA, and every scenario a tariff for each. */
static std::pair<bool, bool> paymentModelComplete(const Round &round)
{
    const ServiceDesign &design = round.design;
    const CpaPlan *plan = round.adoptedPlan();
    if (!plan || plan->cpas.isEmpty() || design.paymentGroups.isEmpty())
        return {false, false};
    const QList<VolumeEstimate> volumes = referralVolumes(round);
    const bool volumesKnown = std::all_of(volumes.begin(), volumes.end(),
                                          [](const VolumeEstimate &v) { return v.hasFigure(); });
    bool tariffs = !design.scenarios.isEmpty();
    for (const PaymentScenario &scenario : design.scenarios) {
        for (const PaymentGroup &group : design.paymentGroups) {
            for (const Cpa &cpa : plan->cpas)
                tariffs = tariffs && ServiceDesign::tariff(scenario, group.key, cpa.id);
        }
    }
    return {volumesKnown, tariffs};
}

static bool timelineComplete(const SupplyMarket &supply)
{
    for (MilestoneKind kind : {MilestoneKind::TenderNotice, MilestoneKind::BidDeadline,
                               MilestoneKind::Award, MilestoneKind::GoLive}) {
        if (std::none_of(supply.milestones.begin(), supply.milestones.end(),
                         [&](const Milestone &m) { return m.kind == kind; }))
            return false;
    }
    return true;
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
    case StageId::Design: {
        const ServiceDesign &design = round.design;
        result.append({tr("The round's own design, not the illustrative one"),
                       !design.illustrative && !design.isEmpty()});
        result.append({tr("Minimum service standards, each with a measurable target"),
                       !design.standards.isEmpty()});
        result.append({tr("Eligibility rules and at least one referral route"),
                       !design.eligibility.isEmpty() && !design.referralRoutes.isEmpty()});
        const auto [volumes, tariffs] = paymentModelComplete(round);
        result.append(
            {tr("Referrals per year for every payment group in every CPA, estimated or stated"),
             volumes});
        result.append(
            {tr("A payment scenario with a tariff for every payment group in every CPA"), tariffs});
        if (round.model == DevolutionModel::PartnershipDelivery)
            result.append(
                {tr("Quantified local contributions, agreed or signed in statements of intent"),
                 std::any_of(design.contributions.begin(), design.contributions.end(),
                             [](const LocalContribution &c) {
                                 return c.status != ContributionStatus::Proposed &&
                                        c.valuePerYear > 0;
                             })});
        break;
    }
    case StageId::Supply: {
        const SupplyMarket &supply = round.supply;
        result.append({tr("The round's own provider register and timeline, not the "
                          "illustrative ones"),
                       !supply.isIllustrative() && !supply.providers.isEmpty()});
        result.append({tr("A market engagement timeline from the tender notice to go-live"),
                       timelineComplete(supply)});
        const QList<TimelineCheck> checks = checkTimeline(supply);
        result.append(
            {tr("The timeline meets every rule the board set"),
             !checks.isEmpty() && std::all_of(checks.begin(), checks.end(),
                                              [](const TimelineCheck &c) { return c.met; })});
        result.append({tr("A specialist provider for every priority group in every CPA"),
                       round.adoptedPlan() && !supply.providers.isEmpty() &&
                           supplyCoverage(round, supply).gaps.isEmpty()});
        break;
    }
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
    case StageId::Monitoring: {
        const Monitoring &m = round.monitoring;
        const ProgrammeBoard &board = m.board;
        result.append({tr("The round's own programme board, contract profile and returns, not "
                          "the illustrative ones"),
                       !m.isIllustrative() && !board.members.isEmpty()});
        result.append(
            {tr("A programme board with voting members and a DWP contract manager"),
             board.votingMembers() > 0 &&
                 std::any_of(board.members.begin(), board.members.end(), [](const BoardMember &b) {
                     return b.role == BoardRole::DwpContractManager;
                 })});
        result.append(
            {tr("A quorate board meeting on record"),
             std::any_of(board.meetings.begin(), board.meetings.end(),
                         [&](const BoardMeeting &meeting) { return board.isQuorate(meeting); })});
        result.append({tr("A contract profile with its contract period"),
                       m.profile.hasPeriod() && !m.profile.figures.isEmpty()});
        result.append({tr("At least one performance return received"), !m.returns.isEmpty()});
        QDate latest;
        for (const PerformanceReturn &r : m.returns) {
            for (const MonitoringFigure &f : r.figures)
                latest = std::max(latest, f.period);
        }
        const ContractManagerReport *report = latest.isValid() ? board.report(latest) : nullptr;
        result.append(
            {tr("A report to the DWP contract manager on all four matters for the "
                "latest month reported"),
             report && std::all_of(report->commentary.begin(), report->commentary.end(),
                                   [](const QString &c) { return !c.trimmed().isEmpty(); })});
        const QDate today = QDate::currentDate();
        result.append({tr("No overdue action in the actions and issues log"),
                       std::none_of(board.actions.begin(), board.actions.end(),
                                    [&](const BoardAction &a) { return a.isOverdue(today); })});
        break;
    }
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
    case StageId::Design:
    case StageId::Supply:
    case StageId::Selection:
    case StageId::Monitoring:
        return {};
    }
    return {};
}

} // namespace CoCommission
