#include "core/cpa/suggest.h"

#include "core/cpa/assignment.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <vector>

namespace CoCommission {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("CoCommission::Suggest", text);
}

constexpr double kInfinity = std::numeric_limits<double>::infinity();

/**
 * The search's input, with units numbered in search order: breadth first from a unit on the
 * edge of the map, so that CPAs grow as sweeps and the rest stays in one piece more often.
 */
struct Problem
{
    int n = 0;
    int k = 0;
    std::vector<double> value;
    std::vector<int> first; // neighbours of u: adjacent[first[u] .. first[u + 1]), ascending
    std::vector<int> adjacent;
    double total = 0;
    double mean = 0;

    // Authority level, for units that are not connected inside (a partnership in pieces under
    // the rule): a CPA of units is contiguous only when its authorities are.
    bool checkAuthorities = false;
    std::vector<int> unitOfAuthority;
    std::vector<std::vector<int>> authoritiesOfUnit;
    std::vector<int> authorityFirst;
    std::vector<int> authorityAdjacent;
};

/** A plan found: the CPA of each unit (CPAs numbered by their first unit) and its score. */
struct Found
{
    std::vector<int> label;
    double deviation = 0; // as a fraction of the mean
};

class Search
{
public:
    Search(const Problem &problem, const SuggestOptions &options)
        : m_p(problem)
        , m_maxPlans(std::max(1, options.maxPlans))
        , m_deadline(options.deadline)
        , m_cancel(options.cancel)
        , m_label(size_t(problem.n), -1)
        , m_mark(size_t(problem.n) * size_t(problem.k), 0)
        , m_excludedFrom(size_t(problem.n), -1)
        , m_excludedCount(size_t(problem.k), 0)
        , m_partSum(size_t(problem.k), 0.0)
        , m_remaining(size_t(problem.k), 0.0)
        , m_stamp(size_t(problem.n), 0)
        , m_authorityStamp(problem.unitOfAuthority.size(), 0)
    {}

    /** Runs the search; returns whether it completed. */
    bool run()
    {
        if (m_p.k == 1) {
            // One CPA: everything, if it is contiguous.
            if (isRemainderConnected())
                recordWithRemainder(0);
            return true;
        }
        double tau = 0.01;
        if (const std::optional<double> start = heuristic())
            tau = std::max(*start / 8.0, 1e-4);
        // At this tolerance no CPA total can fall outside the band: a full enumeration.
        const double everything = std::max(1.0, double(m_p.k - 1)) + 1.0;
        for (;;) {
            m_tau = tau;
            startPart(0);
            if (m_stopped)
                return false;
            const bool full = int(m_best.size()) >= m_maxPlans;
            if ((full && m_best.back().deviation <= tau) || tau >= everything)
                return true;
            tau = std::min(full ? m_best.back().deviation : everything, tau * 2.0);
        }
    }

    const std::vector<Found> &best() const { return m_best; }
    qint64 nodes() const { return m_nodes; }

private:
    /** Largest deviation still worth finding: the pass's band, or the worst plan kept. */
    double threshold() const
    {
        double t = m_tau;
        if (int(m_best.size()) >= m_maxPlans)
            t = std::min(t, m_best.back().deviation);
        return t;
    }

    /** The range of totals CPA \a j may have, given the parts still to make after it. */
    void bounds(int j, double &lo, double &hi) const
    {
        const double t = threshold();
        const double eps = 1e-9 * m_p.mean;
        const double lower = m_p.mean * (1.0 - t) - eps;
        const double upper = m_p.mean * (1.0 + t) + eps;
        const int rest = m_p.k - j - 1;
        lo = std::max(lower, m_remaining[size_t(j)] - rest * upper);
        hi = std::min(upper, m_remaining[size_t(j)] - rest * lower);
    }

    bool tick()
    {
        if ((++m_nodes & 4095) == 0) {
            if (m_deadline.hasExpired() || (m_cancel && m_cancel->load(std::memory_order_relaxed)))
                m_stopped = true;
        }
        return !m_stopped;
    }

