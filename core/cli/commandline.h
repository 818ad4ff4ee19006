#pragma once

#include <QString>
#include <QStringList>

class QTextStream;

namespace CoCommission::CommandLine {

/** Exit codes of every sub-command. */
enum ExitCode : int {
    Success = 0,
    CheckFailed = 1, ///< the command ran and what it checked failed
    UsageError = 2,  ///< bad usage, or input that could not be read
};

/**
 * Whether \a arguments (without the program name) ask for a sub-command or for --help or
 * --version, rather than for the GUI.
 */
bool isCommandLineRequest(const QStringList &arguments);

/**
 * Runs the sub-command in \a arguments (without the program name), writing results to \a out and
 * problems to \a err, and returns the exit code. Needs only a QCoreApplication, except
 * where needsGuiApplication() says otherwise.
 */
int run(const QStringList &arguments, QTextStream &out, QTextStream &err);

/**
 * Whether the sub-command in \a arguments lays out text (a board paper) and so needs a
 * QGuiApplication rather than a QCoreApplication; the offscreen platform will do.
 */
bool needsGuiApplication(const QStringList &arguments);

/** The text of --help. */
QString helpText();

} // namespace CoCommission::CommandLine
