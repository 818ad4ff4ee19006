// `cocommission paper`: a board paper for one or more stages, written as PDF, ODT or HTML from
// the round or from a sign-off's snapshot (the paper exactly as the board signed it).

#include "core/cli/cliutil.h"

#include "core/paper/composer.h"
#include "core/paper/paperwriter.h"
#include "core/round/rounddocument.h"

#include <QTextStream>

#include <algorithm>

namespace CoCommission::CommandLine {

namespace {

const QString kSynopsis = QStringLiteral(
    "cocommission paper FILE.cocom --stage STAGE[,STAGE...] [--meeting YYYY-MM-DD]\n"
    "       [--public | --exempt-appendix] [--snapshot ID] -o FILE.pdf|FILE.odt|FILE.html");

/** The stages named in \a value (comma-separated keys), in cycle order, or an error. */
Result<QList<StageId>> parseStages(const QString &value)
{
    QList<StageId> stages;
    for (const QString &key : value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const auto stage = stageFromKey(key.trimmed());
        if (!stage) {
            QStringList keys;
            for (StageId s : kAllStages)
                keys.append(stageKey(s));
            return Error{tr("Unknown stage \"%1\": give one or more of %2.")
                             .arg(key.trimmed(), keys.join(QStringLiteral(", ")))};
        }
        if (!stages.contains(*stage))
            stages.append(*stage);
    }
    if (stages.isEmpty())
        return Error{tr("Name the stage(s) the paper covers with --stage.")};
    std::sort(stages.begin(), stages.end());
    return stages;
}

/**
 * The stored paper for exactly \a stages (and \a meeting, when valid): the one for the latest
 * meeting, then the latest written; nullptr when none is stored.
 */
const BoardPaper *storedPaper(const Round &round, const QList<StageId> &stages,
                              const QDate &meeting)
{
    const BoardPaper *found = nullptr;
    for (const BoardPaper &p : round.papers) {
        QList<StageId> own = p.stages;
        std::sort(own.begin(), own.end());
        if (own != stages || (meeting.isValid() && p.meeting != meeting))
            continue;
        if (!found || p.meeting > found->meeting ||
            (p.meeting == found->meeting && p.id > found->id))
            found = &p;
    }
    return found;
}

QString versionName(Paper::Version version)
{
    switch (version) {
    case Paper::Version::Full:
        return tr("full paper");
    case Paper::Version::Public:
        return tr("public version");
    case Paper::Version::ExemptAppendix:
        return tr("exempt appendix");
    }
    return {};
}

} // namespace

int runPaper(const QStringList &args, QTextStream &out, QTextStream &err)
{
    const Parsed p = parse(args, {QStringLiteral("--public"), QStringLiteral("--exempt-appendix")},
                           {QStringLiteral("--stage"), QStringLiteral("--meeting"),
                            QStringLiteral("--snapshot"), QStringLiteral("--output")});
    if (!p.error.isEmpty())
        return usage(err, p.error, kSynopsis);
    if (p.positional.size() != 1)
        return usage(err, tr("Name one round file."), kSynopsis);
    const QString output = p.values.value(QStringLiteral("--output"));
    if (output.isEmpty())
        return usage(err, tr("Name the file to write with -o FILE.pdf, FILE.odt or FILE.html."),
                     kSynopsis);
    if (!Paper::formatForPath(output))
        return usage(err,
                     tr("Cannot tell the format of \"%1\": name a file ending in .pdf, .odt or "
                        ".html.")
                         .arg(output),
                     kSynopsis);
    const Result<QList<StageId>> stages = parseStages(p.values.value(QStringLiteral("--stage")));
    if (!stages)
        return usage(err, stages.errorMessage(), kSynopsis);
    QDate meeting;
    if (p.values.contains(QStringLiteral("--meeting"))) {
        const QString text = p.values.value(QStringLiteral("--meeting"));
        meeting = QDate::fromString(text, Qt::ISODate);
        if (!meeting.isValid())
            return usage(
                err, tr("The meeting date \"%1\" is not a date in the form YYYY-MM-DD.").arg(text),
                kSynopsis);
    }
    const bool isPublic = p.flags.contains(QStringLiteral("--public"));
    const bool exemptAppendix = p.flags.contains(QStringLiteral("--exempt-appendix"));
    if (isPublic && exemptAppendix)
        return usage(err,
                     tr("Give --public or --exempt-appendix, not both: the exempt appendix is "
                        "never public."),
                     kSynopsis);
    const Paper::Version version = isPublic         ? Paper::Version::Public
                                   : exemptAppendix ? Paper::Version::ExemptAppendix
                                                    : Paper::Version::Full;

    std::unique_ptr<RoundDocument> document = openForReading(p.positional.first(), err);
    if (!document)
        return UsageError;
    Round round = document->round();
    QString source = tr("the round as it stands");
    if (p.values.contains(QStringLiteral("--snapshot"))) {
        const QString text = p.values.value(QStringLiteral("--snapshot"));
        bool ok = false;
        const qint64 id = text.toLongLong(&ok);
        const bool known =
            ok && std::any_of(round.signOffs.cbegin(), round.signOffs.cend(),
                              [&](const SignOff &s) { return s.snapshot.value() == id; });
        if (!known) {
            QStringList ids;
            for (const SignOff &s : round.signOffs)
                ids.append(QString::number(s.snapshot.value()));
            ids.removeDuplicates();
            err << (ids.isEmpty()
                        ? tr("%1 has no snapshot %2: no stage has been signed off yet.")
                              .arg(document->displayName(), text)
                        : tr("%1 has no snapshot %2; its snapshots are %3 (see `cocommission "
                             "info`).")
                              .arg(document->displayName(), text, ids.join(QStringLiteral(", "))))
                << '\n';
            return UsageError;
        }
        Result<Round> snapshot = document->snapshotRound(SnapshotId(id));
        if (!snapshot) {
            err << snapshot.errorMessage() << '\n';
            return UsageError;
        }
        round = std::move(*snapshot);
        source = tr("snapshot %1").arg(id);
    }

    BoardPaper paper;
    if (const BoardPaper *stored = storedPaper(round, *stages, meeting)) {
        paper = *stored;
    } else {
        paper =
            Paper::defaultPaper(round, *stages, meeting.isValid() ? meeting : QDate::currentDate());
        err << tr("Note: no paper for these stages%1 is stored in %2; it is written with the "
                  "default text.")
                   .arg(meeting.isValid()
                            ? tr(" and the meeting of %1").arg(meeting.toString(Qt::ISODate))
                            : QString(),
                        source)
            << '\n';
    }

    const Paper::Document composed = Paper::composePaper(round, paper, version);
    if (Status s = Paper::writePaper(composed, output); !s) {
        err << s.errorMessage() << '\n';
        return UsageError;
    }
    out << tr("Wrote %1: the %2 of \"%3\" for the meeting of %4, from %5.")
               .arg(output, versionName(version), paper.title, paper.meeting.toString(Qt::ISODate),
                    source)
        << '\n';
    return Success;
}

} // namespace CoCommission::CommandLine
