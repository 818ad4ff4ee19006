#pragma once

// Assessor packs: stage 5 scoring on another desktop.
//
// The evaluation lead makes a pack for one assessor of the panel (makePack) and writes it
// (writePack); the assessor opens it (readPack) in a PackSession, declares an interest or none
// for each bidder, scores the bids, and saves a return (PackSession::makeReturn, writeReturn);
// the lead reads the return (readReturn) and merges it into the round (mergeReturn) as one
// transaction and one undo step.
//
// Packs and returns come from other machines and are untrusted input. On disk each is
//
//     CoCommission assessor pack            (or: CoCommission assessor return)
//     format 1
//     length <payload bytes>
//     sha256 <lower-case hex SHA-256 of the payload>
//     <payload: a Boost.Serialization text archive>
//
// The reader refuses, with a message naming the file, anything that is not a regular file, is
// empty or larger than kMaxPackFileBytes (checked before reading), is foreign, is the other
// kind (a return where a pack is wanted), comes from a newer format, is truncated, carries data
// after its end, fails its checksum, or whose archive is damaged (every string length bounded by
// the payload, every list count by kMaxPackElements for all lists together) or inconsistent. The
// checksum detects damage and casual editing; it is not a signature, which is why the merge checks
// the round, the panel and every score again.
//
// The payload is a text archive, not a binary one: Boost's binary archives are not portable
// between platforms (byte order, type sizes), and a pack made on Linux is scored on Windows.
// Text archives are what snapshots use, and at a few hundred kilobytes their size is no cost.

#include "core/common/result.h"
#include "core/evaluation/criteria.h"
#include "core/evaluation/scoring.h"
#include "core/round/tender.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace CoCommission {

class RoundDocument;
struct Round;

/** The format written; a file of a later format is refused with a message saying so. */
inline constexpr int kPackFormatVersion = 1;
/** Packs and returns larger than this are refused before they are read: 64 MiB. */
inline constexpr qint64 kMaxPackFileBytes = 64 * 1024 * 1024;
/** The lists of a pack or return may hold this many elements in all, and no more. */
inline constexpr qint64 kMaxPackElements = 1'000'000;

/** One bid as its assessor sees it in a pack. */
struct PackBid
{
    QString id;
    QString bidder;
    QString lotName; ///< the name of the CPA the bid is for
    double price = 0;
    QString integrationPlan;
    QList<Subcontractor> supplyChain;
    QList<IntegrationEvidence> integration;

    bool operator==(const PackBid &) const = default;
};

/**
 * What one assessor needs to score the bids of a round on another desktop: the criteria with
 * their scales and descriptors, the bids they may see, and what they declared and scored before
 * (so that a second pack carries on from the first). Blind: it holds no one else's scores.
 *
 * The bids of a bidder the assessor has declared a conflict with are left out; the bidder stays
 * in bidders, with the declaration.
 */
struct AssessorPack
{
    int formatVersion = kPackFormatVersion;
    QString packId; ///< a random UUID, carried into the return
    QString roundUuid;
    QString roundTitle;
    bool illustrative = false; ///< the round's bids are invented (the demo round)
    Assessor assessor;
    QDateTime createdAt;
    QList<Criterion> criteria; ///< a valid CriteriaTree
    PriceFormula priceFormula = PriceFormula::LowestRatio;
    QStringList bidders; ///< every bidder of the round, in the order of their first bid
    QList<PackBid> bids;
    QList<ConflictDeclaration> declarations; ///< the assessor's, as the round holds them
    QList<IndividualScore> scores;           ///< the assessor's, for the bids of the pack

    bool operator==(const AssessorPack &) const = default;
};

/** What an assessor sends back: their declarations and scores, for one pack of one round. */
struct PackReturn
{
    int formatVersion = kPackFormatVersion;
    QString packId;
    QString roundUuid;
    QString assessor; ///< the name of a panel member; every declaration and score is theirs
    QDateTime packCreatedAt;
    QDateTime savedAt;
    QList<ConflictDeclaration> declarations;
    QList<IndividualScore> scores;

    bool operator==(const PackReturn &) const = default;
};

/** What merging a return changed. */
struct PackMergeSummary
{
    QString assessor;
    QString packId;
    int newScores = 0;
    int replacedScores = 0;  ///< the assessor's earlier score for the bid and criterion
    int unchangedScores = 0; ///< in the return and already in the round as they are
    int newDeclarations = 0;
    int changedDeclarations = 0;
    int unchangedDeclarations = 0;
    int conflicts = 0; ///< declarations of a conflict among the return's
    QStringList notes; ///< translated; worth telling the lead, not reasons to refuse

