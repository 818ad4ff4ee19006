#pragma once

#include "core/common/result.h"
#include "core/round/round.h"
#include "core/store/projectfile.h"

#include <QHash>
#include <QObject>

#include <memory>
#include <optional>

class QUndoStack;

namespace CoCommission {

struct AuditEntry;
struct LookupFile;
struct NomisImportSummary;

/** What importing a lookup did. */
struct LookupImportSummary
{
    qint64 rows = 0;
    QStringList unknownAuthorities;
    int datasetsReaggregated = 0;
};

/**
 * One open round: the live Round value, the project file behind it and the undo stack.
 *
 * Every mutation writes its change and its audit entry to the file in one transaction and only
 * then updates round() and emits its signal; when the write fails nothing changes, the error
 * is returned and writeFailed() is emitted. Views read round() and listen to the signals; edits
 * from the GUI go through Commands (core/commands/commands.h) so that they can be undone.
 */
class RoundDocument : public QObject
{
    Q_OBJECT

public:
    ~RoundDocument() override;

    /** Makes a new round file at \a path holding \a initial. */
    static Result<std::unique_ptr<RoundDocument>> create(const QString &path, Round initial,
                                                         const QString &actor = {});
    static Result<std::unique_ptr<RoundDocument>>
    open(const QString &path, ProjectFile::Options options = {}, const QString &actor = {});

    /** The signed-in user's name, recorded as the actor of audit entries by default. */
    static QString systemUserName();

    QString filePath() const;
    QString displayName() const;
    bool isReadOnly() const;
    QString readOnlyReason() const;
    /** The copy kept when opening upgraded the file format, or empty. */
    QString upgradeBackupPath() const;

    const Round &round() const { return m_round; }
    QUndoStack *undoStack() const { return m_undoStack; }

    QString actor() const { return m_actor; }
    void setActor(const QString &actor);

    // The mutation API. Commands call these; so do the command line and tests.
    Status setTitle(const QString &title);
    Status setProgramme(const QString &programme);
    Status setModel(DevolutionModel model);
    Status setStageStatus(StageId stage, StageStatus status);
    /** Adopts \a plan; once stage 2 is signed off a \a reason must be given and is recorded. */
    Status adoptPlan(PlanId plan, const QString &reason = {});

    /**
     * Imports a NOMIS CSV download as a new dataset (see NomisImport), in one transaction:
     * cancelled through \a progress or failed, it leaves the round exactly as it was. A file
     * imported before is refused.
     */
    Result<NomisImportSummary>
    importNomis(const QString &path, const QString &datasetName = {},
                const std::function<bool(qint64 done, qint64 total)> &progress = {},
                qint64 datasetId = 0);
    /** Removes an imported dataset with its rows and figures (the undo of an import). */
    Status removeDataset(qint64 id);

    /**
     * Imports a lookup of smaller areas to authorities and sums every imported dataset again
     * through it, in one transaction.
     */
    Result<LookupImportSummary> importLookup(const QString &path);
    /** The lookup of smaller areas to authorities, as stored. */
    Result<QHash<QString, QString>> lookups();
    /** Replaces the whole lookup and sums every imported dataset again (undo of an import). */
    Status setLookups(const QHash<QString, QString> &lookup);

    /** Defines a ratio indicator: numerator / denominator × scale, each a measure key or name. */
    Result<QString> addRatio(const QString &name, const QString &numerator,
                             const QString &denominator, double scale = 100, qint64 id = 0);
    Status removeRatio(qint64 id);

    // Stage 1: the Local Labour Market Agreements. Refused once stage 1 is ready for sign-off
    // or signed off.
    /**
     * Records the agreement for \a cpa of the adopted plan (its headline indicators must be
     * the round's indicator ids, its groups the catalogue's keys); nullopt removes it.
     */
    Status setAgreement(CpaId cpa, const std::optional<LabourMarketAgreement> &agreement);
    /** Why the agreements cannot change now, or an empty string. */
    QString whyAgreementsFrozen() const;

    // Stage 2: priorities. Refused once stage 2 is ready for sign-off or signed off.
    /**
     * Sets \a partner's ranking of the priority groups for \a cpa; nullopt removes it. For the
     * points method, \a points gives each group of \a order its points (0 to 1,000,000);
     * empty when the partner gives none.
     */
    Status setPartnerRanking(CpaId cpa, const QString &partner,
                             const std::optional<QStringList> &order,
                             const QList<double> &points = {});
    /** Sets how the partners' rankings are combined into the joint ranking. */
    Status setPriorityMethod(RankingMethod method);
    /** Records the agreed order and rationale for \a cpa; nullopt removes the decision. */
    Status setPriorityDecision(CpaId cpa, const std::optional<PriorityDecision> &decision);
    Status setPriorityPlaces(const QStringList &codes);
    /** Why stage 2's content cannot change now, or an empty string. */
    QString whyPrioritiesFrozen() const;

    /**
     * Records \a party's signature on \a stage with a snapshot of the round as signed. When the
     * last required party signs, the stage becomes signed off. A signature is final: it is not
     * an undo step, and the undo history before it is cleared.
     */
    Result<SignOffId> signOff(StageId stage, SignOffParty party, const QString &name,
                              const QString &role, const QString &rationale);

    /** The round as archived in snapshot \a id, after checking its SHA-256. */
    Result<Round> snapshotRound(SnapshotId id);
    Result<QList<AuditEntry>> auditEntries();

    /** Why the round cannot be edited now, or an empty string when it can. */
    QString whyNotEditable() const;

signals:
    void titleChanged(const QString &title);
    void programmeChanged(const QString &programme);
    void modelChanged(CoCommission::DevolutionModel model);
    void stageChanged(CoCommission::StageId stage);
    void adoptedPlanChanged(CoCommission::PlanId plan);
    void signOffRecorded(CoCommission::StageId stage, CoCommission::SignOffId signOff);
    /** Datasets or indicators were added or their figures changed. */
    void figuresChanged();
    /** A Local Labour Market Agreement was recorded, changed or removed. */
    void agreementsChanged();
    /** Rankings, decisions or priority places changed. */
    void prioritiesChanged();
    /** After any change to round(), following the specific signal. */
    void roundChanged();
    /** A change could not be written; nothing was changed. */
    void writeFailed(const QString &message);

private:
    RoundDocument(std::unique_ptr<ProjectFile> file, Round round, const QString &actor);

    /** Writes \a work and its audit entry in one transaction; reports failures. */
    Status write(const QString &action, const QString &subject, const QString &before,
                 const QString &after, const std::function<Status(QSqlDatabase &)> &work);
    Status fail(const QString &message);
    /** Stores \a lookup in place of the old one and sums \a datasets again through it. */
    Status writeLookups(QSqlDatabase &db, const QHash<QString, QString> &lookup,
                        QList<NeedsDataset> &datasets, int *reaggregated);

    std::unique_ptr<ProjectFile> m_file;
    Round m_round;
    QUndoStack *m_undoStack;
    QString m_actor;
};

} // namespace CoCommission
