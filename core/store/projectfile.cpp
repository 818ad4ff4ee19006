#include "core/store/projectfile.h"

#include "core/store/migrations.h"
#include "core/store/sql.h"

#include <QAtomicInteger>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QtEndian>

namespace CoCommission {

namespace {

constexpr int kHeaderSize = 100;

QString uniqueConnectionName()
{
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("cocommission-%1").arg(counter.fetchAndAddRelaxed(1));
}

/**
 * Whether \a path has a rollback journal that SQLite will play back on opening it: a journal
 * file that begins with SQLite's journal magic.
 */
bool hasHotJournal(const QString &path)
{
    QFile journal(path + QStringLiteral("-journal"));
    static const QByteArray kMagic = QByteArray::fromHex("d9d505f920a163d7");
    return journal.open(QIODevice::ReadOnly) && journal.read(kMagic.size()) == kMagic;
}

QString lockPath(const QString &path)
{
    return path + QStringLiteral(".lock");
}

/**
 * Takes \a lock without waiting. QLockFile counts a lock as stale when the process named in it
 * has gone; with no stale time (an hours-long session is not stale), a lock file that names no
 * one, because its writer was killed between creating it and writing its name, would hold the
 * round read-only for ever. A live writer fills it within moments, so a lock file that still
 * names no one after a minute is removed and the lock taken.
 */
bool takeLock(QLockFile &lock, const QString &path)
{
    lock.setStaleLockTime(0);
    if (lock.tryLock(0))
        return true;
    constexpr qint64 kOwnerlessAgeSeconds = 60;
    const QFileInfo info(lockPath(path));
    if (lock.error() != QLockFile::LockFailedError || lock.getLockInfo(nullptr, nullptr, nullptr) ||
        !info.exists() ||
        info.lastModified().secsTo(QDateTime::currentDateTime()) < kOwnerlessAgeSeconds)
        return false;
    return lock.removeStaleLockFile() && lock.tryLock(0);
}

} // namespace

ProjectFile::ProjectFile(const QString &path)
    : m_path(path)
    , m_connectionName(uniqueConnectionName())
{}

ProjectFile::~ProjectFile()
{
    if (m_db.isValid()) {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

QString ProjectFile::displayName() const
{
    return QFileInfo(m_path).fileName();
}

Result<FileHeader> ProjectFile::inspect(const QString &path)
{
    const QString name = QFileInfo(path).fileName();
    QFile file(path);
    if (!file.exists())
        return Error{tr("The file %1 does not exist.").arg(path)};
    if (!file.open(QIODevice::ReadOnly))
        return Error{tr("Could not read %1: %2").arg(path, file.errorString())};

    FileHeader header;
    header.fileSize = file.size();
    const QByteArray bytes = file.read(kHeaderSize);
    if (bytes.isEmpty())
        return Error{tr("%1 is empty: it is not a CoCommission round.").arg(name)};
    if (!bytes.startsWith(QByteArrayLiteral("SQLite format 3\0")))
        return Error{
            tr("%1 is not a CoCommission round: it is not an SQLite database file.").arg(name)};
    if (bytes.size() < kHeaderSize)
        return Error{tr("%1 is truncated: its database header is incomplete (%2 of %3 bytes).")
                         .arg(name)
                         .arg(bytes.size())
                         .arg(kHeaderSize)};

    const auto *p = reinterpret_cast<const uchar *>(bytes.constData());
    const int rawPageSize = qFromBigEndian<quint16>(p + 16);
    header.pageSize = rawPageSize == 1 ? 65536 : rawPageSize;
    const quint32 changeCounter = qFromBigEndian<quint32>(p + 24);
    const quint32 validFor = qFromBigEndian<quint32>(p + 92);
    if (changeCounter == validFor)
        header.pageCount = qFromBigEndian<quint32>(p + 28);
    header.userVersion = int(qFromBigEndian<quint32>(p + 60));
    header.applicationId = qint32(qFromBigEndian<quint32>(p + 68));

    if (header.pageSize < 512 || (header.pageSize & (header.pageSize - 1)) != 0)
        return Error{tr("%1 is damaged: its database header gives an impossible page size (%2).")
                         .arg(name)
                         .arg(rawPageSize)};
    const qint64 expected = qint64(header.pageSize) * header.pageCount;
    // A program killed while committing can leave page 1 (this header) written and the file not
    // yet grown to match; its hot journal holds the pages as they were, and SQLite rolls them
    // back when the file is opened. Such a file is not truncated: it is recovered.
    if (header.pageCount > 0 && header.fileSize < expected && !hasHotJournal(path))
        return Error{tr("%1 is truncated: it should be %2 bytes long but is %3. Restore it from "
                        "a backup.")
                         .arg(name)
                         .arg(expected)
                         .arg(header.fileSize)};
    if (header.applicationId != Migrations::kApplicationId || header.userVersion < 1)
        return Error{tr("%1 is an SQLite database but not a CoCommission round.").arg(name)};
    if (header.userVersion > Migrations::latestVersion())
        return Error{tr("%1 was saved by a newer version of CoCommission (file format %2; this "
                        "version reads formats up to %3). It has not been changed: open it with "
                        "the newer version.")
                         .arg(name)
                         .arg(header.userVersion)
                         .arg(Migrations::latestVersion())};
    return header;
}

Status ProjectFile::connect(bool readOnly)
{
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    m_db.setDatabaseName(m_path);
    QString options = QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000");
    if (readOnly)
        options += QStringLiteral(";QSQLITE_OPEN_READONLY");
    m_db.setConnectOptions(options);
    if (!m_db.open())
        return Error{tr("Could not open %1: %2").arg(displayName(), m_db.lastError().text())};
    // A rollback journal rather than WAL: WAL does not work on network drives, where many
    // councils keep their files. FULL sync: an acknowledged edit survives a power cut.
    for (const char *pragma : {"PRAGMA foreign_keys = ON", "PRAGMA synchronous = FULL"}) {
        if (Status s = Sql::exec(m_db, QString::fromLatin1(pragma)); !s)
            return s;
    }
    return {};
}

Result<std::unique_ptr<ProjectFile>> ProjectFile::create(const QString &path)
{
    if (QFileInfo::exists(path))
        return Error{tr("%1 already exists: choose another name, or open it.").arg(path)};
    {
        QFile probe(path);
        if (!probe.open(QIODevice::WriteOnly))
            return Error{tr("Could not create %1: %2").arg(path, probe.errorString())};
        probe.close();
        probe.remove();
    }
    std::unique_ptr<ProjectFile> file(new ProjectFile(path));
    file->m_lock = std::make_unique<QLockFile>(lockPath(path));
    if (!takeLock(*file->m_lock, path))
        return Error{tr("Could not create %1: another program is creating it.").arg(path)};
    if (Status s = file->connect(false); !s) {
        QFile::remove(path);
        return s.error();
    }
    if (Status s = Migrations::run(file->m_db, 0, Migrations::schemaSteps()); !s) {
        file.reset();
        QFile::remove(path);
        return s.error();
    }
    file->m_schemaVersion = Migrations::latestVersion();
    return file;
}

Result<std::unique_ptr<ProjectFile>> ProjectFile::open(const QString &path, Options options)
{
    const Result<FileHeader> header = inspect(path);
    if (!header)
        return header.error();

    std::unique_ptr<ProjectFile> file(new ProjectFile(path));
    file->m_schemaVersion = header->userVersion;
    const QFileInfo info(path);
    if (options.readOnly) {
        file->m_readOnly = true;
    } else if (!info.isWritable()) {
        file->m_readOnly = true;
        file->m_readOnlyReason = tr("You do not have permission to change %1, so it is open "
                                    "read-only.")
                                     .arg(info.fileName());
    } else {
        file->m_lock = std::make_unique<QLockFile>(lockPath(path));
        if (!takeLock(*file->m_lock, path)) {
            qint64 pid = 0;
            QString host;
            QString app;
            const bool named = file->m_lock->getLockInfo(&pid, &host, &app);
            const QLockFile::LockError error = file->m_lock->error();
            file->m_lock.reset();
            file->m_readOnly = true;
            if (error != QLockFile::LockFailedError)
                file->m_readOnlyReason =
                    tr("Could not create the lock file %1 beside %2, so it is open read-only. "
                       "Check that its folder may be written to and that the name is not too "
                       "long.")
                        .arg(QFileInfo(lockPath(path)).fileName(), info.fileName());
            else if (!named)
                file->m_readOnlyReason =
                    tr("Another program is opening %1 at this moment, so it is open here "
                       "read-only. Close it and open it again in a minute.")
                        .arg(info.fileName());
            else
                file->m_readOnlyReason =
                    tr("%1 is open in another CoCommission window (process %2 on %3), so it is "
                       "open here read-only. Close it there to make changes.")
                        .arg(info.fileName())
                        .arg(pid)
                        .arg(host.isEmpty() ? tr("an unknown computer") : host);
        }
    }

    const bool needsUpgrade = header->userVersion < Migrations::latestVersion();
    if (needsUpgrade && file->m_readOnly && !options.allowOldSchema)
        return Error{tr("%1 uses an older file format (%2) and must be upgraded, which cannot be "
                        "done while it is read-only. %3")
                         .arg(info.fileName())
                         .arg(header->userVersion)
                         .arg(file->m_readOnlyReason)
                         .trimmed()};

    if (needsUpgrade && !file->m_readOnly) {
        QString backup = path + QStringLiteral(".format%1.bak").arg(header->userVersion);
        for (int n = 2; QFileInfo::exists(backup); ++n)
            backup = path + QStringLiteral(".format%1-%2.bak").arg(header->userVersion).arg(n);
        if (!QFile::copy(path, backup))
            return Error{tr("Could not keep a copy of %1 before upgrading its file format, so it "
                            "was not upgraded.")
                             .arg(info.fileName())};
        file->m_backupPath = backup;
    }

    if (Status s = file->connect(file->m_readOnly); !s)
        return s.error();

    if (needsUpgrade && !file->m_readOnly) {
        if (Status s = Migrations::run(file->m_db, header->userVersion, Migrations::schemaSteps());
            !s)
            return Error{tr("%1: %2 A copy of the file as it was is at %3.")
                             .arg(info.fileName(), s.errorMessage(), file->m_backupPath)};
        file->m_schemaVersion = Migrations::latestVersion();
    }
    return file;
}

Status ProjectFile::transaction(const std::function<Status(QSqlDatabase &)> &work)
{
    if (m_readOnly)
        return Error{m_readOnlyReason.isEmpty()
                         ? tr("%1 is open read-only: the change was not made.").arg(displayName())
                         : m_readOnlyReason};
    if (!m_db.transaction())
        return Error{Sql::describe(m_db, tr("Could not change %1").arg(displayName()))};
    Status s = work(m_db);
    if (s && !m_db.commit())
        s = Error{Sql::describe(m_db, tr("Could not save the change to %1").arg(displayName()))};
    if (!s) {
        m_db.rollback();
        return s;
    }
    return {};
}

} // namespace CoCommission
