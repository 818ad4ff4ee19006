#pragma once

#include <QString>
#include <QStringList>
#include <QVariant>

namespace CoCommission {

/**
 * The program's settings, in one typed table: every key, its string in the settings store and
 * its default live in settings.cpp. This is the only class that touches QSettings
 * (organisation "CoCommission", application "CoCommission"); core never sees it and gets
 * values passed in.
 *
 * Recent files are kept most recent first, at most kMaxRecentFiles, without duplicates (paths
 * compared after making them absolute and clean).
 */
class Settings
{
public:
    enum Key {
        SettingsVersion,   ///< int: the layout of the stored settings, for migrate()
        WindowGeometry,    ///< QByteArray from QWidget::saveGeometry()
        WindowState,       ///< QByteArray from QMainWindow::saveState()
        NavigatorSplitter, ///< QByteArray from QSplitter::saveState()
        RecentFiles,       ///< QStringList of absolute paths, most recent first
        LastDirectory,     ///< QString: where the file dialogs open
        KeyCount
    };

    static constexpr int kMaxRecentFiles = 8;
    static constexpr int kCurrentVersion = 1;

    /** The string a key is stored under, e.g. "window/geometry". */
    static QString keyName(Key key);
    static QVariant defaultValue(Key key);

    /** The stored value of \a key, or its default when none is stored. */
    static QVariant value(Key key);
    static void setValue(Key key, const QVariant &value);
    static void remove(Key key);

    /** Removes every stored setting (tests call this in init()). */
    static void clear();

    /** Brings settings stored by an older version up to kCurrentVersion. */
    static void migrate();

    /** The recent files as stored, most recent first. */
    static QStringList recentFiles();
    /** The recent files that still exist; stores the list without the missing ones. */
    static QStringList existingRecentFiles();
    /** Puts \a path first, removing an older entry for it and trimming the list. */
    static void addRecentFile(const QString &path);
    static void removeRecentFile(const QString &path);
    static void clearRecentFiles();
};

} // namespace CoCommission
