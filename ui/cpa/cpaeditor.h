#pragma once

#include "core/common/ids.h"
#include "core/cpa/plancheck.h"
#include "core/round/round.h"

#include <QPointer>
#include <QScrollArea>

#include <optional>

class QAction;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QListWidget;
class QPushButton;
class QRadioButton;
class QTableView;
class QToolButton;

namespace CoCommission {

class CompareDialog;
class CpaLegendModel;
class DialogService;
class EditRunner;
class MapView;
class NoticeBox;
class RoundDocument;
class SuggestDialog;

/**
 * The Contract Package Area editor: one page on which the officer picks a CPA plan of the
 * round, paints its authorities into CPAs on a map, and sees at once what core's plan check
 * says of it.
 *
 * - The plan bar picks the plan shown and creates, duplicates, renames, deletes and adopts
 *   plans; Compare… and Suggest… open their dialogs; Import/export reads and writes assignment
 *   files and boundary files.
 * - The map (MapView) is filled with the CPAs' colours and outlines in red the authorities of
 *   the problems that break a rule (or of the problem selected). A stroke paints its
 *   authorities with the brush, the CPA selected in the legend (or "In no CPA", the eraser), as
 *   one undo step; a digit key paints the current authority into the n-th CPA.
 * - The legend (CpaLegendModel) gives each CPA's figures; the settings set the adjacency rule,
 *   the balance indicator and the minimum size; the problems list gives the check's sentences.
 *
 * Every edit goes through Commands, so it can be undone, and every figure comes from core
 * (checkOptionsFor(), roundAdjacency(), checkPlan(): the same as checkRoundPlan()). The page
 * follows the document: it refreshes on every roundChanged(). While the shown plan is frozen
 * (the adopted plan once stage 2 is ready for sign-off) or the round is read-only, painting,
 * CPA edits and settings are off and a notice says why.
 */
class CpaEditor : public QScrollArea
{
    Q_OBJECT

public:
    CpaEditor(EditRunner *edits, DialogService *dialogs, QWidget *parent = nullptr);
    ~CpaEditor() override;

    void setDocument(RoundDocument *document);
    RoundDocument *document() const;

    /** Shows \a plan; false when the round has no such plan. */
    bool setPlan(PlanId plan);
    /** The plan shown; invalid when the round has none. */
    PlanId plan() const { return m_plan; }
    /** Paints with \a cpa of the shown plan, or with the eraser for an invalid id. */
    bool setBrush(CpaId cpa);
    /** The CPA painted with; invalid for the eraser. */
    CpaId brush() const { return m_brush; }

    /** Why the shown plan cannot be painted or edited now, or an empty string. */
    QString whyNotEditable() const;
    /** The check of the shown plan, as shown; nullopt when there is none or it failed. */
    const std::optional<PlanCheck> &check() const { return m_check; }

    // What the buttons do (asking through the DialogService), for the tests.
    void newPlan();
    void duplicatePlan();
    void renamePlan();
    void deletePlan();
    void adoptPlan();
    void addCpa();
    void renameCpa();
    void recolourCpa();
    void removeCpa();
    void importAssignment();
    void exportAssignment();
    void importBoundaries(bool chooseCodeProperty = false);
    void removeBoundaries();
    /** Opens (or raises) the comparison of the shown plan with another. */
    CompareDialog *compare();
    /** Opens the suggestion dialog, window-modal but without blocking. */
    SuggestDialog *suggest();

    QComboBox *planCombo() const { return m_planCombo; }
    QLabel *planStatusLabel() const { return m_planStatus; }
    QPushButton *newPlanButton() const { return m_newPlanButton; }
    QPushButton *duplicatePlanButton() const { return m_duplicateButton; }
    QPushButton *renamePlanButton() const { return m_renamePlanButton; }
    QPushButton *deletePlanButton() const { return m_deletePlanButton; }
    QPushButton *adoptButton() const { return m_adoptButton; }
    QPushButton *compareButton() const { return m_compareButton; }
    QPushButton *suggestButton() const { return m_suggestButton; }
    QToolButton *filesButton() const { return m_filesButton; }
    QAction *importAssignmentAction() const { return m_importAssignmentAction; }
    QAction *exportAssignmentAction() const { return m_exportAssignmentAction; }
    QAction *importBoundariesAction() const { return m_importBoundariesAction; }
    QAction *removeBoundariesAction() const { return m_removeBoundariesAction; }
    NoticeBox *frozenNotice() const { return m_frozenNotice; }
    MapView *map() const { return m_map; }
    QRadioButton *tilesButton() const { return m_tilesButton; }
    QRadioButton *boundariesButton() const { return m_boundariesButton; }
    QLabel *mapInfoLabel() const { return m_mapInfo; }
    QTableView *legend() const { return m_legend; }
    CpaLegendModel *legendModel() const { return m_legendModel; }
    QPushButton *addCpaButton() const { return m_addCpaButton; }
    QPushButton *renameCpaButton() const { return m_renameCpaButton; }
    QPushButton *colourButton() const { return m_colourButton; }
    QPushButton *removeCpaButton() const { return m_removeCpaButton; }
    QComboBox *ruleCombo() const { return m_ruleCombo; }
    QComboBox *indicatorCombo() const { return m_indicatorCombo; }
    QDoubleSpinBox *minimumSizeSpin() const { return m_minimumSpin; }
    QLabel *checkRuleLabel() const { return m_ruleLabel; }
    QLabel *problemsStatusLabel() const { return m_problemsStatus; }
    /** The plan's balance as a whole: largest deviation and largest over smallest CPA. */
    QLabel *balanceLabel() const { return m_balanceLabel; }
    QListWidget *problemsList() const { return m_problemsList; }
    /** The comparison open, or nullptr (out of line: the dialogs are incomplete here). */
    CompareDialog *compareDialog() const;
    /** The suggestion dialog open, or nullptr. */
    SuggestDialog *suggestDialog() const;

