// Fuzz target: the other CSV files that share CsvReader (core/io/csvreader.h): the provider
// register (core/supply/providercsv.h), performance returns and contract profiles
// (core/monitoring/returncsv.h). The first byte of an input picks the file kind: 'p' the
// provider register, 'r' a performance return, 'c' a contract profile (any other byte: its value
// modulo 3); the rest is the file. The round is the demo round without its returns, whose
// contract runs from 2027-06 (as in tst_returncsv).

#include "fuzz/fuzzsupport.h"

#include "core/monitoring/returncsv.h"
#include "core/round/round.h"
#include "core/supply/providercsv.h"

using namespace CoCommission;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Fuzz::ensureApplication();
    static const Round round = [] {
        Round r = Fuzz::demoRound();
        r.monitoring.returns.clear();
        return r;
    }();
    if (size == 0)
        return 0;
    const QByteArray file = Fuzz::bytes(data + 1, size - 1);
    int kind = data[0] == 'p' ? 0 : data[0] == 'r' ? 1 : data[0] == 'c' ? 2 : data[0] % 3;
    switch (kind) {
    case 0:
        (void)ProviderCsv::parse(file, QStringLiteral("providers.csv"), round);
        break;
    case 1:
        (void)readReturnCsv(round, Fuzz::writeScratchFile(QStringLiteral("return.csv"), file));
        break;
    default:
        (void)readProfileCsv(round, Fuzz::writeScratchFile(QStringLiteral("profile.csv"), file));
        break;
    }
    return 0;
}
