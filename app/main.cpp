// The program: a command-line sub-command when asked for one (no display needed), otherwise the
// main window. Everything else lives in cocommission_ui and cocommission_core.
#include "core/cli/commandline.h"
#include "core/common/plurals.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QTextStream>
#include <QTimer>
#include <QWindow>

#include <functional>
#include <memory>
#include <optional>

#ifdef Q_OS_LINUX
#include <time.h>
#include <unistd.h>
#endif
#ifdef Q_OS_WIN
#include <cstdio>
#include <windows.h>
#endif

namespace {

/**
 * Milliseconds since the process started, read from the kernel on Linux: the start time in
 * /proc/self/stat (field 22, clock ticks since boot) against CLOCK_BOOTTIME, the clock that
 * field is counted on. Unlike a timer started in main(), this includes loading the program
 * and its shared libraries. The tick is 10 ms on most systems, so this is good to about 10 ms.
 */
std::optional<qint64> msSinceProcessStart()
{
#ifdef Q_OS_LINUX
    QFile stat(QStringLiteral("/proc/self/stat"));
    if (!stat.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QByteArray line = stat.readAll();
    // The command name (field 2) may hold spaces; fields after it follow the last ')'.
    const qsizetype close = line.lastIndexOf(')');
    if (close < 0)
        return std::nullopt;
    const QList<QByteArray> fields = line.mid(close + 2).split(' ');
    constexpr int kStartTimeField = 22 - 3; // fields[0] is field 3 (state)
    if (fields.size() <= kStartTimeField)
        return std::nullopt;
    bool ok = false;
    const qint64 startTicks = fields.at(kStartTimeField).toLongLong(&ok);
    const long ticksPerSecond = sysconf(_SC_CLK_TCK);
    timespec now{};
    if (!ok || ticksPerSecond <= 0 || clock_gettime(CLOCK_BOOTTIME, &now) != 0)
        return std::nullopt;
    const qint64 nowMs = qint64(now.tv_sec) * 1000 + now.tv_nsec / 1000000;
    const qint64 startMs = startTicks * 1000 / ticksPerSecond;
    const qint64 elapsed = nowMs - startMs;
    if (elapsed < 0 || elapsed > 3600 * 1000) // not a clock we understand
        return std::nullopt;
    return elapsed;
#else
    return std::nullopt;
#endif
}

/**
 * The Windows program is a GUI program (no console window of its own), so a command typed in
 * a console would print nothing. Attaches to the console it was started from, if any, and
 * points stdout and stderr at it; on other systems the streams are already there.
 */
void useParentConsole()
{
#ifdef Q_OS_WIN
    if (AttachConsole(ATTACH_PARENT_PROCESS)) {
        FILE *stream = nullptr;
        freopen_s(&stream, "CONOUT$", "w", stdout);
        freopen_s(&stream, "CONOUT$", "w", stderr);
    }
#endif
}

/** Peak resident set size (VmHWM) in kB, or -1 where /proc/self/status does not exist. */
qint64 peakRssKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly | QIODevice::Text))
        return -1;
    // readAll(), not atEnd()/readLine(): /proc files report a size of 0.
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("VmHWM:")) {
            bool ok = false;
            const qint64 kb = line.mid(6).trimmed().split(' ').value(0).toLongLong(&ok);
            return ok ? kb : -1;
        }
    }
    return -1;
}

/**
 * Without a desktop session (a script, a server) XDG_RUNTIME_DIR is unset and QtGui warns on
 * stderr before falling back to a folder of its own. Names that folder first, so that a
 * command's output is only its own.
 */
void useQuietRuntimeDir()
{
#ifdef Q_OS_UNIX
    if (!qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR"))
        return;
    const QString dir = QDir::tempPath() + QStringLiteral("/runtime-") +
                        qEnvironmentVariable("USER", QStringLiteral("cocommission"));
    if (QDir().mkpath(dir) &&
        QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner))
        qputenv("XDG_RUNTIME_DIR", QFile::encodeName(dir));
#endif
}

