#pragma once

#include "core/common/result.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QString>

#include <functional>
#include <memory>

class QLockFile;

namespace CoCommission {

/** What the first bytes of a file say about it, read without opening it as a database. */
struct FileHeader
{
    qint64 fileSize = 0;
    int pageSize = 0;
    qint64 pageCount = 0; ///< 0 when the header does not record it
    qint32 applicationId = 0;
    int userVersion = 0;
};

/**
 * One open round file: the SQLite connection, the lock that makes this process its only
 * writer, and the schema checks and upgrades done on open.
 *
 * Opening never alters a file it refuses: a foreign, truncated or newer file is recognised from
 * its header before SQLite opens it. When another process holds the lock, the file is opened
 * read-only and readOnlyReason() says by whom. Before a schema upgrade a copy of the file is
 * kept beside it. Every write goes through transaction(), so a change is whole or absent.
 */
class ProjectFile
{
    Q_DECLARE_TR_FUNCTIONS(ProjectFile)

public:
    struct Options
    {
        bool readOnly = false;       ///< never write, even when the lock is free
        bool allowOldSchema = false; ///< read-only inspection of an older file, no upgrade
    };

    ~ProjectFile();
    ProjectFile(const ProjectFile &) = delete;
    ProjectFile &operator=(const ProjectFile &) = delete;

    /** Makes a new, empty round file at \a path (which must not exist) with the latest schema. */
    static Result<std::unique_ptr<ProjectFile>> create(const QString &path);
    static Result<std::unique_ptr<ProjectFile>> open(const QString &path, Options options);
    static Result<std::unique_ptr<ProjectFile>> open(const QString &path)
    {
        return open(path, Options{});
    }

    /**
     * Checks that \a path looks like a round this version can read: an SQLite file, whole,
     * marked as a CoCommission round, not from a newer version. Reads only the header.
     */
    static Result<FileHeader> inspect(const QString &path);

    QString path() const { return m_path; }
    QString displayName() const;
    bool isReadOnly() const { return m_readOnly; }
    /** Why the file is read-only, as a sentence for the user; empty when writable. */
    QString readOnlyReason() const { return m_readOnlyReason; }
    int schemaVersion() const { return m_schemaVersion; }
    /** The copy kept before an upgrade on this open, or empty when none ran. */
    QString upgradeBackupPath() const { return m_backupPath; }

    QSqlDatabase &database() { return m_db; }

    /**
     * Runs \a work inside one transaction and commits it, or rolls everything back when
     * \a work fails or the commit does. Refused on a read-only file.
     */
    Status transaction(const std::function<Status(QSqlDatabase &)> &work);

private:
    explicit ProjectFile(const QString &path);
    Status connect(bool readOnly);

    QString m_path;
    QString m_connectionName;
    QSqlDatabase m_db;
    std::unique_ptr<QLockFile> m_lock;
    bool m_readOnly = false;
    QString m_readOnlyReason;
    int m_schemaVersion = 0;
    QString m_backupPath;
};

} // namespace CoCommission
