#pragma once

#include "core/round/monitoring.h"

#include <QDate>
#include <QPointer>
#include <QWidget>

#include <array>
#include <memory>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTimer;

namespace CoCommission {

class DialogService;
class EditRunner;
class NoticeBox;
class RoundDocument;
struct ContractManagerPaper;

/**
 * Stage 6: the report to the DWP contract manager tab of MonitoringView. For the month picked
 * (the contract's months with returns or a report; the latest by default) it shows core's
 * contractManagerPaper(): the four matters of the report, each with the findings drawn from
 * the round (read only) and the board's commentary, which is edited here.
 *
 * Commentary is stored in ProgrammeBoard::reports for the month through Commands::setBoard():
 * when the box loses the focus, after a short pause in typing, before another month is picked
 * and before the report is saved or copied. One spell of editing a box (from the focus coming
 * in to it going out) is one undo step: its stores share a merge key
 * "report/<YYYY-MM>/<matter>/<spell>". While a box holds text not yet stored, changes to the
 * round leave it alone.
 *
 * The report is saved as HTML (ContractManagerPaper::toHtml(), written with QSaveFile) or copied
 * as plain text. It is worked out, like PerformanceView's report, only when the tab is shown.
 */
class ContractReportView : public QWidget
{
    Q_OBJECT

public:
    /** How long typing must pause before the commentary is stored. */
    static constexpr int kIdleMilliseconds = 1500;

    ContractReportView(EditRunner *edits, DialogService *dialogs, QWidget *parent = nullptr);
    ~ContractReportView() override;

    void setDocument(RoundDocument *document);
    /** Reads the round again: now when the tab is shown, else when it next is. */
    void refresh();

    /** The report shown, or null (nothing to report, or not worked out yet). */
    const ContractManagerPaper *paper() const;
    int computeCount() const { return m_computeCount; }
    bool isStale() const { return m_stale; }

    /** The month reported to; invalid when there is none. */
    QDate period() const;
    bool setPeriod(const QDate &period);

    /** Stores the commentary typed and not yet stored; false when a store was refused. */
    bool commitCommentary();
    /** Asks where to save the report as HTML and writes it; false when nothing was written. */
    bool saveHtml();
    /** Puts the report as plain text on the clipboard. */
    bool copyText();

    QLabel *emptyLabel() const { return m_emptyLabel; }
    QComboBox *periodCombo() const { return m_periodCombo; }
    NoticeBox *illustrativeNotice() const { return m_illustrative; }
    QLabel *pdfNote() const { return m_pdfNote; }
    QPushButton *saveButton() const { return m_saveButton; }
    QPushButton *copyButton() const { return m_copyButton; }
    QLabel *findingsLabel(ReportMatter matter) const { return m_matters[size_t(matter)].findings; }
    QPlainTextEdit *commentaryEdit(ReportMatter matter) const
    {
        return m_matters[size_t(matter)].edit;
    }

protected:
    void showEvent(QShowEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    /** One matter of the report on screen, and the spell of editing its box. */
    struct Matter
    {
        ReportMatter matter = ReportMatter::LocalIntegration;
        QLabel *heading = nullptr;
        QLabel *findings = nullptr;
        QPlainTextEdit *edit = nullptr;
        bool dirty = false; ///< holds text not yet stored
        QDate period;       ///< the month the text not yet stored is for
        int spell = 0;      ///< numbers the spells of editing, for the merge key
    };

    void compute();
    QString whyEmpty() const;
    void fillPeriods();
    void display();
    bool commit(Matter &matter);
    void refreshEditability();

    EditRunner *m_edits;
    DialogService *m_dialogs;
    QPointer<RoundDocument> m_document;

    std::unique_ptr<ContractManagerPaper> m_paper;
    bool m_stale = true;
    bool m_filling = false;
    int m_computeCount = 0;
    int m_spells = 0;
    QDate m_pickedPeriod; ///< invalid: the latest month
    QString m_error;

    QLabel *m_emptyLabel;
    QWidget *m_content;
    QComboBox *m_periodCombo;
    QPushButton *m_saveButton;
    QPushButton *m_copyButton;
    NoticeBox *m_illustrative;
    QLabel *m_intro;
    QLabel *m_pdfNote;
    std::array<Matter, 4> m_matters;
    QTimer *m_idle;
};

} // namespace CoCommission
