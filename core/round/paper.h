#pragma once

// Board papers: what the officer writes for a paper, kept in the round. The paper itself is
// composed from the round when it is produced (core/paper/composer.h); only the officer's text
// and choices are stored here.

#include "core/round/stage.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace CoCommission {

/**
 * Statistical disclosure control for counts of people in a paper: counts below \a threshold
 * are suppressed and the rest rounded to the nearest \a rounding. Always applied to a public
 * paper; \a enabled = false switches it off only in a paper marked not for publication.
 */
struct DisclosureRule
{
    int threshold = 5; ///< counts below this are suppressed; 1 to 100
    int rounding = 5;  ///< counts at or above the threshold are rounded to a multiple; 1 to 100
    bool enabled = true;

    bool operator==(const DisclosureRule &) const = default;
};

/**
 * The officer's part of one board paper: the header block, the texts of the standard sections,
 * the numbered recommendations, which sections are exempt, and how counts are protected. The
 * stage sections (tables, charts) come from the round when the paper is composed.
 *
 * An empty text means "use the composer's default" only when the paper is first made
 * (composer.h, defaultPaper()); a stored paper is printed as written.
 */
struct BoardPaper
{
    qint64 id = 0;         ///< unique in the round, above 0
    QDate meeting;         ///< the date of the meeting the paper goes to
    QList<StageId> stages; ///< the stages the paper covers, in cycle order, at least one
    QString board;         ///< e.g. "Central London Forward programme board"
    QString itemNumber;    ///< e.g. "7"
    QString title;
    QString reportBy; ///< the officer's name
    QString jobTitle;
    QString contactOfficer;
    QString email;
    QString telephone;
    /** The whole paper is exempt (not for publication); its public version is a notice. */
    bool notForPublication = false;
    QString summary;
    QStringList recommendations; ///< numbered in the paper, in this order
    QString background;
    QString options;    ///< options considered
    QString financial;  ///< financial implications
    QString legal;      ///< legal implications
    QString equalities; ///< equalities implications
    QStringList backgroundPapers;
    /** Keys of the sections marked exempt (see composer.h, paperSectionKeys()). */
    QStringList exemptSections;
    DisclosureRule disclosure;
    QDateTime updatedAt;

    bool operator==(const BoardPaper &) const = default;
};

} // namespace CoCommission
