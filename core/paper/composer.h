#pragma once

// The board-paper composer: a Round and the officer's BoardPaper become a Paper::Document in
// the council report shape (DESIGN.md; seed 001). No output format here: see paperwriter.h.

#include "core/paper/paperdocument.h"
#include "core/round/paper.h"

#include <QCoreApplication>

#include <optional>

namespace CoCommission {

struct Round;

namespace Paper {

/** A section a paper can hold, for the editor's "exempt" choices. */
struct SectionInfo
{
    QString key;
    QString title;
    bool exemptByDefault = false; ///< e.g. bid prices before the award
};

/**
 * The sections a paper covering \a stages holds, in order: the standard ones (summary,
 * recommendations, background, options, financial, legal, equalities, background_papers) and
 * each stage's (e.g. "needs.indicators", "selection.results", "selection.prices").
 */
QList<SectionInfo> paperSectionKeys(const Round &round, const QList<StageId> &stages);

/**
 * A new paper for \a stages and \a meeting with sensible defaults drawn from the round: the
 * board (from the partnerships of the adopted plan), a title from the stages, a summary, the
 * recommendations the stages' decisions need, and default Financial, Legal and Equalities
 * implications; sections exempt by default are marked. Its id is 0 (not yet stored).
 */
BoardPaper defaultPaper(const Round &round, const QList<StageId> &stages, const QDate &meeting);

/**
 * Composes \a paper for \a round as \a version:
 * - Full: every section; exempt ones marked exempt.
 * - Public: exempt sections left out, with a notice naming them; a paper marked not for
 *   publication becomes a notice only. Disclosure control always applies.
 * - ExemptAppendix: the header block and only the exempt sections.
 * Disclosure control applies to every count and share of people (applyDisclosureControl()), unless
 * the paper is marked not for publication and its rule is switched off; when it applies, a notice
 * says so. Stages without data say so in a sentence; nothing is printed as an empty section.
 */
Document composePaper(const Round &round, const BoardPaper &paper, Version version);

/** Whether disclosure control applies to \a paper produced as \a version. */
bool disclosureApplies(const BoardPaper &paper, Version version);

/**
 * A count under \a rule: nullopt when suppressed (below the threshold), otherwise rounded to
 * the nearest multiple of rule.rounding (halves away from zero). Negative counts are treated
 * as their magnitude's sign kept.
 */
std::optional<qint64> protectCount(double count, const DisclosureRule &rule);

/**
 * A share of people under \a rule, as a percentage of the published figures: its count (and
 * its total, when that is a count of people) protected by protectCount(). nullopt when either
 * is suppressed or the total is zero.
 */
std::optional<double> protectShare(const Share &share, const DisclosureRule &rule);

/** The mark printed for a suppressed count: "[c]" (the ONS convention). */
QString suppressionMark();

/**
 * Applies \a rule to \a document in place: every Count cell and every counts chart, every share
 * of people (cells and series with a Share), and the texts that have a protected variant.
 */
void applyDisclosureControl(Document &document, const DisclosureRule &rule);

/** Why \a paper cannot be stored, or an empty string (stages, meeting, texts, rule bounds). */
QString checkPaper(const BoardPaper &paper);

} // namespace Paper
} // namespace CoCommission
