#include "core/monitoring/performance.h"

// Design note: the report, the warnings and the trends all work on one FigureGrid, built in
// one pass over the profile and the returns: the figures in force and the profile's figures
// laid out densely by CPA, group, measure and month (months innermost, so that cumulative sums
// run over contiguous memory). Supersession is resolved while the grid is filled: the returns
// are visited in id order and a later figure overwrites an earlier one. Nothing in the grid's
// hot loops formats text; sentences are made only for the few rows that need one.
//
// A group has rows in a CPA when the profile or a return holds a figure for it in any month of
// the contract, not only up to the period, so that the report keeps its shape from month to
// month (a group whose profile starts later shows 0 against 0 until then).

#include "core/monitoring/monitoringcheck.h"
#include "core/round/round.h"

#include <QHash>
#include <QLocale>

#include <algorithm>
#include <limits>
#include <numeric>
#include <tuple>
#include <vector>

namespace CoCommission {

namespace {

QString tr(const char *text)
{
    return MonitoringCheck::tr(text);
}

constexpr int kMeasures = 4;
/** The longest span a grid covers when the contract sets none: more is a file error. */
constexpr int kMaxGridMonths = 2 * MonitoringLimits::maxContractMonths;

/** 1,234 or 12.5. */
QString count(double value)
{
    return QLocale(QLocale::English, QLocale::UnitedKingdom)
        .toString(value, 'f', QLocale::FloatingPointShortest);
}

/** "People who are homeless" reads "people who are homeless" mid-sentence; acronyms stay. */
QString inSentence(const QString &name)
{
    if (name.size() < 2 || !name.at(0).isUpper() || name.at(1).isUpper())
        return name;
    return name.at(0).toLower() + name.mid(1);
}

int monthsBetween(const QDate &from, const QDate &to)
{
    return (to.year() - from.year()) * 12 + to.month() - from.month();
}

/** actual / profile × 100, none when the profile is 0; multiplied first so that edges are exact. */
std::optional<double> percentOf(double actual, double profile)
{
    if (profile == 0)
        return std::nullopt;
    return actual * 100.0 / profile;
}

/** What makes a count figure unique. */
struct FigureKey
{
    qint64 day = 0;
    qint64 cpa = 0;
    QString group;
    int measure = 0;

    bool operator==(const FigureKey &) const = default;
    friend size_t qHash(const FigureKey &k, size_t seed = 0)
    {
        return qHashMulti(seed, k.day, k.cpa, k.group, k.measure);
    }
};

FigureKey keyOf(const MonitoringFigure &f)
{
    return {f.period.toJulianDay(), f.cpa.value(), f.group, int(f.measure)};
}

/** What makes a standard figure unique. */
struct StandardKey
{
    qint64 day = 0;
    qint64 cpa = 0;
    QString standard;

    bool operator==(const StandardKey &) const = default;
    friend size_t qHash(const StandardKey &k, size_t seed = 0)
    {
        return qHashMulti(seed, k.day, k.cpa, k.standard);
    }
};

StandardKey keyOf(const StandardFigure &f)
{
    return {f.period.toJulianDay(), f.cpa.value(), f.standard};
}

/** Small integers for the few group keys of a round: cheap to hash and compare. */
class KeyInterner
{
public:
    int of(const QString &key)
    {
        if (m_last >= 0 && key == m_keys[m_last])
            return m_last; // figures come in runs of the same group
        const auto it = m_index.constFind(key);
        if (it != m_index.constEnd()) {
            m_last = *it;
        } else {
            m_last = int(m_keys.size());
            m_index.insert(key, m_last);
            m_keys.append(key);
        }
        return m_last;
    }
    /** Each key's place in the keys' text order, by its integer. */
    std::vector<int> ranks() const
    {
        std::vector<int> byText(size_t(m_keys.size()));
        std::iota(byText.begin(), byText.end(), 0);
        std::sort(byText.begin(), byText.end(),
                  [&](int a, int b) { return m_keys[a] < m_keys[b]; });
        std::vector<int> rank(byText.size());
        for (size_t i = 0; i < byText.size(); ++i)
            rank[size_t(byText[i])] = int(i);
        return rank;
    }

private:
    QHash<QString, int> m_index;
    QStringList m_keys;
    int m_last = -1;
};

/** A count figure's key with its group interned. */
struct PackedKey
{
    qint64 day = 0;
    qint64 cpa = 0;
    int group = 0;
    int measure = 0;

