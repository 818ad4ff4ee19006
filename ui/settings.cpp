#include "ui/settings.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>

namespace CoCommission {

namespace {

struct Entry
{
    Settings::Key key;
    const char *name;
    QVariant defaultValue;
};

// The table: one row per Settings::Key, in enum order.
const Entry &entry(Settings::Key key)
{
    static const Entry table[Settings::KeyCount] = {
        {Settings::SettingsVersion, "settingsVersion", QVariant(0)},
        {Settings::WindowGeometry, "window/geometry", QVariant(QByteArray())},
        {Settings::WindowState, "window/state", QVariant(QByteArray())},
        {Settings::NavigatorSplitter, "window/navigatorSplitter", QVariant(QByteArray())},
        {Settings::RecentFiles, "files/recent", QVariant(QStringList())},
        {Settings::LastDirectory, "files/lastDirectory", QVariant(QString())},
    };
    Q_ASSERT(table[key].key == key);
    return table[key];
}

QSettings store()
{
    return QSettings(QStringLiteral("CoCommission"), QStringLiteral("CoCommission"));
}

QString cleanPath(const QString &path)
{
    return QDir::cleanPath(QFileInfo(path).absoluteFilePath());
}

void storeRecentFiles(const QStringList &files)
{
    Settings::setValue(Settings::RecentFiles, files.mid(0, Settings::kMaxRecentFiles));
}

} // namespace

QString Settings::keyName(Key key)
{
    return QString::fromLatin1(entry(key).name);
}

QVariant Settings::defaultValue(Key key)
{
    return entry(key).defaultValue;
}

QVariant Settings::value(Key key)
{
    return store().value(keyName(key), defaultValue(key));
}

void Settings::setValue(Key key, const QVariant &value)
{
    store().setValue(keyName(key), value);
}

void Settings::remove(Key key)
{
    store().remove(keyName(key));
}

void Settings::clear()
{
    QSettings settings = store();
    settings.clear();
    settings.sync();
}

void Settings::migrate()
{
    const int stored = value(SettingsVersion).toInt();
    if (stored >= kCurrentVersion)
        return;
    // Version 0 is "nothing stored yet"; there is no older layout to convert.
    setValue(SettingsVersion, kCurrentVersion);
}

QStringList Settings::recentFiles()
{
    return value(RecentFiles).toStringList();
}

QStringList Settings::existingRecentFiles()
{
    const QStringList stored = recentFiles();
    QStringList existing;
    for (const QString &path : stored) {
        if (QFileInfo::exists(path))
            existing.append(path);
    }
    if (existing != stored)
        storeRecentFiles(existing);
    return existing;
}

void Settings::addRecentFile(const QString &path)
{
    if (path.isEmpty())
        return;
    const QString clean = cleanPath(path);
    QStringList files = recentFiles();
    files.removeIf([&](const QString &p) { return cleanPath(p) == clean; });
    files.prepend(clean);
    storeRecentFiles(files);
}

void Settings::removeRecentFile(const QString &path)
{
    const QString clean = cleanPath(path);
    QStringList files = recentFiles();
    if (files.removeIf([&](const QString &p) { return cleanPath(p) == clean; }) > 0)
        storeRecentFiles(files);
}

void Settings::clearRecentFiles()
{
    remove(RecentFiles);
}

} // namespace CoCommission
