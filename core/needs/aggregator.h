#pragma once

#include "core/round/round.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace CoCommission {

/**
 * Sums figures of any geography to the round's authorities.
 *
 * A figure for an authority itself is taken as it is; a figure for a smaller area (ward, LSOA)
 * is added to its authority through the lookup. An authority's own figure wins over the sum of
 * its parts. A sum with a missing part is missing: never zero, never a partial total.
 */
class AuthorityAggregator
{
public:
    AuthorityAggregator(const QStringList &authorities, const QHash<QString, QString> &lookup);

    /** Where a geography code goes: its authority index, or -1 when unknown. */
    struct Target
    {
        int authority = -1;
        bool isAuthority = false;
    };
    Target target(const QString &code) const;

    /**
     * Adds a figure (missing when \a value is empty) of \a series at \a date (an index into the
     * caller's date list). Returns false when \a target is an authority that already has its own
     * figure for this series and date.
     */
    bool add(Target target, int series, int date, std::optional<double> value);

    /** The authority-level figures, keyed by \a measureKeys[series] and \a dates[date]. */
    QList<Observation> observations(const QStringList &measureKeys, const QStringList &dates) const;

private:
    struct Sum
    {
        double own = 0;
        double parts = 0;
        bool hasOwn = false;
        bool ownMissing = false;
        bool partMissing = false;
    };
    static quint64 key(int series, int authority, int date)
    {
        return (quint64(series) << 40) | (quint64(authority) << 24) | quint64(date);
    }

    QStringList m_authorities;
    QHash<QString, int> m_authorityIndex;
    QHash<QString, QString> m_lookup;
    QHash<quint64, Sum> m_sums;
};

} // namespace CoCommission