/** Calls \a then once \a window has been exposed (and so painted: widgets paint on expose). */
class ExposeWatcher : public QObject
{
public:
    ExposeWatcher(QWindow *window, std::function<void()> then)
        : QObject(window)
        , m_window(window)
        , m_then(std::move(then))
    {
        window->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == m_window && event->type() == QEvent::Expose && !m_done) {
            m_done = true;
            // Runs after this expose event has been handled, i.e. after the paint it causes.
            QTimer::singleShot(0, qApp, m_then);
        }
        return false;
    }

private:
    QWindow *m_window;
    std::function<void()> m_then;
    bool m_done = false;
};

/** Prints the startup figures once the window has been shown and painted, then quits. */
void reportStartupWhenPainted(QWidget *window, const QElapsedTimer &sinceMain)
{
    auto report = [&sinceMain] {
        const qint64 ms = msSinceProcessStart().value_or(sinceMain.elapsed());
        QTextStream(stdout) << "startup_ms=" << ms << " peak_rss_kb=" << peakRssKb() << Qt::endl;
        QCoreApplication::exit(0);
    };
    QWindow *handle = window->windowHandle();
    if (!handle || handle->isExposed())
        QTimer::singleShot(0, qApp, report);
    else
        new ExposeWatcher(handle, report);
}

} // namespace

int main(int argc, char *argv[])
{
    // Fallback clock for msSinceProcessStart() where /proc is not available.
    QElapsedTimer sinceMain;
    sinceMain.start();

    QStringList arguments;
    for (int i = 1; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));

    if (CoCommission::CommandLine::isCommandLineRequest(arguments)) {
        useParentConsole();
        // A board paper lays out text, which needs fonts and so a QGuiApplication; it never
        // needs a display, so it runs on the offscreen platform unless told otherwise.
        std::unique_ptr<QCoreApplication> app;
        if (CoCommission::CommandLine::needsGuiApplication(arguments)) {
            if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
                qputenv("QT_QPA_PLATFORM", "offscreen");
            useQuietRuntimeDir();
            app = std::make_unique<QGuiApplication>(argc, argv);
        } else {
            app = std::make_unique<QCoreApplication>(argc, argv);
        }
        QCoreApplication::setOrganizationName(QStringLiteral("CoCommission"));
        QCoreApplication::setApplicationName(QStringLiteral("CoCommission"));
        QCoreApplication::setApplicationVersion(QStringLiteral(COCOMMISSION_VERSION));
        CoCommission::installTranslations();
        QTextStream out(stdout);
        QTextStream err(stderr);
        return CoCommission::CommandLine::run(arguments, out, err);
    }

    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("CoCommission"));
    QApplication::setApplicationName(QStringLiteral("CoCommission"));
    QApplication::setApplicationDisplayName(QStringLiteral("CoCommission"));
    QApplication::setApplicationVersion(QStringLiteral(COCOMMISSION_VERSION));
    CoCommission::installTranslations();
    // Matches the window to its desktop entry (installer/linux), and so to its icon on Wayland.
    QGuiApplication::setDesktopFileName(QStringLiteral("org.cocommission.CoCommission"));

    // Parsed after QApplication, which takes out its own options (-platform, -style, ...).
    QCommandLineParser parser;
    const QCommandLineOption demo(QStringLiteral("demo"));
    QCommandLineOption benchmark(QStringLiteral("startup-benchmark"));
    benchmark.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(demo);
    parser.addOption(benchmark);
    if (!parser.parse(QApplication::arguments()) || parser.positionalArguments().size() > 1) {
        QTextStream err(stderr);
        err << (parser.errorText().isEmpty()
                    ? QCoreApplication::translate("main", "Give at most one round file.")
                    : parser.errorText())
            << "\n\n"
            << CoCommission::CommandLine::helpText();
        return CoCommission::CommandLine::UsageError;
    }

    CoCommission::MainWindow window;
    if (!parser.positionalArguments().isEmpty())
        window.openFile(parser.positionalArguments().first());
    else if (parser.isSet(demo))
        window.openDemoRound();
    window.show();

    if (parser.isSet(benchmark)) {
        QCoreApplication::processEvents();
        reportStartupWhenPainted(&window, sinceMain);
    }
    return app.exec();
}
