// bench_nomis: imports a national-size NOMIS CSV and compares it with the sqlite3 tool.
//
// Generates a NOMIS-format CSV of --rows rows (default 4,000,000: about 33,800 LSOAs × 120
// months, a national LSOA download), a lookup of the LSOAs to London's 33 authorities, and a
// round; then imports the lookup and the CSV through RoundDocument, as the GUI and command line
// do. The peer is the sqlite3 command-line tool's `.import` of the same file into a plain table
// of a fresh database. Prints the time, rows per second, peak memory (the process's VmHWM,
// read before and after the import), the ratio to the peer, and the time of one indicator for
// every authority and every CPA at one date.
#include "core/io/nomisimport.h"
#include "core/needs/indicators.h"
#include "core/round/londonround.h"
#include "core/round/rounddocument.h"

#include "bench/benchutil.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>

namespace {

using namespace CoCommission;

constexpr double kTargetRatio = 1.5;
constexpr qint64 kTargetPeakMb = 200;
constexpr double kTargetIndicatorMs = 20;

qint64 peakRssKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly | QIODevice::Text))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

/** Writes the CSV and the lookup; returns the number of data rows. */
qint64 generate(const QString &csvPath, const QString &lookupPath, qint64 rows,
                const QStringList &authorities)
{
    constexpr int kMonths = 120;
    const qint64 areas = std::max<qint64>(1, rows / kMonths);
    QFile csv(csvPath);
    QFile lookup(lookupPath);
    if (!csv.open(QIODevice::WriteOnly) || !lookup.open(QIODevice::WriteOnly))
        qFatal("cannot write the benchmark files");
    lookup.write("child_code,authority_code\n");
    for (qint64 a = 0; a < areas; ++a)
        lookup.write(QStringLiteral("E01%1,%2\n")
                         .arg(a, 6, 10, QLatin1Char('0'))
                         .arg(authorities.at(a % authorities.size()))
                         .toUtf8());
    csv.write("\xEF\xBB\xBF\"DATE\",\"DATE_NAME\",\"GEOGRAPHY_NAME\",\"GEOGRAPHY_CODE\","
              "\"GEOGRAPHY_TYPE\",\"MEASURES_NAME\",\"OBS_VALUE\",\"OBS_STATUS\"\r\n");
    QByteArray buffer;
    qint64 written = 0;
    quint32 state = 12345;
    for (int m = 0; m < kMonths && written < rows; ++m) {
        const QByteArray date = QStringLiteral("%1-%2")
                                    .arg(2015 + m / 12)
                                    .arg(m % 12 + 1, 2, 10, QLatin1Char('0'))
                                    .toLatin1();
        for (qint64 a = 0; a < areas && written < rows; ++a, ++written) {
            state = state * 1103515245u + 12345u;
            const QByteArray code =
                QByteArray("E01") + QByteArray::number(a).rightJustified(6, '0');
            buffer += "\"" + date + "\",\"" + date + "\",\"LSOA " + code + ", London\",\"" + code +
                      "\",\"lower layer super output areas 2021\",\"Value\",\"" +
                      // A few suppressed values, as in real downloads: each leaves its
                      // authority's total for that month missing, never understated.
                      (written % 100003 == 77 ? QByteArray("..")
                                              : QByteArray::number((state >> 16) % 400)) +
                      "\",\"A\"\r\n";
            if (buffer.size() > (1 << 20)) {
                csv.write(buffer);
                buffer.clear();
            }
        }
    }
    csv.write(buffer);
    return written;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    qint64 rows = 4'000'000;
    const QStringList args = app.arguments();
    if (const qsizetype i = args.indexOf(QStringLiteral("--rows")); i >= 0 && i + 1 < args.size())
        rows = args.at(i + 1).toLongLong();

    QTemporaryDir dir;
    const QString csvPath = dir.filePath(QStringLiteral("lsoa_claimants.csv"));
    const QString lookupPath = dir.filePath(QStringLiteral("lsoa_lookup.csv"));
    const QString roundPath = dir.filePath(QStringLiteral("bench.cocom"));

    Round round = *LondonRound::demo();
    QStringList codes;
    for (const Authority &a : round.authorities)
        codes.append(a.gssCode);
    QElapsedTimer timer;
    timer.start();
    rows = generate(csvPath, lookupPath, rows, codes);
    const qint64 fileBytes = QFileInfo(csvPath).size();
    out << "bench_nomis: " << rows << " rows, " << fileBytes / (1024 * 1024) << " MiB generated in "
        << timer.elapsed() << " ms\n";
    out.flush();

    auto document = RoundDocument::create(roundPath, round, QStringLiteral("bench"));
    if (!document)
        qFatal("%s", qPrintable(document.errorMessage()));
    if (const auto lookup = (*document)->importLookup(lookupPath); !lookup)
        qFatal("%s", qPrintable(lookup.errorMessage()));
    const qint64 rssBefore = peakRssKb();

    timer.restart();
    const auto summary = (*document)->importNomis(csvPath, QStringLiteral("Claimant count"));
    const qint64 importMs = timer.elapsed();
    if (!summary)
        qFatal("%s", qPrintable(summary.errorMessage()));
    const qint64 rssAfter = peakRssKb();

    // One indicator for every authority and every CPA of the adopted plan, at one date.
    const QString measure = summary->dataset.measures.first().key;
    const QString date = QStringLiteral("2024-06");
    constexpr int kQueries = 50;
    timer.restart();
    const Indicators indicators((*document)->round());
    const double buildMs = timer.nsecsElapsed() / 1e6;
    timer.restart();
    int answered = 0;
    for (int i = 0; i < kQueries; ++i) {
        for (Grouping grouping : {Grouping::Authority, Grouping::Cpa}) {
            for (const IndicatorValue &v : indicators.values(measure, grouping, date))
                answered += v.value ? 1 : 0;
        }
    }
    answered /= kQueries;
    const double queryMs = timer.nsecsElapsed() / 1e6 / kQueries;

    // The peer: sqlite3's .import of the same file into a fresh database.
    double peerMs = -1;
    const QString sqlite3 = QStandardPaths::findExecutable(QStringLiteral("sqlite3"));
    if (!sqlite3.isEmpty()) {
        QProcess peer;
        timer.restart();
        peer.start(sqlite3, {dir.filePath(QStringLiteral("peer.db")), QStringLiteral(".mode csv"),
                             QStringLiteral(".import %1 nomis").arg(csvPath)});
        peer.waitForFinished(-1);
        peerMs = timer.elapsed();
    }

    const double ratio = peerMs > 0 ? importMs / peerMs : -1;
    const qint64 peakMb = rssAfter / 1024;
    out << "\n";
    out << QStringLiteral("%1 %2 %3 %4\n")
               .arg(QStringLiteral("figure"), -44)
               .arg(QStringLiteral("value"), 14)
               .arg(QStringLiteral("target"), 14)
               .arg(QStringLiteral("met"), 5);
    auto row = [&](const QString &name, const QString &value, const QString &target, bool met) {
        out << QStringLiteral("%1 %2 %3 %4\n")
                   .arg(name, -44)
                   .arg(value, 14)
                   .arg(target, 14)
                   .arg(target.isEmpty() ? QString()
                                         : (met ? QStringLiteral("yes") : QStringLiteral("NO")),
                        5);
    };
    row(QStringLiteral("import time, ms"), QString::number(importMs), {}, true);
    row(QStringLiteral("rows per second"),
        QString::number(qint64(rows * 1000.0 / std::max<qint64>(1, importMs))), {}, true);
    row(QStringLiteral("peer (sqlite3 .import) time, ms"), QString::number(qint64(peerMs)), {},
        true);
    row(QStringLiteral("ratio to the peer"), QString::number(ratio, 'f', 2),
        QStringLiteral("<= %1").arg(kTargetRatio), ratio > 0 && ratio <= kTargetRatio);
    row(QStringLiteral("peak memory (VmHWM), MB"), QString::number(peakMb),
        QStringLiteral("< %1").arg(kTargetPeakMb), peakMb < kTargetPeakMb);
    row(QStringLiteral("peak before the import, MB"), QString::number(rssBefore / 1024), {}, true);
    row(QStringLiteral("indicator index build, ms"), QString::number(buildMs, 'f', 2), {}, true);
    row(QStringLiteral("figures answered (of 33 + 4)"), QString::number(answered), {}, true);
    row(QStringLiteral("one indicator, 33 authorities + 4 CPAs, ms"),
        QString::number(queryMs, 'f', 3), QStringLiteral("< %1").arg(kTargetIndicatorMs),
        queryMs < kTargetIndicatorMs && answered > 0);

    using Bench::Figure;
    using Bench::kNotMeasured;
    using Bench::Target;
    Bench::report(
        Figure(QStringLiteral("NOMIS import of %L1 rows").arg(rows), double(importMs),
               QStringLiteral("ms"))
            .withTarget(Target::ratioAtMost(kTargetRatio))
            .withPeer(QStringLiteral("sqlite3 .import"), peerMs > 0 ? peerMs : kNotMeasured));
    Bench::report(Figure(QStringLiteral("NOMIS import, rows per second"),
                         rows * 1000.0 / double(std::max<qint64>(1, importMs)),
                         QStringLiteral("rows/s")));
    Bench::report(Figure(QStringLiteral("peak memory after the import (VmHWM)"),
                         rssAfter < 0 ? kNotMeasured : double(rssAfter) / 1024.0,
                         QStringLiteral("MiB"))
                      .withTarget(Target::below(double(kTargetPeakMb))));
    Bench::report(Figure(QStringLiteral("one indicator, 33 authorities + 4 CPAs"), queryMs,
                         QStringLiteral("ms"))
                      .withTarget(Target::below(kTargetIndicatorMs))
                      .withComplete(answered > 0));
    return 0;
}