    char &mark(int part, int unit) { return m_mark[size_t(part) * size_t(m_p.n) + size_t(unit)]; }

    void pushNeighbours(int part, int unit)
    {
        for (int e = m_p.first[size_t(unit)]; e < m_p.first[size_t(unit) + 1]; ++e) {
            const int w = m_p.adjacent[size_t(e)];
            if (m_label[size_t(w)] < 0 && !mark(part, w)) {
                mark(part, w) = 1;
                m_cand.push_back(w);
            }
        }
    }

    void popCandidates(int part, size_t size)
    {
        while (m_cand.size() > size) {
            mark(part, m_cand.back()) = 0;
            m_cand.pop_back();
        }
    }

    void startPart(int j)
    {
        int root = 0;
        while (root < m_p.n && m_label[size_t(root)] >= 0)
            ++root;
        if (root == m_p.n)
            return;
        m_remaining[size_t(j)] =
            j == 0 ? m_p.total : m_remaining[size_t(j) - 1] - m_partSum[size_t(j) - 1];
        m_label[size_t(root)] = j;
        mark(j, root) = 1;
        const size_t start = m_cand.size();
        pushNeighbours(j, root);
        grow(j, m_p.value[size_t(root)], start, m_remaining[size_t(j)]);
        popCandidates(j, start);
        mark(j, root) = 0;
        m_label[size_t(root)] = -1;
    }

    /**
     * Decides the candidates of CPA \a j from \a head on, in or out: every connected set
     * holding the root is reached once, at the leaf where no candidate is left. \a potential
     * is the total of the CPA plus every unit it could still take.
     */
    void grow(int j, double sum, size_t head, double potential)
    {
        if (!tick())
            return;
        double lo = 0;
        double hi = 0;
        bounds(j, lo, hi);
        if (sum > hi || potential < lo)
            return;
        if (head == m_cand.size()) {
            if (sum >= lo)
                completePart(j, sum);
            return;
        }
        const int v = m_cand[head];
        const double value = m_p.value[size_t(v)];
        if (sum + value <= hi) {
            m_label[size_t(v)] = j;
            const size_t size = m_cand.size();
            pushNeighbours(j, v);
            grow(j, sum + value, head + 1, potential);
            popCandidates(j, size);
            m_label[size_t(v)] = -1;
            if (m_stopped)
                return;
        }
        // A unit kept out of an earlier CPA may be kept out of this one too: restore its tag.
        const int previous = m_excludedFrom[size_t(v)];
        m_excludedFrom[size_t(v)] = j;
        ++m_excludedCount[size_t(j)];
        // Checked for the last CPA but one only, where the remainder must be one piece: for
        // earlier CPAs the flood cost more than it saved (measured on London, k = 2 to 8).
        if (j != m_p.k - 2 || isExclusionViable(j, v))
            grow(j, sum, head + 1, potential - value);
        --m_excludedCount[size_t(j)];
        m_excludedFrom[size_t(v)] = previous;
    }

    /**
     * Whether unit \a v, just kept out of CPA \a j, can still end up in a valid CPA. It lies in
     * a piece of the map not yet placed, which can only shrink as CPA j grows: the piece must
     * hold at least the smallest CPA total allowed, and when j is the last CPA but one, the
     * remainder must be one piece, so it must also hold every unit kept out before. The flood
     * stops as soon as both are shown, which keeps the check cheap where it passes.
     */
    bool isExclusionViable(int j, int v)
    {
        const bool lastButOne = j == m_p.k - 2;
        const int excluded = m_excludedCount[size_t(j)];
        const double lower = m_p.mean * (1.0 - threshold()) - 1e-9 * m_p.mean;
        nextStamp();
        double total = 0;
        int found = 0;
        m_queue.assign(1, v);
        m_stamp[size_t(v)] = m_stampValue;
        while (!m_queue.empty()) {
            const int u = m_queue.back();
            m_queue.pop_back();
            total += m_p.value[size_t(u)];
            found += m_excludedFrom[size_t(u)] == j;
            if (total >= lower && (!lastButOne || found >= excluded))
                return true;
            for (int f = m_p.first[size_t(u)]; f < m_p.first[size_t(u) + 1]; ++f) {
                const int w = m_p.adjacent[size_t(f)];
                if (m_label[size_t(w)] < 0 && m_stamp[size_t(w)] != m_stampValue) {
                    m_stamp[size_t(w)] = m_stampValue;
                    m_queue.push_back(w);
                }
            }
        }
        return false;
    }

