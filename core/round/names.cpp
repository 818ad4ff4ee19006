// Keys and translated names of the round's enumerations. Keys are stored in the project file
// and used on the command line: never change one once released.
#include "core/round/adjacencyrule.h"
#include "core/round/devolutionmodel.h"
#include "core/round/rankingmethod.h"
#include "core/round/signoff.h"
#include "core/round/stage.h"

#include <QCoreApplication>

namespace CoCommission {

namespace {
QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("CoCommission::Round", text, disambiguation, n);
}
} // namespace

QString modelName(DevolutionModel model)
{
    switch (model) {
    case DevolutionModel::CoCommissioning:
        return tr("Model 1: co-commissioning");
    case DevolutionModel::PartnershipDelivery:
        return tr("Model 2: partnership delivery");
    case DevolutionModel::FullDevolution:
        return tr("Model 3: full devolution");
    }
    return {};
}

std::optional<DevolutionModel> modelFromNumber(int number)
{
    if (number < 1 || number > 3)
        return std::nullopt;
    return DevolutionModel(number);
}

QString stageKey(StageId stage)
{
    switch (stage) {
    case StageId::Needs:
        return QStringLiteral("needs");
    case StageId::Priorities:
        return QStringLiteral("priorities");
    case StageId::Design:
        return QStringLiteral("design");
    case StageId::Supply:
        return QStringLiteral("supply");
    case StageId::Selection:
        return QStringLiteral("selection");
    case StageId::Monitoring:
        return QStringLiteral("monitoring");
    }
    return {};
}

std::optional<StageId> stageFromKey(const QString &key)
{
    for (StageId stage : kAllStages) {
        if (stageKey(stage) == key)
            return stage;
    }
    return std::nullopt;
}

QString stageTitle(StageId stage)
{
    switch (stage) {
    case StageId::Needs:
        return tr("Assessing local needs");
    case StageId::Priorities:
        return tr("Deciding the priorities for intervention");
    case StageId::Design:
        return tr("Design of services");
    case StageId::Supply:
        return tr("Shaping the structure of supply");
    case StageId::Selection:
        return tr("Selecting the provider");
    case StageId::Monitoring:
        return tr("Monitoring and evaluating provision");
    }
    return {};
}

QString statusKey(StageStatus status)
{
    switch (status) {
    case StageStatus::NotStarted:
        return QStringLiteral("not_started");
    case StageStatus::InProgress:
        return QStringLiteral("in_progress");
    case StageStatus::ReadyForSignOff:
        return QStringLiteral("ready_for_sign_off");
    case StageStatus::SignedOff:
        return QStringLiteral("signed_off");
    }
    return {};
}

std::optional<StageStatus> statusFromKey(const QString &key)
{
    for (StageStatus s : {StageStatus::NotStarted, StageStatus::InProgress,
                          StageStatus::ReadyForSignOff, StageStatus::SignedOff}) {
        if (statusKey(s) == key)
            return s;
    }
    return std::nullopt;
}

QString statusName(StageStatus status)
{
    switch (status) {
    case StageStatus::NotStarted:
        return tr("Not started");
    case StageStatus::InProgress:
        return tr("In progress");
    case StageStatus::ReadyForSignOff:
        return tr("Ready for sign-off");
    case StageStatus::SignedOff:
        return tr("Signed off");
    }
    return {};
}

QString partyKey(SignOffParty party)
{
    switch (party) {
    case SignOffParty::Dwp:
        return QStringLiteral("dwp");
    case SignOffParty::PartnershipBoard:
        return QStringLiteral("partnership_board");
    case SignOffParty::LeadAuthority:
        return QStringLiteral("lead_authority");
    }
    return {};
}

std::optional<SignOffParty> partyFromKey(const QString &key)
{
    for (SignOffParty p :
         {SignOffParty::Dwp, SignOffParty::PartnershipBoard, SignOffParty::LeadAuthority}) {
        if (partyKey(p) == key)
            return p;
    }
    return std::nullopt;
}

QString partyName(SignOffParty party)
{
    switch (party) {
    case SignOffParty::Dwp:
        return tr("Department for Work and Pensions");
    case SignOffParty::PartnershipBoard:
        return tr("Partnership board");
    case SignOffParty::LeadAuthority:
        return tr("Lead authority");
    }
    return {};
}

QString adjacencyRuleKey(AdjacencyRule rule)
{
    return rule == AdjacencyRule::LandContactOnly ? QStringLiteral("land")
                                                  : QStringLiteral("legal");
}

std::optional<AdjacencyRule> adjacencyRuleFromKey(const QString &key)
{
    const QString k = key.trimmed().toLower();
    if (k == QLatin1String("legal"))
        return AdjacencyRule::LegalBoundary;
    if (k == QLatin1String("land"))
        return AdjacencyRule::LandContactOnly;
    return std::nullopt;
}

QString rankingMethodKey(RankingMethod method)
{
    return method == RankingMethod::PointsSum ? QStringLiteral("points") : QStringLiteral("borda");
}

std::optional<RankingMethod> rankingMethodFromKey(const QString &key)
{
    const QString k = key.trimmed().toLower();
    if (k == QLatin1String("borda"))
        return RankingMethod::Borda;
    if (k == QLatin1String("points"))
        return RankingMethod::PointsSum;
    return std::nullopt;
}

} // namespace CoCommission