    bool operator==(const PackedKey &) const = default;
    friend size_t qHash(const PackedKey &k, size_t seed = 0)
    {
        return qHashMulti(seed, k.day, k.cpa, k.group, k.measure);
    }
};

/** The returns in id order (ties in the order received): the later one is in force. */
QList<const PerformanceReturn *> returnsById(const Monitoring &monitoring)
{
    QList<const PerformanceReturn *> returns;
    returns.reserve(monitoring.returns.size());
    for (const PerformanceReturn &r : monitoring.returns)
        returns.append(&r);
    std::stable_sort(
        returns.begin(), returns.end(),
        [](const PerformanceReturn *a, const PerformanceReturn *b) { return a->id < b->id; });
    return returns;
}

/**
 * The figures in force and the profile of a round, densely by CPA, group, measure and month.
 *
 * CPAs: those of the adopted plan in plan order, then any CPA a figure names that the plan no
 * longer holds (named by its id). Groups: monitoringGroups(), then any group a figure names
 * that neither the catalogue nor the design knows (named by its key). Months: the contract's,
 * or without one the span of the returns' figures; figures outside are left out.
 */
class FigureGrid
{
public:
    FigureGrid(const Round &round, const PerformanceReturn *incoming);

    QDate base;     ///< month 0
    int months = 0; ///< may be 0: then nothing is held
    QList<CpaId> cpas;
    QStringList cpaNames;
    int planCpas = 0;
    QList<KeyName> groups;
    QDate latestReported; ///< the latest month any return's figure reports (any span)

    int cpaCount() const { return int(cpas.size()); }
    int groupCount() const { return int(groups.size()); }
    size_t at(int c, int g, int k, int m = 0) const
    {
        return ((size_t(c) * size_t(groups.size()) + size_t(g)) * kMeasures + size_t(k)) *
                   size_t(months) +
               size_t(m);
    }
    /** Whether the profile or a return holds a figure for CPA \a c and group \a g. */
    bool hasFigures(int c, int g) const { return m_hasFigures[size_t(c) * groups.size() + g]; }
    int cpaIndex(CpaId cpa) const { return m_cpaIndex.value(cpa.value(), -1); }
    int groupIndex(const QString &group) const { return m_groupIndex.value(group, -1); }
    /** The month index of \a period, or -1 outside the grid. */
    int monthOf(const QDate &period) const
    {
        if (!period.isValid() || months == 0)
            return -1;
        const int m = monthsBetween(base, period);
        return m >= 0 && m < months ? m : -1;
    }

    std::vector<double> actual;
    std::vector<double> profile;
    std::vector<char> reported; ///< a figure in force covers the cell

private:
    /** Where \a f goes, adding an unknown CPA or group; -1 when its month is outside. */
    struct Place
    {
        int c = -1;
        int g = -1;
        int m = -1;
    };
    Place locate(const MonitoringFigure &f, bool addUnknown);
    void scan(const QList<MonitoringFigure> &figures);