    int scores() const { return newScores + replacedScores + unchangedScores; }
    int declarations() const
    {
        return newDeclarations + changedDeclarations + unchangedDeclarations;
    }
    bool changedAnything() const
    {
        return newScores + replacedScores + newDeclarations + changedDeclarations > 0;
    }
};

/**
 * The pack for \a assessor (a panel member's name). Refused unless the round has an identity,
 * bids are open, moderation is not, the criteria are valid and there are bids.
 */
Result<AssessorPack> makePack(const Round &round, const QString &assessor);

/** Writes \a pack to \a path safely (QSaveFile): complete or not at all. */
Status writePack(const QString &path, const AssessorPack &pack);
/** Reads a pack written by writePack(); see the file's header for what is refused. */
Result<AssessorPack> readPack(const QString &path);

Status writeReturn(const QString &path, const PackReturn &packReturn);
Result<PackReturn> readReturn(const QString &path);

/**
 * Merges \a packReturn into \a document: its declarations and scores replace the assessor's
 * earlier ones for the same bidder, or bid and criterion; scores it lacks are kept. Refused as
 * a whole, changing nothing, when the return is for another round or a pack's assessor no longer
 * on the panel, moderation is open or bids are not, a declaration or score names another
 * assessor, an unknown bidder, bid or criterion, a score is off its scale's whole levels or
 * without a comment, a bid is scored without a declaration of no conflict for its bidder, a
 * conflict recorded in the round would be withdrawn, or a conflict is declared with a bidder
 * whose bids the round holds scores of the assessor for. Otherwise one
 * RoundDocument::replaceTender() in one undo command (nothing is pushed when nothing changes).
 */
Result<PackMergeSummary> mergeReturn(RoundDocument &document, const PackReturn &packReturn);

/**
 * An assessor's scoring of one pack, in memory: what the assessor's desktop edits and saves as
 * a return. Knows no widgets and no files.
 *
 * Invariants: every declaration and score is the pack's assessor's; a bid is scored only once
 * its bidder has a declaration of no conflict; every score is on its criterion's scale (pass/
 * fail: 1 or 0), a whole level, and has a comment; a scored criterion is a leaf that is not the
 * price.
 */
class PackSession
{
    Q_DECLARE_TR_FUNCTIONS(PackSession)

public:
    /** Starts scoring \a pack, with its declarations and scores; refused for an invalid pack. */
    static Result<PackSession> start(const AssessorPack &pack);

    const AssessorPack &pack() const { return m_pack; }
    const CriteriaTree &criteria() const { return m_tree; }
    /** The leaves the assessor scores (quality, pass/fail, social value), in tree order. */
    QStringList scoredCriteria() const;

    const QList<ConflictDeclaration> &declarations() const { return m_declarations; }
    const ConflictDeclaration *declaration(const QString &bidder) const;
    /**
     * Declares a conflict of interest with \a bidder (\a note, the interest, required) or none.
     * Declaring a conflict is refused while the session holds scores for the bidder's bids
     * (withdraw them first); withdrawing a conflict the round recorded is refused.
     */
    Status declare(const QString &bidder, bool conflicted, const QString &note = {});

    const QList<IndividualScore> &scores() const { return m_scores; }
    const IndividualScore *score(const QString &bidId, const QString &criterionId) const;
    /** Why \a bidId cannot be scored now (unknown, undeclared, conflicted), or "". */
    QString whyNotScorable(const QString &bidId) const;
    /** Records or replaces a score; see the class invariants. */
    Status setScore(const QString &bidId, const QString &criterionId, double score,
                    const QString &comment);
    /** Withdraws a score; withdrawing one the session does not hold does nothing. */
    void clearScore(const QString &bidId, const QString &criterionId);

    /** Scores still to give: each scored criterion of each bid the assessor may score. */
    int missingScores() const;

    /** The return to save: every declaration and score of the session, stamped now. */
    PackReturn makeReturn() const;

private:
    explicit PackSession(const AssessorPack &pack, CriteriaTree tree);

    AssessorPack m_pack;
    CriteriaTree m_tree;
    QList<ConflictDeclaration> m_declarations;
    QList<IndividualScore> m_scores;
};

} // namespace CoCommission
