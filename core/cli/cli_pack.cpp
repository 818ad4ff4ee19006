// Assessor packs on the command line: pack export and pack import (core/io/assessorpack.h).

#include "core/cli/cliutil.h"

#include "core/io/assessorpack.h"
#include "core/round/rounddocument.h"

#include <QFileInfo>
#include <QTextStream>

namespace CoCommission::CommandLine {

namespace {

const QString kSynopsis =
    QStringLiteral("cocommission pack export ROUND.cocom --assessor NAME -o FILE.ccpack\n"
                   "       cocommission pack import ROUND.cocom RETURN_FILE");

/** cocommission pack export ROUND.cocom --assessor NAME -o FILE.ccpack */
int runExport(const Parsed &p, QTextStream &out, QTextStream &err)
{
    if (p.positional.size() != 1)
        return usage(err, tr("Name the round."), kSynopsis);
    if (!p.values.contains(QStringLiteral("--assessor")))
        return usage(err, tr("Name the assessor the pack is for with --assessor."), kSynopsis);
    if (!p.values.contains(QStringLiteral("--output")))
        return usage(err, tr("Name the pack file to write with -o."), kSynopsis);
    const auto document = openForReading(p.positional.first(), err);
    if (!document)
        return UsageError;
    const QString path = p.values.value(QStringLiteral("--output"));
    const Result<AssessorPack> pack =
        makePack(document->round(), p.values.value(QStringLiteral("--assessor")));
    if (!pack) {
        err << pack.errorMessage() << '\n';
        return UsageError;
    }
    if (Status s = writePack(path, *pack); !s) {
        err << s.errorMessage() << '\n';
        return UsageError;
    }
    int leaves = 0;
    for (const Criterion &c : pack->criteria) {
        if (c.type != CriterionType::Group && c.type != CriterionType::Price)
            ++leaves;
    }
    QStringList about;
    for (const QString &part : {pack->assessor.organisation, pack->assessor.role}) {
        if (!part.isEmpty())
            about.append(part);
    }
    const QString who = about.isEmpty()
                            ? pack->assessor.name
                            : QStringLiteral("%1 (%2)").arg(pack->assessor.name, about.join(u", "));
    out << tr("Wrote the pack for %1 to %2: ").arg(who, QFileInfo(path).fileName())
        << tr("%n bid(s) and ", nullptr, int(pack->bids.size()))
        << (leaves == 1 ? tr("%n scored criterion.", nullptr, int(leaves))
                        : tr("%n scored criteria.", nullptr, int(leaves)))
        << '\n';
    if (!pack->scores.isEmpty() || !pack->declarations.isEmpty())
        out << "  "
            << tr("It carries the assessor's %n earlier score(s) and ", nullptr,
                  int(pack->scores.size()))
            << tr("%n declaration(s).", nullptr, int(pack->declarations.size())) << '\n';
    out << "  " << tr("Pack %1.").arg(pack->packId) << '\n';
    return Success;
}

/** cocommission pack import ROUND.cocom RETURN_FILE */
int runImport(const Parsed &p, QTextStream &out, QTextStream &err)
{
    if (p.positional.size() != 2)
        return usage(err, tr("Name the round and the assessor's return."), kSynopsis);
    const QString returnPath = p.positional.at(1);
    // Read the return before taking the round's write lock: a bad file changes nothing.
    const Result<PackReturn> packReturn = readReturn(returnPath);
    if (!packReturn) {
        err << packReturn.errorMessage() << '\n';
        return UsageError;
    }
    const auto document = openForWriting(p.positional.first(), err);
    if (!document)
        return UsageError;
    const Result<PackMergeSummary> summary = mergeReturn(*document, *packReturn);
    if (!summary) {
        err << tr("%1: %2").arg(QFileInfo(returnPath).fileName(), summary.errorMessage()) << '\n';
        return UsageError;
    }
    const PackMergeSummary &s = *summary;
    out << tr("Merged the return of %1 (pack %2) from %3:")
               .arg(s.assessor, s.packId, QFileInfo(returnPath).fileName())
        << '\n';
    out << "  " << tr("%n score(s): ", nullptr, int(s.scores()))
        << tr("%1 new, %2 replaced, %3 unchanged.")
               .arg(s.newScores)
               .arg(s.replacedScores)
               .arg(s.unchangedScores)
        << '\n';
    out << "  " << tr("%n declaration(s): ", nullptr, int(s.declarations()))
        << tr("%1 new, %2 changed, %3 unchanged; ")
               .arg(s.newDeclarations)
               .arg(s.changedDeclarations)
               .arg(s.unchangedDeclarations)
        << tr("%n conflict(s) declared.", nullptr, int(s.conflicts)) << '\n';
    if (!s.changedAnything())
        out << "  " << tr("The round already held all of it: nothing changed.") << '\n';
    for (const QString &note : s.notes)
        out << "  " << note << '\n';
    return Success;
}

} // namespace

int runPack(const QStringList &args, QTextStream &out, QTextStream &err)
{
    if (args.isEmpty())
        return usage(err, tr("Name what to do: export or import."), kSynopsis);
    const QString verb = args.first();
    if (verb != QLatin1String("export") && verb != QLatin1String("import"))
        return usage(err, tr("Unknown pack command \"%1\".").arg(verb), kSynopsis);
    const Parsed p =
        parse(args.mid(1), {}, {QStringLiteral("--assessor"), QStringLiteral("--output")});
    if (!p.error.isEmpty())
        return usage(err, p.error, kSynopsis);
    return verb == QLatin1String("export") ? runExport(p, out, err) : runImport(p, out, err);
}

} // namespace CoCommission::CommandLine
