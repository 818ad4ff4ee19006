#pragma once

#include "core/common/result.h"
#include "core/round/planedits.h"
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

    // The catalogue of priority groups (rounddocument_catalogue.cpp). Names and descriptions
    // can change until stage 2 is frozen; groups are added or removed only while no ranking or
    // decision is recorded, since a ranking orders every group.
    /**
     * Adds a group at \a position (-1: last) and returns its key, made from the name unless
     * \a key is given (a redo restores the key it undid).
     */
    Result<QString> addPriorityGroup(const QString &name, const QString &description,
                                     int position = -1, const QString &key = {});
    Status editPriorityGroup(const QString &key, const QString &name, const QString &description);
    /** Removes a group; refused while a Local Labour Market Agreement names it. */
    Status removePriorityGroup(const QString &key);
    /** Why groups cannot be added or removed now, or an empty string. */
    QString whyCatalogueFixed() const;
    /** Records the agreed order and rationale for \a cpa; nullopt removes the decision. */
    Status setPriorityDecision(CpaId cpa, const std::optional<PriorityDecision> &decision);
    Status setPriorityPlaces(const QStringList &codes);
    /** Why stage 2's content cannot change now, or an empty string. */
    QString whyPrioritiesFrozen() const;

    // --- CPA plans (the CPA editor) --------------------------------------------------------
    // Defined in rounddocument_plans.cpp. Every edit signals plansChanged() (or
    // boundariesChanged()) and then roundChanged(). The adopted plan is frozen while stage 2 is
    // ready for sign-off or signed off (see whyPlanFrozen()); ids given back to a restore are
    // kept, so that a redo brings back the very objects that later undo steps refer to.

    /** Why \a plan cannot be changed now (it is the adopted plan of a frozen stage 2), or "". */
    QString whyPlanFrozen(PlanId plan) const;

    /** Adds an empty plan called \a name (unique, not empty) after the others. */
    Result<PlanId> addPlan(const QString &name);
    /** Copies \a plan (CPAs, colours, members, settings) into a new plan, not adopted. */
    Result<PlanId> duplicatePlan(PlanId plan, const QString &newName);
    Status renamePlan(PlanId plan, const QString &name);
    /** Removes \a plan with its CPAs and their stage 2 records; refused for the adopted plan. */
    Status removePlan(PlanId plan);
    /**
     * Inserts \a plan at \a position keeping its ids and those of its CPAs, and writes back
     * the \a records of its CPAs: the undo of removePlan(), the redo of addPlan().
     */
    Status restorePlan(const CpaPlan &plan, int position, const CpaRecords &records);

    /** Adds an empty CPA to \a plan; an empty \a colour takes the next unused default. */
    Result<CpaId> addCpa(PlanId plan, const QString &name, const QString &colour = {});
    Status renameCpa(CpaId cpa, const QString &name);
    /** Sets \a cpa's colour, "#rrggbb" (stored in lower case). */
    Status recolourCpa(CpaId cpa, const QString &colour);
    /** Removes \a cpa: its members become unassigned, its stage 2 records go with it. */
    Status removeCpa(CpaId cpa);

    /**
     * A painting stroke: moves \a codes (authorities of the round) into \a target, a CPA of
     * \a plan, or out of every CPA when \a target is invalid. Nothing is written when nothing
     * changes. See membersAfterAssigning().
     */
    Status assignAuthorities(PlanId plan, const QStringList &codes, CpaId target);
    /** Sets the members of the CPAs of \a plan named in \a members, exactly as given. */
    Status setPlanMembers(PlanId plan, const QHash<CpaId, QStringList> &members);
    /**
     * Sets how \a plan is checked: the adjacency rule, the balance indicator (a measure's id or
     * name, stored as its id; empty for none) and the minimum size (finite, 0 or more).
     */
    Status setPlanSettings(PlanId plan, AdjacencyRule rule, const QString &balanceIndicator,
                           std::optional<double> minimumSize);
    /**
     * Makes the stored plan with plan.id hold exactly plan's CPAs (order, names, colours,
     * members) and settings; its name and adoption are kept. A CPA whose id the plan holds is
     * updated, one with an id that no plan holds is inserted with that id (and its \a records
     * are written back), one without an id is new; CPAs of the plan left out are removed.
     * What undo and redo of whole-plan edits use.
     */
    Status setPlanContents(const CpaPlan &plan, const CpaRecords &records);

    /**
     * Reads a gss_code,cpa assignment file into the plan called \a planName (made when the
     * round has none): the plan's CPAs become the file's, a CPA with the same name keeping its
     * id, colour and stage 2 records. A file with unknown, duplicate or missing codes is
     * refused with messages naming the file and line; nothing is changed.
     */
    Result<AssignmentImportSummary> importAssignment(const QString &planName,
                                                     const QString &csvPath);

    /**
     * Imports a GeoJSON boundary file for the map and for adjacency (see BoundarySet): codes
     * the round does not know are refused; authorities without an area are accepted and listed
     * in the summary. The file's bytes are stored with its name, SHA-256 and code property.
     */
    Result<BoundaryImportSummary> importBoundaries(const QString &path,
                                                   const QString &codeProperty = {});
    Status removeBoundaries();
    /** Replaces the stored boundaries by \a boundaries (empty: none); for undo and redo. */
    Status setBoundaries(const BoundaryFile &boundaries);
    // --- end of CPA plans ------------------------------------------------------------------

    // --- Stages 3 and 4: the design of services and the structure of supply --------------
    // Defined in rounddocument_design.cpp. Each part is changed whole: the new value is
    // checked (checkDesign(), checkSupply()) and written in one transaction, audited with
    // \a what (e.g. "Payment scenario \"30% fee\" changed") and a summary of the change.

    /** Why the design cannot change now (stage 3 ready or signed off, or read-only), or "". */
    QString whyDesignFrozen() const;
    Status setDesign(const ServiceDesign &design, const QString &what = {});
    /** Why the supply market cannot change now (stage 4 ready or signed off, read-only), or "". */
    QString whySupplyFrozen() const;
    Status setSupply(const SupplyMarket &supply, const QString &what = {});
    // --- end of stages 3 and 4 --------------------------------------------------------------

    // --- Stage 6: monitoring ---------------------------------------------------------------
    // Defined in rounddocument_monitoring.cpp. Every edit signals monitoringChanged() and then
    // roundChanged(). Nothing changes once stage 6 is ready for sign-off or signed off.

    /** Why stage 6 cannot change now (ready or signed off, or read-only), or "". */
    QString whyMonitoringFrozen() const;
    /** Replaces the programme board, checked by checkBoard(); audited part by part. */
    Status setBoard(const ProgrammeBoard &board, const QString &what = {});
    /**
     * Replaces the contract profile, checked by checkProfile(). Refused when a return already
     * received reports a month outside the new contract period.
     */
    Status setProfile(const ContractProfile &profile, const QString &what = {});
    /**
     * Receives a performance return, checked by checkReturn(), and gives its id: the next one
     * when performanceReturn.id is 0, else that id (which must be unused: the redo of an undo).
     * A return that is not illustrative is refused while illustrative returns remain, so that
     * real and invented figures never mix.
     */
    Result<qint64> addReturn(const PerformanceReturn &performanceReturn);
    /**
     * Removes a return: the latest (the undo of receiving it) or an illustrative one. Any
     * other is kept for good: a correction supersedes its figures by a later return.
     */
    Status removeReturn(qint64 id);
    // --- end of stage 6 ---------------------------------------------------------------------

    // --- Board papers ------------------------------------------------------------------------
    // Defined in rounddocument_paper.cpp. Every edit signals papersChanged() and then
    // roundChanged(). A paper can be edited at any stage: the paper a board signed off is kept
    // in the stage's snapshot.

    /** Why papers cannot change now (read-only), or an empty string. */
    QString whyPapersFrozen() const;
    /**
     * Stores \a paper, checked by Paper::checkPaper(): a new one when its id is 0 (the next id
     * is given back), else it replaces the paper with that id, or adds it under that id when
     * none has it (the redo of an undo). Sets updatedAt.
     */
    Result<qint64> savePaper(const BoardPaper &paper);
    /** Removes the paper \a id. */
    Status removePaper(qint64 id);
    // --- end of board papers -----------------------------------------------------------------

    // --- Stage 5: the tender and its evaluation -------------------------------------------
    // Defined in rounddocument_tender.cpp. Every edit signals tenderChanged() and then
    // roundChanged(). Nothing changes once stage 5 is ready for sign-off or signed off.

    /** Why the tender cannot change now (stage 5 frozen, or read-only), or an empty string. */
    QString whyTenderFrozen() const;
    /**
     * Replaces the criteria (validated as a CriteriaTree; empty clears them) with the price
     * formula and abnormally-low threshold. Once bids are opened a \a reason is required and
     * the change is recorded in Tender::criteriaChanges, which every report shows.
     */
    Status setCriteria(const QList<Criterion> &criteria, PriceFormula formula,
                       double abnormallyLowPercent, const QString &reason = {});
    /**
     * Opens the bids at \a at (now when invalid): the criteria lock. nullopt closes them again,
     * allowed only while no score is recorded (the undo of opening).
     */
    Status setBidsOpened(const std::optional<QDateTime> &at);
    /**
     * Adds (\a position -1: last) or replaces the bid with bid.id. Its lot must be a CPA of the
     * adopted plan, its price above zero, its bidder named, its subcontractors named and its
     * integration services known. Refused once moderation is open.
     */
    Status setBid(const TenderBid &bid, int position = -1);
    /** Removes a bid; refused while scores or consensus are recorded for it. */
    Status removeBid(const QString &bidId);
    /** Adds or replaces the panel member with assessor.name. Refused once moderation is open. */
    Status setAssessor(const Assessor &assessor, int position = -1);
    /** Removes an assessor; refused while they have scores or declarations. */
    Status removeAssessor(const QString &name);
    /**
     * Records an assessor's declaration about a bidder (replacing an earlier one); nullopt
     * with \a assessor and \a bidder removes it, refused once that assessor scored the bidder.
     */
    Status setConflict(const QString &assessor, const QString &bidder,
                       const std::optional<ConflictDeclaration> &declaration);
    /**
     * Records (nullopt: withdraws) an assessor's score. Refused unless bids are open and
     * moderation is not, the assessor declared no conflict for the bid's bidder, the criterion
     * is a scored leaf (not price), the score is on its scale and the comment is not empty.
     */
    Status setScore(const QString &assessor, const QString &bidId, const QString &criterionId,
                    const std::optional<IndividualScore> &score);
    /** Records many scores in one transaction, checked as setScore(); all or nothing. */
    Status setScores(const QList<IndividualScore> &scores);
    /**
     * Opens moderation at \a at (now when invalid): individual scores lock and become visible.
     * nullopt closes it again, allowed only while no consensus is recorded.
     */
    Status setModerationOpened(const std::optional<QDateTime> &at);
    /**
     * Records (nullopt: removes) the consensus for a bid and criterion. Refused unless
     * moderation is open, the lot's award is unsigned, the score is on the scale and a
     * rationale is given.
     */
    Status setConsensus(const QString &bidId, const QString &criterionId,
                        const std::optional<ModeratedScore> &consensus);
    /**
     * Replaces the whole tender (criteria, bids, panel, declarations, scores, consensus) with
     * \a tender in one transaction; award signatures and criteria changes already recorded are
     * kept. What a CSV import and its undo use. Checked as the single edits are.
     */
    Status replaceTender(const Tender &tender);
    /**
     * Records \a party's signature on the award recommendation for \a lot: every scored leaf
     * of every bid of the lot must have an agreed consensus and the lot a sole winner. Final: not
     * an undo step.
     */
    Status signAward(CpaId lot, const QString &party, const QString &name, const QString &role,
                     const QString &rationale);
    /**
     * The bid \a party would sign for as the winner of \a lot, or why it cannot sign now (not a
     * party of the lot, signed already, a consensus not agreed, no sole winner, the winner
     * changed since the first signature, the tender frozen). What signAward() checks.
     */
    Result<QString> awardWinner(CpaId lot, const QString &party) const;
    /** The parties that must sign the award for \a lot: DWP and its partnerships. */
    QStringList awardParties(CpaId lot) const;
    // --- end of stage 5 ---------------------------------------------------------------------

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
    /** CPA plans, their CPAs, members or settings changed (the CPA editor). */
    void plansChanged();
    /** The imported boundaries changed or were removed (the CPA editor). */
    void boundariesChanged();
    /** Stage 3: standards, conditions, eligibility, payment model or contributions changed. */
    void designChanged();
    /** Stage 4: the provider register, the timeline or its rules changed. */
    void supplyChanged();
    /** Stage 5: criteria, bids, panel, declarations, scores, consensus or the award changed. */
    void tenderChanged();
    /** Stage 6: the programme board, the contract profile or the returns changed. */
    void monitoringChanged();
    /** A board paper was stored or removed. */
    void papersChanged();
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
    /** Stores \a groups as the catalogue, audited, and updates the round. */
    Status writeCatalogue(const QString &action, const QString &subject, const QString &before,
                          const QString &after, const QList<PriorityGroup> &groups);
    /**
     * The index of \a plan when the round can be edited, the plan exists and (unless
     * \a evenIfFrozen) it is not frozen; else why not.
     */
    Result<int> editablePlan(PlanId plan, bool evenIfFrozen = false) const;
    /** The plan and CPA indices of \a cpa when its plan may be edited (editablePlan()). */
    Result<std::pair<int, int>> editableCpa(CpaId cpa) const;
    /** Stores \a updated as CPA \a index of plan \a plan (its name and colour), audited. */
    Status writeCpa(int plan, int index, const Cpa &updated, const QString &action,
                    const QString &before, const QString &after);
    /** Writes \a plan (ids unset) after the round's plans: addPlan() and duplicatePlan(). */
    Result<PlanId> appendPlan(const QString &action, const QString &before, CpaPlan plan);
    /** Stores \a lookup in place of the old one and sums \a datasets again through it. */
    Status writeLookups(QSqlDatabase &db, const QHash<QString, QString> &lookup,
                        QList<NeedsDataset> &datasets, int *reaggregated);

    std::unique_ptr<ProjectFile> m_file;
    Round m_round;
    QUndoStack *m_undoStack;
    QString m_actor;
};

} // namespace CoCommission
