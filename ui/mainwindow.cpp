#include "ui/mainwindow.h"

#include "core/commands/commands.h"
#include "core/io/nomisimport.h"
#include "core/round/londonround.h"
#include "core/round/rounddocument.h"
#include "ui/cpa/cpaeditor.h"
#include "ui/dialogservice.h"
#include "ui/editrunner.h"
#include "ui/models/stagelistmodel.h"
#include "ui/needsview.h"
#include "ui/noticebox.h"
#include "ui/overviewpage.h"
#include "ui/paper/paperwindow.h"
#include "ui/selection/packwindow.h"
#include "ui/settings.h"
#include "ui/stagelistdelegate.h"
#include "ui/stagepage.h"
#include "ui/uiutil.h"
#include "ui/welcomepage.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QIcon>
#include <QListView>
#include <QMenuBar>
#include <QMimeData>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QUndoStack>
#include <QVBoxLayout>

namespace CoCommission {

namespace {

const QLatin1String kSuffix(".cocom");
const QLatin1String kCsvSuffix(".csv");
/** Codes listed by name in an import summary; more are counted. */
constexpr int kListedCodes = 12;

bool isSameFile(const QString &a, const QString &b)
{
    const QFileInfo fa(a);
    const QFileInfo fb(b);
    const QString ca = fa.canonicalFilePath();
    return !ca.isEmpty()
               ? ca == fb.canonicalFilePath()
               : QDir::cleanPath(fa.absoluteFilePath()) == QDir::cleanPath(fb.absoluteFilePath());
}

/** "Change round title" → "change round title", to follow "Undo" in sentence case. */
QString lowerFirst(QString text)
{
    if (text.size() > 1 && text.at(0).isUpper() && !text.at(1).isUpper())
        text[0] = text.at(0).toLower();
    return text;
}

/** "1 row", "12,345 rows": counts in sentences, without "(s)". */
QString count(qint64 n, const QString &one, const QString &many)
{
    return n == 1 ? one : many.arg(UiUtil::numberLocale().toString(n));
}

QString codeList(const QStringList &codes)
{
    QString text = codes.mid(0, kListedCodes).join(QStringLiteral(", "));
    if (codes.size() > kListedCodes)
        text = QCoreApplication::translate("CoCommission::MainWindow", "%1 and %2 more")
                   .arg(text)
                   .arg(codes.size() - kListedCodes);
    return text;
}

} // namespace

MainWindow::MainWindow(DialogService *dialogs, QWidget *parent)
    : QMainWindow(parent)
    , m_dialogs(dialogs)
{
    if (!m_dialogs) {
        m_ownDialogs = std::make_unique<DialogService>();
        m_dialogs = m_ownDialogs.get();
    }
    m_edits = new EditRunner(m_dialogs, this);
    setObjectName(QStringLiteral("mainWindow"));
    setAcceptDrops(true);
    setWindowIcon(QIcon(QStringLiteral(":/icons/cocommission.svg")));

    Settings::migrate();
    createActions();
    createPages();
    createMenus();
    statusBar();

    resize(1200, 800);
    restoreGeometry(Settings::value(Settings::WindowGeometry).toByteArray());
    restoreState(Settings::value(Settings::WindowState).toByteArray());
    m_splitter->restoreState(Settings::value(Settings::NavigatorSplitter).toByteArray());

    updateActions();
    updateWindowTitle();
    refreshWelcome();
}

MainWindow::~MainWindow()
{
    // Pages and the model hold the document by QPointer; detach them before it goes.
    m_stageModel->setDocument(nullptr);
    m_overviewPage->setDocument(nullptr);
    m_stagePage->setDocument(nullptr);
    m_cpaEditor->setDocument(nullptr);
    if (m_paperWindow)
        m_paperWindow->setDocument(nullptr);
    m_edits->setDocument(nullptr);
    // reset() forgets the document before deleting it, so that the undo stack's last signals
    // (sent while the document is being destroyed) find no document.
    m_document.reset();
}

RoundDocument *MainWindow::document() const
{
    return m_document.get();
}

QString MainWindow::fileFilter()
{
    return tr("CoCommission rounds (*.cocom)");
}

QString MainWindow::demoRoundPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/demo.cocom");
}

