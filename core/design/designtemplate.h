#pragma once

// Stage 3: the starting point of a round's own design of services. The standards, eligibility
// rules and referral routes the source papers propose (seed 003), which every round adapts;
// the payment model is left to the round, since its figures are the round's own.

#include "core/round/design.h"

#include <QCoreApplication>
#include <QList>

namespace CoCommission {

/** The tr() context of the templates' texts. */
class DesignTemplate
{
    Q_DECLARE_TR_FUNCTIONS(DesignTemplate)
};

/**
 * The six minimum service standards of the source papers, with stable keys: first contact
 * within 5 working days ("first_contact"), face-to-face contact every 2 weeks
 * ("contact_frequency"), a named key worker ("key_worker"), a caseload of at most 50
 * ("caseload"), an action plan within 4 weeks ("action_plan") and in-work support for 6 months
 * ("in_work_support"). Each passes checkDesign().
 */
QList<ServiceStandard> standardTemplates();

/** The eligibility criteria proposed in seed 003, one rule per criterion, by category. */
QList<EligibilityRule> eligibilityTemplates();

/** The referral routes of seed 003: Jobcentre Plus, health services and local services. */
QList<ReferralRoute> referralTemplates();

/**
 * A round's own design to start from: the templates' standards, eligibility rules and
 * referral routes; no directive condition, payment model or contribution; not illustrative.
 */
ServiceDesign designTemplate();

} // namespace CoCommission