    void completePart(int j, double sum)
    {
        m_partSum[size_t(j)] = sum;
        if (m_p.checkAuthorities && !isPartConnected(j))
            return;
        const int rest = m_p.k - j - 1;
        if (!isRemainderFeasible(rest))
            return;
        if (rest == 1) {
            if (!m_p.checkAuthorities || isPartConnected(-1))
                recordWithRemainder(m_p.k - 1);
            return;
        }
        startPart(j + 1);
    }

    /**
     * Whether the units not yet placed can make \a rest CPAs within the band: each piece of
     * them must hold a whole number of CPAs, no fewer than its total needs and no more than
     * its total and size allow.
     */
    bool isRemainderFeasible(int rest)
    {
        const double t = threshold();
        const double eps = 1e-9 * m_p.mean;
        const double lower = m_p.mean * (1.0 - t) - eps;
        const double upper = m_p.mean * (1.0 + t) + eps;
        nextStamp();
        int pieces = 0;
        long long minParts = 0;
        long long maxParts = 0;
        for (int s = 0; s < m_p.n; ++s) {
            if (m_label[size_t(s)] >= 0 || m_stamp[size_t(s)] == m_stampValue)
                continue;
            if (++pieces > rest)
                return false;
            double total = 0;
            int size = 0;
            m_queue.clear();
            m_queue.push_back(s);
            m_stamp[size_t(s)] = m_stampValue;
            while (!m_queue.empty()) {
                const int u = m_queue.back();
                m_queue.pop_back();
                total += m_p.value[size_t(u)];
                ++size;
                for (int e = m_p.first[size_t(u)]; e < m_p.first[size_t(u) + 1]; ++e) {
                    const int w = m_p.adjacent[size_t(e)];
                    if (m_label[size_t(w)] < 0 && m_stamp[size_t(w)] != m_stampValue) {
                        m_stamp[size_t(w)] = m_stampValue;
                        m_queue.push_back(w);
                    }
                }
            }
            const long long atLeast = std::max(1LL, (long long)std::ceil(total / upper - 1e-12));
            const long long atMost =
                lower > 0 ? std::min((long long)size, (long long)std::floor(total / lower + 1e-12))
                          : (long long)size;
            if (atLeast > atMost)
                return false;
            minParts += atLeast;
            maxParts += atMost;
        }
        return pieces > 0 && minParts <= rest && rest <= maxParts;
    }

    bool isRemainderConnected()
    {
        nextStamp();
        int start = -1;
        int unplaced = 0;
        for (int u = 0; u < m_p.n; ++u) {
            if (m_label[size_t(u)] < 0) {
                ++unplaced;
                if (start < 0)
                    start = u;
            }
        }
        if (start < 0)
            return false;
        int reached = 0;
        m_queue.assign(1, start);
        m_stamp[size_t(start)] = m_stampValue;
        while (!m_queue.empty()) {
            const int u = m_queue.back();
            m_queue.pop_back();
            ++reached;
            for (int e = m_p.first[size_t(u)]; e < m_p.first[size_t(u) + 1]; ++e) {
                const int w = m_p.adjacent[size_t(e)];
                if (m_label[size_t(w)] < 0 && m_stamp[size_t(w)] != m_stampValue) {
                    m_stamp[size_t(w)] = m_stampValue;
                    m_queue.push_back(w);
                }
            }
        }
        return reached == unplaced && (!m_p.checkAuthorities || isPartConnected(-1));
    }

