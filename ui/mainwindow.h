#pragma once

#include "core/round/stage.h"

#include <QMainWindow>
#include <QPointer>

#include <memory>
#include <optional>

class QAction;
class QMimeData;
class QListView;
class QMenu;
class QSplitter;
class QStackedWidget;

namespace CoCommission {

class CpaEditor;
class DialogService;
class EditRunner;
class NoticeBox;
class OverviewPage;
class PaperWindow;
class RoundDocument;
class StageListModel;
class StagePage;
class WelcomePage;

/**
 * The main window: the welcome page when no round is open; otherwise the navigator (round
 * overview and the six stages) beside the page of the selected row.
 *
 * The window owns at most one RoundDocument. Opening another round replaces it only once the
 * new one has opened, so a file that cannot be opened leaves the current round as it was.
 * There is no Save: every edit is written to the file at once. All questions and messages go
 * through the DialogService, which tests script.
 */
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    /** \a dialogs is not owned; with nullptr the window makes its own interactive service. */
    explicit MainWindow(DialogService *dialogs = nullptr, QWidget *parent = nullptr);
    ~MainWindow() override;

    DialogService *dialogService() const { return m_dialogs; }
    RoundDocument *document() const;

    /** Opens the round at \a path; on failure shows why and keeps the current round. */
    bool openFile(const QString &path);
    /** Opens the persistent demo round, creating it first when it does not exist. */
    bool openDemoRound();
    /** Asks for a file name and creates a new London round there. */
    bool newRound();
    /** Asks for a round file and opens it. */
    bool openRound();
    void closeRound();

    /**
     * Asks for a NOMIS CSV download and a name for its dataset, imports it into the round with
     * a progress dialog (Cancel leaves the round as it was) and summarises what was imported.
     */
    bool importNomisData();
    /** Imports the NOMIS CSV at \a path, asking only for the dataset's name. */
    bool importNomisFile(const QString &path);
    /** Asks for a lookup CSV of smaller areas to authorities and imports it. */
    bool importLookup();

    /** Selects \a stage in the navigator, or the overview for nullopt. */
    void showPage(std::optional<StageId> stage);
    /**
     * Shows the Contract Package Area editor. The navigator has no row for it (its rows are
     * the overview and the six stages), so no navigator row is current meanwhile.
     */
    void showCpaEditor();
    /**
     * Opens (or raises) the board-paper window, one per main window; with \a stage, shows the
     * latest paper covering it or offers a new one.
     */
    PaperWindow *showPaperWindow(std::optional<StageId> stage = std::nullopt);

    /** Where the demo round lives: demo.cocom in the application data folder. */
    static QString demoRoundPath();
    static QString fileFilter();

    bool isWelcomeShown() const;
    WelcomePage *welcomePage() const { return m_welcomePage; }
    QListView *navigator() const { return m_navigator; }
    StageListModel *stageModel() const { return m_stageModel; }
    OverviewPage *overviewPage() const { return m_overviewPage; }
    StagePage *stagePage() const { return m_stagePage; }
    CpaEditor *cpaEditor() const { return m_cpaEditor; }
    QAction *cpaEditorAction() const { return m_cpaEditorAction; }
    QAction *paperAction() const { return m_paperAction; }
    /** The board-paper window, or nullptr when it has not been opened. */
    PaperWindow *paperWindow() const;
    NoticeBox *readOnlyBanner() const { return m_readOnlyBanner; }
    QAction *undoAction() const { return m_undoAction; }
    QAction *redoAction() const { return m_redoAction; }
    QAction *closeAction() const { return m_closeAction; }
    QAction *importNomisAction() const { return m_importNomisAction; }
    QAction *importLookupAction() const { return m_importLookupAction; }

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createPages();

    void setDocument(std::unique_ptr<RoundDocument> document);
    void onRoundChanged();
    void onNavigatorRowChanged(int row);
    void updateWindowTitle();
    void updateActions();
    void updateUndoActions();
    void rebuildRecentMenu();
    void refreshWelcome();
    void showAbout();
    void rememberDirectory(const QString &path);
    QString startDirectory() const;

    /** The local files in \a mime whose names end with \a suffix. */
    static QStringList droppedFiles(const QMimeData *mime, QLatin1String suffix);
    /** Whether labour-market data can be imported now; the reason when not. */
    QString whyNotImport() const;
    static QString csvFilter();

    DialogService *m_dialogs;
    std::unique_ptr<DialogService> m_ownDialogs;
    EditRunner *m_edits;
    std::unique_ptr<RoundDocument> m_document;

    QStackedWidget *m_central = nullptr;
    WelcomePage *m_welcomePage = nullptr;
    QWidget *m_roundPage = nullptr;
    NoticeBox *m_readOnlyBanner = nullptr;
    QSplitter *m_splitter = nullptr;
    QListView *m_navigator = nullptr;
    StageListModel *m_stageModel = nullptr;
    QStackedWidget *m_pages = nullptr;
    OverviewPage *m_overviewPage = nullptr;
    StagePage *m_stagePage = nullptr;
    CpaEditor *m_cpaEditor = nullptr;

    QAction *m_newAction = nullptr;
    QAction *m_openAction = nullptr;
    QAction *m_demoAction = nullptr;
    QAction *m_closeAction = nullptr;
    QAction *m_importNomisAction = nullptr;
    QAction *m_importLookupAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_clearRecentAction = nullptr;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_aboutQtAction = nullptr;
    QList<QAction *> m_goActions;
    QAction *m_cpaEditorAction = nullptr;
    QAction *m_paperAction = nullptr;
    QPointer<PaperWindow> m_paperWindow;
    QMenu *m_recentMenu = nullptr;
    bool m_importing = false; ///< an import is running (its progress dialog processes events)
};

} // namespace CoCommission
