#pragma once

#include "core/common/result.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace CoCommission {
class RoundDocument;
struct Assessor;
struct ConflictDeclaration;
struct Criterion;
struct IndividualScore;
struct ModeratedScore;
struct Tender;
struct TenderBid;
enum class PriceFormula;
} // namespace CoCommission

/**
 * The undoable stage 5 edits, as the GUI calls them: each is one undo step through the
 * RoundDocument API (see RoundDocument's stage 5 section for the rules each one keeps).
 * Signing the award is not here: a signature is final and clears the undo history.
 */
namespace CoCommission::Commands {

/**
 * Replaces the criteria and price rules. After the bids are opened \a reason is required; the
 * undo is itself a recorded change ("Undone: <reason>"), since the record of changes to
 * published criteria only grows.
 */
Status setCriteria(RoundDocument *document, const QList<Criterion> &criteria, PriceFormula formula,
                   double abnormallyLowPercent, const QString &reason = {});
Status setBidsOpened(RoundDocument *document, bool opened);
Status setModerationOpened(RoundDocument *document, bool opened);
/** Adds or replaces a bid; undo restores the old bid or removes the new one. */
Status setBid(RoundDocument *document, const TenderBid &bid);
Status removeBid(RoundDocument *document, const QString &bidId);
Status setAssessor(RoundDocument *document, const Assessor &assessor);
Status removeAssessor(RoundDocument *document, const QString &name);
Status setConflict(RoundDocument *document, const QString &assessor, const QString &bidder,
                   const std::optional<ConflictDeclaration> &declaration);
Status setScore(RoundDocument *document, const QString &assessor, const QString &bidId,
                const QString &criterionId, const std::optional<IndividualScore> &score);
Status setConsensus(RoundDocument *document, const QString &bidId, const QString &criterionId,
                    const std::optional<ModeratedScore> &consensus);
/** Replaces the whole tender (a CSV import, a merged assessor pack) as one undo step. */
Status replaceTender(RoundDocument *document, const Tender &tender, const QString &text);

} // namespace CoCommission::Commands
