#pragma once

// The CSV exchange of stage 5, for officers who prepare an evaluation in a spreadsheet. Three
// files make one tender: criteria.csv and bids.csv replace the round's criteria and bids, and
// scores.csv, when given, replaces its scores. Reading never touches the round: it returns the
// whole Tender to store, and the caller stores it with one RoundDocument::replaceTender() call,
// so that a refused import changes nothing.

#include "core/common/result.h"
#include "core/round/round.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

namespace CoCommission {

/**
 * Reading the evaluation CSV files. Every file starts with a header naming its columns (any
 * order, any case; other columns are ignored); a row must have as many fields as the header;
 * rows whose fields are all empty are skipped; text is trimmed; numbers use a full stop for
 * decimals, and a price may carry a leading £ and thousands separators ("£1,250,000").
 *
 * criteria.csv `id,parent_id,name,weight_percent,type,max_score`
 * - parent_id empty at the top level; weights are percent of their siblings, and each level
 *   sums to 100 (a level of pass/fail criteria only, which carry no marks, sums to 0).
 * - A row that another row names as its parent is a group: its type is empty or "group" and
 *   its max_score empty. Every other row is a leaf of type quality, pass_fail, price or
 *   social_value ("-" or a space may stand for "_", any case).
 * - max_score: quality and social_value need a whole number from 1 to 100. 5 is the standard
 *   0-5 scale and 10 the standard 0-10 one (ScoringScale::zeroToFive(), zeroToTen()); any other
 *   maximum spreads the same six descriptors over its levels (scaleFor()). pass_fail takes an
 *   empty max_score or 1, price and groups an empty one.
 * - pass_fail criteria carry no marks: their weight is 0 (an empty weight means 0 for them).
 *
 * bids.csv `bid_id,bidder,lot,price`
 * - lot is the name of a CPA of the adopted plan (any case); the price is above zero. A bid
 *   whose id the round already holds keeps its supply chain and integration plan.
 *
 * scores.csv `assessor,bid_id,criterion_id,score,comment`
 * - assessor CONSENSUS (any case) gives the panel's consensus score, the comment being its
 *   rationale; any other name is an assessor's individual score, a whole level of the scale.
 *   pass_fail criteria are scored 1 (pass) or 0 (fail); price criteria are never scored, nor
 *   are groups. Every score needs a comment.
 * - An assessor the panel does not know is added with an empty organisation and role
 *   (Import::addedAssessors). An assessor without a declaration for a bidder they score is
 *   recorded as declaring no conflict "on the score sheet"; one who declared a conflict with
 *   that bidder is refused.
 * - Individual scores imply that the bids are open, consensus rows that moderation is open:
 *   the times are set to Options::now when not set yet. Once moderation is open the individual
 *   scores are locked: the file may repeat them but not change them, and those it leaves out
 *   are kept. A consensus for a lot whose award has been signed is refused.
 *
 * The round's panel and declarations are kept, except declarations about bidders that no
 * longer have a bid. Without a scores file the round's scores and consensus are kept, provided
 * they still fit the new bids and criteria; otherwise the import is refused. Once the bids are
 * opened the criteria are locked: the file must repeat them (a change, with its recorded
 * reason, is made on the stage 5 page, RoundDocument::setCriteria()). The tender is no longer
 * marked illustrative: the files are the officer's own. An illustrative tender (the demo
 * round's) is invented, so the files replace all of it: its panel, declarations, scores and
 * locks go too, and only its price formula and abnormally-low threshold stay.
 *
 * Every problem is reported by file, line and field, up to kMaxProblems of them at once.
 */
namespace EvaluationCsv {

/** Problems listed at most in one error; enough to act on without burying the first ones. */
inline constexpr int kMaxProblems = 20;

/** One CSV file: the name messages call it by and its bytes. */
struct Source
{
    QString fileName;
    QByteArray data;
};

struct Options
{
    /** When the import happens (scores, declarations, openings); invalid: the current time. */
    QDateTime now;
};

/** The tender an import makes, and what it did besides replacing criteria, bids and scores. */
struct Import
{
    Tender tender;
    int criteria = 0;
    int bids = 0;
    int lots = 0;                  ///< lots with at least one bid
    int scores = 0;                ///< individual scores read from the scores file
    int consensus = 0;             ///< consensus scores read from the scores file
    bool scoresRead = false;       ///< a scores file was given; otherwise the round's were kept
    QStringList addedAssessors;    ///< unknown assessors added to the panel
    int declarationsAdded = 0;     ///< "no conflict" declarations made from the score sheet
    bool bidsOpened = false;       ///< this import opened the bids
    bool moderationOpened = false; ///< this import opened moderation
    /** Declarations kept no longer: about bidders without a bid in the bids file. */
    int declarationsDropped = 0;
};

/** Reads the files' bytes; \a scores is optional. Does not change \a round. */
Result<Import> parse(const Round &round, const Source &criteria, const Source &bids,
                     const std::optional<Source> &scores, const Options &options = {});

/** parse() on the files at the paths; an empty \a scoresPath means no scores file. */
Result<Import> read(const Round &round, const QString &criteriaPath, const QString &bidsPath,
                    const QString &scoresPath = {}, const Options &options = {});

/**
 * The scale of a criterion scored 0 to \a maxScore (1-100): the standard scales for 5 and 10;
 * otherwise the six standard descriptors spread over the levels (level i takes descriptor
 * ceil(5i / maxScore)), which gives the same as zeroToTen() for 10.
 */
ScoringScale scaleFor(int maxScore);

} // namespace EvaluationCsv

/** The tender EvaluationCsv::read() makes from the files, to store with replaceTender(). */
Result<Tender> readEvaluationCsv(const Round &round, const QString &criteriaPath,
                                 const QString &bidsPath, const QString &scoresPath = {});

} // namespace CoCommission
