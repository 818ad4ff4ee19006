#include "core/round/rounddocument.h"

#include "core/io/lookupimport.h"
#include "core/io/nomisimport.h"
#include "core/io/snapshotarchive.h"
#include "core/needs/aggregator.h"
#include "core/needs/indicators.h"
#include "core/round/stagerules.h"
#include "core/store/auditlog.h"
#include "core/store/roundstore.h"
#include "core/store/sql.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QSqlQuery>
#include <QUndoStack>

#include <cmath>

namespace CoCommission {

RoundDocument::RoundDocument(std::unique_ptr<ProjectFile> file, Round round, const QString &actor)
    : m_file(std::move(file))
    , m_round(std::move(round))
    , m_undoStack(new QUndoStack(this))
    , m_actor(actor.isEmpty() ? systemUserName() : actor)
{}

RoundDocument::~RoundDocument() = default;

QString RoundDocument::systemUserName()
{
    QString name = qEnvironmentVariable("USER");
    if (name.isEmpty())
        name = qEnvironmentVariable("USERNAME");
    return name.isEmpty() ? tr("unknown user") : name;
}

Result<std::unique_ptr<RoundDocument>> RoundDocument::create(const QString &path, Round initial,
                                                             const QString &actor)
{
    Result<std::unique_ptr<ProjectFile>> file = ProjectFile::create(path);
    if (!file)
        return file.error();
    if (!initial.createdAt.isValid())
        initial.createdAt = QDateTime::currentDateTimeUtc();
    // Agreements that come without a time (the demo's) are recorded with the round.
    for (LabourMarketAgreement &a : initial.agreements) {
        if (!a.updatedAt.isValid())
            a.updatedAt = initial.createdAt;
    }
    std::unique_ptr<RoundDocument> document(new RoundDocument(std::move(*file), Round(), actor));
    const Status written = document->m_file->transaction([&](QSqlDatabase &db) -> Status {
        if (Status s = RoundStore::insertRound(db, initial); !s)
            return s;
        return AuditLog::append(db, {0,
                                     QDateTime::currentDateTimeUtc(),
                                     document->m_actor,
                                     QStringLiteral("create_round"),
                                     QStringLiteral("round"),
                                     QString(),
                                     initial.title,
                                     {},
                                     {}});
    });
    if (!written) {
        document.reset();
        QFile::remove(path);
        return Error{tr("Could not create %1: %2").arg(path, written.errorMessage())};
    }
    document->m_round = std::move(initial);
    return document;
}

Result<std::unique_ptr<RoundDocument>>
RoundDocument::open(const QString &path, ProjectFile::Options options, const QString &actor)
{
    Result<std::unique_ptr<ProjectFile>> file = ProjectFile::open(path, options);
    if (!file)
        return file.error();
    Result<Round> round = RoundStore::load((*file)->database());
    if (!round)
        return Error{
            tr("%1 could not be read: %2").arg((*file)->displayName(), round.errorMessage())};
    return std::unique_ptr<RoundDocument>(
        new RoundDocument(std::move(*file), std::move(*round), actor));
}

QString RoundDocument::filePath() const
{
    return m_file->path();
}

QString RoundDocument::displayName() const
{
    return m_file->displayName();
}

bool RoundDocument::isReadOnly() const
{
    return m_file->isReadOnly();
}

QString RoundDocument::readOnlyReason() const
{
    return m_file->readOnlyReason();
}

QString RoundDocument::upgradeBackupPath() const
{
    return m_file->upgradeBackupPath();
}

void RoundDocument::setActor(const QString &actor)
{
    m_actor = actor.isEmpty() ? systemUserName() : actor;
}

QString RoundDocument::whyNotEditable() const
{
    if (!isReadOnly())
        return {};
    return readOnlyReason().isEmpty() ? tr("%1 is open read-only.").arg(displayName())
                                      : readOnlyReason();
}

Status RoundDocument::fail(const QString &message)
{
    emit writeFailed(message);
    return Error{message};
}

Status RoundDocument::write(const QString &action, const QString &subject, const QString &before,
                            const QString &after, const std::function<Status(QSqlDatabase &)> &work)
{
    if (const QString why = whyNotEditable(); !why.isEmpty())
        return fail(why);
    const Status s = m_file->transaction([&](QSqlDatabase &db) -> Status {
        if (Status w = work(db); !w)
            return w;
        return AuditLog::append(
            db,
            {0, QDateTime::currentDateTimeUtc(), m_actor, action, subject, before, after, {}, {}});
    });
    if (!s)
        return fail(tr("The change was not saved to %1, and nothing was changed: %2")
                        .arg(displayName(), s.errorMessage()));
    return {};
}

Status RoundDocument::setTitle(const QString &title)
{
    const QString trimmed = title.trimmed();
    if (trimmed.isEmpty())
        return fail(tr("A round needs a title."));
    if (trimmed == m_round.title)
        return {};
    if (Status s =
            write(QStringLiteral("set_title"), QStringLiteral("round"), m_round.title, trimmed,
                  [&](QSqlDatabase &db) {
                      return RoundStore::setMeta(db, QStringLiteral("title"), trimmed);
                  });
        !s)
        return s;
    m_round.title = trimmed;
    emit titleChanged(trimmed);
    emit roundChanged();
    return {};
}

Status RoundDocument::setProgramme(const QString &programme)
{
    const QString trimmed = programme.trimmed();
    if (trimmed == m_round.programme)
        return {};
    if (Status s = write(QStringLiteral("set_programme"), QStringLiteral("round"),
                         m_round.programme, trimmed,
                         [&](QSqlDatabase &db) {
                             return RoundStore::setMeta(db, QStringLiteral("programme"), trimmed);
                         });
        !s)
        return s;
    m_round.programme = trimmed;
    emit programmeChanged(trimmed);
    emit roundChanged();
    return {};
}

Status RoundDocument::setModel(DevolutionModel model)
{
    if (model == m_round.model)
        return {};
    if (!m_round.signOffs.isEmpty())
        return fail(tr("The devolution model cannot change once a stage carries signatures: "
                       "they were given under %1.")
                        .arg(modelName(m_round.model)));
    if (Status s =
            write(QStringLiteral("set_model"), QStringLiteral("round"),
                  QString::number(modelNumber(m_round.model)), QString::number(modelNumber(model)),
                  [&](QSqlDatabase &db) {
                      return RoundStore::setMeta(db, QStringLiteral("model"),
                                                 QString::number(modelNumber(model)));
                  });
        !s)
        return s;
    m_round.model = model;
    emit modelChanged(model);
    emit roundChanged();
    return {};
}

Status RoundDocument::setStageStatus(StageId stage, StageStatus status)
{
    if (const auto why = StageRules::whyNotStatus(m_round, stage, status))
        return fail(*why);
    if (Status s = write(
            QStringLiteral("set_stage_status"), QStringLiteral("stage:%1").arg(stageKey(stage)),
            statusKey(m_round.stage(stage).status), statusKey(status),
            [&](QSqlDatabase &db) { return RoundStore::setStageStatus(db, stage, status); });
        !s)
        return s;
    m_round.stage(stage).status = status;
    emit stageChanged(stage);
    emit roundChanged();
    return {};
}

Status RoundDocument::adoptPlan(PlanId plan, const QString &reason)
{
    const CpaPlan *target = m_round.plan(plan);
    if (!target)
        return fail(tr("The round has no CPA plan %1.").arg(plan.value()));
    const CpaPlan *current = m_round.adoptedPlan();
    if (current && current->id == plan)
        return {};
    if (!m_round.tender.bids.isEmpty())
        return fail(tr("Bids have been received for the lots of the adopted plan: another plan "
                       "cannot be adopted now."));
    if (m_round.design.refersTo())
        return fail(tr("The service design sets conditions, referral volumes or tariffs for CPAs "
                       "of the adopted plan: remove them at stage 3 before adopting another "
                       "plan."));
    if (m_round.monitoring.refersTo())
        return fail(tr("The contract profile or the performance returns hold figures for CPAs "
                       "of the adopted plan: another plan cannot be adopted now."));
    const bool prioritiesSigned =
        m_round.stage(StageId::Priorities).status == StageStatus::SignedOff;
    if (prioritiesSigned && reason.trimmed().isEmpty())
        return fail(tr("Stage 2 is signed off: changing the adopted CPA plan needs a recorded "
                       "reason."));
    QString after = target->name;
    if (!reason.trimmed().isEmpty())
        after += QStringLiteral(" (") + tr("reason: %1").arg(reason.trimmed()) + QLatin1Char(')');
    if (Status s = write(QStringLiteral("adopt_plan"), QStringLiteral("cpa_plans"),
                         current ? current->name : QString(), after,
                         [&](QSqlDatabase &db) { return RoundStore::setAdoptedPlan(db, plan); });
        !s)
        return s;
    for (CpaPlan &p : m_round.plans)
        p.adopted = p.id == plan;
    emit adoptedPlanChanged(plan);
    emit roundChanged();
    return {};
}

Result<SignOffId> RoundDocument::signOff(StageId stage, SignOffParty party, const QString &name,
                                         const QString &role, const QString &rationale)
{
    if (const auto why = StageRules::whyNotSignOff(m_round, stage, party))
        return fail(*why).error();
    if (name.trimmed().isEmpty() || role.trimmed().isEmpty() || rationale.trimmed().isEmpty())
        return fail(tr("A sign-off needs the signatory's name, their role and the rationale for "
                       "the decision."))
            .error();

    SignOff signOff;
    signOff.stage = stage;
    signOff.party = party;
    signOff.name = name.trimmed();
    signOff.role = role.trimmed();
    signOff.rationale = rationale.trimmed();
    signOff.signedAt = QDateTime::currentDateTimeUtc();

    StoredSnapshot snapshot;
    snapshot.stage = stage;
    snapshot.createdAt = signOff.signedAt;
    snapshot.formatVersion = SnapshotArchive::kFormatVersion;
    snapshot.archive = SnapshotArchive::save(m_round);
    snapshot.sha256 = SnapshotArchive::sha256(snapshot.archive);
    signOff.snapshotSha256 = snapshot.sha256;

    QList<SignOffParty> missing = StageRules::missingParties(m_round, stage);
    missing.removeAll(party);
    const bool completes = missing.isEmpty();
    const QString subject = QStringLiteral("stage:%1").arg(stageKey(stage));

    if (const QString why = whyNotEditable(); !why.isEmpty())
        return fail(why).error();
    const Status s = m_file->transaction([&](QSqlDatabase &db) -> Status {
        const Result<SnapshotId> snapshotId = RoundStore::insertSnapshot(db, snapshot);
        if (!snapshotId)
            return snapshotId.error();
        signOff.snapshot = *snapshotId;
        const Result<SignOffId> id = RoundStore::insertSignOff(db, signOff);
        if (!id)
            return id.error();
        signOff.id = *id;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        Status a = AuditLog::append(
            db, {0,
                 now,
                 m_actor,
                 QStringLiteral("sign_off"),
                 subject,
                 QString(),
                 tr("%1: %2, %3; rationale: %4; snapshot %5 sha256 %6")
                     .arg(partyName(party), signOff.name, signOff.role, signOff.rationale)
                     .arg(snapshotId->value())
                     .arg(snapshot.sha256),
                 {},
                 {}});
        if (a && completes) {
            a = RoundStore::setStageStatus(db, stage, StageStatus::SignedOff);
            if (a)
                a = AuditLog::append(db, {0,
                                          now,
                                          m_actor,
                                          QStringLiteral("set_stage_status"),
                                          subject,
                                          statusKey(m_round.stage(stage).status),
                                          statusKey(StageStatus::SignedOff),
                                          {},
                                          {}});
        }
        return a;
    });
    if (!s)
        return fail(tr("The sign-off was not saved to %1, and nothing was changed: %2")
                        .arg(displayName(), s.errorMessage()))
            .error();

    m_round.signOffs.append(signOff);
    if (completes)
        m_round.stage(stage).status = StageStatus::SignedOff;
    // Undoing an edit made before a signature would change what was signed.
    m_undoStack->clear();
    emit signOffRecorded(stage, signOff.id);
    emit stageChanged(stage);
    emit roundChanged();
    return signOff.id;
}

static QStringList authorityCodes(const Round &round)
{
    QStringList codes;
    for (const Authority &a : round.authorities)
        codes.append(a.gssCode);
    return codes;
}

static Result<QHash<QString, QString>> readLookups(QSqlDatabase &db)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT child_code, authority_code FROM lookups")))
        return Error{q.lastError().text()};
    QHash<QString, QString> lookup;
    while (q.next())
        lookup.insert(q.value(0).toString(), q.value(1).toString());
    return lookup;
}

