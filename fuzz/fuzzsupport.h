#pragma once

// What every fuzz target shares: one QCoreApplication and one scratch folder per process, and a
// way to hand the fuzz input to an importer that only reads files. The entry points
// (LLVMFuzzerTestOneInput) are called by libFuzzer in the fuzzing build and by replay_main.cpp,
// which runs a corpus through them, in the ordinary build.

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>

namespace CoCommission {
struct Round;
}

namespace CoCommission::Fuzz {

/** Makes the process's QCoreApplication on the first call; later calls do nothing. */
void ensureApplication();

/** A folder of this process's own, made on the first call and removed at exit. */
QString scratchDir();

/** Writes \a data to \a name in scratchDir(), replacing what was there; returns its path. */
QString writeScratchFile(const QString &name, const QByteArray &data);

/** The demo round (LondonRound::demo()), made once. */
const Round &demoRound();

/** The input as a QByteArray, without a copy: valid only during the call. */
inline QByteArray bytes(const uint8_t *data, size_t size)
{
    return QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
}

} // namespace CoCommission::Fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