    /** Whether the authorities of the units labelled \a part (-1: unplaced) are connected. */
    bool isPartConnected(int part)
    {
        if (++m_authorityStampValue == 0) {
            std::fill(m_authorityStamp.begin(), m_authorityStamp.end(), 0);
            m_authorityStampValue = 1;
        }
        const int stamp = m_authorityStampValue;
        int start = -1;
        int count = 0;
        for (int u = 0; u < m_p.n; ++u) {
            if (m_label[size_t(u)] != part)
                continue;
            count += int(m_p.authoritiesOfUnit[size_t(u)].size());
            if (start < 0 && !m_p.authoritiesOfUnit[size_t(u)].empty())
                start = m_p.authoritiesOfUnit[size_t(u)].front();
        }
        if (start < 0)
            return false;
        int reached = 0;
        m_queue.assign(1, start);
        m_authorityStamp[size_t(start)] = stamp;
        while (!m_queue.empty()) {
            const int a = m_queue.back();
            m_queue.pop_back();
            ++reached;
            for (int e = m_p.authorityFirst[size_t(a)]; e < m_p.authorityFirst[size_t(a) + 1];
                 ++e) {
                const int b = m_p.authorityAdjacent[size_t(e)];
                if (m_authorityStamp[size_t(b)] != stamp &&
                    m_label[size_t(m_p.unitOfAuthority[size_t(b)])] == part) {
                    m_authorityStamp[size_t(b)] = stamp;
                    m_queue.push_back(b);
                }
            }
        }
        return reached == count;
    }

    void nextStamp()
    {
        if (++m_stampValue == 0) {
            std::fill(m_stamp.begin(), m_stamp.end(), 0);
            m_stampValue = 1;
        }
    }

    /** Records the plan of the labels with the unplaced units as CPA \a last. */
    void recordWithRemainder(int last)
    {
        Found found;
        found.label = m_label;
        for (int &l : found.label) {
            if (l < 0)
                l = last;
        }
        record(std::move(found));
    }

    static double deviationOf(const Problem &p, const std::vector<int> &label)
    {
        std::vector<double> sums(size_t(p.k), 0.0);
        for (int u = 0; u < p.n; ++u)
            sums[size_t(label[size_t(u)])] += p.value[size_t(u)];
        double deviation = 0;
        for (const double s : sums)
            deviation = std::max(deviation, std::abs(s - p.mean) / p.mean);
        return deviation;
    }

    void record(Found found)
    {
        found.deviation = deviationOf(m_p, found.label);
        const bool full = int(m_best.size()) >= m_maxPlans;
        if (full && found.deviation >= m_best.back().deviation)
            return;
        const QByteArray key(reinterpret_cast<const char *>(found.label.data()),
                             qsizetype(found.label.size() * sizeof(int)));
        if (m_seen.contains(key))
            return;
        m_seen.insert(key);
        const auto at = std::upper_bound(m_best.begin(), m_best.end(), found.deviation,
                                         [](double d, const Found &f) { return d < f.deviation; });
        m_best.insert(at, std::move(found));
        if (int(m_best.size()) > m_maxPlans)
            m_best.pop_back();
    }