Result<NomisImportSummary>
RoundDocument::importNomis(const QString &path, const QString &datasetName,
                           const std::function<bool(qint64, qint64)> &progress, qint64 datasetId)
{
    if (const QString why = whyNotEditable(); !why.isEmpty())
        return Error{why};
    std::optional<NomisImportSummary> summary;
    const Status s = m_file->transaction([&](QSqlDatabase &db) -> Status {
        const auto lookup = readLookups(db);
        if (!lookup)
            return lookup.error();
        Result<NomisImportSummary> imported = NomisImport::run(
            db, path, datasetName, authorityCodes(m_round), *lookup, progress, datasetId);
        if (!imported)
            return imported.error();
        summary = std::move(*imported);
        const NeedsDataset &d = summary->dataset;
        return AuditLog::append(db,
                                {0,
                                 QDateTime::currentDateTimeUtc(),
                                 m_actor,
                                 QStringLiteral("import_nomis"),
                                 QStringLiteral("dataset:%1").arg(d.id),
                                 QString(),
                                 tr("%1 from %2 (sha256 %3): %n row(s)", nullptr, int(d.rowCount))
                                     .arg(d.name, d.fileName, d.sha256),
                                 {},
                                 {}});
    });
    if (!s)
        return s.error(); // a refused or cancelled import is not a write failure
    m_round.datasets.append(summary->dataset);
    emit figuresChanged();
    emit roundChanged();
    return std::move(*summary);
}

