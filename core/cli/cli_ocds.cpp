// `cocommission export-ocds ROUND.cocom -o FILE.json`: the round as an OCDS 1.1 release
// package. Only reads the round. The hidden --published-date ISO8601 fixes the package's date
// so that tests get the same bytes on every run.

#include "core/cli/cliutil.h"

#include "core/publish/ocds.h"
#include "core/round/rounddocument.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QTextStream>

namespace CoCommission::CommandLine {

namespace {

const QString kSynopsis = QStringLiteral("cocommission export-ocds ROUND.cocom -o FILE.json");

} // namespace

int runExportOcds(const QStringList &args, QTextStream &out, QTextStream &err)
{
    const QString outputKey = QStringLiteral("--output");
    const QString dateKey = QStringLiteral("--published-date");
    const Parsed p = parse(args, {}, {outputKey, dateKey});
    if (!p.error.isEmpty())
        return usage(err, p.error, kSynopsis);
    if (p.positional.size() != 1)
        return usage(err, tr("Name one round file."), kSynopsis);
    const QString output = p.values.value(outputKey);
    if (output.isEmpty())
        return usage(err, tr("Name the file to write with -o FILE.json."), kSynopsis);

    QDateTime publishedAt = QDateTime::currentDateTimeUtc();
    if (p.values.contains(dateKey)) {
        publishedAt = QDateTime::fromString(p.values.value(dateKey), Qt::ISODate);
        if (!publishedAt.isValid())
            return usage(err,
                         tr("The published date \u201c%1\u201d is not an ISO 8601 date and time, "
                            "e.g. 2027-03-01T09:00:00Z.")
                             .arg(p.values.value(dateKey)),
                         kSynopsis);
    }
    // Whole seconds: the release id and the package's uri are made from the time.
    publishedAt = publishedAt.toUTC();
    publishedAt.setTime(
        QTime(publishedAt.time().hour(), publishedAt.time().minute(), publishedAt.time().second()));

    const QFileInfo target(output);
    if (!target.absoluteDir().exists()) {
        err << tr("Could not write %1: the folder %2 does not exist.")
                   .arg(output, target.absolutePath())
            << '\n';
        return UsageError;
    }

    const auto document = openForReading(p.positional.first(), err);
    if (!document)
        return UsageError;

    const QJsonObject package = Ocds::releasePackage(document->round(), publishedAt);
    QSaveFile file(output);
    if (!file.open(QIODevice::WriteOnly)) {
        err << tr("Could not write %1: %2").arg(output, file.errorString()) << '\n';
        return UsageError;
    }
    const QByteArray json = QJsonDocument(package).toJson(QJsonDocument::Indented);
    if (file.write(json) != json.size() || !file.commit()) {
        err << tr("Could not write %1: %2").arg(output, file.errorString()) << '\n';
        return UsageError;
    }
    const qsizetype releases = package.value(QStringLiteral("releases")).toArray().size();
    out << tr("Wrote an OCDS release package with %n release(s) to %1.", nullptr, int(releases))
               .arg(output)
        << '\n';
    return Success;
}

} // namespace CoCommission::CommandLine
