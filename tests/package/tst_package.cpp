// The Linux packages (installer/): the .deb that CPack builds (the package_build fixture) is
// unpacked into a scratch folder and its program, desktop entry, AppStream metainfo, MIME type
// and icons are checked there; the .tar.gz must carry the same files.

#include "core/cli/commandline.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QImage>
#include <QMimeDatabase>
#include <QProcess>
#include <QSet>
#include <QSettings>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>
#include <cstring>

using namespace CoCommission;

namespace {

const QString kAppId = QStringLiteral(COCOMMISSION_APP_ID);
const QString kMimeType = QStringLiteral(COCOMMISSION_MIME_TYPE);
const QString kVersion = QStringLiteral(COCOMMISSION_VERSION);
// The argument that makes this test program answer one MIME query and exit (see main()).
constexpr char kMimeProbe[] = "--mime-probe";

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

/** Runs \a program with \a arguments (and \a environment, when given) to its end. */
Run run(const QString &program, const QStringList &arguments,
        const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    Run result;
    if (!process.waitForStarted() || !process.waitForFinished(60000)) {
        result.err = QStringLiteral("%1 did not run: %2").arg(program, process.errorString());
        process.kill();
        process.waitForFinished();
        return result;
    }
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return result;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/** The keys of the [Desktop Entry] group of a desktop file. */
QHash<QString, QString> desktopEntry(const QString &path)
{
    QHash<QString, QString> keys;
    bool inGroup = false;
    const QStringList lines = QString::fromUtf8(readAll(path)).split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        if (line.startsWith(QLatin1Char('[')))
            inGroup = line == QLatin1String("[Desktop Entry]");
        else if (const qsizetype eq = line.indexOf(QLatin1Char('=')); inGroup && eq > 0)
            keys.insert(line.left(eq).trimmed(), line.mid(eq + 1).trimmed());
    }
    return keys;
}

/** The files (not folders) under \a root, as paths relative to it. */
QSet<QString> filesUnder(const QString &root)
{
    QSet<QString> files;
    QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    const QDir base(root);
    while (it.hasNext())
        files.insert(base.relativeFilePath(it.next()));
    return files;
}

/** Makes an SQLite file at \a path that is not a CoCommission round (no application id). */
bool makePlainSqliteFile(const QString &path)
{
    bool ok = false;
    const QString connection = QStringLiteral("plain-sqlite");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery query(db);
            ok = query.exec(QStringLiteral("CREATE TABLE t (x INTEGER)")) &&
                 query.exec(QStringLiteral("INSERT INTO t VALUES (1)"));
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return ok;
}

} // namespace

class TestPackage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void control();
    void packagedProgramRuns();
    void desktopEntryIsValid();
    void desktopEntryOpensTheRound();
    void metainfoIsValid();
    void mimeTypeIsOurs_data();
    void mimeTypeIsOurs();
    void icons_data();
    void icons();
    void tarballHoldsTheSameFiles();
    void tarballProgramRuns();

private:
    QString installed(const QString &relative) const { return m_root.filePath(relative); }
    QString program() const { return installed(QStringLiteral("usr/bin/cocommission")); }
    QString desktopFile() const
    {
        return installed(QStringLiteral("usr/share/applications/%1.desktop").arg(kAppId));
    }
    /** The environment the packaged program runs in: headless, settings in a scratch home. */
    QProcessEnvironment programEnvironment() const;

    QString m_deb;
    QString m_tarball;
    QTemporaryDir m_root;    // the .deb unpacked
    QTemporaryDir m_scratch; // rounds, settings, the MIME database
    QString m_round;         // a round made by the packaged program
};

void TestPackage::initTestCase()
{
    QVERIFY(m_root.isValid());
    QVERIFY(m_scratch.isValid());
    const QDir packages(QStringLiteral(COCOMMISSION_PACKAGE_DIR));
    const QStringList debs = packages.entryList({QStringLiteral("*.deb")}, QDir::Files);
    const QStringList tarballs = packages.entryList({QStringLiteral("*.tar.gz")}, QDir::Files);
    QVERIFY2(debs.size() == 1, qPrintable(QStringLiteral("expected one .deb in %1, found: %2")
                                              .arg(packages.path(), debs.join(u' '))));
    QVERIFY2(tarballs.size() == 1,
             qPrintable(QStringLiteral("expected one .tar.gz in %1, found: %2")
                            .arg(packages.path(), tarballs.join(u' '))));
    m_deb = packages.filePath(debs.first());
    m_tarball = packages.filePath(tarballs.first());

    const Run unpack =
        run(QStringLiteral("dpkg-deb"), {QStringLiteral("-x"), m_deb, m_root.path()});
    QVERIFY2(unpack.exitCode == 0, qPrintable(unpack.err));
    QVERIFY(QFileInfo(program()).isExecutable());

    m_round = m_scratch.filePath(QStringLiteral("made by the package.cocom"));
    const Run made = run(program(), {QStringLiteral("new"), m_round, QStringLiteral("--demo")},
                         programEnvironment());
    QVERIFY2(made.exitCode == 0, qPrintable(made.err));
    QVERIFY(QFile::exists(m_round));
}