Status RoundDocument::writeLookups(QSqlDatabase &db, const QHash<QString, QString> &lookup,
                                   QList<NeedsDataset> &datasets, int *reaggregated)
{
    if (Status s = Sql::exec(db, QStringLiteral("DELETE FROM lookups")); !s)
        return s;
    QSqlQuery insert(db);
    insert.prepare(
        QStringLiteral("INSERT INTO lookups (child_code, authority_code) VALUES (?, ?)"));
    for (auto it = lookup.constBegin(); it != lookup.constEnd(); ++it) {
        insert.bindValue(0, it.key());
        insert.bindValue(1, it.value());
        if (!insert.exec())
            return Error{insert.lastError().text()};
    }
    const QStringList authorities = authorityCodes(m_round);
    // Sum every imported dataset again from its rows as imported.
    for (NeedsDataset &d : datasets) {
        if (d.fileName.isEmpty())
            continue;
        AuthorityAggregator aggregator(authorities, lookup);
        QSqlQuery rows(db);
        rows.setForwardOnly(true);
        rows.prepare(QStringLiteral("SELECT r.series, g.code, r.date, r.value FROM raw_values r "
                                    "JOIN geographies g ON g.id = r.geography_id "
                                    "WHERE r.dataset_id = ?"));
        rows.addBindValue(d.id);
        if (!rows.exec())
            return Error{rows.lastError().text()};
        QHash<QString, int> dateIndex;
        QStringList dates;
        QHash<QString, AuthorityAggregator::Target> targets;
        while (rows.next()) {
            const QString code = rows.value(1).toString();
            auto target = targets.constFind(code);
            if (target == targets.constEnd())
                target = targets.insert(code, aggregator.target(code));
            const QString date = rows.value(2).toString();
            auto di = dateIndex.constFind(date);
            if (di == dateIndex.constEnd()) {
                dates.append(date);
                di = dateIndex.insert(date, int(dates.size() - 1));
            }
            const QVariant v = rows.value(3);
            aggregator.add(*target, rows.value(0).toInt(), *di,
                           v.isNull() ? std::nullopt : std::optional<double>(v.toDouble()));
        }
        QStringList keys;
        for (const Measure &m : d.measures)
            keys.append(m.key);
        d.observations = aggregator.observations(keys, dates);
        if (Status r = Sql::exec(
                db, QStringLiteral("DELETE FROM observations WHERE dataset_id = ?"), {d.id});
            !r)
            return r;
        if (Status r = RoundStore::insertObservations(db, d.id, d.observations); !r)
            return r;
        if (reaggregated)
            ++*reaggregated;
    }
    return {};
}

