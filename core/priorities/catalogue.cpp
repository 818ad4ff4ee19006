#include "core/priorities/catalogue.h"

#include <QCoreApplication>

namespace CoCommission::PriorityCatalogue {

QList<PriorityGroup> version1()
{
    const auto tr = [](const char *text) {
        return QCoreApplication::translate("CoCommission::PriorityCatalogue", text);
    };
    return {
        {QStringLiteral("esa_wrag"), tr("ESA work-related activity group"),
         tr("Employment and Support Allowance claimants expected to prepare for work")},
        {QStringLiteral("jsa_12_months"), tr("JSA claimants for 12 months or more"),
         tr("Long-term Jobseeker's Allowance claimants")},
        {QStringLiteral("lone_parents"), tr("Lone parents whose youngest child is 3 or over"), {}},
        {QStringLiteral("young_never_worked"),
         tr("18-24s never in waged work for more than 6 months"),
         {}},
        {QStringLiteral("workless_families"), tr("Workless families"),
         tr("Households where no adult works, including Troubled Families")},
        {QStringLiteral("health_condition"), tr("Claimants with a disability or health condition"),
         tr("Including mental health conditions")},
        {QStringLiteral("multiple_disadvantages"),
         tr("People with two or more labour-market disadvantages"),
         tr("For example drug or alcohol misuse, low skills, housing problems")},
        {QStringLiteral("care_leavers"), tr("Care leavers"), {}},
        {QStringLiteral("ex_offenders"), tr("Ex-offenders"), {}},
        {QStringLiteral("homelessness"),
         tr("People who are homeless or at risk of homelessness"),
         {}},
    };
}

} // namespace CoCommission::PriorityCatalogue
