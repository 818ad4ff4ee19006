// `cocommission script`: a stream of edits applied to one round, one transaction per line, each
// acknowledged on stdout once it is in the file. What the crash harness (tests/crash) drives,
// and a way to make many small changes from a shell script without the GUI.

#include "core/cli/cliutil.h"

#include "core/round/rounddocument.h"
#include "core/round/supply.h"
#include "core/round/tender.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTextStream>

#include <cstdio>

namespace CoCommission::CommandLine {

namespace {

/** One line of a script, split into words as a shell would (double quotes group words). */
struct ScriptLine
{
    int number = 0;
    QStringList words;
};

const CpaPlan *planNamed(const Round &round, const QString &name)
{
    for (const CpaPlan &plan : round.plans) {
        if (plan.name == name)
            return &plan;
    }
    return nullptr;
}

const Cpa *cpaNamed(const CpaPlan &plan, const QString &name)
{
    for (const Cpa &cpa : plan.cpas) {
        if (cpa.name == name)
            return &cpa;
    }
    return nullptr;
}

/** \a status, its message prefixed with the \a command that was refused. */
Status named(const QString &command, const Status &status)
{
    if (status)
        return status;
    return Error{QStringLiteral("%1: %2").arg(command, status.errorMessage())};
}

template<class T>
Status named(const QString &command, const Result<T> &result)
{
    if (result)
        return {};
    return Error{QStringLiteral("%1: %2").arg(command, result.errorMessage())};
}

QString sectorKeys()
{
    QStringList keys;
    for (ProviderSector s :
         {ProviderSector::Private, ProviderSector::VoluntaryCommunity, ProviderSector::Public})
        keys.append(sectorKey(s));
    return keys.join(QStringLiteral(", "));
}

/**
 * Applies one edit to \a document: nothing when it is refused, and then the reason (naming
 * the command and the field at fault) is returned.
 */
Status applyLine(RoundDocument &document, const QStringList &words)
{
    const Round &round = document.round();
    const QString verb = words.value(0);
    const QString object = words.value(1);
    const qsizetype count = words.size();

    // Finds the plan named by words[index], or says which field is wrong.
    const auto plan = [&](qsizetype index, const QString &command) -> Result<const CpaPlan *> {
        if (index >= count)
            return Error{tr("%1: the PLAN field is missing.").arg(command)};
        const CpaPlan *found = planNamed(round, words.at(index));
        if (!found)
            return Error{
                tr("%1: PLAN \"%2\": the round has no such plan.").arg(command, words.at(index))};
        return found;
    };

    if (verb == QLatin1String("title")) {
        if (count != 2)
            return Error{tr("title takes one field, TEXT (quote it when it holds spaces).")};
        return named(verb, document.setTitle(words.at(1)));
    }
    if (verb == QLatin1String("programme")) {
        if (count != 2)
            return Error{tr("programme takes one field, TEXT (quote it when it holds spaces).")};
        return named(verb, document.setProgramme(words.at(1)));
    }
    if (verb == QLatin1String("plan") && object == QLatin1String("add")) {
        if (count != 3)
            return Error{tr("plan add takes one field, NAME.")};
        return named(QStringLiteral("plan add"), document.addPlan(words.at(2)));
    }
    if (verb == QLatin1String("plan") && object == QLatin1String("rename")) {
        if (count != 4)
            return Error{tr("plan rename takes two fields, PLAN and NEW_NAME.")};
        const auto found = plan(2, QStringLiteral("plan rename"));
        if (!found)
            return found.error();
        return named(QStringLiteral("plan rename"), document.renamePlan((*found)->id, words.at(3)));
    }
    if (verb == QLatin1String("plan") && object == QLatin1String("remove")) {
        if (count != 3)
            return Error{tr("plan remove takes one field, PLAN.")};
        const auto found = plan(2, QStringLiteral("plan remove"));
        if (!found)
            return found.error();
        return named(QStringLiteral("plan remove"), document.removePlan((*found)->id));
    }
    if (verb == QLatin1String("cpa") && object == QLatin1String("add")) {
        if (count != 4 && count != 5)
            return Error{tr("cpa add takes the fields PLAN, NAME and optionally COLOUR.")};
        const auto found = plan(2, QStringLiteral("cpa add"));
        if (!found)
            return found.error();
        return named(
            QStringLiteral("cpa add"),
            document.addCpa((*found)->id, words.at(3), count == 5 ? words.at(4) : QString()));
    }
    if (verb == QLatin1String("assign")) {
        if (count < 4)
            return Error{tr("assign takes the fields PLAN, CPA (or - for none) and at least one "
                            "GSS_CODE.")};
        const auto found = plan(1, QStringLiteral("assign"));
        if (!found)
            return found.error();
        CpaId target;
        if (words.at(2) != QLatin1String("-")) {
            const Cpa *cpa = cpaNamed(**found, words.at(2));
            if (!cpa)
                return Error{tr("assign: CPA \"%1\": the plan \"%2\" has no such CPA.")
                                 .arg(words.at(2), (*found)->name)};
            target = cpa->id;
        }
        return named(verb, document.assignAuthorities((*found)->id, words.mid(3), target));
    }
    if (verb == QLatin1String("group") && object == QLatin1String("add")) {
        if (count != 3 && count != 4)
            return Error{tr("group add takes the fields NAME and optionally DESCRIPTION.")};
        return named(QStringLiteral("group add"),
                     document.addPriorityGroup(words.at(2), count == 4 ? words.at(3) : QString()));
    }
    if (verb == QLatin1String("provider") && object == QLatin1String("add")) {
        const bool sme = count == 5 && words.at(4) == QLatin1String("sme");
        if (count != 4 && !sme)
            return Error{tr("provider add takes the fields NAME, SECTOR and optionally the word "
                            "sme.")};
        const std::optional<ProviderSector> sector = sectorFromKey(words.at(3));
        if (!sector)
            return Error{
                tr("provider add: SECTOR \"%1\" is not one of %2.").arg(words.at(3), sectorKeys())};
        const QString name = words.at(2).trimmed();
        if (round.supply.provider(name))
            return Error{tr("provider add: NAME \"%1\": the register already has a provider of "
                            "that name.")
                             .arg(name)};
        SupplyMarket supply = round.supply;
        Provider provider;
        provider.name = name;
        provider.sector = *sector;
        provider.sme = sme;
        supply.providers.append(provider);
        return named(QStringLiteral("provider add"),
                     document.setSupply(supply, tr("Provider \"%1\" added").arg(name)));
    }
    if (verb == QLatin1String("provider") && object == QLatin1String("remove")) {
        if (count != 3)
            return Error{tr("provider remove takes one field, NAME.")};
        SupplyMarket supply = round.supply;
        const qsizetype removed =
            supply.providers.removeIf([&](const Provider &p) { return p.name == words.at(2); });
        if (removed == 0)
            return Error{tr("provider remove: NAME \"%1\": the register has no such provider.")
                             .arg(words.at(2))};
        return named(QStringLiteral("provider remove"),
                     document.setSupply(supply, tr("Provider \"%1\" removed").arg(words.at(2))));
    }
    return Error{tr("Unknown edit \"%1\": expected title, programme, plan add|rename|remove, "
                    "cpa add, assign, group add or provider add|remove.")
                     .arg(QStringList(words.mid(0, 2)).join(QLatin1Char(' ')))};
}

} // namespace

int runScript(const QStringList &args, QTextStream &out, QTextStream &err)
{
    const QString synopsis = QStringLiteral("cocommission script FILE.cocom [SCRIPT.txt | -]");
    const Parsed p = parse(args, {}, {});
    if (!p.error.isEmpty())
        return usage(err, p.error, synopsis);
    if (p.positional.isEmpty() || p.positional.size() > 2)
        return usage(err, tr("Name one round file and at most one script."), synopsis);

    const QString scriptPath = p.positional.value(1, QStringLiteral("-"));
    const bool fromStdin = scriptPath == QLatin1String("-");
    const QString scriptName = fromStdin ? tr("(standard input)") : scriptPath;
    QFile script;
    if (fromStdin) {
        // Read line by line as the lines arrive: QFile over a FILE* reads a line with fgets
        // when only readLine() is used, so nothing waits for a full buffer.
        if (!script.open(stdin, QIODevice::ReadOnly)) {
            err << tr("Could not read the standard input: %1").arg(script.errorString()) << '\n';
            return UsageError;
        }
    } else {
        script.setFileName(scriptPath);
        if (!script.open(QIODevice::ReadOnly)) {
            err << tr("Could not read %1: %2").arg(scriptPath, script.errorString()) << '\n';
            return UsageError;
        }
    }

    const auto document = openForWriting(p.positional.first(), err);
    if (!document)
        return UsageError;

    int lineNumber = 0;
    while (true) {
        const QByteArray raw = script.readLine();
        if (raw.isEmpty())
            break; // end of the script (readLine() keeps the newline of an empty line)
        ++lineNumber;
        const QString line = QString::fromUtf8(raw).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const Status applied = applyLine(*document, QProcess::splitCommand(line));
        if (!applied) {
            err << QStringLiteral("%1:%2: ").arg(scriptName).arg(lineNumber)
                << applied.errorMessage() << '\n';
            return UsageError;
        }
        // The acknowledgement is a protocol for programs, not a sentence: not translated. The
        // edit's transaction has committed (synchronous = FULL) before it is written, and it
        // is flushed at once so that a reader never sees an acknowledgement of an edit that
        // is not in the file.
        out << "ok " << lineNumber << '\n';
        out.flush();
    }
    return Success;
}

} // namespace CoCommission::CommandLine