Result<QHash<QString, QString>> RoundDocument::lookups()
{
    return readLookups(m_file->database());
}

Status RoundDocument::setLookups(const QHash<QString, QString> &lookup)
{
    if (const QString why = whyNotEditable(); !why.isEmpty())
        return Error{why};
    QList<NeedsDataset> datasets = m_round.datasets;
    const Status s = m_file->transaction([&](QSqlDatabase &db) -> Status {
        if (Status w = writeLookups(db, lookup, datasets, nullptr); !w)
            return w;
        return AuditLog::append(db, {0,
                                     QDateTime::currentDateTimeUtc(),
                                     m_actor,
                                     QStringLiteral("set_lookups"),
                                     QStringLiteral("lookups"),
                                     QString(),
                                     tr("%n area(s)", nullptr, int(lookup.size())),
                                     {},
                                     {}});
    });
    if (!s)
        return fail(tr("The lookup was not changed in %1, and nothing was changed: %2")
                        .arg(displayName(), s.errorMessage()));
    m_round.datasets = datasets;
    emit figuresChanged();
    emit roundChanged();
    return {};
}

Result<LookupImportSummary> RoundDocument::importLookup(const QString &path)
{
    if (const QString why = whyNotEditable(); !why.isEmpty())
        return Error{why};
    const Result<LookupFile> file = LookupImport::read(path, authorityCodes(m_round));
    if (!file)
        return file.error();

    LookupImportSummary summary;
    summary.rows = file->rows;
    summary.unknownAuthorities = file->unknownAuthorities;
    QList<NeedsDataset> datasets = m_round.datasets;
    const Status s = m_file->transaction([&](QSqlDatabase &db) -> Status {
        Result<QHash<QString, QString>> lookup = readLookups(db);
        if (!lookup)
            return lookup.error();
        lookup->insert(file->childToAuthority);
        if (Status w = writeLookups(db, *lookup, datasets, &summary.datasetsReaggregated); !w)
            return w;
        return AuditLog::append(
            db, {0,
                 QDateTime::currentDateTimeUtc(),
                 m_actor,
                 QStringLiteral("import_lookup"),
                 QStringLiteral("lookups"),
                 QString(),
                 tr("%1: %n area(s)", nullptr, int(file->rows)).arg(QFileInfo(path).fileName()),
                 {},
                 {}});
    });
    if (!s)
        return fail(tr("The lookup was not imported into %1, and nothing was changed: %2")
                        .arg(displayName(), s.errorMessage()))
            .error();
    m_round.datasets = datasets;
    emit figuresChanged();
    emit roundChanged();
    return summary;
}

