#include "core/round/design.h"

#include <QCoreApplication>

#include <algorithm>

namespace CoCommission {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("CoCommission::ServiceDesign", text);
}

/** The enum value whose key is \a key among \a values, through \a keyOf. */
template<class E, class KeyOf>
std::optional<E> fromKey(std::initializer_list<E> values, KeyOf keyOf, const QString &key)
{
    for (E value : values) {
        if (keyOf(value) == key)
            return value;
    }
    return std::nullopt;
}

template<class T, class Pred>
const T *findIn(const QList<T> &list, Pred pred)
{
    const auto it = std::find_if(list.cbegin(), list.cend(), pred);
    return it == list.cend() ? nullptr : &*it;
}

} // namespace

QString directionKey(StandardDirection direction)
{
    switch (direction) {
    case StandardDirection::AtMost:
        return QStringLiteral("at_most");
    case StandardDirection::AtLeast:
        return QStringLiteral("at_least");
    case StandardDirection::Required:
        return QStringLiteral("required");
    }
    return {};
}

std::optional<StandardDirection> directionFromKey(const QString &key)
{
    return fromKey(
        {StandardDirection::AtMost, StandardDirection::AtLeast, StandardDirection::Required},
        directionKey, key);
}

QString directionName(StandardDirection direction)
{
    switch (direction) {
    case StandardDirection::AtMost:
        return tr("At most");
    case StandardDirection::AtLeast:
        return tr("At least");
    case StandardDirection::Required:
        return tr("Required");
    }
    return {};
}

QString conditionKindKey(ConditionKind kind)
{
    switch (kind) {
    case ConditionKind::GroupShare:
        return QStringLiteral("group_share");
    case ConditionKind::PlacePresence:
        return QStringLiteral("place_presence");
    }
    return {};
}

std::optional<ConditionKind> conditionKindFromKey(const QString &key)
{
    return fromKey({ConditionKind::GroupShare, ConditionKind::PlacePresence}, conditionKindKey,
                   key);
}

QString conditionKindName(ConditionKind kind)
{
    switch (kind) {
    case ConditionKind::GroupShare:
        return tr("Share of starts from a priority group");
    case ConditionKind::PlacePresence:
        return tr("Presence in a priority place");
    }
    return {};
}

QList<KeyName> eligibilityCategories()
{
    return {{QStringLiteral("benefit"), tr("Benefit history")},
            {QStringLiteral("household"), tr("Household")},
            {QStringLiteral("age"), tr("Age")},
            {QStringLiteral("disadvantage"), tr("Labour-market disadvantages")}};
}

QList<KeyName> referralSources()
{
    return {{QStringLiteral("jobcentre_plus"), tr("Jobcentre Plus")},
            {QStringLiteral("health"), tr("Health services")},
            {QStringLiteral("local_services"), tr("Local services")},
            {QStringLiteral("self"), tr("Self-referral")}};
}

QList<KeyName> contributionServices()
{
    return {{QStringLiteral("public_health"), tr("Public health")},
            {QStringLiteral("drug_alcohol"), tr("Drug and alcohol services")},
            {QStringLiteral("homelessness"), tr("Homelessness support")},
            {QStringLiteral("adult_social_care"), tr("Adult social care")},
            {QStringLiteral("childcare"), tr("Childcare and early years")},
            {QStringLiteral("troubled_families"), tr("Troubled Families")},
            {QStringLiteral("discretionary_housing"), tr("Discretionary Housing Payments")},
            {QStringLiteral("council_tax_support"), tr("Council Tax support")},
            {QStringLiteral("skills"), tr("Skills")},
            {QStringLiteral("european_funds"), tr("European or successor funds")}};
}

QString nameOfKey(const QList<KeyName> &list, const QString &key)
{
    const KeyName *found = findIn(list, [&](const KeyName &k) { return k.key == key; });
    return found ? found->name : key;
}

QString contributionFormKey(ContributionForm form)
{
    switch (form) {
    case ContributionForm::Money:
        return QStringLiteral("money");
    case ContributionForm::StaffTime:
        return QStringLiteral("staff_time");
    case ContributionForm::PriorityAccess:
        return QStringLiteral("priority_access");
    case ContributionForm::CoLocation:
        return QStringLiteral("co_location");
    }
    return {};
}

std::optional<ContributionForm> contributionFormFromKey(const QString &key)
{
    return fromKey({ContributionForm::Money, ContributionForm::StaffTime,
                    ContributionForm::PriorityAccess, ContributionForm::CoLocation},
                   contributionFormKey, key);
}

QString contributionFormName(ContributionForm form)
{
    switch (form) {
    case ContributionForm::Money:
        return tr("Money");
    case ContributionForm::StaffTime:
        return tr("Staff time");
    case ContributionForm::PriorityAccess:
        return tr("Priority access");
    case ContributionForm::CoLocation:
        return tr("Co-location");
    }
    return {};
}

QString contributionStatusKey(ContributionStatus status)
{
    switch (status) {
    case ContributionStatus::Proposed:
        return QStringLiteral("proposed");
    case ContributionStatus::Agreed:
        return QStringLiteral("agreed");
    case ContributionStatus::Signed:
        return QStringLiteral("signed");
    }
    return {};
}

std::optional<ContributionStatus> contributionStatusFromKey(const QString &key)
{
    return fromKey(
        {ContributionStatus::Proposed, ContributionStatus::Agreed, ContributionStatus::Signed},
        contributionStatusKey, key);
}

QString contributionStatusName(ContributionStatus status)
{
    switch (status) {
    case ContributionStatus::Proposed:
        return tr("Proposed");
    case ContributionStatus::Agreed:
        return tr("Agreed");
    case ContributionStatus::Signed:
        return tr("Signed");
    }
    return {};
}

const PaymentGroup *ServiceDesign::paymentGroup(const QString &key) const
{
    return findIn(paymentGroups, [&](const PaymentGroup &g) { return g.key == key; });
}

const PaymentScenario *ServiceDesign::scenario(const QString &name) const
{
    return findIn(scenarios, [&](const PaymentScenario &s) { return s.name == name; });
}

const GroupTariff *ServiceDesign::tariff(const PaymentScenario &scenario, const QString &group,
                                         CpaId cpa)
{
    if (const GroupTariff *own = findIn(scenario.tariffs, [&](const GroupTariff &t) {
            return t.group == group && t.cpa.isValid() && t.cpa == cpa;
        }))
        return own;
    return findIn(scenario.tariffs,
                  [&](const GroupTariff &t) { return t.group == group && !t.cpa.isValid(); });
}

bool ServiceDesign::refersTo(CpaId cpa) const
{
    const auto names = [&](CpaId id) {
        return id.isValid() && (!cpa.isValid() || id == cpa);
    };
    return std::any_of(conditions.cbegin(), conditions.cend(),
                       [&](const DirectiveCondition &c) { return names(c.cpa); }) ||
           std::any_of(volumes.cbegin(), volumes.cend(),
                       [&](const ReferralVolume &v) { return names(v.cpa); }) ||
           std::any_of(scenarios.cbegin(), scenarios.cend(), [&](const PaymentScenario &s) {
               return std::any_of(s.tariffs.cbegin(), s.tariffs.cend(),
                                  [&](const GroupTariff &t) { return names(t.cpa); });
           });
}

const ReferralVolume *ServiceDesign::statedVolume(const QString &group, CpaId cpa) const
{
    return findIn(volumes,
                  [&](const ReferralVolume &v) { return v.group == group && v.cpa == cpa; });
}

} // namespace CoCommission
