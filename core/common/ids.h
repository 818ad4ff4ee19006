#pragma once

#include <QHashFunctions>
#include <QMetaType>

namespace CoCommission {

/**
 * A typed integer id: a PlanId cannot be passed where a CpaId is wanted. Ids are the row ids
 * of the project file and are stable across undo, redo and reopening; 0 means "no id".
 */
template<class Tag>
class TypedId
{
public:
    constexpr TypedId() = default;
    constexpr explicit TypedId(qint64 value)
        : m_value(value)
    {}

    constexpr qint64 value() const { return m_value; }
    constexpr bool isValid() const { return m_value > 0; }

    friend constexpr bool operator==(TypedId a, TypedId b) { return a.m_value == b.m_value; }
    friend constexpr bool operator!=(TypedId a, TypedId b) { return a.m_value != b.m_value; }
    friend constexpr bool operator<(TypedId a, TypedId b) { return a.m_value < b.m_value; }
    friend size_t qHash(TypedId id, size_t seed = 0) { return ::qHash(id.m_value, seed); }

private:
    qint64 m_value = 0;
};

using PartnershipId = TypedId<struct PartnershipTag>;
using PlanId = TypedId<struct PlanTag>;
using CpaId = TypedId<struct CpaTag>;
using SignOffId = TypedId<struct SignOffTag>;
using SnapshotId = TypedId<struct SnapshotTag>;

} // namespace CoCommission

Q_DECLARE_METATYPE(CoCommission::PlanId)