    // A quick plan to start from: k seeds far apart, grown in turn (the smallest CPA takes a
    // neighbour), then improved by moving units across CPA borders while that lowers the
    // largest deviation (then the sum of squares). Returns its deviation, if it made one.
    std::optional<double> heuristic()
    {
        const int n = m_p.n;
        const int k = m_p.k;
        std::vector<int> label(size_t(n), -1);

        // Seeds by farthest point on hop distance; unreachable units count as farthest.
        std::vector<int> distance(size_t(n), std::numeric_limits<int>::max());
        std::vector<int> queue;
        auto relax = [&](int seed) {
            distance[size_t(seed)] = 0;
            queue.assign(1, seed);
            for (size_t q = 0; q < queue.size(); ++q) {
                const int u = queue[q];
                for (int e = m_p.first[size_t(u)]; e < m_p.first[size_t(u) + 1]; ++e) {
                    const int w = m_p.adjacent[size_t(e)];
                    if (distance[size_t(w)] > distance[size_t(u)] + 1) {
                        distance[size_t(w)] = distance[size_t(u)] + 1;
                        queue.push_back(w);
                    }
                }
            }
        };
        std::vector<int> seeds{0};
        relax(0);
        while (int(seeds.size()) < k) {
            int far = -1;
            for (int u = 0; u < n; ++u) {
                if (distance[size_t(u)] > 0 &&
                    (far < 0 || distance[size_t(u)] > distance[size_t(far)]))
                    far = u;
            }
            if (far < 0)
                return std::nullopt;
            seeds.push_back(far);
            relax(far);
        }

        std::vector<double> sums(size_t(k), 0.0);
        std::vector<int> counts(size_t(k), 0);
        for (int p = 0; p < k; ++p) {
            label[size_t(seeds[size_t(p)])] = p;
            sums[size_t(p)] = m_p.value[size_t(seeds[size_t(p)])];
            counts[size_t(p)] = 1;
        }
        for (int placed = k; placed < n;) {
            // The smallest CPA that can grow takes the free neighbour most bound to it.
            int bestPart = -1;
            int bestUnit = -1;
            for (int p = 0; p < k; ++p) {
                if (bestPart >= 0 && sums[size_t(p)] >= sums[size_t(bestPart)])
                    continue;
                int unit = -1;
                int ties = -1;
                for (int u = 0; u < n; ++u) {
                    if (label[size_t(u)] >= 0)
                        continue;
                    int links = 0;
                    for (int e = m_p.first[size_t(u)]; e < m_p.first[size_t(u) + 1]; ++e)
                        links += label[size_t(m_p.adjacent[size_t(e)])] == p;
                    if (links > ties && links > 0) {
                        ties = links;
                        unit = u;
                    }
                }
                if (unit >= 0) {
                    bestPart = p;
                    bestUnit = unit;
                }
            }
            if (bestPart < 0)
                return std::nullopt; // a piece of the map without a seed
            label[size_t(bestUnit)] = bestPart;
            sums[size_t(bestPart)] += m_p.value[size_t(bestUnit)];
            ++counts[size_t(bestPart)];
            ++placed;
        }

        auto score = [&](const std::vector<double> &s, double &largest, double &squares) {
            largest = 0;
            squares = 0;
            for (const double x : s) {
                const double d = (x - m_p.mean) / m_p.mean;
                largest = std::max(largest, std::abs(d));
                squares += d * d;
            }
        };
        std::vector<char> seen(size_t(n), 0);
        auto connectedWithout = [&](int part, int removed) {
            std::fill(seen.begin(), seen.end(), 0);
            int start = -1;
            for (int u = 0; u < n && start < 0; ++u) {
                if (u != removed && label[size_t(u)] == part)
                    start = u;
            }
            if (start < 0)
                return false;
            queue.assign(1, start);
            seen[size_t(start)] = 1;
            int reached = 0;
            while (!queue.empty()) {
                const int u = queue.back();
                queue.pop_back();
                ++reached;
                for (int e = m_p.first[size_t(u)]; e < m_p.first[size_t(u) + 1]; ++e) {
                    const int w = m_p.adjacent[size_t(e)];
                    if (w != removed && !seen[size_t(w)] && label[size_t(w)] == part) {
                        seen[size_t(w)] = 1;
                        queue.push_back(w);
                    }
                }
            }
            return reached == counts[size_t(part)] - 1;
        };
        double largest = 0;
        double squares = 0;
        score(sums, largest, squares);
        for (int round = 0; round < 100 * n && !m_deadline.hasExpired(); ++round) {
            int moveUnit = -1;
            int moveTo = -1;
            double bestLargest = largest;
            double bestSquares = squares;
            for (int u = 0; u < n; ++u) {
                const int from = label[size_t(u)];
                if (counts[size_t(from)] == 1)
                    continue;
                for (int e = m_p.first[size_t(u)]; e < m_p.first[size_t(u) + 1]; ++e) {
                    const int to = label[size_t(m_p.adjacent[size_t(e)])];
                    if (to == from)
                        continue;
                    std::vector<double> trial = sums;
                    trial[size_t(from)] -= m_p.value[size_t(u)];
                    trial[size_t(to)] += m_p.value[size_t(u)];
                    double l = 0;
                    double s = 0;
                    score(trial, l, s);
                    const bool better = l < bestLargest - 1e-12 ||
                                        (l <= bestLargest + 1e-12 && s < bestSquares - 1e-12);
                    if (better && connectedWithout(from, u)) {
                        moveUnit = u;
                        moveTo = to;
                        bestLargest = l;
                        bestSquares = s;
                    }
                }
            }
            if (moveUnit < 0)
                break;
            const int from = label[size_t(moveUnit)];
            sums[size_t(from)] -= m_p.value[size_t(moveUnit)];
            sums[size_t(moveTo)] += m_p.value[size_t(moveUnit)];
            --counts[size_t(from)];
            ++counts[size_t(moveTo)];
            label[size_t(moveUnit)] = moveTo;
            largest = bestLargest;
            squares = bestSquares;
        }

        // Number the CPAs by their first unit, as the search does, so duplicates are seen.
        std::vector<int> renumber(size_t(k), -1);
        int next = 0;
        for (int u = 0; u < n; ++u) {
            int &r = renumber[size_t(label[size_t(u)])];
            if (r < 0)
                r = next++;
            label[size_t(u)] = r;
        }
        if (m_p.checkAuthorities) {
            const std::vector<int> saved = m_label;
            m_label = label;
            bool contiguous = true;
            for (int p = 0; p < k && contiguous; ++p)
                contiguous = isPartConnected(p);
            m_label = saved;
            if (!contiguous)
                return std::nullopt;
        }
        Found found;
        found.label = label;
        record(std::move(found));
        return deviationOf(m_p, label);
    }

