#include "core/design/designtemplate.h"

namespace CoCommission {

namespace {

QString tr(const char *text)
{
    return DesignTemplate::tr(text);
}

} // namespace

QList<ServiceStandard> standardTemplates()
{
    using D = StandardDirection;
    return {
        {QStringLiteral("first_contact"), tr("First contact after referral"),
         tr("A key worker contacts every participant soon after referral."), 5, tr("working days"),
         D::AtMost},
        {QStringLiteral("contact_frequency"), tr("Face-to-face contact"),
         tr("At least one face-to-face meeting in every period of this length."), 2, tr("weeks"),
         D::AtMost},
        {QStringLiteral("key_worker"), tr("A named key worker"),
         tr("Every participant has one named key worker who plans their steps into work."), 1,
         QString(), D::Required},
        {QStringLiteral("caseload"), tr("Caseload per key worker"),
         tr("Active participants per full-time key worker."), 50, tr("participants"), D::AtMost},
        {QStringLiteral("action_plan"), tr("Action plan agreed"),
         tr("An action plan agreed with the participant after the initial assessment."), 4,
         tr("weeks"), D::AtMost},
        {QStringLiteral("in_work_support"), tr("In-work support"),
         tr("Support to stay and progress in work after a job starts."), 6, tr("months"),
         D::AtLeast},
    };
}

QList<EligibilityRule> eligibilityTemplates()
{
    return {
        {QStringLiteral("benefit"),
         tr("Claimed an out-of-work benefit for three of the past four years")},
        {QStringLiteral("household"),
         tr("Workless families or those with a history of worklessness")},
        {QStringLiteral("household"),
         tr("Lone parents with disadvantages whose youngest child is three or over")},
        {QStringLiteral("age"),
         tr("Young people aged 18 to 24 never in waged work for more than 6 months")},
        {QStringLiteral("disadvantage"),
         tr("At least two recognised labour-market disadvantages (e.g. drug and alcohol misuse, "
            "care leaver), or financially affected by the benefit cap")},
    };
}

QList<ReferralRoute> referralTemplates()
{
    return {
        {QStringLiteral("jobcentre_plus"),
         tr("Work coaches refer eligible claimants (most referrals).")},
        {QStringLiteral("health"),
         tr("GPs and IAPT services refer people with health conditions.")},
        {QStringLiteral("local_services"),
         tr("Troubled Families, housing and drug and alcohol services refer their clients.")},
    };
}

ServiceDesign designTemplate()
{
    ServiceDesign design;
    design.standards = standardTemplates();
    design.eligibility = eligibilityTemplates();
    design.referralRoutes = referralTemplates();
    return design;
}

} // namespace CoCommission
