#pragma once

#include <QMainWindow>

#include <memory>

class QLabel;
class QPushButton;
class QTableWidget;

namespace CoCommission {

class DialogService;
class NoticeBox;
class PackSession;
class ScoreSheet;

/**
 * The window in which an assessor scores a pack on their own desktop, with no round open: the
 * pack's bids and criteria, a declaration of interest (or none) per bidder, the score sheet
 * (the same ScoreSheet as the round's Scoring tab, over a PackSession), and "Save return…",
 * which writes the return the evaluation lead imports.
 *
 * The session lives in memory: nothing is written until the return is saved, and closing with
 * changes not saved asks first. Packs come from other machines; a pack that cannot be read is
 * refused with the reader's message and no window.
 */
class PackWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit PackWindow(DialogService *dialogs, QWidget *parent = nullptr);
    ~PackWindow() override;

    /**
     * Asks for a pack (starting in \a directory), opens it in a new window and shows it; shows
     * why and returns nullptr when it cannot be read. The window deletes itself when closed.
     */
    static PackWindow *openFile(DialogService *dialogs, QWidget *parent, const QString &directory);

    /** Reads the pack at \a path; on failure shows why and keeps what was shown. */
    bool openPack(const QString &path);
    /** Asks for a file name and writes the return there. */
    bool saveReturn();
    /** Writes the return to \a path; on failure shows why. */
    bool saveReturnTo(const QString &path);

    const PackSession *session() const { return m_session.get(); }
    bool isModified() const { return m_modified; }
    QString packPath() const { return m_packPath; }

    ScoreSheet *scoreSheet() const { return m_sheet; }
    QLabel *headingLabel() const { return m_heading; }
    QLabel *detailsLabel() const { return m_details; }
    NoticeBox *illustrativeNotice() const { return m_illustrativeNotice; }
    QTableWidget *declarationsTable() const { return m_declarationsTable; }
    QPushButton *declareNoneButton() const { return m_declareNoneButton; }
    QPushButton *declareConflictButton() const { return m_declareConflictButton; }
    QTableWidget *bidsTable() const { return m_bidsTable; }
    QTableWidget *criteriaTable() const { return m_criteriaTable; }
    QLabel *saveStatusLabel() const { return m_saveStatus; }
    QPushButton *saveReturnButton() const { return m_saveButton; }

    /** Declares about the bidder selected in declarationsTable(), asking as the sheet does. */
    bool declareSelected(bool conflicted);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    class Backend;
    friend class Backend;

    bool declare(const QString &bidder, bool conflicted);
    void onChanged();
    void refreshPack();
    void refreshDeclarations();
    void refreshSaveStatus();
    void updateTitle();

    DialogService *m_dialogs;
    std::unique_ptr<PackSession> m_session;
    std::unique_ptr<Backend> m_backend;
    QString m_packPath;
    QString m_returnPath;
    bool m_modified = false;

    QLabel *m_heading;
    QLabel *m_details;
    NoticeBox *m_illustrativeNotice;
    QTableWidget *m_declarationsTable;
    QPushButton *m_declareNoneButton;
    QPushButton *m_declareConflictButton;
    QTableWidget *m_bidsTable;
    QTableWidget *m_criteriaTable;
    ScoreSheet *m_sheet;
    QLabel *m_saveStatus;
    QPushButton *m_saveButton;
};

} // namespace CoCommission
