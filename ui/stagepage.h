#pragma once

#include "core/round/stage.h"

#include <QPointer>
#include <QScrollArea>

class QGroupBox;
class QLabel;
class QListWidget;
class QPushButton;
class QTableWidget;

namespace CoCommission {

class DesignView;
class DialogService;
class EditRunner;
class AgreementView;
class NeedsView;
class PrioritiesView;
class RoundDocument;
class SelectionView;
class SupplyView;
class MonitoringView;

/**
 * One stage of the round: where it stands, what it still needs (met requirements ticked, then
 * the signatures), the status actions and sign-off, the sign-offs recorded, and a plain "not
 * built yet" box. The needs stage also shows the round's labour-market indicators (NeedsView)
 * and the Local Labour Market Agreements (AgreementView),
 * the priorities stage its working screen (PrioritiesView), the selection stage its bid
 * evaluation (SelectionView).
 *
 * Each action button is enabled exactly when StageRules allows the change; when it is not, its
 * tooltip (and the line under the buttons) gives the reason.
 */
class StagePage : public QScrollArea
{
    Q_OBJECT

public:
    StagePage(EditRunner *edits, DialogService *dialogs, QWidget *parent = nullptr);
    ~StagePage() override;

    void setDocument(RoundDocument *document);
    void setStage(StageId stage);
    StageId stage() const { return m_stage; }

    QListWidget *needsList() const { return m_needsList; }
    QPushButton *startButton() const { return m_startButton; }
    QPushButton *markReadyButton() const { return m_markReadyButton; }
    QPushButton *withdrawButton() const { return m_withdrawButton; }
    QPushButton *signOffButton() const { return m_signOffButton; }
    QTableWidget *signOffTable() const { return m_signOffTable; }
    NeedsView *needsView() const { return m_needsView; }
    AgreementView *agreementView() const { return m_agreementView; }
    PrioritiesView *prioritiesView() const { return m_prioritiesView; }
    DesignView *designView() const { return m_designView; }
    SupplyView *supplyView() const { return m_supplyView; }
    MonitoringView *monitoringView() const { return m_monitoringView; }
    SelectionView *selectionView() const { return m_selectionView; }

signals:
    /** "Board paper for this stage…": the main window opens the papers with \a stage picked. */
    void paperRequested(CoCommission::StageId stage);

private:
    void refresh();
    void refreshNeeds();
    void refreshActions();
    void refreshSignOffs();
    void refreshIndicatorsBox();

    void changeStatus(StageStatus status);
    void signOff();

    EditRunner *m_edits;
    DialogService *m_dialogs;
    QPointer<RoundDocument> m_document;
    StageId m_stage = StageId::Needs;

    QLabel *m_heading;
    QLabel *m_statusIcon;
    QLabel *m_statusLabel;
    QListWidget *m_needsList;
    QPushButton *m_startButton;
    QPushButton *m_markReadyButton;
    QPushButton *m_withdrawButton;
    QPushButton *m_signOffButton;
    QLabel *m_nextStepLabel;
    QTableWidget *m_signOffTable;
    QLabel *m_noSignOffsLabel;
    QGroupBox *m_notBuiltBox;
    QLabel *m_notBuiltLabel;
    QGroupBox *m_indicatorsBox;
    NeedsView *m_needsView;
    QGroupBox *m_agreementsBox;
    AgreementView *m_agreementView;
    QGroupBox *m_prioritiesBox;
    PrioritiesView *m_prioritiesView;
    QGroupBox *m_designBox;
    DesignView *m_designView;
    QGroupBox *m_supplyBox;
    SupplyView *m_supplyView;
    QGroupBox *m_monitoringBox;
    MonitoringView *m_monitoringView;
    QGroupBox *m_selectionBox;
    SelectionView *m_selectionView;
};

} // namespace CoCommission
