#pragma once

// The board-paper window: the papers of the round, the editor of the one selected and its
// print preview. Typed text is stored a moment after the typing stops (kStoreDelayMs), when a
// field loses the focus, before another paper is shown and when the window closes, so text is
// never lost; every store is one Commands::savePaper() with a merge key per field, so typing in
// one field is one undo step.

#include "core/round/stage.h"

#include <QHash>
#include <QPointer>
#include <QSet>
#include <QWidget>

#include <functional>
#include <optional>

class QAction;
class QCheckBox;
class QDateEdit;
class QGroupBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QTimer;
class QVBoxLayout;

namespace CoCommission {

class DialogService;
class EditRunner;
class NewPaperDialog;
class NoticeBox;
class PaperPreview;
class RoundDocument;
struct BoardPaper;

namespace Paper {
enum class Format;
}

/**
 * A non-modal window (one per main window) in which the officer writes the board papers of the
 * round (Round::papers) and produces them.
 *
 * - The list shows the papers by meeting date and stages; "New paper…" asks for the stages and
 *   the meeting and stores Paper::defaultPaper(); "Delete" asks first and can be undone.
 * - The editor holds the header block, the standard sections, the numbered recommendations
 *   (added, removed, moved and edited in place), the background papers, an "Exempt" choice for
 *   each section the paper holds (Paper::paperSectionKeys()), "Not for publication" and the
 *   disclosure control, which can be switched off only in a paper not for publication.
 * - The preview (PaperPreview) shows the paper as it prints, in the version chosen; the
 *   Export buttons write that version as PDF, ODT or HTML.
 *
 * Every change goes through Commands, so the main window's Undo and Redo (also Ctrl+Z and
 * Ctrl+Shift+Z here) take it back. While papers cannot change (whyPapersFrozen()) the editor
 * is read-only and a notice says why.
 */
class PaperWindow : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kStoreDelayMs = 700;

    PaperWindow(EditRunner *edits, DialogService *dialogs, QWidget *parent = nullptr);
    ~PaperWindow() override;

    void setDocument(RoundDocument *document);
    RoundDocument *document() const;

    /** Shows the paper \a id; false when the round has none. */
    bool selectPaper(qint64 id);
    /** The paper shown, or 0. */
    qint64 currentPaper() const { return m_paper; }
    /**
     * Shows the latest paper that covers \a stage, or, when none does, opens "New paper…" with
     * \a stage ticked. Returns the paper shown, or 0.
     */
    qint64 pickStage(StageId stage);

    /** Opens the "New paper…" dialog without blocking (window-modal); see newPaperDialog(). */
    NewPaperDialog *newPaper(const QList<StageId> &stages = {});
    NewPaperDialog *newPaperDialog() const;
    /** Stores a default paper for \a stages and \a meeting and shows it; its id, or 0. */
    qint64 createPaper(const QList<StageId> &stages, const QDate &meeting);
    /** Asks, then removes the paper shown. */
    bool deletePaper();

    /** Stores at once the text typed and not yet stored (\a report: show why a store fails). */
    void storePending(bool report = true);
    bool hasPendingText() const { return !m_dirty.isEmpty(); }

    /** Recommendations: \a text added at the end (asked for when nullopt). */
    bool addRecommendation(const std::optional<QString> &text = std::nullopt);
    bool removeRecommendation();
    bool moveRecommendation(int delta);

    /** The name offered for an export of the shown paper, e.g. "Item 1 - Selecting….pdf". */
    QString defaultFileName(Paper::Format format) const;
    /** Asks for a file name and writes the shown paper in the version previewed. */
    bool exportPaper(Paper::Format format);
    /** Writes the shown paper in the version previewed to \a path; shows why it fails. */
    bool exportTo(const QString &path);