Status RoundDocument::removeDataset(qint64 id)
{
    const auto it = std::find_if(m_round.datasets.begin(), m_round.datasets.end(),
                                 [&](const NeedsDataset &d) { return d.id == id; });
    if (it == m_round.datasets.end())
        return Error{tr("The round has no dataset %1.").arg(id)};
    for (const RatioIndicator &r : m_round.ratios) {
        for (const Measure &m : it->measures) {
            if (r.numerator == m.key || r.denominator == m.key)
                return Error{
                    tr("The indicator \"%1\" uses this dataset: remove it first.").arg(r.name)};
        }
    }
    if (Status s = write(
            QStringLiteral("remove_dataset"), QStringLiteral("dataset:%1").arg(id),
            tr("%1 from %2 (sha256 %3)").arg(it->name, it->fileName, it->sha256), QString(),
            [&](QSqlDatabase &db) {
                return Sql::exec(db, QStringLiteral("DELETE FROM datasets WHERE id = ?"), {id});
            });
        !s)
        return s;
    m_round.datasets.erase(it);
    emit figuresChanged();
    emit roundChanged();
    return {};
}

Status RoundDocument::removeRatio(qint64 id)
{
    const auto it = std::find_if(m_round.ratios.begin(), m_round.ratios.end(),
                                 [&](const RatioIndicator &r) { return r.id == id; });
    if (it == m_round.ratios.end())
        return Error{tr("The round has no indicator r%1.").arg(id)};
    if (Status s = write(
            QStringLiteral("remove_indicator"), QStringLiteral("indicators"),
            tr("%1 = %2 / %3 × %4").arg(it->name, it->numerator, it->denominator).arg(it->scale),
            QString(),
            [&](QSqlDatabase &db) {
                return Sql::exec(db, QStringLiteral("DELETE FROM ratio_indicators WHERE id = ?"),
                                 {id});
            });
        !s)
        return s;
    m_round.ratios.erase(it);
    emit figuresChanged();
    emit roundChanged();
    return {};
}

