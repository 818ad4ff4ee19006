#include "core/priorities/jointranking.h"

#include <QSet>

#include <algorithm>
#include <cmath>

namespace CoCommission {

bool JointRanking::hasTies() const
{
    return std::any_of(groups.begin(), groups.end(), [](const RankedGroup &g) { return g.tied; });
}

std::optional<double> JointRankingCalculator::kendallTau(const QList<double> &a,
                                                         const QList<double> &b)
{
    if (a.size() != b.size() || a.size() < 2)
        return std::nullopt;
    qint64 concordant = 0;
    qint64 discordant = 0;
    qint64 tiesA = 0;
    qint64 tiesB = 0;
    for (qsizetype i = 0; i < a.size(); ++i) {
        for (qsizetype j = i + 1; j < a.size(); ++j) {
            const double da = a[i] - a[j];
            const double db = b[i] - b[j];
            if (da == 0 && db == 0)
                continue;
            if (da == 0)
                ++tiesA;
            else if (db == 0)
                ++tiesB;
            else if ((da > 0) == (db > 0))
                ++concordant;
            else
                ++discordant;
        }
    }
    const double n0 = double(concordant + discordant);
    const double denominator = std::sqrt((n0 + tiesA) * (n0 + tiesB));
    if (denominator == 0)
        return std::nullopt;
    return (concordant - discordant) / denominator;
}

Result<JointRanking> JointRankingCalculator::compute(const QStringList &groups,
                                                     const QList<PartnerRanking> &rankings,
                                                     RankingMethod method)
{
    if (groups.isEmpty())
        return Error{tr("There are no priority groups to rank.")};
    if (rankings.isEmpty())
        return Error{tr("No partner has ranked the priority groups yet.")};
    const QSet<QString> groupSet(groups.begin(), groups.end());
    for (const PartnerRanking &r : rankings) {
        if (method == RankingMethod::Borda) {
            const QSet<QString> ranked(r.order.begin(), r.order.end());
            if (ranked != groupSet || r.order.size() != groups.size())
                return Error{tr("%1's ranking must place each of the %2 priority groups exactly "
                                "once.")
                                 .arg(r.partner)
                                 .arg(groups.size())};
        } else {
            for (const QString &g : groups) {
                const auto it = r.points.constFind(g);
                if (it == r.points.constEnd() || !std::isfinite(it.value()) || it.value() < 0)
                    return Error{
                        tr("%1 has not given points (0 or more) to \"%2\".").arg(r.partner, g)};
            }
        }
    }

    // Each partner's score per group, in the order of \a groups; higher is more important.
    const qsizetype n = groups.size();
    QList<QList<double>> scores;
    for (const PartnerRanking &r : rankings) {
        QList<double> s(n, 0);
        for (qsizetype i = 0; i < n; ++i) {
            s[i] = method == RankingMethod::Borda ? double(n - 1 - r.order.indexOf(groups[i]))
                                                  : r.points.value(groups[i]);
        }
        scores.append(s);
    }

    JointRanking result;
    result.method = method;
    for (qsizetype i = 0; i < n; ++i) {
        RankedGroup g;
        g.group = groups[i];
        g.bestRank = int(n);
        g.worstRank = 1;
        for (qsizetype p = 0; p < rankings.size(); ++p) {
            g.score += scores[p][i];
            // A partner's rank of the group: 1 + the groups it scored higher.
            int rank = 1;
            for (qsizetype j = 0; j < n; ++j)
                rank += scores[p][j] > scores[p][i] ? 1 : 0;
            g.bestRank = std::min(g.bestRank, rank);
            g.worstRank = std::max(g.worstRank, rank);
        }
        result.groups.append(g);
    }
    std::stable_sort(result.groups.begin(), result.groups.end(),
                     [](const RankedGroup &a, const RankedGroup &b) { return a.score > b.score; });
    for (qsizetype i = 0; i < n; ++i) {
        RankedGroup &g = result.groups[i];
        g.rank = (i > 0 && result.groups[i - 1].score == g.score) ? result.groups[i - 1].rank
                                                                  : int(i) + 1;
        const bool sameAsPrevious = i > 0 && result.groups[i - 1].score == g.score;
        const bool sameAsNext = i + 1 < n && result.groups[i + 1].score == g.score;
        g.tied = sameAsPrevious || sameAsNext;
    }

    for (qsizetype p = 0; p < rankings.size(); ++p) {
        for (qsizetype q = p + 1; q < rankings.size(); ++q)
            result.agreements.append(
                {rankings[p].partner, rankings[q].partner, kendallTau(scores[p], scores[q])});
    }
    int widest = 0;
    for (const RankedGroup &g : result.groups)
        widest = std::max(widest, g.spread());
    if (widest > 0) {
        for (const RankedGroup &g : result.groups) {
            if (g.spread() == widest)
                result.widestSpread.append(g.group);
        }
    }
    return result;
}

} // namespace CoCommission