QProcessEnvironment TestPackage::programEnvironment() const
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"),
                       m_scratch.filePath(QStringLiteral("config")));
    environment.insert(QStringLiteral("HOME"), m_scratch.path());
    return environment;
}

void TestPackage::control()
{
    auto field = [this](const char *name) {
        const Run shown =
            run(QStringLiteral("dpkg-deb"), {QStringLiteral("-f"), m_deb, QLatin1String(name)});
        return shown.exitCode == 0 ? shown.out.trimmed() : QString();
    };
    QCOMPARE(field("Package"), QStringLiteral("cocommission"));
    QCOMPARE(field("Version"), kVersion);
    QCOMPARE(field("Section"), QStringLiteral("misc"));
    QVERIFY(field("Maintainer").contains(u'@'));
    QVERIFY(field("Description").startsWith(QLatin1String("Co-commissioning")));

    // The libraries from dpkg-shlibdeps, and the plugins Qt loads that it cannot see.
    const QStringList depends = field("Depends").split(QStringLiteral(", "));
    QStringList names;
    for (const QString &dependency : depends)
        names.append(dependency.section(u' ', 0, 0));
    for (const char *needed :
         {"libqt6core6", "libqt6widgets6", "libqt6charts6", "libqt6sql6", "libsqlite3-0", "libc6",
          "qt6-qpa-plugins", "libqt6svg6", "libqt6sql6-sqlite"}) {
        QVERIFY2(names.contains(QLatin1String(needed)),
                 qPrintable(QStringLiteral("Depends lacks %1: %2")
                                .arg(QLatin1String(needed), depends.join(QStringLiteral(", ")))));
    }
}

void TestPackage::packagedProgramRuns()
{
    const Run version = run(program(), {QStringLiteral("--version")}, programEnvironment());
    QCOMPARE(version.exitCode, 0);
    QCOMPARE(version.out, QStringLiteral("cocommission %1\n").arg(kVersion));

    // The packaged program reads the round it made (the SQLite driver is there).
    const Run info = run(program(), {QStringLiteral("verify"), m_round}, programEnvironment());
    QVERIFY2(info.exitCode == 0, qPrintable(info.out + info.err));

    // Our own libraries are the package's, found through the program's run path; never the
    // build's, which are not there on a user's machine.
    const Run linked = run(QStringLiteral("ldd"), {program()}, programEnvironment());
    QVERIFY2(linked.exitCode == 0, qPrintable(linked.err));
    const QString root = QFileInfo(m_root.path()).canonicalFilePath();
    int own = 0;
    const QStringList lines = linked.out.split(u'\n', Qt::SkipEmptyParts);
    for (const QString &line : lines) {
        if (!line.contains(QLatin1String("libcocommission")))
            continue;
        ++own;
        const QString path = line.section(QStringLiteral(" => "), 1).section(u' ', 0, 0);
        QVERIFY2(QFileInfo(path).canonicalFilePath().startsWith(root + u'/'),
                 qPrintable(QStringLiteral("not from the package: %1").arg(line.trimmed())));
    }
    QVERIFY2(own > 0 || !QFile::exists(installed(QStringLiteral("usr/lib/cocommission"))),
             qPrintable(linked.out));
}

void TestPackage::tarballProgramRuns()
{
    // Unpacked anywhere, the tarball's program finds its libraries beside it.
    const QString folder = m_scratch.filePath(QStringLiteral("unpacked tarball"));
    QVERIFY(QDir().mkpath(folder));
    const Run unpack = run(QStringLiteral("tar"),
                           {QStringLiteral("-xzf"), m_tarball, QStringLiteral("-C"), folder});
    QVERIFY2(unpack.exitCode == 0, qPrintable(unpack.err));
    const QStringList tops = QDir(folder).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    QCOMPARE(tops.size(), 1);
    const QString tarProgram =
        QDir(folder).filePath(tops.first() + QStringLiteral("/bin/cocommission"));
    const Run version = run(tarProgram, {QStringLiteral("--version")}, programEnvironment());
    QVERIFY2(version.exitCode == 0, qPrintable(version.err));
    QCOMPARE(version.out, QStringLiteral("cocommission %1\n").arg(kVersion));
}