Result<QString> RoundDocument::addRatio(const QString &name, const QString &numerator,
                                        const QString &denominator, double scale, qint64 id)
{
    const Indicators indicators(m_round);
    const IndicatorInfo *num = indicators.find(numerator);
    const IndicatorInfo *den = indicators.find(denominator);
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return Error{tr("An indicator needs a name.")};
    if (indicators.find(trimmed))
        return Error{tr("The round already has an indicator called \"%1\".").arg(trimmed)};
    for (const auto &[info, given] : {std::pair{num, numerator}, std::pair{den, denominator}}) {
        if (!info)
            return Error{tr("The round has no measure \"%1\": run \"cocommission indicators\" "
                            "to list them.")
                             .arg(given)};
        if (info->kind != IndicatorInfo::Kind::Measure)
            return Error{tr("\"%1\" is a ratio: a ratio is made of two measures.").arg(given)};
        if (!info->isCount())
            return Error{tr("\"%1\" is a rate, not a count: a ratio is made of two counts, "
                            "which add up over authorities.")
                             .arg(info->name)};
    }
    if (!std::isfinite(scale) || scale == 0)
        return Error{tr("The scale must be a number other than 0 (e.g. 100 for a percentage).")};
    RatioIndicator ratio{id, trimmed, num->id, den->id, scale};
    if (Status s = write(QStringLiteral("add_indicator"), QStringLiteral("indicators"), QString(),
                         tr("%1 = %2 / %3 × %4").arg(trimmed, num->id, den->id).arg(scale),
                         [&](QSqlDatabase &db) -> Status {
                             const Result<qint64> id = RoundStore::insertRatio(db, ratio);
                             if (!id)
                                 return id.error();
                             ratio.id = *id;
                             return {};
                         });
        !s)
        return s.error();
    m_round.ratios.append(ratio);
    emit figuresChanged();
    emit roundChanged();
    return ratio.key();
}

QString RoundDocument::whyPrioritiesFrozen() const
{
    switch (m_round.stage(StageId::Priorities).status) {
    case StageStatus::SignedOff:
        return tr("Stage 2 is signed off: its priorities are frozen.");
    case StageStatus::ReadyForSignOff:
        return tr("Stage 2 is marked ready for sign-off: withdraw it from sign-off to change its "
                  "priorities.");
    default:
        return {};
    }
}