    /** Item data roles of the problems list. */
    enum ProblemRole {
        ProblemCodesRole = Qt::UserRole + 1, ///< QStringList: the authorities concerned
        ProblemBreaksRuleRole                ///< bool
    };

signals:
    /** A sentence for the window's status bar, e.g. what was deleted and how to undo it. */
    void statusMessage(const QString &text);

private:
    void buildPlanBar(QWidget *content);
    void buildMapPanel(QWidget *panel);
    void buildSidePanel(QWidget *panel);

    void refresh();
    void fillPlanCombo();
    void refreshMapBasics();
    void refreshCheck();
    void refreshLegend();
    void refreshMap();
    void refreshSettings();
    void refreshProblems();
    void refreshActions();
    void selectBrushRow();
    void updateMapInfo(const QString &code);

    void onLegendRowChanged(int row);
    void onStrokeFinished(const QStringList &codes);
    void onNumberPressed(int n, const QString &code);
    void onProblemSelected();
    void onModeToggled();
    void applySettings();

    const CpaPlan *currentPlan() const;
    const Cpa *brushCpa() const;
    /** "Westminster (E09000033) · Central London Forward · Claimant count (2024-05): 4,120" */
    QStringList describeAuthority(const QString &code) const;
    /** A plan name based on \a base that no plan of the round has. */
    QString uniquePlanName(const QString &base) const;
    QString undoHint() const;
    QString startDirectory() const;
    void rememberDirectory(const QString &path);

    EditRunner *m_edits;
    DialogService *m_dialogs;
    QPointer<RoundDocument> m_document;
    PlanId m_plan;
    CpaId m_brush;
    bool m_refreshing = false;
    bool m_hasMeasure = false; ///< the round has a measure to balance on (set by refreshSettings)

    std::optional<PlanCheck> m_check;
    QString m_checkError;
    PlanCheckOptions m_options;
    QList<Authority> m_authorities; ///< as given to the map
    QString m_boundaryKey;          ///< of the boundaries given to the map
    QString m_boundaryError;

    QLabel *m_heading;
    QComboBox *m_planCombo;
    QLabel *m_planStatus;
    QPushButton *m_newPlanButton;
    QPushButton *m_duplicateButton;
    QPushButton *m_renamePlanButton;
    QPushButton *m_deletePlanButton;
    QPushButton *m_adoptButton;
    QPushButton *m_compareButton;
    QPushButton *m_suggestButton;
    QToolButton *m_filesButton;
    QAction *m_importAssignmentAction;
    QAction *m_exportAssignmentAction;
    QAction *m_importBoundariesAction;
    QAction *m_importBoundariesWithPropertyAction;
    QAction *m_removeBoundariesAction;
    NoticeBox *m_frozenNotice;

    QRadioButton *m_tilesButton;
    QRadioButton *m_boundariesButton;
    MapView *m_map;
    QLabel *m_mapInfo;

    QTableView *m_legend;
    CpaLegendModel *m_legendModel;
    QPushButton *m_addCpaButton;
    QPushButton *m_renameCpaButton;
    QPushButton *m_colourButton;
    QPushButton *m_removeCpaButton;
    QComboBox *m_ruleCombo;
    QComboBox *m_indicatorCombo;
    QDoubleSpinBox *m_minimumSpin;
    QLabel *m_ruleLabel;
    QLabel *m_problemsStatus;
    QLabel *m_balanceLabel;
    QListWidget *m_problemsList;

    QPointer<CompareDialog> m_compareDialog;
    QPointer<SuggestDialog> m_suggestDialog;
};

} // namespace CoCommission