void MainWindow::createActions()
{
    m_newAction = new QAction(tr("&New round…"), this);
    m_newAction->setObjectName(QStringLiteral("newAction"));
    m_newAction->setShortcuts(QKeySequence::New);
    connect(m_newAction, &QAction::triggered, this, &MainWindow::newRound);

    m_openAction = new QAction(tr("&Open round…"), this);
    m_openAction->setObjectName(QStringLiteral("openAction"));
    m_openAction->setShortcuts(QKeySequence::Open);
    connect(m_openAction, &QAction::triggered, this, &MainWindow::openRound);

    m_demoAction = new QAction(tr("Open the &demo round"), this);
    m_demoAction->setObjectName(QStringLiteral("demoAction"));
    connect(m_demoAction, &QAction::triggered, this, &MainWindow::openDemoRound);

    m_closeAction = new QAction(tr("&Close round"), this);
    m_closeAction->setObjectName(QStringLiteral("closeAction"));
    m_closeAction->setShortcuts(QKeySequence::Close);
    connect(m_closeAction, &QAction::triggered, this, &MainWindow::closeRound);

    m_importNomisAction = new QAction(tr("&Import labour-market data…"), this);
    m_importNomisAction->setObjectName(QStringLiteral("importNomisAction"));
    m_importNomisAction->setStatusTip(
        tr("Import a NOMIS download (CSV) as a dataset of the round"));
    connect(m_importNomisAction, &QAction::triggered, this, &MainWindow::importNomisData);

    m_importLookupAction = new QAction(tr("Import &lookup of small areas…"), this);
    m_importLookupAction->setObjectName(QStringLiteral("importLookupAction"));
    m_importLookupAction->setStatusTip(
        tr("Import a CSV of small areas (wards, LSOAs) and their authorities"));
    connect(m_importLookupAction, &QAction::triggered, this, &MainWindow::importLookup);

    m_quitAction = new QAction(tr("&Quit"), this);
    m_quitAction->setObjectName(QStringLiteral("quitAction"));
    m_quitAction->setShortcuts(QKeySequence::Quit);
    // Windows' scheme has no Quit key (Alt+F4 closes the window); keep Ctrl+Q everywhere.
    if (m_quitAction->shortcuts().isEmpty())
        m_quitAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_clearRecentAction = new QAction(tr("&Clear recent rounds"), this);
    m_clearRecentAction->setObjectName(QStringLiteral("clearRecentAction"));
    connect(m_clearRecentAction, &QAction::triggered, this, [this] {
        Settings::clearRecentFiles();
        rebuildRecentMenu();
        refreshWelcome();
    });

    m_undoAction = new QAction(tr("&Undo"), this);
    m_undoAction->setObjectName(QStringLiteral("undoAction"));
    m_undoAction->setShortcuts(QKeySequence::Undo);
    connect(m_undoAction, &QAction::triggered, this, [this] {
        if (m_document)
            m_document->undoStack()->undo();
    });

    m_redoAction = new QAction(tr("&Redo"), this);
    m_redoAction->setObjectName(QStringLiteral("redoAction"));
    m_redoAction->setShortcuts(QKeySequence::Redo);
    connect(m_redoAction, &QAction::triggered, this, [this] {
        if (m_document)
            m_document->undoStack()->redo();
    });

    // Keyboard users reach every page directly: Ctrl+0 the overview, Ctrl+1 to Ctrl+6 stages.
    auto *overview = new QAction(tr("Round &overview"), this);
    overview->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    connect(overview, &QAction::triggered, this, [this] { showPage(std::nullopt); });
    m_goActions.append(overview);
    for (StageId stage : kAllStages) {
        auto *go = new QAction(tr("&%1. %2").arg(stageNumber(stage)).arg(stageTitle(stage)), this);
        go->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_0 + stageNumber(stage))));
        connect(go, &QAction::triggered, this, [this, stage] { showPage(stage); });
        m_goActions.append(go);
    }
    m_cpaEditorAction = new QAction(tr("&Contract Package Areas"), this);
    m_cpaEditorAction->setObjectName(QStringLiteral("cpaEditorAction"));
    m_cpaEditorAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_7));
    m_cpaEditorAction->setStatusTip(tr("Draw, check, compare and suggest the CPA plans"));
    connect(m_cpaEditorAction, &QAction::triggered, this, &MainWindow::showCpaEditor);

    m_paperAction = new QAction(tr("Board &paper…"), this);
    m_paperAction->setObjectName(QStringLiteral("paperAction"));
    m_paperAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    m_paperAction->setStatusTip(tr("Write, preview and export the board papers of the round"));
    connect(m_paperAction, &QAction::triggered, this, [this] { showPaperWindow(); });

    m_aboutAction = new QAction(tr("&About CoCommission"), this);
    m_aboutAction->setObjectName(QStringLiteral("aboutAction"));
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);

    m_aboutQtAction = new QAction(tr("About &Qt"), this);
    m_aboutQtAction->setObjectName(QStringLiteral("aboutQtAction"));
    m_aboutQtAction->setMenuRole(QAction::AboutQtRole);
    connect(m_aboutQtAction, &QAction::triggered, qApp, &QApplication::aboutQt);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->setToolTipsVisible(true); // why an import is not possible now
    file->addAction(m_newAction);
    file->addAction(m_openAction);
    m_recentMenu = file->addMenu(tr("Open &recent"));
    m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::rebuildRecentMenu);
    file->addAction(m_demoAction);
    // An assessor scores a pack on their own desktop, with no round open.
    QAction *openPack = file->addAction(tr("Open assessor pac&k…"));
    openPack->setObjectName(QStringLiteral("openPackAction"));
    openPack->setStatusTip(tr("Score the bids of a pack sent to you as an assessor"));
    connect(openPack, &QAction::triggered, this,
            [this] { PackWindow::openFile(m_dialogs, this, startDirectory()); });
    file->addSeparator();
    file->addAction(m_importNomisAction);
    file->addAction(m_importLookupAction);
    file->addSeparator();
    file->addAction(m_paperAction);
    file->addSeparator();
    file->addAction(m_closeAction);
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_undoAction);
    edit->addAction(m_redoAction);

    QMenu *go = menuBar()->addMenu(tr("&Go"));
    go->addAction(m_goActions.first());
    go->addSeparator();
    for (qsizetype i = 1; i < m_goActions.size(); ++i)
        go->addAction(m_goActions.at(i));
    go->addSeparator();
    go->addAction(m_cpaEditorAction);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_aboutAction);
    help->addAction(m_aboutQtAction);

    rebuildRecentMenu();
}

