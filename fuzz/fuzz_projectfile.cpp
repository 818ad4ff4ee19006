// Fuzz target: opening a round file (core/round/rounddocument.h RoundDocument::open, read-only,
// through ProjectFile::open and the schema checks) and verifying it (core/store/verifier.h), on
// damaged SQLite files. The seed is a minimal round made by `cocommission new`.

#include "fuzz/fuzzsupport.h"

#include "core/round/rounddocument.h"
#include "core/store/verifier.h"

#include <QFile>

using namespace CoCommission;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Fuzz::ensureApplication();
    const QString path =
        Fuzz::writeScratchFile(QStringLiteral("fuzz.cocom"), Fuzz::bytes(data, size));
    {
        ProjectFile::Options options;
        options.readOnly = true;
        auto document = RoundDocument::open(path, options, QStringLiteral("fuzz"));
        (void)document;
    }
    (void)verifyRoundFile(path);
    // A journal left by a refused open must not carry over to the next input.
    for (const char *suffix : {"-journal", "-wal", "-shm"})
        QFile::remove(path + QLatin1String(suffix));
    return 0;
}
