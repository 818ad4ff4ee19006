#pragma once

#include "core/common/ids.h"
#include "core/round/stage.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace CoCommission {

/** A party whose signature a stage may need. Which ones a stage needs depends on the model. */
enum class SignOffParty {
    Dwp,              ///< the Department for Work and Pensions
    PartnershipBoard, ///< the sub-regional partnership board
    LeadAuthority,    ///< the lead authority of the partnership
};

QString partyKey(SignOffParty party);
std::optional<SignOffParty> partyFromKey(const QString &key);
/** Translated name, e.g. "Department for Work and Pensions". */
QString partyName(SignOffParty party);

/**
 * One party's signature on one stage: who signed, in what role, when and why, and the
 * snapshot of the round they signed (archived in the project file with its SHA-256).
 */
struct SignOff
{
    SignOffId id;
    StageId stage = StageId::Needs;
    SignOffParty party = SignOffParty::Dwp;
    QString name;
    QString role;
    QString rationale;
    QDateTime signedAt;
    SnapshotId snapshot;
    QString snapshotSha256;

    bool operator==(const SignOff &) const = default;
};

} // namespace CoCommission