    QListWidget *paperList() const { return m_list; }
    QPushButton *newPaperButton() const { return m_newButton; }
    QPushButton *deleteButton() const { return m_deleteButton; }
    NoticeBox *frozenNotice() const { return m_frozenNotice; }
    QWidget *editor() const { return m_editor; }
    QLineEdit *boardEdit() const { return m_board; }
    QLineEdit *itemNumberEdit() const { return m_itemNumber; }
    QLineEdit *titleEdit() const { return m_title; }
    QLineEdit *reportByEdit() const { return m_reportBy; }
    QLineEdit *jobTitleEdit() const { return m_jobTitle; }
    QLineEdit *contactEdit() const { return m_contact; }
    QLineEdit *emailEdit() const { return m_email; }
    QLineEdit *telephoneEdit() const { return m_telephone; }
    QDateEdit *meetingEdit() const { return m_meeting; }
    QCheckBox *stageCheck(StageId stage) const { return m_stageChecks.at(int(stage)); }
    QPlainTextEdit *summaryEdit() const { return m_summary; }
    QTableWidget *recommendationsTable() const { return m_recommendations; }
    QPushButton *addRecommendationButton() const { return m_addRecommendation; }
    QPushButton *removeRecommendationButton() const { return m_removeRecommendation; }
    QPushButton *moveUpButton() const { return m_moveUp; }
    QPushButton *moveDownButton() const { return m_moveDown; }
    QPlainTextEdit *backgroundEdit() const { return m_background; }
    QPlainTextEdit *optionsEdit() const { return m_options; }
    QPlainTextEdit *financialEdit() const { return m_financial; }
    QPlainTextEdit *legalEdit() const { return m_legal; }
    QPlainTextEdit *equalitiesEdit() const { return m_equalities; }
    QPlainTextEdit *backgroundPapersEdit() const { return m_backgroundPapers; }
    /** The "Exempt" check box of section \a key, or nullptr. */
    QCheckBox *exemptCheck(const QString &key) const { return m_exemptChecks.value(key); }
    QCheckBox *notForPublicationCheck() const { return m_notForPublication; }
    QCheckBox *disclosureCheck() const { return m_disclosureEnabled; }
    QSpinBox *thresholdSpin() const { return m_threshold; }
    QSpinBox *roundingSpin() const { return m_rounding; }
    QLabel *disclosureReasonLabel() const { return m_disclosureReason; }
    PaperPreview *preview() const { return m_preview; }
    QPushButton *exportPdfButton() const { return m_exportPdf; }
    QPushButton *exportOdtButton() const { return m_exportOdt; }
    QPushButton *exportHtmlButton() const { return m_exportHtml; }
    QAction *undoAction() const { return m_undoAction; }
    QAction *redoAction() const { return m_redoAction; }

signals:
    /** A sentence for the main window's status bar. */
    void statusMessage(const QString &text);

protected:
    void closeEvent(QCloseEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    /** A text field of the paper: its widget and how it reads and writes the paper. */
    struct TextField
    {
        QString key;
        QString undoText;
        QString description; ///< what the field holds, for assistive technology
        QWidget *widget;
        std::function<QString(const BoardPaper &)> get;
        std::function<void(BoardPaper &, const QString &)> set;
    };

    void buildList(QWidget *panel);
    void buildEditor(QWidget *content);
    void buildPreview(QWidget *panel);
    QLineEdit *addLine(const QString &key, const QString &undoText, const QString &accessible,
                       const QString &description, QString BoardPaper::*member);
    QPlainTextEdit *addText(const QString &key, const QString &undoText, const QString &accessible,
                            const QString &description,
                            const std::function<QString(const BoardPaper &)> &get,
                            const std::function<void(BoardPaper &, const QString &)> &set);

    void refresh();
    void refreshList();
    void loadPaper();
    void rebuildExemptChecks(const BoardPaper &paper);
    void refreshEnabled();
    void updateTitle();

    void onListRowChanged();
    void onTextEdited(const QString &key);
    void onRecommendationEdited(int row);
    void onStageToggled(StageId stage, bool on);

    const BoardPaper *storedPaper() const;
    QString whyFrozen() const;
    /**
     * Stores the shown paper changed by \a change, as one undo step named \a undoText; edits
     * with the same \a mergeKey merge. Nothing is stored when nothing changes. With \a report
     * false a failure is not shown (the idle store of half-typed text).
     */
    bool store(const QString &mergeKey, const QString &undoText,
               const std::function<void(BoardPaper &)> &change, bool report = true);
    QString startDirectory() const;

    EditRunner *m_edits;
    DialogService *m_dialogs;
    QPointer<RoundDocument> m_document;
    qint64 m_paper = 0;
    bool m_loading = false;
    QSet<QString> m_dirty; ///< keys of text fields typed in and not yet stored
    QList<TextField> m_fields;
    QTimer *m_storeTimer;
    QPointer<NewPaperDialog> m_newDialog;

    QListWidget *m_list;
    QPushButton *m_newButton;
    QPushButton *m_deleteButton;
    NoticeBox *m_frozenNotice;
    QWidget *m_editor;
    QLabel *m_noPaperLabel;
    QLineEdit *m_board = nullptr;
    QLineEdit *m_itemNumber = nullptr;
    QLineEdit *m_title = nullptr;
    QLineEdit *m_reportBy = nullptr;
    QLineEdit *m_jobTitle = nullptr;
    QLineEdit *m_contact = nullptr;
    QLineEdit *m_email = nullptr;
    QLineEdit *m_telephone = nullptr;
    QDateEdit *m_meeting;
    QList<QCheckBox *> m_stageChecks;
    QPlainTextEdit *m_summary = nullptr;
    QTableWidget *m_recommendations;
    QPushButton *m_addRecommendation;
    QPushButton *m_removeRecommendation;
    QPushButton *m_moveUp;
    QPushButton *m_moveDown;
    QPlainTextEdit *m_background = nullptr;
    QPlainTextEdit *m_options = nullptr;
    QPlainTextEdit *m_financial = nullptr;
    QPlainTextEdit *m_legal = nullptr;
    QPlainTextEdit *m_equalities = nullptr;
    QPlainTextEdit *m_backgroundPapers = nullptr;
    QGroupBox *m_exemptBox;
    QVBoxLayout *m_exemptLayout;
    QHash<QString, QCheckBox *> m_exemptChecks;
    QStringList m_exemptKeys; ///< the sections the boxes were made for, in order
    QCheckBox *m_notForPublication;
    QCheckBox *m_disclosureEnabled;
    QSpinBox *m_threshold;
    QSpinBox *m_rounding;
    QLabel *m_disclosureReason;
    PaperPreview *m_preview;
    QPushButton *m_exportPdf;
    QPushButton *m_exportOdt;
    QPushButton *m_exportHtml;
    QAction *m_undoAction;
    QAction *m_redoAction;
};

} // namespace CoCommission
