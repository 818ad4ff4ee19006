// Fuzz target: the assessor-pack and return reader (core/io/assessorpack.h readPack, readReturn).
//
// A file that is fuzzed as it is rarely gets past its SHA-256, so an input is used in one of two
// ways. One starting "CoCommission assessor" is a whole file, written as it is (the seeds made by
// writePack and writeReturn, and damaged headers). Any other input is a payload, the Boost text
// archive: its first byte picks a pack (even) or a return (odd), and the rest is wrapped in a
// header with the right length and checksum, so that the archive reader itself is fuzzed. Either
// way the file is read as a pack and as a return.

#include "fuzz/fuzzsupport.h"

#include "core/io/assessorpack.h"

#include <QCryptographicHash>

using namespace CoCommission;

namespace {

QByteArray wrapped(const uint8_t *data, size_t size)
{
    const QByteArray payload = Fuzz::bytes(data + 1, size - 1);
    QByteArray file = (data[0] % 2 == 0) ? QByteArrayLiteral("CoCommission assessor pack")
                                         : QByteArrayLiteral("CoCommission assessor return");
    file += "\nformat " + QByteArray::number(kPackFormatVersion);
    file += "\nlength " + QByteArray::number(payload.size());
    file += "\nsha256 " + QCryptographicHash::hash(payload, QCryptographicHash::Sha256).toHex();
    file += '\n';
    file += payload;
    return file;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Fuzz::ensureApplication();
    if (size == 0)
        return 0;
    const QByteArray input = Fuzz::bytes(data, size);
    const QByteArray file = input.startsWith("CoCommission assessor") ? input : wrapped(data, size);
    const QString path = Fuzz::writeScratchFile(QStringLiteral("fuzz.ccpack"), file);
    (void)readPack(path);
    (void)readReturn(path);
    return 0;
}
