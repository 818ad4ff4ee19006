#pragma once

// What the sub-command files of the command line share: argument parsing, output and opening
// a round. Not part of the command line's interface (commandline.h).

#include "core/cli/commandline.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

class QJsonObject;
class QTextStream;

namespace CoCommission {
class RoundDocument;
}

namespace CoCommission::CommandLine {

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1);

/** Splits "--flag", "--key value" and positional arguments. */
struct Parsed
{
    QStringList positional;
    QStringList flags;
    QHash<QString, QString> values;
    QString error;
};

/**
 * Parses \a args: \a flags take no value, \a valued take the next argument. Where \a valued
 * holds --output, -o is its short form.
 */
Parsed parse(const QStringList &args, const QStringList &flags, const QStringList &valued);
/** The arguments FILE.cocom [--json]: the file, and whether JSON output is asked for. */
struct OneFile
{
    QString path;
    bool json = false;
};
/** Parses \a args as FILE.cocom [--json]; nullopt after printing the problem and the usage. */
std::optional<OneFile> parseOneFile(const QStringList &args, const QString &synopsis,
                                    QTextStream &err);
void printJson(QTextStream &out, const QJsonObject &object);
/** Prints \a problem and the \a synopsis to \a err; returns UsageError. */
int usage(QTextStream &err, const QString &problem, const QString &synopsis);
/** Opens \a path without taking the write lock, or prints why not and returns null. */
std::unique_ptr<RoundDocument> openForReading(const QString &path, QTextStream &err);
/** Opens \a path for writing, or prints why not and returns null. */
std::unique_ptr<RoundDocument> openForWriting(const QString &path, QTextStream &err);

// The sub-commands: each takes the arguments after its name.
int runNew(const QStringList &args, QTextStream &out, QTextStream &err);
int runInfo(const QStringList &args, QTextStream &out, QTextStream &err);
int runVerify(const QStringList &args, QTextStream &out, QTextStream &err);
int runImportNomis(const QStringList &args, QTextStream &out, QTextStream &err);
int runImportLookup(const QStringList &args, QTextStream &out, QTextStream &err);
int runIndicators(const QStringList &args, QTextStream &out, QTextStream &err);
int runIndicator(const QStringList &args, QTextStream &out, QTextStream &err);
int runNeeds(const QStringList &args, QTextStream &out, QTextStream &err);
int runPriorities(const QStringList &args, QTextStream &out, QTextStream &err);
int runCpa(const QStringList &args, QTextStream &out, QTextStream &err);
int runPack(const QStringList &args, QTextStream &out, QTextStream &err);
int runEvaluation(const QStringList &args, QTextStream &out, QTextStream &err);
int runDesign(const QStringList &args, QTextStream &out, QTextStream &err);
int runSupply(const QStringList &args, QTextStream &out, QTextStream &err);
int runMonitoring(const QStringList &args, QTextStream &out, QTextStream &err);
// runMonitoring() hands "monitoring report" and "monitoring dwp-report" (their arguments after
// the verb) to these (cli_monitoring_report.cpp).
int runMonitoringReport(const QStringList &args, QTextStream &out, QTextStream &err);
int runMonitoringDwpReport(const QStringList &args, QTextStream &out, QTextStream &err);
int runPaper(const QStringList &args, QTextStream &out, QTextStream &err);
int runExportOcds(const QStringList &args, QTextStream &out, QTextStream &err);
/** Applies a script of edits, one transaction a line, acknowledging each (cli_script.cpp). */
int runScript(const QStringList &args, QTextStream &out, QTextStream &err);

} // namespace CoCommission::CommandLine
