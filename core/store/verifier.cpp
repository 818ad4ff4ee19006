#include "core/store/verifier.h"

#include "core/io/snapshotarchive.h"
#include "core/store/auditlog.h"
#include "core/store/projectfile.h"
#include "core/store/roundstore.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

namespace CoCommission {

namespace {
QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("CoCommission::Verifier", text, disambiguation, n);
}

VerifyCheck integrityCheck(QSqlDatabase &db)
{
    VerifyCheck check{tr("SQLite integrity"), tr("PRAGMA integrity_check"), {}};
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA integrity_check"))) {
        check.problems.append(q.lastError().text());
        return check;
    }
    while (q.next()) {
        const QString line = q.value(0).toString();
        if (line != QLatin1String("ok"))
            check.problems.append(tr("SQLite reports: %1").arg(line));
    }
    return check;
}

VerifyCheck snapshotCheck(QSqlDatabase &db, const Round *round)
{
    VerifyCheck check{tr("Stage-gate snapshots"), {}, {}};
    const Result<QList<StoredSnapshot>> all = RoundStore::snapshots(db);
    if (!all) {
        check.problems.append(all.errorMessage());
        return check;
    }
    check.detail = tr("snapshots checked: %1").arg(all->size());
    for (const StoredSnapshot &s : *all) {
        if (SnapshotArchive::sha256(s.archive) != s.sha256) {
            check.problems.append(tr("Snapshot %1 (stage %2, %3) does not match its SHA-256: it "
                                     "was changed outside CoCommission.")
                                      .arg(s.id.value())
                                      .arg(stageKey(s.stage), s.createdAt.toString(Qt::ISODate)));
            continue;
        }
        if (const Result<Round> loaded = SnapshotArchive::load(s.archive); !loaded)
            check.problems.append(
                tr("Snapshot %1 cannot be read: %2").arg(s.id.value()).arg(loaded.errorMessage()));
    }
    if (round) {
        for (const SignOff &signOff : round->signOffs) {
            const auto it = std::find_if(all->begin(), all->end(), [&](const StoredSnapshot &s) {
                return s.id == signOff.snapshot;
            });
            if (it == all->end())
                check.problems.append(tr("Sign-off %1 (%2, stage %3) refers to snapshot %4, "
                                         "which is missing.")
                                          .arg(signOff.id.value())
                                          .arg(signOff.name, stageKey(signOff.stage))
                                          .arg(signOff.snapshot.value()));
        }
    }
    return check;
}

} // namespace

bool VerifyReport::passed() const
{
    return std::all_of(checks.begin(), checks.end(),
                       [](const VerifyCheck &c) { return c.passed(); });
}

Result<VerifyReport> verifyRoundFile(const QString &path)
{
    Result<std::unique_ptr<ProjectFile>> file =
        ProjectFile::open(path, {.readOnly = true, .allowOldSchema = true});
    if (!file)
        return file.error();
    QSqlDatabase &db = (*file)->database();

    VerifyReport report;
    report.path = path;
    report.checks.append(integrityCheck(db));

    VerifyCheck content{tr("Round content"), {}, {}};
    const Result<Round> round = RoundStore::load(db);
    if (round)
        content.detail = tr("authorities: %1, partnerships: %2, CPA plans: %3, sign-offs: %4")
                             .arg(round->authorities.size())
                             .arg(round->partnerships.size())
                             .arg(round->plans.size())
                             .arg(round->signOffs.size());
    else
        content.problems.append(round.errorMessage());
    report.checks.append(content);

    VerifyCheck audit{tr("Audit log hash chain"), {}, AuditLog::verify(db)};
    if (const auto entries = AuditLog::entries(db))
        audit.detail = tr("entries checked: %1").arg(entries->size());
    report.checks.append(audit);

    report.checks.append(snapshotCheck(db, round ? &*round : nullptr));
    return report;
}

} // namespace CoCommission
