#pragma once

#include "core/round/devolutionmodel.h"
#include "core/round/signoff.h"
#include "core/round/stage.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace CoCommission {

struct Round;

/** One thing a stage needs before it can be marked ready for sign-off, and whether it is met. */
struct Requirement
{
    QString text;
    bool met = false;

    bool operator==(const Requirement &) const = default;
};

/**
 * The rules of the stage gate: what each stage needs, who must sign it off under each
 * devolution model, and when a status change or signature is allowed.
 *
 * Sign-off parties (seed 000 and seed 001, Appendix A):
 * - model 1, co-commissioning: DWP and the partnership board, on every stage;
 * - model 2, partnership delivery: the lead authority on every stage, and DWP as well on the
 *   tender documents (stage 3, design) and the commissioning decision (stage 5, selection);
 * - model 3, full devolution: the lead authority on every stage, and DWP countersigning the
 *   central-local agreement on budget, priorities and outputs (stage 2, priorities).
 *
 * A stage can be marked ready only once the stage before it is signed off and its own
 * requirements are met; a stage is signed off when every required party has signed.
 */
class StageRules
{
    Q_DECLARE_TR_FUNCTIONS(StageRules)

public:
    static QList<SignOffParty> requiredParties(DevolutionModel model, StageId stage);

    /** The stage's content requirements, met or not, in the order the page lists them. */
    static QList<Requirement> requirements(const Round &round, StageId stage);

    /** Required parties that have not signed \a stage yet. */
    static QList<SignOffParty> missingParties(const Round &round, StageId stage);

    /**
     * Everything the stage still needs before it is signed off, as translated sentences: unmet
     * requirements, then "mark ready", then each missing signature. Empty once signed off.
     */
    static QStringList outstanding(const Round &round, StageId stage);

    /** Why \a stage cannot move to \a status now, or nullopt when it can. */
    static std::optional<QString> whyNotStatus(const Round &round, StageId stage,
                                               StageStatus status);

    /** Why \a party cannot sign \a stage now, or nullopt when it can. */
    static std::optional<QString> whyNotSignOff(const Round &round, StageId stage,
                                                SignOffParty party);

    /**
     * What of this stage's tools later versions bring, as a plain sentence for the stage page;
     * empty when the stage's tools are all built.
     */
    static QString notBuiltYet(StageId stage);
};

} // namespace CoCommission