static std::optional<QString> whyNotAnOrder(const Round &round, const QStringList &order)
{
    QStringList keys;
    for (const PriorityGroup &g : round.priorityGroups)
        keys.append(g.key);
    QStringList sortedOrder = order;
    sortedOrder.sort();
    keys.sort();
    if (sortedOrder != keys)
        return QCoreApplication::translate("CoCommission::RoundDocument",
                                           "A ranking must place each of the %1 priority groups "
                                           "exactly once (%2).")
            .arg(keys.size())
            .arg(keys.join(QStringLiteral(", ")));
    return std::nullopt;
}

Status RoundDocument::setPartnerRanking(CpaId cpa, const QString &partner,
                                        const std::optional<QStringList> &order,
                                        const QList<double> &points)
{
    if (const QString why = whyPrioritiesFrozen(); !why.isEmpty())
        return Error{why};
    const Cpa *target = m_round.adoptedCpa(cpa);
    if (!target)
        return Error{tr("Rankings are made for the CPAs of the adopted plan; %1 is not one.")
                         .arg(cpa.value())};
    if (!m_round.priorityPartners(*target).contains(partner))
        return Error{tr("\"%1\" is not a partner for %2 (the partners are: %3).")
                         .arg(partner, target->name,
                              m_round.priorityPartners(*target).join(QStringLiteral(", ")))};
    if (order) {
        if (const auto why = whyNotAnOrder(m_round, *order))
            return Error{*why};
        if (!points.isEmpty() && points.size() != order->size())
            return Error{tr("A ranking gives points to every group or to none (%1 points for %2 "
                            "groups).")
                             .arg(points.size())
                             .arg(order->size())};
        for (double p : points) {
            if (!std::isfinite(p) || p < 0 || p > 1e6)
                return Error{tr("Points must be numbers from 0 to 1,000,000; %1 is not.").arg(p)};
        }
    }
    const QList<double> storedPoints = order ? points : QList<double>();
    const auto existing = std::find_if(
        m_round.rankings.begin(), m_round.rankings.end(),
        [&](const PartnerRankingRecord &r) { return r.cpa == cpa && r.partner == partner; });
    const auto describe = [](const QStringList &groups, const QList<double> &given) {
        QStringList parts;
        for (qsizetype i = 0; i < groups.size(); ++i)
            parts.append(i < given.size() ? QStringLiteral("%1=%2").arg(groups[i]).arg(given[i])
                                          : groups[i]);
        return parts.join(QLatin1Char(' '));
    };
    const QString before = existing == m_round.rankings.end()
                               ? QString()
                               : describe(existing->order, existing->points);
    const QString after = order ? describe(*order, storedPoints) : QString();
    if (before == after && (existing != m_round.rankings.end()) == order.has_value())
        return {};
    const PartnerRankingRecord record{cpa, partner, order.value_or(QStringList()), storedPoints};
    if (Status s = write(
            QStringLiteral("set_ranking"),
            QStringLiteral("priorities:%1:%2").arg(target->name, partner), before, after,
            [&](QSqlDatabase &db) { return RoundStore::setPartnerRanking(db, record, !order); });
        !s)
        return s;
    if (existing != m_round.rankings.end()) {
        if (order)
            *existing = record;
        else
            m_round.rankings.erase(existing);
    } else if (order) {
        m_round.rankings.append(record);
    }
    emit prioritiesChanged();
    emit roundChanged();
    return {};
}