void MainWindow::createPages()
{
    m_central = new QStackedWidget(this);
    m_central->setObjectName(QStringLiteral("centralStack"));

    m_welcomePage = new WelcomePage(m_central);
    connect(m_welcomePage, &WelcomePage::newRequested, this, &MainWindow::newRound);
    connect(m_welcomePage, &WelcomePage::openRequested, this, &MainWindow::openRound);
    connect(m_welcomePage, &WelcomePage::demoRequested, this, &MainWindow::openDemoRound);
    connect(m_welcomePage, &WelcomePage::recentFileRequested, this, &MainWindow::openFile);

    m_roundPage = new QWidget(m_central);
    m_roundPage->setObjectName(QStringLiteral("roundPage"));
    m_readOnlyBanner = new NoticeBox(NoticeBox::Kind::Warning, QString(), m_roundPage);
    m_readOnlyBanner->setObjectName(QStringLiteral("readOnlyBanner"));
    m_readOnlyBanner->hide();

    m_stageModel = new StageListModel(this);
    m_navigator = new QListView;
    m_navigator->setObjectName(QStringLiteral("navigator"));
    m_navigator->setAccessibleName(tr("Round navigator"));
    m_navigator->setAccessibleDescription(
        tr("The round overview and the six stages. Use the arrow keys to move between them."));
    m_navigator->setModel(m_stageModel);
    m_navigator->setItemDelegate(new StageListDelegate(m_navigator));
    m_navigator->setSelectionMode(QAbstractItemView::SingleSelection);
    m_navigator->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_navigator->setUniformItemSizes(false);
    m_navigator->setMinimumWidth(240);
    m_navigator->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // the delegate elides
    connect(m_navigator->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { onNavigatorRowChanged(current.row()); });

    m_pages = new QStackedWidget;
    m_pages->setObjectName(QStringLiteral("pageStack"));
    m_overviewPage = new OverviewPage(m_edits, m_dialogs, m_pages);
    m_stagePage = new StagePage(m_edits, m_dialogs, m_pages);
    m_cpaEditor = new CpaEditor(m_edits, m_dialogs, m_pages);
    m_pages->addWidget(m_overviewPage);
    m_pages->addWidget(m_stagePage);
    m_pages->addWidget(m_cpaEditor);
    connect(m_overviewPage, &OverviewPage::cpaEditorRequested, this, &MainWindow::showCpaEditor);
    connect(m_cpaEditor, &CpaEditor::statusMessage, this,
            [this](const QString &text) { statusBar()->showMessage(text); });
    connect(m_overviewPage, &OverviewPage::stageRequested, this,
            [this](StageId stage) { showPage(stage); });
    connect(m_stagePage, &StagePage::paperRequested, this,
            [this](StageId stage) { showPaperWindow(stage); });
    connect(m_stagePage->needsView(), &NeedsView::importRequested, this,
            &MainWindow::importNomisData);

    m_splitter = new QSplitter(Qt::Horizontal, m_roundPage);
    m_splitter->setObjectName(QStringLiteral("navigatorSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_navigator);
    m_splitter->addWidget(m_pages);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({300, 900});

    auto *layout = new QVBoxLayout(m_roundPage);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    auto *bannerHolder = new QVBoxLayout;
    bannerHolder->setContentsMargins(8, 8, 8, 0);
    bannerHolder->addWidget(m_readOnlyBanner);
    layout->addLayout(bannerHolder);
    layout->addWidget(m_splitter, 1);

    m_central->addWidget(m_welcomePage);
    m_central->addWidget(m_roundPage);
    setCentralWidget(m_central);
}

bool MainWindow::isWelcomeShown() const
{
    return m_central->currentWidget() == m_welcomePage;
}

void MainWindow::setDocument(std::unique_ptr<RoundDocument> document)
{
    // The views move to the new document before the old one is deleted (and its lock freed).
    RoundDocument *raw = document.get();
    m_stageModel->setDocument(raw);
    m_overviewPage->setDocument(raw);
    m_stagePage->setDocument(raw);
    m_cpaEditor->setDocument(raw);
    if (m_paperWindow) {
        m_paperWindow->setDocument(raw);
        if (!raw)
            m_paperWindow->close();
    }
    m_edits->setDocument(raw);
    std::unique_ptr<RoundDocument> previous = std::exchange(m_document, std::move(document));
    previous.reset();

    if (m_document) {
        connect(m_document.get(), &RoundDocument::roundChanged, this, &MainWindow::onRoundChanged);
        connect(m_document.get(), &RoundDocument::titleChanged, this,
                &MainWindow::updateWindowTitle);
        QUndoStack *stack = m_document->undoStack();
        connect(stack, &QUndoStack::canUndoChanged, this, &MainWindow::updateUndoActions);
        connect(stack, &QUndoStack::canRedoChanged, this, &MainWindow::updateUndoActions);
        connect(stack, &QUndoStack::undoTextChanged, this, &MainWindow::updateUndoActions);
        connect(stack, &QUndoStack::redoTextChanged, this, &MainWindow::updateUndoActions);

        const QString why = m_document->whyNotEditable();
        m_readOnlyBanner->setText(why);
        m_readOnlyBanner->setVisible(!why.isEmpty());

        Settings::addRecentFile(m_document->filePath());
        m_central->setCurrentWidget(m_roundPage);
        showPage(std::nullopt);
        m_navigator->setFocus();
        statusBar()->showMessage(
            tr("Opened %1").arg(QDir::toNativeSeparators(m_document->filePath())));
    } else {
        m_readOnlyBanner->hide();
        refreshWelcome();
        m_central->setCurrentWidget(m_welcomePage);
        m_welcomePage->newButton()->setFocus();
        statusBar()->clearMessage();
    }
    rebuildRecentMenu();
    updateActions();
    updateWindowTitle();
}

void MainWindow::onRoundChanged()
{
    if (!m_document)
        return;
    statusBar()->showMessage(
        tr("All changes saved to %1").arg(QDir::toNativeSeparators(m_document->filePath())));
}

void MainWindow::showPage(std::optional<StageId> stage)
{
    if (!m_document)
        return;
    const int row = stage ? StageListModel::rowOf(*stage) : StageListModel::kOverviewRow;
    const QModelIndex index = m_stageModel->index(row);
    if (m_navigator->currentIndex() != index)
        m_navigator->setCurrentIndex(index);
    else
        onNavigatorRowChanged(row);
}

PaperWindow *MainWindow::paperWindow() const
{
    return m_paperWindow;
}

PaperWindow *MainWindow::showPaperWindow(std::optional<StageId> stage)
{
    if (!m_document)
        return nullptr;
    if (!m_paperWindow) {
        m_paperWindow = new PaperWindow(m_edits, m_dialogs, this);
        m_paperWindow->setDocument(m_document.get());
        connect(m_paperWindow, &PaperWindow::statusMessage, this,
                [this](const QString &text) { statusBar()->showMessage(text); });
    }
    m_paperWindow->show();
    m_paperWindow->raise();
    m_paperWindow->activateWindow();
    if (stage)
        m_paperWindow->pickStage(*stage);
    return m_paperWindow;
}

void MainWindow::showCpaEditor()
{
    if (!m_document)
        return;
    const QModelIndex index = m_stageModel->index(StageListModel::kCpaRow);
    if (m_navigator->currentIndex() != index)
        m_navigator->setCurrentIndex(index);
    else
        onNavigatorRowChanged(StageListModel::kCpaRow);
    m_cpaEditor->planCombo()->setFocus();
}

void MainWindow::onNavigatorRowChanged(int row)
{
    if (row < 0)
        return;
    if (row == StageListModel::kCpaRow) {
        m_pages->setCurrentWidget(m_cpaEditor);
    } else if (const std::optional<StageId> stage = StageListModel::stageAt(row)) {
        m_stagePage->setStage(*stage);
        m_pages->setCurrentWidget(m_stagePage);
    } else {
        m_pages->setCurrentWidget(m_overviewPage);
    }
}

void MainWindow::updateWindowTitle()
{
    if (!m_document) {
        setWindowTitle(tr("CoCommission"));
        return;
    }
    QString title = tr("%1 – CoCommission").arg(m_document->round().title);
    if (m_document->isReadOnly())
        title += tr(" (read-only)");
    setWindowTitle(title);
}

void MainWindow::updateActions()
{
    const bool open = m_document != nullptr;
    m_closeAction->setEnabled(open);
    for (QAction *go : std::as_const(m_goActions))
        go->setEnabled(open);
    m_cpaEditorAction->setEnabled(open);
    m_paperAction->setEnabled(open);
    const QString why = whyNotImport();
    for (QAction *import : {m_importNomisAction, m_importLookupAction}) {
        import->setEnabled(why.isEmpty());
        import->setToolTip(why.isEmpty() ? import->statusTip() : why);
    }
    updateUndoActions();
}

void MainWindow::updateUndoActions()
{
    QUndoStack *stack = m_document ? m_document->undoStack() : nullptr;
    const bool canUndo = stack && stack->canUndo();
    const bool canRedo = stack && stack->canRedo();
    m_undoAction->setEnabled(canUndo);
    m_redoAction->setEnabled(canRedo);
    m_undoAction->setText(canUndo ? tr("&Undo %1").arg(lowerFirst(stack->undoText()))
                                  : tr("&Undo"));
    m_redoAction->setText(canRedo ? tr("&Redo %1").arg(lowerFirst(stack->redoText()))
                                  : tr("&Redo"));
}

void MainWindow::rebuildRecentMenu()
{
    if (!m_recentMenu)
        return;
    m_recentMenu->clear();
    const QStringList files = Settings::existingRecentFiles();
    int number = 1;
    for (const QString &path : files) {
        const QFileInfo info(path);
        // Numbered mnemonics for keyboard users: &1 to &8.
        QAction *action = m_recentMenu->addAction(tr("&%1 %2").arg(number++).arg(info.fileName()),
                                                  this, [this, path] { openFile(path); });
        action->setToolTip(QDir::toNativeSeparators(path));
        action->setStatusTip(QDir::toNativeSeparators(path));
    }
    if (files.isEmpty()) {
        QAction *none = m_recentMenu->addAction(tr("No recent rounds"));
        none->setEnabled(false);
    }
    m_recentMenu->addSeparator();
    m_recentMenu->addAction(m_clearRecentAction);
    m_clearRecentAction->setEnabled(!files.isEmpty());
}

void MainWindow::refreshWelcome()
{
    m_welcomePage->setRecentFiles(Settings::existingRecentFiles());
}

QString MainWindow::startDirectory() const
{
    const QString last = Settings::value(Settings::LastDirectory).toString();
    if (!last.isEmpty() && QFileInfo(last).isDir())
        return last;
    return QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
}

void MainWindow::rememberDirectory(const QString &path)
{
    Settings::setValue(Settings::LastDirectory, QFileInfo(path).absolutePath());
}

bool MainWindow::openRound()
{
    const QString path =
        m_dialogs->openFileName(this, tr("Open round"), startDirectory(), fileFilter());
    if (path.isEmpty())
        return false;
    rememberDirectory(path);
    return openFile(path);
}

bool MainWindow::openFile(const QString &path)
{
    if (m_document && isSameFile(path, m_document->filePath())) {
        statusBar()->showMessage(
            tr("%1 is already open.").arg(QDir::toNativeSeparators(m_document->filePath())));
        return true;
    }
    Result<std::unique_ptr<RoundDocument>> opened = RoundDocument::open(path);
    if (!opened) {
        if (!QFileInfo::exists(path)) {
            Settings::removeRecentFile(path);
            refreshWelcome();
        }
        m_dialogs->showError(this, tr("The round could not be opened"), opened.errorMessage());
        return false;
    }
    setDocument(std::move(*opened));
    if (const QString backup = m_document->upgradeBackupPath(); !backup.isEmpty())
        m_dialogs->showInformation(
            this, tr("The round's file was upgraded"),
            tr("%1 was saved by an older version of CoCommission and has been upgraded. A copy "
               "of the file as it was is at %2.")
                .arg(m_document->displayName(), QDir::toNativeSeparators(backup)));
    return true;
}

bool MainWindow::newRound()
{
    QString path = m_dialogs->saveFileName(this, tr("New round"), startDirectory(), fileFilter());
    if (path.isEmpty())
        return false;
    if (!path.endsWith(kSuffix, Qt::CaseInsensitive))
        path += kSuffix;
    rememberDirectory(path);
    Result<Round> round = LondonRound::blank(tr("New commissioning round"));
    if (!round) {
        m_dialogs->showError(this, tr("The round was not created"), round.errorMessage());
        return false;
    }
    Result<std::unique_ptr<RoundDocument>> created = RoundDocument::create(path, *round);
    if (!created) {
        m_dialogs->showError(this, tr("The round was not created"), created.errorMessage());
        return false;
    }
    setDocument(std::move(*created));
    return true;
}

bool MainWindow::openDemoRound()
{
    const QString path = demoRoundPath();
    if (QFileInfo::exists(path))
        return openFile(path);
    const QString folder = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(folder)) {
        m_dialogs->showError(
            this, tr("The demo round could not be made"),
            tr("Could not create the folder %1.").arg(QDir::toNativeSeparators(folder)));
        return false;
    }
    Result<Round> demo = LondonRound::demo();
    if (!demo) {
        m_dialogs->showError(this, tr("The demo round could not be made"), demo.errorMessage());
        return false;
    }
    Result<std::unique_ptr<RoundDocument>> created = RoundDocument::create(path, *demo);
    if (!created) {
        m_dialogs->showError(this, tr("The demo round could not be made"), created.errorMessage());
        return false;
    }
    setDocument(std::move(*created));
    return true;
}

void MainWindow::closeRound()
{
    if (m_document)
        setDocument(nullptr);
}

void MainWindow::showAbout()
{
    m_dialogs->showAbout(
        this, tr("About CoCommission"),
        tr("<h3>CoCommission %1</h3>"
           "<p>A decision tool for co-commissioning specialist employment support: it takes "
           "one round through the six stages of the procurement cycle, shows where it stands "
           "and keeps every decision traceable.</p>"
           "<p>Every change is saved to the round's file as it is made.</p>")
            .arg(QStringLiteral(COCOMMISSION_VERSION)));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    Settings::setValue(Settings::WindowGeometry, saveGeometry());
    Settings::setValue(Settings::WindowState, saveState());
    Settings::setValue(Settings::NavigatorSplitter, m_splitter->saveState());
    event->accept();
}

QStringList MainWindow::droppedFiles(const QMimeData *mime, QLatin1String suffix)
{
    QStringList paths;
    if (!mime || !mime->hasUrls())
        return paths;
    const QList<QUrl> urls = mime->urls();
    for (const QUrl &url : urls) {
        if (url.isLocalFile() && url.toLocalFile().endsWith(suffix, Qt::CaseInsensitive))
            paths.append(url.toLocalFile());
    }
    return paths;
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    // A round opens; a CSV file is NOMIS data for the open round, when it can take it.
    const QMimeData *mime = event->mimeData();
    if (!droppedFiles(mime, kSuffix).isEmpty() ||
        (!droppedFiles(mime, kCsvSuffix).isEmpty() && whyNotImport().isEmpty()))
        event->acceptProposedAction();
    else
        event->ignore();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QStringList rounds = droppedFiles(event->mimeData(), kSuffix);
    if (!rounds.isEmpty()) {
        event->acceptProposedAction();
        // One round per window: the first round dropped is opened.
        openFile(rounds.first());
        return;
    }
    const QStringList csvs = droppedFiles(event->mimeData(), kCsvSuffix);
    if (csvs.isEmpty() || !whyNotImport().isEmpty()) {
        event->ignore();
        return;
    }
    event->acceptProposedAction();
    // After the drop has returned: the drag source waits for it, and the import asks questions
    // and shows a progress dialog.
    QMetaObject::invokeMethod(
        this,
        [this, csvs] {
            for (const QString &path : csvs)
                importNomisFile(path);
        },
        Qt::QueuedConnection);
}

QString MainWindow::csvFilter()
{
    return tr("CSV files (*.csv)");
}

QString MainWindow::whyNotImport() const
{
    if (!m_document)
        return tr("Open a round first.");
    if (m_importing)
        return tr("An import is already running.");
    return m_document->whyNotEditable();
}

bool MainWindow::importNomisData()
{
    if (!whyNotImport().isEmpty())
        return false;
    const QString path = m_dialogs->openFileName(this, tr("Import labour-market data"),
                                                 startDirectory(), csvFilter());
    if (path.isEmpty())
        return false;
    rememberDirectory(path);
    return importNomisFile(path);
}

bool MainWindow::importNomisFile(const QString &path)
{
    if (const QString why = whyNotImport(); !why.isEmpty()) {
        m_dialogs->showError(this, tr("The labour-market data was not imported"), why);
        return false;
    }
    const QFileInfo info(path);
    const std::optional<QString> name = m_dialogs->askText(
        this, tr("Import labour-market data"),
        tr("Name of the dataset made from %1:").arg(info.fileName()), info.completeBaseName());
    if (!name || !m_document)
        return false;

    m_importing = true;
    updateActions();
    std::optional<Result<NomisImportSummary>> imported;
    bool cancelled = false;
    m_dialogs->runWithProgress(
        this, tr("Import labour-market data"), tr("Importing %1…").arg(info.fileName()),
        [&](const DialogService::Progress &progress) {
            imported = Commands::importNomis(m_document.get(), path, *name,
                                             [&](qint64 done, qint64 total) {
                                                 const bool goOn = progress(done, total);
                                                 cancelled = cancelled || !goOn;
                                                 return goOn;
                                             });
        });
    m_importing = false;
    updateActions();
    if (!imported || !m_document)
        return false;
    if (!*imported) {
        if (cancelled) {
            // The user knows they cancelled: no dialog, only the confirmation that nothing
            // changed.
            statusBar()->showMessage(imported->errorMessage());
            return false;
        }
        m_dialogs->showError(this, tr("The labour-market data was not imported"),
                             imported->errorMessage());
        return false;
    }

    const NomisImportSummary &summary = **imported;
    const NeedsDataset &dataset = summary.dataset;
    showPage(StageId::Needs);
    if (!dataset.measures.isEmpty())
        m_stagePage->needsView()->setIndicator(dataset.measures.first().key);
    statusBar()->showMessage(
        tr("Imported %1 as the dataset \"%2\"").arg(info.fileName(), dataset.name));

    QStringList dates;
    for (const Observation &o : dataset.observations) {
        if (!dates.contains(o.date))
            dates.append(o.date);
    }
    dates.sort();
    QStringList measures;
    for (const Measure &m : dataset.measures)
        measures.append(m.label);

    QStringList lines;
    lines.append(
        tr("%1 of %2 are now the dataset \"%3\".")
            .arg(count(summary.rows, tr("1 row"), tr("%1 rows")), info.fileName(), dataset.name));
    lines.append(count(measures.size(), tr("1 measure: %2."), tr("%1 measures: %2."))
                     .arg(measures.join(tr("; "))));
    if (dates.size() == 1)
        lines.append(tr("Date: %1.").arg(NeedsView::dateLabel(dates.first())));
    else if (!dates.isEmpty())
        lines.append(
            tr("Dates: %1 to %2.")
                .arg(NeedsView::dateLabel(dates.first()), NeedsView::dateLabel(dates.last())));
    lines.append(summary.missingValues == 0
                     ? tr("No value was missing.")
                     : count(summary.missingValues,
                             tr("1 value was missing: it shows as \"–\", never as 0."),
                             tr("%1 values were missing: they show as \"–\", never as 0.")));
    lines.append(tr("Rows for the round's authorities: %1. Rows summed to their authority "
                    "through the lookup of small areas: %2.")
                     .arg(UiUtil::numberLocale().toString(summary.rowsForAuthorities),
                          UiUtil::numberLocale().toString(summary.rowsThroughLookup)));
    if (!summary.unknownCodes.isEmpty()) {
        lines.append(count(summary.unknownCodes.size(),
                           tr("The round does not know 1 geography code: it is neither one of "
                              "its authorities nor in its lookup of small areas. Its rows (%2) "
                              "are kept but not used: %3."),
                           tr("The round does not know %1 geography codes: they are neither "
                              "its authorities nor in its lookup of small areas. Their rows "
                              "(%2) are kept but not used: %3."))
                         .arg(UiUtil::numberLocale().toString(summary.unknownRows),
                              codeList(summary.unknownCodes)));
        lines.append(tr("If they are small areas of the round's authorities, import a lookup "
                        "with File > Import lookup of small areas…."));
    }
    m_dialogs->showInformation(this, tr("Labour-market data imported"),
                               lines.join(QLatin1Char('\n')));
    return true;
}

bool MainWindow::importLookup()
{
    if (!whyNotImport().isEmpty())
        return false;
    const QString path = m_dialogs->openFileName(this, tr("Import lookup of small areas"),
                                                 startDirectory(), csvFilter());
    if (path.isEmpty() || !m_document)
        return false;
    rememberDirectory(path);
    Result<LookupImportSummary> imported = [&] {
        // A lookup is short (one line per small area) and its import has no progress report.
        QApplication::setOverrideCursor(Qt::WaitCursor);
        Result<LookupImportSummary> result = Commands::importLookup(m_document.get(), path);
        QApplication::restoreOverrideCursor();
        return result;
    }();
    if (!imported) {
        m_dialogs->showError(this, tr("The lookup was not imported"), imported.errorMessage());
        return false;
    }
    const QString fileName = QFileInfo(path).fileName();
    statusBar()->showMessage(tr("Imported the lookup %1").arg(fileName));
    QStringList lines;
    lines.append(count(imported->rows, tr("1 small area of %2 now adds up to its authority."),
                       tr("%1 small areas of %2 now add up to their authorities."))
                     .arg(fileName));
    lines.append(count(imported->datasetsReaggregated,
                       tr("1 imported dataset was summed again through the lookup."),
                       tr("%1 imported datasets were summed again through the lookup.")));
    if (!imported->unknownAuthorities.isEmpty())
        lines.append(count(imported->unknownAuthorities.size(),
                           tr("The lookup names 1 authority code the round does not know: %2."),
                           tr("The lookup names %1 authority codes the round does not know: %2."))
                         .arg(codeList(imported->unknownAuthorities)));
    m_dialogs->showInformation(this, tr("Lookup imported"), lines.join(QLatin1Char('\n')));
    return true;
}

} // namespace CoCommission
