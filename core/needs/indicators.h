#pragma once

#include "core/round/round.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

namespace CoCommission {

/** How indicator values are grouped. */
enum class Grouping { Authority, Partnership, Cpa };

/** One indicator the round can show: a measure of a dataset, or a ratio of two measures. */
struct IndicatorInfo
{
    enum class Kind { Measure, Ratio };

    QString id; ///< the measure key, or "r<n>" for a ratio
    QString name;
    Kind kind = Kind::Measure;
    QString dataset;
    QString source;
    bool illustrative = false;
    QStringList dimensions;      ///< the dataset's dimension names (measures only)
    QStringList dimensionValues; ///< one value per dimension (measures only)
    QStringList dates;           ///< dates with at least one figure, oldest first
    QString numerator;           ///< ratios only: the numerator's measure id
    QString denominator;         ///< ratios only: the denominator's measure id
    double scale = 1;            ///< ratios only: e.g. 100 for a percentage
    /**
     * Measures only: the figures are rates, percentages or averages, not counts (a dimension
     * value such as "Percent", "Rate" or "Median", or a "%" in it). They cannot be summed, so
     * a group of authorities has no value; a ratio of two counts gives the group's rate.
     */
    bool rate = false;
    /** Measures only: the figures are percentages. */
    bool percentage = false;

    /** Whether this is a count: a measure whose figures add up over authorities. */
    bool isCount() const { return kind == Kind::Measure && !rate; }
};

/** An indicator's value for one authority or group; empty when a part is missing. */
struct IndicatorValue
{
    QString code; ///< the GSS code, or the group's name for partnerships and CPAs
    QString name;
    std::optional<double> value;
};

/**
 * The round's indicators, indexed for fast lookup: measures sum over a group of authorities;
 * ratios are recomputed from the summed numerator and denominator, never averaged. A group
 * with any member lacking a figure has no value: a partial sum would mislead.
 *
 * Build one from a Round and query it; it holds no reference to the round.
 */
class Indicators
{
    Q_DECLARE_TR_FUNCTIONS(Indicators)

public:
    explicit Indicators(const Round &round);

    const QList<IndicatorInfo> &all() const { return m_infos; }
    /**
     * Whether a measure with \a dimensionValues holds rates rather than counts (see
     * IndicatorInfo::rate), and whether those are percentages.
     */
    static std::pair<bool, bool> rateAndPercentage(const QStringList &dimensionValues);

    /** The indicator with \a idOrName (its id, or its name ignoring case), or nullptr. */
    const IndicatorInfo *find(const QString &idOrName) const;

    /** The value of indicator \a id for the authorities \a codes at \a date. */
    std::optional<double> value(const QString &id, const QStringList &codes,
                                const QString &date) const;

    /** Values for every authority, partnership or CPA of \a plan (adopted plan when null). */
    QList<IndicatorValue> values(const QString &id, Grouping grouping, const QString &date,
                                 const CpaPlan *plan = nullptr) const;

    /** Each authority's value of \a id at \a date; authorities without one are left out. */
    QHash<QString, double> authorityValues(const QString &id, const QString &date) const;

    /** The value at each of the indicator's dates, oldest first. */
    QList<std::pair<QString, std::optional<double>>> series(const QString &id,
                                                            const QStringList &codes) const;

private:
    std::optional<double> sum(const QString &measure, const QStringList &codes,
                              const QString &date) const;

    QList<IndicatorInfo> m_infos;
    QHash<QString, qsizetype> m_byId;
    QHash<QString, RatioIndicator> m_ratios;
    QSet<QString> m_rates; ///< measures whose figures are rates, not counts
    // measure key -> date -> authority code -> value
    QHash<QString, QHash<QString, QHash<QString, double>>> m_figures;
    QList<Authority> m_authorities;
    QList<Partnership> m_partnerships;
    QList<CpaPlan> m_plans;
};

} // namespace CoCommission
