#pragma once

#include "core/common/result.h"

#include <QByteArray>
#include <QString>

namespace CoCommission {

struct Round;

/**
 * The stage-gate snapshot format: a whole Round in a portable, versioned Boost.Serialization
 * text archive, so that a decision's state can be read back exactly on any platform.
 *
 * Version 1 holds the round as RoundDocument knows it in file format 1. A later version adds
 * fields behind Boost class versions, and keeps loading every older snapshot.
 */
namespace SnapshotArchive {

inline constexpr int kFormatVersion = 1;
/** Archives larger than this are refused on load rather than parsed. */
inline constexpr qsizetype kMaxArchiveBytes = 256 * 1024 * 1024;

QByteArray save(const Round &round);

/** Reads an archive made by save(); a damaged, foreign or newer archive gives an Error. */
Result<Round> load(const QByteArray &archive);

/** Lower-case hexadecimal SHA-256 of \a bytes. */
QString sha256(const QByteArray &bytes);

} // namespace SnapshotArchive
} // namespace CoCommission