Status RoundDocument::setPriorityDecision(CpaId cpa,
                                          const std::optional<PriorityDecision> &decision)
{
    if (const QString why = whyPrioritiesFrozen(); !why.isEmpty())
        return Error{why};
    const Cpa *target = m_round.adoptedCpa(cpa);
    if (!target)
        return Error{tr("Priorities are decided for the CPAs of the adopted plan; %1 is not one.")
                         .arg(cpa.value())};
    std::optional<PriorityDecision> stored = decision;
    if (stored) {
        if (const auto why = whyNotAnOrder(m_round, stored->order))
            return Error{*why};
        stored->cpa = cpa;
        stored->rationale = stored->rationale.trimmed();
        if (stored->rationale.isEmpty())
            return Error{tr("A decision on priorities needs its rationale.")};
        if (!stored->decidedAt.isValid())
            stored->decidedAt = QDateTime::currentDateTimeUtc();
    }
    const auto existing = std::find_if(m_round.decisions.begin(), m_round.decisions.end(),
                                       [&](const PriorityDecision &d) { return d.cpa == cpa; });
    if (existing == m_round.decisions.end() && !stored)
        return {};
    auto describe = [](const PriorityDecision &d) {
        return d.order.join(QLatin1Char(' ')) + QStringLiteral("; ") + d.rationale;
    };
    if (Status s = write(
            QStringLiteral("decide_priorities"), QStringLiteral("priorities:%1").arg(target->name),
            existing == m_round.decisions.end() ? QString() : describe(*existing),
            stored ? describe(*stored) : QString(),
            [&](QSqlDatabase &db) {
                return RoundStore::setPriorityDecision(db, cpa, stored ? &*stored : nullptr);
            });
        !s)
        return s;
    if (existing != m_round.decisions.end()) {
        if (stored)
            *existing = *stored;
        else
            m_round.decisions.erase(existing);
    } else {
        m_round.decisions.append(*stored);
    }
    emit prioritiesChanged();
    emit roundChanged();
    return {};
}

Status RoundDocument::setPriorityPlaces(const QStringList &codes)
{
    if (const QString why = whyPrioritiesFrozen(); !why.isEmpty())
        return Error{why};
    for (const QString &code : codes) {
        if (!m_round.authority(code))
            return Error{tr("The round has no authority %1.").arg(code)};
    }
    if (QSet<QString>(codes.begin(), codes.end()).size() != codes.size())
        return Error{tr("An authority is named twice among the priority places.")};
    if (codes == m_round.priorityPlaces)
        return {};
    if (Status s =
            write(QStringLiteral("set_priority_places"), QStringLiteral("priorities"),
                  m_round.priorityPlaces.join(QLatin1Char(' ')), codes.join(QLatin1Char(' ')),
                  [&](QSqlDatabase &db) { return RoundStore::setPriorityPlaces(db, codes); });
        !s)
        return s;
    m_round.priorityPlaces = codes;
    emit prioritiesChanged();
    emit roundChanged();
    return {};
}

Status RoundDocument::setPriorityMethod(RankingMethod method)
{
    if (const QString why = whyPrioritiesFrozen(); !why.isEmpty())
        return Error{why};
    if (method == m_round.priorityMethod)
        return {};
    if (Status s =
            write(QStringLiteral("set_priority_method"), QStringLiteral("priorities"),
                  rankingMethodKey(m_round.priorityMethod), rankingMethodKey(method),
                  [&](QSqlDatabase &db) { return RoundStore::setPriorityMethod(db, method); });
        !s)
        return s;
    m_round.priorityMethod = method;
    emit prioritiesChanged();
    emit roundChanged();
    return {};
}

Result<Round> RoundDocument::snapshotRound(SnapshotId id)
{
    const Result<StoredSnapshot> stored = RoundStore::snapshot(m_file->database(), id);
    if (!stored)
        return stored.error();
    if (SnapshotArchive::sha256(stored->archive) != stored->sha256)
        return Error{tr("Snapshot %1 does not match its SHA-256: it was changed outside "
                        "CoCommission.")
                         .arg(id.value())};
    return SnapshotArchive::load(stored->archive);
}

Result<QList<AuditEntry>> RoundDocument::auditEntries()
{
    return AuditLog::entries(m_file->database());
}

} // namespace CoCommission
