#pragma once

#include "core/round/stage.h"

#include <QPointer>
#include <QScrollArea>

#include <array>

class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QVBoxLayout;

namespace CoCommission {

class DialogService;
class EditRunner;
class NoticeBox;
class RoundDocument;

/**
 * The round overview: title, programme and devolution model (edited through Commands), the
 * partnerships, the CPA plans (with Adopt for a plan not adopted), the progress of the six
 * stages and, when the round holds invented figures, a notice saying so.
 *
 * The page follows the document's signals; it never keeps state of its own beyond the text
 * being typed.
 */
class OverviewPage : public QScrollArea
{
    Q_OBJECT

public:
    OverviewPage(EditRunner *edits, DialogService *dialogs, QWidget *parent = nullptr);
    ~OverviewPage() override;

    void setDocument(RoundDocument *document);

    QLineEdit *titleEdit() const { return m_titleEdit; }
    QLineEdit *programmeEdit() const { return m_programmeEdit; }
    QComboBox *modelCombo() const { return m_modelCombo; }
    NoticeBox *illustrativeNotice() const { return m_illustrativeNotice; }
    QPushButton *openCpaEditorButton() const { return m_openCpaEditorButton; }

signals:
    /** The user followed a stage link. */
    void stageRequested(CoCommission::StageId stage);
    /** The user asked for the CPA editor (the button of the plans section). */
    void cpaEditorRequested();

private:
    void commitTitle();
    void commitProgramme();
    void onModelActivated(int index);
    void adopt(qint64 planId);

    void refreshAll();
    void refreshHeader();
    void refreshEditability();
    void refreshModelRule();
    void refreshPartnerships();
    void refreshPlans();
    void refreshProgress();

    EditRunner *m_edits;
    DialogService *m_dialogs;
    QPointer<RoundDocument> m_document;

    QLabel *m_heading;
    QLabel *m_fileLabel;
    NoticeBox *m_illustrativeNotice;
    QLineEdit *m_titleEdit;
    QLineEdit *m_programmeEdit;
    QComboBox *m_modelCombo;
    QLabel *m_modelRule;
    QGroupBox *m_partnershipsBox;
    QVBoxLayout *m_partnershipsLayout;
    QGroupBox *m_plansBox;
    QVBoxLayout *m_plansLayout;
    QPushButton *m_openCpaEditorButton;
    std::array<QLabel *, 6> m_stageDots{};
    std::array<QPushButton *, 6> m_stageLinks{};
    std::array<QLabel *, 6> m_stageSummaries{};
};

} // namespace CoCommission