void TestPackage::desktopEntryIsValid()
{
    QVERIFY(QFile::exists(desktopFile()));
    const QString validator =
        QStandardPaths::findExecutable(QStringLiteral("desktop-file-validate"));
    if (!validator.isEmpty()) {
        const Run validated = run(validator, {desktopFile()});
        QVERIFY2(validated.exitCode == 0 && validated.out.isEmpty(),
                 qPrintable(validated.out + validated.err));
    }

    const QHash<QString, QString> entry = desktopEntry(desktopFile());
    QCOMPARE(entry.value(QStringLiteral("Type")), QStringLiteral("Application"));
    QCOMPARE(entry.value(QStringLiteral("Name")), QStringLiteral("CoCommission"));
    QCOMPARE(entry.value(QStringLiteral("Icon")), kAppId);
    QVERIFY(entry.value(QStringLiteral("MimeType")).split(u';').contains(kMimeType));
    // The program the entry starts is the one the package installs in the PATH.
    QCOMPARE(entry.value(QStringLiteral("Exec")).section(u' ', 0, 0),
             QFileInfo(program()).fileName());
    if (validator.isEmpty())
        QSKIP("desktop-file-validate is not installed (desktop-file-utils): only the keys were "
              "checked");
}

void TestPackage::desktopEntryOpensTheRound()
{
    // A file manager opening the round runs the entry's Exec line with %f replaced by its path.
    QStringList arguments =
        desktopEntry(desktopFile()).value(QStringLiteral("Exec")).split(u' ', Qt::SkipEmptyParts);
    QVERIFY(!arguments.isEmpty());
    arguments.removeFirst();
    QCOMPARE(arguments.count(QStringLiteral("%f")), 1);
    arguments.replace(arguments.indexOf(QStringLiteral("%f")), m_round);
    QVERIFY2(!CommandLine::isCommandLineRequest(arguments),
             "a round's path must reach the window, not a sub-command");

    // The window opens it: it is then the first of the recent files. (--startup-benchmark
    // quits once the window has been painted.)
    arguments.append(QStringLiteral("--startup-benchmark"));
    const Run opened = run(program(), arguments, programEnvironment());
    QVERIFY2(opened.exitCode == 0, qPrintable(opened.err));
    const QSettings settings(
        m_scratch.filePath(QStringLiteral("config/CoCommission/CoCommission.conf")),
        QSettings::IniFormat);
    const QStringList recent = settings.value(QStringLiteral("files/recent")).toStringList();
    QVERIFY2(!recent.isEmpty(), "the packaged program did not open the round");
    QCOMPARE(recent.first(), QFileInfo(m_round).absoluteFilePath());
}

void TestPackage::metainfoIsValid()
{
    const QString path =
        installed(QStringLiteral("usr/share/metainfo/%1.metainfo.xml").arg(kAppId));
    const QByteArray xml = readAll(path);
    QVERIFY(xml.contains("<id>" + kAppId.toUtf8() + "</id>"));
    QVERIFY(xml.contains("<launchable type=\"desktop-id\">" + kAppId.toUtf8() + ".desktop<"));
    QVERIFY(xml.contains("<release version=\"" + kVersion.toUtf8() + "\""));

    const QString validator = QStandardPaths::findExecutable(QStringLiteral("appstreamcli"));
    if (validator.isEmpty())
        QSKIP("appstreamcli is not installed (appstream): only the id and version were checked");
    // --strict: warnings and infos fail too; pedantic hints do not (the id's capitals).
    const Run validated = run(validator, {QStringLiteral("validate"), QStringLiteral("--no-net"),
                                          QStringLiteral("--strict"), path});
    QVERIFY2(validated.exitCode == 0, qPrintable(validated.out + validated.err));
}

void TestPackage::mimeTypeIsOurs_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<bool>("isRound");
    QTest::addColumn<bool>("withSystemTypes"); // /usr/share/mime too, or only the package's
    QTest::addColumn<QString>("expected");

    const QString sqlite = QStringLiteral("application/vnd.sqlite3");
    QTest::newRow("a round") << QStringLiteral("round.cocom") << true << true << kMimeType;
    QTest::newRow("another SQLite file")
        << QStringLiteral("other.sqlite") << false << true << sqlite;
    QTest::newRow("another SQLite file, no suffix")
        << QStringLiteral("other") << false << true << sqlite;
    // The magic (SQLite's header and the application id "COCM") is in the package for tools
    // that weigh magic priorities (GIO); Qt 6.4's QMimeDatabase gives a suffix-less round
    // SQLite's type beside the system types whatever the priority, so only the glob is tested.
}