    QHash<qint64, int> m_cpaIndex;
    QHash<QString, int> m_groupIndex;
    std::vector<char> m_hasFigures;
    // Figures come in long runs of the same month, CPA and group: remember the last ones.
    qint64 m_lastDay = std::numeric_limits<qint64>::min();
    int m_lastMonth = -1;
    qint64 m_lastCpa = -1;
    int m_lastCpaIndex = -1;
    QString m_lastGroup;
    int m_lastGroupIndex = -1;
};

FigureGrid::FigureGrid(const Round &round, const PerformanceReturn *incoming)
{
    const Monitoring &monitoring = round.monitoring;
    if (const CpaPlan *plan = round.adoptedPlan()) {
        for (const Cpa &cpa : plan->cpas) {
            if (m_cpaIndex.contains(cpa.id.value()))
                continue;
            m_cpaIndex.insert(cpa.id.value(), int(cpas.size()));
            cpas.append(cpa.id);
            cpaNames.append(cpa.name);
        }
    }
    planCpas = int(cpas.size());
    groups = monitoringGroups(round);
    for (int g = 0; g < groups.size(); ++g)
        m_groupIndex.insert(groups[g].key, g);

    // First pass: unknown CPAs and groups, and the span of the returns.
    QDate first, last;
    const auto span = [&](const QList<MonitoringFigure> &figures) {
        for (const MonitoringFigure &f : figures) {
            if (f.period.isValid()) {
                if (!first.isValid() || f.period < first)
                    first = f.period;
                if (!last.isValid() || f.period > last)
                    last = f.period;
            }
        }
    };
    for (const PerformanceReturn &r : monitoring.returns) {
        span(r.figures);
        for (const StandardFigure &f : r.standards) {
            if (f.period.isValid() && (!latestReported.isValid() || f.period > latestReported))
                latestReported = f.period;
        }
    }
    if (incoming)
        span(incoming->figures);
    if (last.isValid() && (!latestReported.isValid() || last > latestReported))
        latestReported = last;
    if (monitoring.profile.hasPeriod()) {
        base = monitoring.profile.start;
        months = std::min(monitoring.profile.months, kMaxGridMonths);
    } else if (first.isValid()) {
        base = periodOf(first);
        months = std::min(monthsBetween(base, last) + 1, kMaxGridMonths);
    }
    if (months <= 0) {
        months = 0;
        return;
    }
    scan(monitoring.profile.figures);
    for (const PerformanceReturn &r : monitoring.returns)
        scan(r.figures);
    if (incoming)
        scan(incoming->figures);

    const size_t cells = size_t(cpas.size()) * size_t(groups.size());
    actual.assign(cells * kMeasures * size_t(months), 0.0);
    profile.assign(actual.size(), 0.0);
    reported.assign(actual.size(), 0);
    m_hasFigures.assign(cells, 0);

    for (const MonitoringFigure &f : monitoring.profile.figures) {
        const Place p = locate(f, false);
        if (p.m < 0)
            continue;
        profile[at(p.c, p.g, int(f.measure), p.m)] = f.value;
        m_hasFigures[size_t(p.c) * groups.size() + p.g] = 1;
    }
    const auto apply = [&](const PerformanceReturn &r) {
        for (const MonitoringFigure &f : r.figures) {
            const Place p = locate(f, false);
            if (p.m < 0)
                continue;
            const size_t i = at(p.c, p.g, int(f.measure), p.m);
            actual[i] = f.value;
            reported[i] = 1;
            m_hasFigures[size_t(p.c) * groups.size() + p.g] = 1;
        }
    };
    for (const PerformanceReturn *r : returnsById(monitoring))
        apply(*r);
    if (incoming)
        apply(*incoming); // not yet received: later than every return
}

void FigureGrid::scan(const QList<MonitoringFigure> &figures)
{
    for (const MonitoringFigure &f : figures)
        locate(f, true);
}

FigureGrid::Place FigureGrid::locate(const MonitoringFigure &f, bool addUnknown)
{
    Place p;
    const qint64 day = f.period.toJulianDay();
    if (day != m_lastDay) {
        m_lastDay = day;
        m_lastMonth = monthOf(f.period);
    }
    p.m = m_lastMonth;
    if (p.m < 0 || int(f.measure) < 0 || int(f.measure) >= kMeasures)
        return {};
    if (f.cpa.value() != m_lastCpa) {
        int c = m_cpaIndex.value(f.cpa.value(), -1);
        if (c < 0 && addUnknown) {
            c = int(cpas.size());
            m_cpaIndex.insert(f.cpa.value(), c);
            cpas.append(f.cpa);
            cpaNames.append(tr("CPA %1").arg(f.cpa.value()));
        }
        m_lastCpa = f.cpa.value();
        m_lastCpaIndex = c;
    }
    p.c = m_lastCpaIndex;
    if (f.group != m_lastGroup || m_lastGroupIndex < 0) {
        int g = m_groupIndex.value(f.group, -1);
        if (g < 0 && addUnknown) {
            g = int(groups.size());
            m_groupIndex.insert(f.group, g);
            groups.append({f.group, f.group});
        }
        m_lastGroup = f.group;
        m_lastGroupIndex = g;
    }
    p.g = m_lastGroupIndex;
    if (p.c < 0 || p.g < 0)
        return {};
    return p;
}

/** Sum of \a values over months 0 .. \a to of one cell. */
double sumTo(const std::vector<double> &values, size_t cell, int to)
{
    double sum = 0;
    for (int m = 0; m <= to; ++m)
        sum += values[cell + size_t(m)];
    return sum;
}

/** The warnings of the grid for months 0 .. \a to. */
QStringList gridWarnings(const FigureGrid &grid, int to)
{
    QStringList warnings;
    if (grid.months == 0 || to < 0)
        return warnings;
    const int starts = int(MonitoringMeasure::Starts);
    const int jobs = int(MonitoringMeasure::JobOutcomes);
    const int sustained = int(MonitoringMeasure::SustainedJobOutcomes);
    for (int c = 0; c < grid.cpaCount(); ++c) {
        for (int g = 0; g < grid.groupCount(); ++g) {
            if (!grid.hasFigures(c, g))
                continue;
            const double *s = grid.actual.data() + grid.at(c, g, starts);
            const double *j = grid.actual.data() + grid.at(c, g, jobs);
            const double *u = grid.actual.data() + grid.at(c, g, sustained);
            double sumS = 0, sumJ = 0, sumU = 0;
            int jobsOver = -1, sustainedOver = -1;
            double jobsAt = 0, startsAt = 0, sustainedAt = 0, jobsAtU = 0;
            for (int m = 0; m <= to && (jobsOver < 0 || sustainedOver < 0); ++m) {
                sumS += s[m];
                sumJ += j[m];
                sumU += u[m];
                if (jobsOver < 0 && sumJ > sumS) {
                    jobsOver = m;
                    jobsAt = sumJ;
                    startsAt = sumS;
                }
                if (sustainedOver < 0 && sumU > sumJ) {
                    sustainedOver = m;
                    sustainedAt = sumU;
                    jobsAtU = sumJ;
                }
            }
            const QString cpa = grid.cpaNames[c];
            const QString group = inSentence(grid.groups[g].name);
            if (jobsOver >= 0)
                warnings << tr("In %1, job outcomes for %2 exceed starts to date in %3: %4 job "
                               "outcomes against %5 starts.")
                                .arg(cpa, group, periodName(grid.base.addMonths(jobsOver)),
                                     count(jobsAt), count(startsAt));
            if (sustainedOver >= 0)
                warnings << tr("In %1, sustained job outcomes for %2 exceed job outcomes to date "
                               "in %3: %4 sustained against %5 job outcomes.")
                                .arg(cpa, group, periodName(grid.base.addMonths(sustainedOver)),
                                     count(sustainedAt), count(jobsAtU));
        }
    }
    return warnings;
}

ConversionRate conversion(CpaId cpa, int numerator, int denominator, const double *actual,
                          const double *profile)
{
    static const struct
    {
        const char *key;
        const char *name;
    } kinds[] = {
        {"starts_per_referral", QT_TRANSLATE_NOOP("MonitoringCheck", "Starts per referral")},
        {"job_outcomes_per_start", QT_TRANSLATE_NOOP("MonitoringCheck", "Job outcomes per start")},
        {"sustained_per_job_outcome",
         QT_TRANSLATE_NOOP("MonitoringCheck", "Sustained job outcomes per job outcome")},
    };
    const auto &kind = kinds[denominator];
    ConversionRate rate;
    rate.cpa = cpa;
    rate.key = QString::fromLatin1(kind.key);
    rate.name = tr(kind.name);
    rate.actualPercent = percentOf(actual[numerator], actual[denominator]);
    rate.profilePercent = percentOf(profile[numerator], profile[denominator]);
    return rate;
}

/** The three conversion rates of cumulative totals by measure. */
void appendConversions(QList<ConversionRate> &out, CpaId cpa, const double *actual,
                       const double *profile)
{
    for (int k = 0; k + 1 < kMeasures; ++k)
        out.append(conversion(cpa, k + 1, k, actual, profile));
}

bool standardMet(const ServiceStandard &standard, double value)
{
    switch (standard.direction) {
    case StandardDirection::AtMost:
        return value <= standard.target;
    case StandardDirection::AtLeast:
        return value >= standard.target;
    case StandardDirection::Required:
        return value >= 1;
    }
    return false;
}

} // namespace

QString ragKey(Rag rag)
{
    switch (rag) {
    case Rag::Green:
        return QStringLiteral("green");
    case Rag::Amber:
        return QStringLiteral("amber");
    case Rag::Red:
        return QStringLiteral("red");
    }
    return {};
}

QString ragName(Rag rag)
{
    switch (rag) {
    case Rag::Green:
        return tr("Green");
    case Rag::Amber:
        return tr("Amber");
    case Rag::Red:
        return tr("Red");
    }
    return {};
}

std::optional<Rag> ragFor(std::optional<double> percent, const ProgrammeBoard &board)
{
    if (!percent)
        return std::nullopt;
    if (*percent >= board.greenPercent)
        return Rag::Green;
    if (*percent >= board.amberPercent)
        return Rag::Amber;
    return Rag::Red;
}

QList<MonitoringFigure> figuresInForce(const Monitoring &monitoring)
{
    // Keyed by small integers (the group interned), which hash and compare far faster than
    // the group's text, and pointing at the figures rather than copying them until the end:
    // the list runs to tens of thousands of figures.
    KeyInterner groups;
    const QList<const PerformanceReturn *> returns = returnsById(monitoring);
    qsizetype total = 0;
    for (const PerformanceReturn *r : returns)
        total += r->figures.size();
    QHash<PackedKey, size_t> index;
    index.reserve(total);
    std::vector<std::pair<PackedKey, const MonitoringFigure *>> inForce;
    inForce.reserve(size_t(total));
    for (const PerformanceReturn *r : returns) {
        for (const MonitoringFigure &f : r->figures) {
            const PackedKey key{f.period.toJulianDay(), f.cpa.value(), groups.of(f.group),
                                int(f.measure)};
            const auto it = index.constFind(key);
            if (it == index.constEnd()) {
                index.insert(key, inForce.size());
                inForce.emplace_back(key, &f);
            } else {
                inForce[*it].second = &f;
            }
        }
    }
    const std::vector<int> rank = groups.ranks();
    std::sort(inForce.begin(), inForce.end(), [&](const auto &a, const auto &b) {
        const PackedKey &x = a.first;
        const PackedKey &y = b.first;
        return std::tuple(x.day, x.cpa, rank[size_t(x.group)], x.measure) <
               std::tuple(y.day, y.cpa, rank[size_t(y.group)], y.measure);
    });
    QList<MonitoringFigure> figures;
    figures.reserve(qsizetype(inForce.size()));
    for (const auto &entry : inForce)
        figures.append(*entry.second);
    return figures;
}

QList<StandardFigure> standardsInForce(const Monitoring &monitoring)
{
    QHash<StandardKey, qsizetype> index;
    QList<StandardFigure> figures;
    for (const PerformanceReturn *r : returnsById(monitoring)) {
        for (const StandardFigure &f : r->standards) {
            const auto it = index.constFind(keyOf(f));
            if (it == index.constEnd()) {
                index.insert(keyOf(f), figures.size());
                figures.append(f);
            } else {
                figures[*it] = f;
            }
        }
    }
    std::sort(figures.begin(), figures.end(), [](const StandardFigure &a, const StandardFigure &b) {
        if (a.period != b.period)
            return a.period < b.period;
        if (a.cpa != b.cpa)
            return a.cpa < b.cpa;
        return a.standard < b.standard;
    });
    return figures;
}

QList<FigureVersion> figureHistory(const Monitoring &monitoring, const QDate &period, CpaId cpa,
                                   const QString &group, MonitoringMeasure measure)
{
    QList<FigureVersion> history;
    for (const PerformanceReturn *r : returnsById(monitoring)) {
        for (const MonitoringFigure &f : r->figures) {
            if (f.period == period && f.cpa == cpa && f.measure == measure && f.group == group) {
                history.append({r->id, r->source, r->receivedAt, r->note, f.value, false});
                break; // one figure per key in a return
            }
        }
    }
    if (!history.isEmpty())
        history.last().inForce = true;
    return history;
}

ReturnSummary summariseReturn(const Monitoring &monitoring, qint64 returnId)
{
    ReturnSummary summary;
    const PerformanceReturn *target = monitoring.performanceReturn(returnId);
    if (!target)
        return summary;
    // For each key of the return: whether an earlier or a later return holds it too.
    QHash<FigureKey, std::pair<bool, bool>> figures;
    QHash<StandardKey, std::pair<bool, bool>> standards;
    const auto widen = [&](const QDate &period) {
        if (!summary.firstPeriod.isValid() || period < summary.firstPeriod)
            summary.firstPeriod = period;
        if (!summary.lastPeriod.isValid() || period > summary.lastPeriod)
            summary.lastPeriod = period;
    };
    for (const MonitoringFigure &f : target->figures) {
        figures.insert(keyOf(f), {false, false});
        widen(f.period);
    }
    for (const StandardFigure &f : target->standards) {
        standards.insert(keyOf(f), {false, false});
        widen(f.period);
    }
    summary.figures = int(target->figures.size() + target->standards.size());
    if (summary.figures == 0)
        return summary;
    // Most figures of other returns are for other months: a date comparison rejects them
    // before any hashing.
    const QDate first = summary.firstPeriod;
    const QDate last = summary.lastPeriod;
    const auto outside = [&](const QDate &period) {
        return period < first || period > last;
    };
    bool before = true;
    for (const PerformanceReturn *r : returnsById(monitoring)) {
        if (r == target) {
            before = false;
            continue;
        }
        for (const MonitoringFigure &f : r->figures) {
            if (outside(f.period))
                continue;
            if (const auto it = figures.find(keyOf(f)); it != figures.end())
                (before ? it->first : it->second) = true;
        }
        for (const StandardFigure &f : r->standards) {
            if (outside(f.period))
                continue;
            if (const auto it = standards.find(keyOf(f)); it != standards.end())
                (before ? it->first : it->second) = true;
        }
    }
    const auto tally = [&](const auto &hash) {
        for (const auto &[earlier, later] : hash) {
            summary.corrections += earlier ? 1 : 0;
            summary.superseded += later ? 1 : 0;
        }
    };
    tally(figures);
    tally(standards);
    return summary;
}

QStringList performanceWarnings(const Round &round, const PerformanceReturn *incoming)
{
    const FigureGrid grid(round, incoming);
    return gridWarnings(grid, grid.months - 1);
}

Result<PerformanceReport> performanceReport(const Round &round, std::optional<QDate> period)
{
    const Monitoring &monitoring = round.monitoring;
    const ContractProfile &contract = monitoring.profile;
    if (!contract.hasPeriod())
        return Error{tr("The contract profile sets no contract period yet, so there is nothing "
                        "to report against.")};

    const FigureGrid grid(round, nullptr);
    QDate to;
    if (period) {
        to = periodOf(*period);
        if (!to.isValid())
            return Error{tr("The period to report to is not a month.")};
    } else {
        if (!grid.latestReported.isValid())
            return Error{tr("No performance return has been received yet, so there is no month "
                            "to report to.")};
        to = periodOf(grid.latestReported);
    }
    if (!contract.contains(to))
        return Error{tr("%1 is outside the contract, which runs from %2 to %3.")
                         .arg(periodKey(to), periodKey(contract.start), periodKey(contract.end()))};

    PerformanceReport report;
    report.from = contract.start;
    report.period = to;
    const int last = grid.monthOf(to);
    const ProgrammeBoard &board = monitoring.board;
    const int cpaCount = grid.cpaCount();
    const int groupCount = grid.groupCount();

    // Cumulative sums: [c][g][k], and each CPA's and the programme's totals by measure.
    std::vector<double> actual(size_t(cpaCount) * groupCount * kMeasures);
    std::vector<double> profile(actual.size());
    std::vector<double> cpaActual(size_t(cpaCount) * kMeasures), cpaProfile(cpaActual.size());
    double allActual[kMeasures] = {}, allProfile[kMeasures] = {};
    for (int c = 0; c < cpaCount; ++c) {
        for (int g = 0; g < groupCount; ++g) {
            if (!grid.hasFigures(c, g))
                continue;
            for (int k = 0; k < kMeasures; ++k) {
                const size_t cell = grid.at(c, g, k);
                const size_t i = (size_t(c) * groupCount + g) * kMeasures + k;
                actual[i] = sumTo(grid.actual, cell, last);
                profile[i] = sumTo(grid.profile, cell, last);
                cpaActual[size_t(c) * kMeasures + k] += actual[i];
                cpaProfile[size_t(c) * kMeasures + k] += profile[i];
            }
        }
        for (int k = 0; k < kMeasures; ++k) {
            allActual[k] += cpaActual[size_t(c) * kMeasures + k];
            allProfile[k] += cpaProfile[size_t(c) * kMeasures + k];
        }
    }

    const auto makeRow = [&](int c, const QString &group, int k, double a, double p) {
        PerformanceRow row;
        if (c >= 0) {
            row.cpa = grid.cpas[c];
            row.cpaName = grid.cpaNames[c];
        } else {
            row.cpaName = tr("All CPAs");
        }
        row.group = group;
        row.measure = MonitoringMeasure(k);
        row.actual = a;
        row.profile = p;
        row.percentOfProfile = percentOf(a, p);
        row.rag = ragFor(row.percentOfProfile, board);
        return row;
    };

    // Plan CPAs always; a CPA the plan no longer holds only because figures name it.
    QList<int> shown;
    for (int c = 0; c < cpaCount; ++c) {
        bool any = c < grid.planCpas;
        for (int g = 0; g < groupCount && !any; ++g)
            any = grid.hasFigures(c, g);
        if (any)
            shown.append(c);
    }
    report.rows.reserve(shown.size() * (groupCount + 1) * kMeasures);
    for (int c : shown) {
        for (int g = 0; g < groupCount; ++g) {
            if (!grid.hasFigures(c, g))
                continue;
            for (int k = 0; k < kMeasures; ++k) {
                const size_t i = (size_t(c) * groupCount + g) * kMeasures + k;
                report.rows.append(makeRow(c, grid.groups[g].key, k, actual[i], profile[i]));
            }
        }
        for (int k = 0; k < kMeasures; ++k)
            report.rows.append(makeRow(c, QString(), k, cpaActual[size_t(c) * kMeasures + k],
                                       cpaProfile[size_t(c) * kMeasures + k]));
    }
    for (int k = 0; k < kMeasures; ++k)
        report.totals.append(makeRow(-1, QString(), k, allActual[k], allProfile[k]));

    for (int c : shown)
        appendConversions(report.conversions, grid.cpas[c], &cpaActual[size_t(c) * kMeasures],
                          &cpaProfile[size_t(c) * kMeasures]);
    appendConversions(report.conversions, CpaId(), allActual, allProfile);

    // Local priorities: directive conditions against each CPA's starts to date.
    const int starts = int(MonitoringMeasure::Starts);
    const CpaPlan *plan = round.adoptedPlan();
    for (int i = 0; i < round.design.conditions.size(); ++i) {
        const DirectiveCondition &condition = round.design.conditions[i];
        if (condition.kind == ConditionKind::PlacePresence) {
            PriorityShare share;
            share.condition = i;
            share.cpa = condition.cpa;
            if (!share.cpa.isValid() && plan) {
                for (const Cpa &cpa : plan->cpas) {
                    if (cpa.members.contains(condition.subject))
                        share.cpa = cpa.id;
                }
            }
            share.group = condition.subject;
            share.measurable = false;
            report.priorities.append(share);
            continue;
        }
        QList<CpaId> applies;
        if (condition.cpa.isValid())
            applies.append(condition.cpa);
        else
            applies = grid.cpas.mid(0, grid.planCpas);
        const int g = grid.groupIndex(condition.subject);
        for (CpaId cpaId : applies) {
            PriorityShare share;
            share.condition = i;
            share.cpa = cpaId;
            share.group = condition.subject;
            share.minimumPercent = condition.minimumPercent;
            const int c = grid.cpaIndex(cpaId);
            if (c >= 0) {
                share.totalStarts = cpaActual[size_t(c) * kMeasures + starts];
                if (g >= 0)
                    share.groupStarts = actual[(size_t(c) * groupCount + g) * kMeasures + starts];
            }
            share.sharePercent = percentOf(share.groupStarts, share.totalStarts);
            if (share.sharePercent)
                share.met = *share.sharePercent >= share.minimumPercent;
            report.priorities.append(share);
        }
    }

    // Service standards: the latest figure in force up to the period, per CPA and standard.
    struct Latest
    {
        QDate period;
        double value = 0;
    };
    QHash<StandardKey, Latest> latest; // day 0: the key is the CPA and standard only
    for (const PerformanceReturn *r : returnsById(monitoring)) {
        for (const StandardFigure &f : r->standards) {
            if (!f.period.isValid() || f.period > to || f.period < contract.start)
                continue;
            Latest &l = latest[StandardKey{0, f.cpa.value(), f.standard}];
            if (!l.period.isValid() || f.period >= l.period)
                l = {f.period, f.value}; // a later return wins for the same month
        }
    }
    for (const ServiceStandard &standard : round.design.standards) {
        for (int c = 0; c < grid.planCpas; ++c) {
            StandardCheck check;
            check.standard = standard.key;
            check.cpa = grid.cpas[c];
            if (const auto it = latest.constFind(StandardKey{0, check.cpa.value(), standard.key});
                it != latest.constEnd()) {
                check.value = it->value;
                check.reportedFor = it->period;
                check.met = standardMet(standard, it->value);
            }
            report.standards.append(check);
        }
    }

    report.warnings = gridWarnings(grid, last);
    return report;
}

QList<TrendPoint> performanceTrend(const Round &round, CpaId cpa, const QString &group,
                                   MonitoringMeasure measure, const QDate &to)
{
    QList<TrendPoint> points;
    const ContractProfile &contract = round.monitoring.profile;
    if (!contract.hasPeriod())
        return points;
    const FigureGrid grid(round, nullptr);
    int last = grid.months - 1;
    if (to.isValid()) {
        const QDate month = periodOf(to);
        if (month < contract.start)
            return points;
        last = std::min(last, monthsBetween(grid.base, month));
    }
    if (last < 0)
        return points;

    QList<int> cpas, groups;
    if (cpa.isValid()) {
        if (const int c = grid.cpaIndex(cpa); c >= 0)
            cpas.append(c);
    } else {
        for (int c = 0; c < grid.cpaCount(); ++c)
            cpas.append(c);
    }
    if (!group.isEmpty()) {
        if (const int g = grid.groupIndex(group); g >= 0)
            groups.append(g);
    } else {
        for (int g = 0; g < grid.groupCount(); ++g)
            groups.append(g);
    }

    points.resize(last + 1);
    for (int m = 0; m <= last; ++m)
        points[m].period = grid.base.addMonths(m);
    const int k = int(measure);
    for (int c : cpas) {
        for (int g : groups) {
            if (!grid.hasFigures(c, g))
                continue;
            const size_t cell = grid.at(c, g, k);
            for (int m = 0; m <= last; ++m) {
                points[m].actual += grid.actual[cell + m];
                points[m].profile += grid.profile[cell + m];
                points[m].reported = points[m].reported || grid.reported[cell + m];
            }
        }
    }
    double actual = 0, profile = 0;
    for (TrendPoint &p : points) {
        actual += p.actual;
        profile += p.profile;
        p.cumulativeActual = actual;
        p.cumulativeProfile = profile;
    }
    return points;
}

} // namespace CoCommission
