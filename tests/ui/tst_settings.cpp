#include "ui/settings.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace CoCommission;

class TestSettings : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void defaultsWhenNothingIsStored();
    void valuesRoundTrip();
    void recentFilesAreMostRecentFirstWithoutDuplicates();
    void recentFilesKeepAtMostEight();
    void missingRecentFilesArePruned();
    void migrateRecordsTheVersion();

private:
    QString touch(const QString &name);

    QTemporaryDir m_dir;
};

void TestSettings::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void TestSettings::init()
{
    Settings::clear();
}

QString TestSettings::touch(const QString &name)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    return path;
}

void TestSettings::defaultsWhenNothingIsStored()
{
    for (int key = 0; key < Settings::KeyCount; ++key) {
        QVERIFY(!Settings::keyName(Settings::Key(key)).isEmpty());
        QCOMPARE(Settings::value(Settings::Key(key)), Settings::defaultValue(Settings::Key(key)));
    }
    QVERIFY(Settings::recentFiles().isEmpty());
}

void TestSettings::valuesRoundTrip()
{
    Settings::setValue(Settings::LastDirectory, m_dir.path());
    QCOMPARE(Settings::value(Settings::LastDirectory).toString(), m_dir.path());
    Settings::remove(Settings::LastDirectory);
    QCOMPARE(Settings::value(Settings::LastDirectory).toString(), QString());
}

void TestSettings::recentFilesAreMostRecentFirstWithoutDuplicates()
{
    const QString a = touch(QStringLiteral("a.cocom"));
    const QString b = touch(QStringLiteral("b.cocom"));
    Settings::addRecentFile(a);
    Settings::addRecentFile(b);
    // The same file by another spelling of its path is not a second entry.
    Settings::addRecentFile(m_dir.path() + QStringLiteral("/./a.cocom"));
    QCOMPARE(Settings::recentFiles(), (QStringList{a, b}));

    Settings::removeRecentFile(a);
    QCOMPARE(Settings::recentFiles(), QStringList{b});
    Settings::clearRecentFiles();
    QVERIFY(Settings::recentFiles().isEmpty());
}

void TestSettings::recentFilesKeepAtMostEight()
{
    QStringList added;
    for (int i = 0; i < 10; ++i) {
        added.prepend(touch(QStringLiteral("round%1.cocom").arg(i)));
        Settings::addRecentFile(added.first());
    }
    QCOMPARE(Settings::recentFiles().size(), Settings::kMaxRecentFiles);
    QCOMPARE(Settings::recentFiles(), added.mid(0, Settings::kMaxRecentFiles));
}

void TestSettings::missingRecentFilesArePruned()
{
    const QString kept = touch(QStringLiteral("kept.cocom"));
    const QString gone = touch(QStringLiteral("gone.cocom"));
    Settings::addRecentFile(kept);
    Settings::addRecentFile(gone);
    QVERIFY(QFile::remove(gone));

    QCOMPARE(Settings::recentFiles().size(), 2); // stored as they were until the menu is built
    QCOMPARE(Settings::existingRecentFiles(), QStringList{kept});
    QCOMPARE(Settings::recentFiles(), QStringList{kept});
}

void TestSettings::migrateRecordsTheVersion()
{
    QCOMPARE(Settings::value(Settings::SettingsVersion).toInt(), 0);
    Settings::migrate();
    QCOMPARE(Settings::value(Settings::SettingsVersion).toInt(), Settings::kCurrentVersion);
}

QTEST_MAIN(TestSettings)
#include "tst_settings.moc"