void TestPackage::mimeTypeIsOurs()
{
    QFETCH(QString, fileName);
    QFETCH(bool, isRound);
    QFETCH(bool, withSystemTypes);
    QFETCH(QString, expected);

    // The package's MIME XML compiled into a MIME database of its own, then asked about by a
    // child process (QMimeDatabase reads the databases once, from XDG_DATA_HOME and
    // XDG_DATA_DIRS, at its first use).
    const QString dataHome = m_scratch.filePath(QStringLiteral("share"));
    const QString mimeDir = dataHome + QStringLiteral("/mime");
    if (!QFile::exists(mimeDir + QStringLiteral("/mime.cache"))) {
        const QString xml = QStringLiteral("usr/share/mime/packages/%1.xml").arg(kAppId);
        QVERIFY(QDir().mkpath(mimeDir + QStringLiteral("/packages")));
        QVERIFY(
            QFile::copy(installed(xml), mimeDir + QStringLiteral("/packages/%1.xml").arg(kAppId)));
        const QString updater =
            QStandardPaths::findExecutable(QStringLiteral("update-mime-database"));
        if (updater.isEmpty())
            QSKIP("update-mime-database is not installed (shared-mime-info)");
        const Run updated = run(updater, {mimeDir});
        QVERIFY2(updated.exitCode == 0, qPrintable(updated.out + updated.err));
    }

    const QString path = m_scratch.filePath(QStringLiteral("mime/") + fileName);
    QVERIFY(QDir().mkpath(QFileInfo(path).path()));
    if (!QFile::exists(path))
        QVERIFY(isRound ? QFile::copy(m_round, path) : makePlainSqliteFile(path));

    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("XDG_DATA_HOME"), dataHome);
    environment.insert(QStringLiteral("XDG_DATA_DIRS"),
                       QStringLiteral("/usr/local/share:/usr/share"));
    const Run probe = run(QCoreApplication::applicationFilePath(),
                          {QLatin1String(kMimeProbe), path}, environment);
    QVERIFY2(probe.exitCode == 0, qPrintable(probe.err));
    const QStringList answer = probe.out.trimmed().split(u' ');
    QCOMPARE(answer.value(0), expected);
    if (isRound && withSystemTypes) // what knows SQLite files can open ours
        QCOMPARE(answer.value(1), QStringLiteral("inherits-sqlite"));
}

void TestPackage::icons_data()
{
    QTest::addColumn<int>("size");
    for (const int size : {16, 22, 24, 32, 48, 64, 128, 256})
        QTest::addRow("%dx%d", size, size) << size;
}

void TestPackage::icons()
{
    QFETCH(int, size);
    const QString path = installed(
        QStringLiteral("usr/share/icons/hicolor/%1x%1/apps/%2.png").arg(size).arg(kAppId));
    const QImage image(path);
    QVERIFY2(!image.isNull(), qPrintable(path));
    QCOMPARE(image.size(), QSize(size, size));
    QVERIFY(image.hasAlphaChannel());

    // The scalable icon is the program's own SVG.
    const QString svg =
        installed(QStringLiteral("usr/share/icons/hicolor/scalable/apps/%1.svg").arg(kAppId));
    QCOMPARE(readAll(svg),
             readAll(QStringLiteral(COCOMMISSION_SOURCE_DIR "/resources/icons/cocommission.svg")));
}

void TestPackage::tarballHoldsTheSameFiles()
{
    const Run listed = run(QStringLiteral("tar"), {QStringLiteral("-tzf"), m_tarball});
    QVERIFY2(listed.exitCode == 0, qPrintable(listed.err));
    QSet<QString> inTarball;
    const QStringList lines = listed.out.split(u'\n', Qt::SkipEmptyParts);
    for (const QString &line : lines) {
        if (line.endsWith(u'/'))
            continue; // a folder
        // Each path starts with the tarball's own folder (cocommission-VERSION-linux-ARCH/).
        inTarball.insert(line.section(u'/', 1));
    }
    const QSet<QString> inDeb = filesUnder(installed(QStringLiteral("usr")));
    QVERIFY(inDeb.contains(QStringLiteral("bin/cocommission")));
    QCOMPARE(inTarball, inDeb);
}

/**
 * The test, or with --mime-probe FILE the child process that mimeTypeIsOurs() asks: prints the
 * MIME type QMimeDatabase gives FILE (by name and content) and whether it inherits SQLite's.
 */
int main(int argc, char *argv[])
{
    if (argc == 3 && std::strcmp(argv[1], kMimeProbe) == 0) {
        QCoreApplication app(argc, argv);
        const QMimeType type = QMimeDatabase().mimeTypeForFile(QString::fromLocal8Bit(argv[2]));
        const bool sqlite = type.inherits(QStringLiteral("application/vnd.sqlite3"));
        std::printf("%s %s\n", qPrintable(type.name()), sqlite ? "inherits-sqlite" : "-");
        return 0;
    }
    QCoreApplication app(argc, argv);
    TestPackage test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_package.moc"
