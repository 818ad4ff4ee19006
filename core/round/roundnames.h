#pragma once

// Names for the codes and keys a round holds, for reports and papers.

#include <QString>

namespace CoCommission {

struct Round;

/** The name of the authority \a gssCode, or the code itself when \a round lacks it. */
QString authorityName(const Round &round, const QString &gssCode);
/** The name of the priority group \a key, or the key itself when the catalogue lacks it. */
QString priorityGroupName(const Round &round, const QString &key);

} // namespace CoCommission