    const Problem &m_p;
    const int m_maxPlans;
    const QDeadlineTimer m_deadline;
    const std::atomic<bool> *m_cancel;
    bool m_stopped = false;
    qint64 m_nodes = 0;
    double m_tau = kInfinity;

    std::vector<int> m_label;         // CPA of each unit, -1 while unplaced
    std::vector<char> m_mark;         // [part * n + unit]: a candidate of that part
    std::vector<int> m_cand;          // candidates of the parts under construction, in segments
    std::vector<int> m_excludedFrom;  // the part a unit was last kept out of, or -1
    std::vector<int> m_excludedCount; // per part: units kept out of it so far
    std::vector<double> m_partSum;
    std::vector<double> m_remaining; // total not in earlier parts, when part j starts
    std::vector<int> m_stamp;
    int m_stampValue = 0;
    std::vector<int> m_authorityStamp;
    int m_authorityStampValue = 0;
    std::vector<int> m_queue;

    std::vector<Found> m_best;
    QSet<QByteArray> m_seen;
};

/** Compressed rows of \a lists, each sorted. */
void compress(const std::vector<std::vector<int>> &lists, std::vector<int> &first,
              std::vector<int> &adjacent)
{
    first.assign(1, 0);
    adjacent.clear();
    for (std::vector<int> list : lists) {
        std::sort(list.begin(), list.end());
        list.erase(std::unique(list.begin(), list.end()), list.end());
        adjacent.insert(adjacent.end(), list.begin(), list.end());
        first.push_back(int(adjacent.size()));
    }
}

} // namespace

CpaPlan SuggestedPlan::toPlan(const QString &name) const
{
    CpaPlan plan;
    plan.name = name;
    for (qsizetype i = 0; i < cpas.size(); ++i) {
        Cpa cpa;
        cpa.name = tr("CPA %1").arg(i + 1);
        cpa.colour = defaultCpaColour(int(i));
        cpa.members = cpas[i];
        plan.cpas.append(cpa);
    }
    return plan;
}

