// Fuzz target: the GeoJSON boundary importer (core/cpa/boundaries.h), given the bytes directly.
// The authorities are the five of the grid round of tests/data/cpa/geojson (A to E) and the
// demo round's 33, so that both the test files and real ONS downloads match some codes.

#include "fuzz/fuzzsupport.h"

#include "core/cpa/boundaries.h"
#include "core/round/round.h"

#include <QList>

using namespace CoCommission;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Fuzz::ensureApplication();
    static const QList<Authority> authorities = [] {
        QList<Authority> list = Fuzz::demoRound().authorities;
        for (const char *code : {"A", "B", "C", "D", "E"})
            list.append(
                {QString::fromLatin1(code), QStringLiteral("Area %1").arg(QLatin1String(code))});
        return list;
    }();
    const QByteArray bytes = Fuzz::bytes(data, size);
    (void)importBoundaries(bytes, QStringLiteral("fuzz.geojson"), authorities);
    return 0;
}
