#pragma once

#include "core/common/result.h"
#include "core/priorities/jointranking.h"
#include "core/round/round.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>

namespace CoCommission {

/**
 * How far two partners' rankings agree, read from Kendall's tau-b (-1 opposite orders, 0 no
 * relation, 1 the same order). The bands are ours, chosen to read plainly in a board paper:
 *
 *   tau >= 0.7          Strong          "strong agreement"
 *   0.3 <= tau < 0.7    Moderate        "moderate agreement"
 *   -0.3 < tau < 0.3    Little          "little agreement"
 *   -0.7 < tau <= -0.3  Disagree        "disagree"
 *   tau <= -0.7         StrongDisagree  "strongly disagree"
 *   undefined           Unknown         "cannot be measured"
 *
 * With ten groups, 0.7 means that at least 39 of the 45 pairs of groups are put in the same
 * order by both partners, and 0.3 at least 30 of them.
 */
enum class AgreementBand { Strong, Moderate, Little, Disagree, StrongDisagree, Unknown };

/**
 * Stage 2 read from a round: the joint ranking of one CPA's priority groups from the rankings
 * its partners recorded, and the plain-words reading of the agreement figures.
 */
class PriorityAgreement
{
    Q_DECLARE_TR_FUNCTIONS(PriorityAgreement)

public:
    static constexpr double kStrong = 0.7;
    static constexpr double kModerate = 0.3;

    static AgreementBand band(std::optional<double> tau);
    /** "strong agreement", "disagree", …: to follow a pair of partners' names. */
    static QString bandName(AgreementBand band);
    /** One sentence giving the bands, for a key under the figures. */
    static QString bandsExplained();

    /** "Borda count" or "Points sum". */
    static QString methodName(RankingMethod method);
    /** How \a method turns rankings of \a groups groups into the joint ranking, in a sentence. */
    static QString methodExplained(RankingMethod method, int groups);

    /**
     * The partners of \a cpa (Round::priorityPartners()) who have recorded a ranking for it, in
     * that order, followed by any other partner with a ranking recorded for it.
     */
    static QStringList rankedBy(const Round &round, const Cpa &cpa);

    /**
     * The joint ranking of \a cpa's priority groups by the round's method, from the rankings
     * recorded for it (partners in the order of rankedBy()), or why there is none.
     */
    static Result<JointRanking> jointRanking(const Round &round, const Cpa &cpa);
};

} // namespace CoCommission