Result<Suggestion> suggestPlans(const QList<Authority> &authorities,
                                const QList<Partnership> &partnerships,
                                const QHash<QString, double> &values, const Adjacency &adjacency,
                                const SuggestOptions &options)
{
    QElapsedTimer clock;
    clock.start();

    QStringList codes;
    QHash<QString, int> indexOf;
    for (const Authority &a : authorities) {
        if (!indexOf.contains(a.gssCode)) {
            indexOf.insert(a.gssCode, int(codes.size()));
            codes.append(a.gssCode);
        }
    }
    const int authorityCount = int(codes.size());

    QStringList missing;
    QStringList negative;
    double total = 0;
    std::vector<double> authorityValue(size_t(authorityCount), 0.0);
    for (int a = 0; a < authorityCount; ++a) {
        const auto it = values.constFind(codes[a]);
        if (it == values.cend())
            missing.append(codes[a]);
        else if (*it < 0 || !std::isfinite(*it))
            negative.append(codes[a]);
        else
            authorityValue[size_t(a)] = *it;
        total += authorityValue[size_t(a)];
    }
    if (!missing.isEmpty()) {
        return Error{tr("The balance indicator has no value for: %1.")
                         .arg(missing.join(QStringLiteral(", ")))};
    }
    if (!negative.isEmpty()) {
        return Error{tr("The balance indicator must not be negative; it is for: %1.")
                         .arg(negative.join(QStringLiteral(", ")))};
    }
    if (total <= 0)
        return Error{tr("The balance indicator adds up to 0: there is nothing to balance.")};
    if (options.cpaCount < 1)
        return Error{tr("A plan needs at least one CPA.")};

    // Units: authorities, or groups of authorities joined by a partnership (union-find).
    std::vector<int> parent(static_cast<size_t>(authorityCount));
    std::iota(parent.begin(), parent.end(), 0);
    auto find = [&](int a) {
        while (parent[size_t(a)] != a)
            a = parent[size_t(a)] = parent[size_t(parent[size_t(a)])];
        return a;
    };
    if (options.keepPartnershipsWhole) {
        for (const Partnership &p : partnerships) {
            int root = -1;
            for (const QString &code : p.members) {
                const int a = indexOf.value(code, -1);
                if (a < 0)
                    continue;
                if (root < 0)
                    root = find(a);
                else
                    parent[size_t(find(a))] = root;
            }
        }
    }
    std::vector<int> unitOf(size_t(authorityCount), -1);
    std::vector<int> unitOfRoot(size_t(authorityCount), -1);
    int unitCount = 0;
    for (int a = 0; a < authorityCount; ++a) {
        int &u = unitOfRoot[size_t(find(a))];
        if (u < 0)
            u = unitCount++;
        unitOf[size_t(a)] = u;
    }
    if (options.cpaCount > unitCount) {
        return Error{options.keepPartnershipsWhole
                         ? tr("Cannot make %1 CPAs from %2 partnership groups.")
                               .arg(options.cpaCount)
                               .arg(unitCount)
                         : tr("Cannot make %1 CPAs from %2 authorities.")
                               .arg(options.cpaCount)
                               .arg(unitCount)};
    }

    const QList<QList<int>> graph = adjacency.graph(codes, options.rule);
    std::vector<std::vector<int>> unitLinks(static_cast<size_t>(unitCount));
    std::vector<std::vector<int>> authorityLinks(static_cast<size_t>(authorityCount));
    std::vector<std::vector<int>> membersOf(static_cast<size_t>(unitCount));
    std::vector<double> unitValue(size_t(unitCount), 0.0);
    for (int a = 0; a < authorityCount; ++a) {
        membersOf[size_t(unitOf[size_t(a)])].push_back(a);
        unitValue[size_t(unitOf[size_t(a)])] += authorityValue[size_t(a)];
        for (const int b : graph[a]) {
            authorityLinks[size_t(a)].push_back(b);
            if (unitOf[size_t(a)] != unitOf[size_t(b)])
                unitLinks[size_t(unitOf[size_t(a)])].push_back(unitOf[size_t(b)]);
        }
    }

    // Search order: breadth first from a unit at the edge (the farthest from unit 0), each
    // further piece of the map from its lowest unit.
    auto breadthFirst = [&](int start, std::vector<int> &order, std::vector<char> &done) {
        size_t q = order.size();
        order.push_back(start);
        done[size_t(start)] = 1;
        for (; q < order.size(); ++q) {
            std::vector<int> next = unitLinks[size_t(order[q])];
            std::sort(next.begin(), next.end());
            for (const int w : next) {
                if (!done[size_t(w)]) {
                    done[size_t(w)] = 1;
                    order.push_back(w);
                }
            }
        }
    };
    std::vector<int> order;
    std::vector<char> done(size_t(unitCount), 0);
    breadthFirst(0, order, done);
    const int edge = order.back();
    order.clear();
    std::fill(done.begin(), done.end(), 0);
    breadthFirst(edge, order, done);
    for (int u = 0; u < unitCount; ++u) {
        if (!done[size_t(u)])
            breadthFirst(u, order, done);
    }
    std::vector<int> position(static_cast<size_t>(unitCount));
    for (int i = 0; i < unitCount; ++i)
        position[size_t(order[size_t(i)])] = i;

    Problem problem;
    problem.n = unitCount;
    problem.k = options.cpaCount;
    problem.total = total;
    problem.mean = total / options.cpaCount;
    problem.value.resize(size_t(unitCount));
    std::vector<std::vector<int>> links(static_cast<size_t>(unitCount));
    for (int u = 0; u < unitCount; ++u) {
        const int p = position[size_t(u)];
        problem.value[size_t(p)] = unitValue[size_t(u)];
        for (const int w : unitLinks[size_t(u)])
            links[size_t(p)].push_back(position[size_t(w)]);
    }
    compress(links, problem.first, problem.adjacent);

    // Units in pieces under the rule make the authority-level check necessary.
    std::vector<char> seen(size_t(authorityCount), 0);
    for (int u = 0; u < unitCount && !problem.checkAuthorities; ++u) {
        const std::vector<int> &members = membersOf[size_t(u)];
        std::vector<int> stack{members.front()};
        seen[size_t(members.front())] = 1;
        size_t reached = 0;
        while (!stack.empty()) {
            const int a = stack.back();
            stack.pop_back();
            ++reached;
            for (const int b : authorityLinks[size_t(a)]) {
                if (!seen[size_t(b)] && unitOf[size_t(b)] == u) {
                    seen[size_t(b)] = 1;
                    stack.push_back(b);
                }
            }
        }
        problem.checkAuthorities = reached != members.size();
    }
    if (problem.checkAuthorities) {
        problem.unitOfAuthority.resize(size_t(authorityCount));
        problem.authoritiesOfUnit.resize(size_t(unitCount));
        for (int a = 0; a < authorityCount; ++a) {
            const int p = position[size_t(unitOf[size_t(a)])];
            problem.unitOfAuthority[size_t(a)] = p;
            problem.authoritiesOfUnit[size_t(p)].push_back(a);
        }
        compress(authorityLinks, problem.authorityFirst, problem.authorityAdjacent);
    }

    Search search(problem, options);
    const bool complete = search.run();

    Suggestion suggestion;
    suggestion.exhaustive = complete;
    suggestion.total = total;
    suggestion.mean = problem.mean;
    suggestion.unitCount = unitCount;
    suggestion.nodes = search.nodes();
    for (const Found &found : search.best()) {
        // CPAs in the order of their first authority in the round's order.
        std::vector<int> cpaIndex(size_t(problem.k), -1);
        SuggestedPlan plan;
        for (int a = 0; a < authorityCount; ++a) {
            const int label = found.label[size_t(position[size_t(unitOf[size_t(a)])])];
            int &c = cpaIndex[size_t(label)];
            if (c < 0) {
                c = int(plan.cpas.size());
                plan.cpas.append(QStringList());
                plan.totals.append(0.0);
            }
            plan.cpas[c].append(codes[a]);
            plan.totals[c] += authorityValue[size_t(a)];
        }
        double largest = 0;
        for (const double t : std::as_const(plan.totals))
            largest = std::max(largest, std::abs(t - problem.mean) / problem.mean * 100.0);
        plan.largestDeviationPercent = largest;
        suggestion.plans.append(plan);
    }
    suggestion.elapsedMs = clock.elapsed();
    return suggestion;
}

} // namespace CoCommission
