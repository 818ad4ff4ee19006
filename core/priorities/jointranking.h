#pragma once

#include "core/common/result.h"
#include "core/round/rankingmethod.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace CoCommission {

/** One partner's view of the priority groups for one CPA. */
struct PartnerRanking
{
    QString partner;               ///< e.g. "DWP", "Local London"
    QStringList order;             ///< group keys, most important first (for Borda)
    QHash<QString, double> points; ///< group key -> points given (for the points method)
};

/** One group's place in the joint ranking. */
struct RankedGroup
{
    QString group;
    double score = 0;
    int rank = 0;      ///< 1 = first; tied groups share the rank (1, 2, 2, 4)
    bool tied = false; ///< shares its rank with another group
    int bestRank = 0;  ///< the best rank any partner gave it
    int worstRank = 0; ///< the worst rank any partner gave it
    int spread() const { return worstRank - bestRank; }
};

/** Agreement between two partners: Kendall's tau-b over the groups both ranked. */
struct PairAgreement
{
    QString first;
    QString second;
    std::optional<double> tau; ///< -1 reversed .. 1 identical; empty when undefined
};

/** The joint decision on priorities, with how far the partners agree. */
struct JointRanking
{
    RankingMethod method = RankingMethod::Borda;
    QList<RankedGroup> groups;       ///< best first
    QList<PairAgreement> agreements; ///< every pair of partners
    QStringList widestSpread;        ///< the groups whose ranks differ most between partners
    bool hasTies() const;
};

/**
 * Combines the partners' rankings of the priority groups (stage 2). Every ranking must order
 * exactly \a groups; ties in the result are reported, never broken silently.
 */
class JointRankingCalculator
{
    Q_DECLARE_TR_FUNCTIONS(JointRankingCalculator)

public:
    static Result<JointRanking> compute(const QStringList &groups,
                                        const QList<PartnerRanking> &rankings,
                                        RankingMethod method = RankingMethod::Borda);

    /** Kendall's tau-b of two score lists over the same items; empty when undefined. */
    static std::optional<double> kendallTau(const QList<double> &a, const QList<double> &b);
};

} // namespace CoCommission
