// Fuzz target: the NOMIS CSV importer (core/io/nomisimport.h) on an empty round file. Each
// input is imported inside a transaction that is always rolled back, so that inputs do not
// depend on one another (a second import of the same bytes would be refused otherwise).

#include "fuzz/fuzzsupport.h"

#include "core/io/nomisimport.h"
#include "core/round/round.h"
#include "core/store/projectfile.h"

#include <QHash>
#include <QSqlDatabase>
#include <QStringList>

#include <cstdio>
#include <cstdlib>
#include <memory>

using namespace CoCommission;

namespace {

struct Target
{
    std::unique_ptr<ProjectFile> file;
    QStringList authorities;
    QHash<QString, QString> lookup;
};

Target &target()
{
    static Target t = [] {
        Target made;
        Result<std::unique_ptr<ProjectFile>> file =
            ProjectFile::create(Fuzz::scratchDir() + QStringLiteral("/nomis.cocom"));
        if (!file) {
            std::fprintf(stderr, "cannot make a round file: %s\n", qPrintable(file.errorMessage()));
            std::abort();
        }
        made.file = std::move(*file);
        for (const Authority &a : Fuzz::demoRound().authorities)
            made.authorities.append(a.gssCode);
        // A few smaller areas, as in tests/data/nomis/lsoa_lookup.csv, so that sums through
        // the lookup are exercised as well as an authority's own rows.
        for (const char *child : {"E01000200", "E01000201", "E01000202"})
            made.lookup.insert(QString::fromLatin1(child), QStringLiteral("E09000002"));
        made.lookup.insert(QStringLiteral("E01000300"), QStringLiteral("E09000003"));
        return made;
    }();
    return t;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Target &t = target();
    const QString path =
        Fuzz::writeScratchFile(QStringLiteral("download.csv"), Fuzz::bytes(data, size));
    QSqlDatabase &db = t.file->database();
    if (!db.transaction())
        std::abort();
    const Result<NomisImportSummary> imported =
        NomisImport::run(db, path, QStringLiteral("Fuzzed"), t.authorities, t.lookup);
    (void)imported; // a refusal is a correct answer to bad input; only crashes matter here
    if (!db.rollback())
        std::abort();
    return 0;
}
