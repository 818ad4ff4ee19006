#include "ui/selection/packwindow.h"

#include "core/io/assessorpack.h"
#include "ui/dialogservice.h"
#include "ui/noticebox.h"
#include "ui/selection/evaluationwidgets.h"
#include "ui/selection/scoresheet.h"
#include "ui/uiutil.h"

#include <QAction>
#include <QBoxLayout>
#include <QCloseEvent>
#include <QDir>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QTableWidget>

#include <algorithm>

namespace CoCommission {

using namespace EvaluationUi;

namespace {

constexpr int kBidderRole = Qt::UserRole + 1;

enum DeclarationColumn { BidderColumn, DeclarationColumn, DeclarationColumnCount };
enum BidColumn {
    BidIdColumn,
    BidBidderColumn,
    LotColumn,
    PriceColumn,
    SupplyChainColumn,
    PlanColumn,
    BidColumnCount
};
enum CriterionColumn {
    NameColumn,
    TypeColumn,
    WeightColumn,
    MarksColumn,
    ScaleColumn,
    CriterionColumnCount
};

} // namespace

/** The sheet over the window's PackSession: changes stay in memory until the return is saved. */
class PackWindow::Backend : public ScoreSheetBackend
{
public:
    explicit Backend(PackWindow *window)
        : m_window(window)
    {}

    ScoreSheetContent sheetContent() const override
    {
        ScoreSheetContent content;
        const PackSession *session = m_window->m_session.get();
        if (!session)
            return content;
        const AssessorPack &pack = session->pack();
        content.assessor = pack.assessor.name;
        content.criteria = pack.criteria;
        content.scoredCriteria = session->scoredCriteria();
        for (const PackBid &b : pack.bids) {
            ScoreSheetBid bid{b.id, b.bidder, b.lotName, b.price, ScoreAccess::Open, {}};
            bid.reason = session->whyNotScorable(b.id);
            const ConflictDeclaration *declaration = session->declaration(b.bidder);
            if (bid.reason.isEmpty())
                bid.access = ScoreAccess::Open;
            else if (declaration && declaration->conflicted)
                bid.access = ScoreAccess::Conflicted;
            else if (!declaration)
                bid.access = ScoreAccess::Undeclared;
            else
                bid.access = ScoreAccess::Locked;
            content.bids << bid;
        }
        content.scores = session->scores();
        if (pack.bids.isEmpty())
            content.emptyReason = tr("The pack holds no bid you can score: you declared a "
                                     "conflict with every bidder.");
        return content;
    }

    bool saveScore(const QString &bidId, const QString &criterionId, double score,
                   const QString &comment) override
    {
        if (!m_window->m_session)
            return false;
        if (Status s = m_window->m_session->setScore(bidId, criterionId, score, comment); !s) {
            m_window->m_dialogs->showError(m_window, tr("The score was not saved"),
                                           s.errorMessage());
            return false;
        }
        m_window->onChanged();
        return true;
    }

    bool withdrawScore(const QString &bidId, const QString &criterionId) override
    {
        if (!m_window->m_session)
            return false;
        m_window->m_session->clearScore(bidId, criterionId);
        m_window->onChanged();
        return true;
    }

    bool declare(const QString &bidder, bool conflicted) override
    {
        return m_window->declare(bidder, conflicted);
    }

private:
    static QString tr(const char *text)
    {
        return QCoreApplication::translate("CoCommission::PackWindow", text);
    }

    PackWindow *m_window;
};

PackWindow::PackWindow(DialogService *dialogs, QWidget *parent)
    : QMainWindow(parent)
    , m_dialogs(dialogs)
    , m_backend(std::make_unique<Backend>(this))
{
    setObjectName(QStringLiteral("packWindow"));
    setWindowFlag(Qt::Window);
    setAttribute(Qt::WA_DeleteOnClose, false); // openFile() sets it for the windows it shows

    auto *page = new QScrollArea(this);
    page->setObjectName(QStringLiteral("packPage"));
    page->setAccessibleName(tr("Assessor's pack"));
    page->setAccessibleDescription(
        tr("The pack from top to bottom: your declarations of interest, the bids, the award "
           "criteria and your score sheet. Page Up and Page Down scroll it."));
    QVBoxLayout *layout = UiUtil::pageLayout(page);
    QWidget *content = page->widget();

    m_heading = UiUtil::headingLabel(QString(), 1.4, content);
    m_heading->setObjectName(QStringLiteral("packHeading"));
    m_details = makeText(content);
    m_details->setObjectName(QStringLiteral("packDetails"));
    m_illustrativeNotice = new NoticeBox(
        NoticeBox::Kind::Information,
        tr("Illustrative: the bids in this pack are invented to show how scoring works."), content);
    m_illustrativeNotice->setObjectName(QStringLiteral("packIllustrativeNotice"));
    m_illustrativeNotice->hide();
    auto *blind = makeText(content, true);
    blind->setText(tr("Scoring is blind: this pack holds only your own declarations and scores, "
                      "nobody else's. Nothing leaves this desktop until you save the return and "
                      "send it to the evaluation lead."));

    // Declarations.
    auto *declarationsHeading =
        UiUtil::headingLabel(tr("Your declarations of interest"), 1.15, content);
    auto *declarationsIntro = makeText(content, true);
    declarationsIntro->setText(
        tr("Before scoring a bidder's bids, declare whether you have a conflict of interest with "
           "it. A declared conflict means you do not score its bids."));
    m_declarationsTable = makeTable({tr("Bidder"), tr("Your declaration")}, content);
    m_declarationsTable->setObjectName(QStringLiteral("packDeclarationsTable"));
    m_declarationsTable->setAccessibleName(tr("Your declarations of interest, one per bidder"));
    m_declarationsTable->setAccessibleDescription(
        tr("One row a bidder and what you have declared about it; pick a row to declare with "
           "the buttons below. Arrow keys move between rows."));
    m_declarationsTable->horizontalHeader()->setSectionResizeMode(BidderColumn,
                                                                  QHeaderView::ResizeToContents);
    m_declarationsTable->horizontalHeader()->setStretchLastSection(true);
    // Mnemonics of their own: the score sheet below offers the same declarations.
    m_declareNoneButton = makeButton(tr("Declare no conflic&t…"), tr("Declare no conflict"),
                                     QStringLiteral("packDeclareNoneButton"), content);
    m_declareConflictButton = makeButton(tr("Declare &a conflict…"), tr("Declare a conflict"),
                                         QStringLiteral("packDeclareConflictButton"), content);
    auto *declareRow = new QHBoxLayout;
    declareRow->addWidget(m_declareNoneButton);
    declareRow->addWidget(m_declareConflictButton);
    declareRow->addStretch(1);

    // Bids.
    auto *bidsHeading = UiUtil::headingLabel(tr("The bids"), 1.15, content);
    m_bidsTable = makeTable({tr("Bid"), tr("Bidder"), tr("Lot"), tr("Price"), tr("Supply chain"),
                             tr("Local service integration plan")},
                            content);
    m_bidsTable->setObjectName(QStringLiteral("packBidsTable"));
    m_bidsTable->setAccessibleName(tr("The bids of the pack"));
    m_bidsTable->setAccessibleDescription(
        tr("One row a bid: its bidder, lot, price, supply chain and local service integration "
           "plan. Arrow keys move between rows."));
    keepRowsFitted(m_bidsTable);
    m_bidsTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_bidsTable->horizontalHeader()->setSectionResizeMode(PlanColumn, QHeaderView::Stretch);
    m_bidsTable->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);

    // Criteria.
    auto *criteriaHeading = UiUtil::headingLabel(tr("The award criteria"), 1.15, content);
    m_criteriaTable = makeTable(
        {tr("Criterion"), tr("Type"), tr("Weight in its level"), tr("Marks"), tr("Scale")},
        content);
    m_criteriaTable->setObjectName(QStringLiteral("packCriteriaTable"));
    m_criteriaTable->setAccessibleName(tr("The award criteria"));
    m_criteriaTable->setAccessibleDescription(
        tr("One row a criterion the bids are scored on: its type, weight, marks and scale. Arrow "
           "keys move between rows."));
    m_criteriaTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_criteriaTable->horizontalHeader()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);

    // The sheet.
    auto *sheetHeading = UiUtil::headingLabel(tr("Your scores"), 1.15, content);
    m_sheet = new ScoreSheet(content);

    m_saveStatus = makeText(content);
    m_saveStatus->setObjectName(QStringLiteral("packSaveStatus"));
    m_saveButton = makeButton(tr("Save &return…"), tr("Save return"),
                              QStringLiteral("saveReturnButton"), content);
    m_saveButton->setToolTip(tr("Write your declarations and scores to a file for the "
                                "evaluation lead (Ctrl+S)"));
    auto *saveRow = new QHBoxLayout;
    saveRow->addWidget(m_saveButton);
    saveRow->addWidget(m_saveStatus, 1);

    layout->addWidget(m_heading);
    layout->addWidget(m_details);
    layout->addWidget(m_illustrativeNotice);
    layout->addWidget(blind);
    layout->addWidget(declarationsHeading);
    layout->addWidget(declarationsIntro);
    layout->addWidget(m_declarationsTable);
    layout->addLayout(declareRow);
    layout->addWidget(bidsHeading);
    layout->addWidget(m_bidsTable);
    layout->addWidget(criteriaHeading);
    layout->addWidget(m_criteriaTable);
    layout->addWidget(sheetHeading);
    layout->addWidget(m_sheet);
    layout->addSpacing(8);
    layout->addLayout(saveRow);
    layout->addStretch(1);
    setCentralWidget(page);

    auto *saveAction = new QAction(tr("Save &return…"), this);
    saveAction->setObjectName(QStringLiteral("saveReturnAction"));
    saveAction->setShortcuts(QKeySequence::Save);
    connect(saveAction, &QAction::triggered, this, &PackWindow::saveReturn);
    auto *closeAction = new QAction(tr("&Close"), this);
    closeAction->setObjectName(QStringLiteral("closePackAction"));
    closeAction->setShortcuts(QKeySequence::Close);
    connect(closeAction, &QAction::triggered, this, &QWidget::close);
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(saveAction);
    file->addSeparator();
    file->addAction(closeAction);

    const QList<QWidget *> chain = {m_declarationsTable,     m_declareNoneButton,
                                    m_declareConflictButton, m_bidsTable,
                                    m_criteriaTable,         m_sheet->table()};
    for (qsizetype i = 1; i < chain.size(); ++i)
        setTabOrder(chain[i - 1], chain[i]);
    setTabOrder(m_sheet->revertButton(), m_saveButton);

    connect(m_saveButton, &QPushButton::clicked, this, &PackWindow::saveReturn);
    connect(m_declareNoneButton, &QPushButton::clicked, this, [this] { declareSelected(false); });
    connect(m_declareConflictButton, &QPushButton::clicked, this,
            [this] { declareSelected(true); });
    connect(m_declarationsTable, &QTableWidget::currentCellChanged, this,
            &PackWindow::refreshDeclarations);

    m_sheet->setBackend(m_backend.get());
    resize(1100, 800);
    refreshPack();
}

PackWindow::~PackWindow()
{
    m_sheet->setBackend(nullptr);
}

PackWindow *PackWindow::openFile(DialogService *dialogs, QWidget *parent, const QString &directory)
{
    const QString path = dialogs->openFileName(parent, tr("Open assessor pack"), directory,
                                               tr("Assessor packs (*.ccpack);;All files (*)"));
    if (path.isEmpty())
        return nullptr;
    auto *window = new PackWindow(dialogs, parent);
    window->setWindowFlag(Qt::Window);
    if (!window->openPack(path)) {
        delete window;
        return nullptr;
    }
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->show();
    return window;
}

bool PackWindow::openPack(const QString &path)
{
    const Result<AssessorPack> pack = readPack(path);
    if (!pack) {
        m_dialogs->showError(this, tr("The pack cannot be opened"), pack.errorMessage());
        return false;
    }
    Result<PackSession> session = PackSession::start(*pack);
    if (!session) {
        m_dialogs->showError(this, tr("The pack cannot be opened"), session.errorMessage());
        return false;
    }
    m_session = std::make_unique<PackSession>(std::move(*session));
    m_packPath = path;
    m_returnPath.clear();
    m_modified = false;
    refreshPack();
    m_sheet->setBackend(m_backend.get()); // drops drafts of an earlier pack
    return true;
}

void PackWindow::refreshPack()
{
    updateTitle();
    if (!m_session) {
        m_heading->setText(tr("No assessor pack is open"));
        m_details->setText(tr("Open a pack with File > Open assessor pack… in the main window."));
        m_saveButton->setEnabled(false);
        refreshDeclarations();
        return;
    }
    const AssessorPack &pack = m_session->pack();
    m_heading->setText(tr("Assessor pack: %1").arg(pack.roundTitle));
    QStringList about;
    for (const QString &part : {pack.assessor.role, pack.assessor.organisation}) {
        if (!part.isEmpty())
            about << part;
    }
    m_details->setText(
        tr("For %1%2. Made on %3; it holds %4.")
            .arg(pack.assessor.name,
                 about.isEmpty() ? QString() : tr(" (%1)").arg(about.join(QStringLiteral(", "))),
                 QLocale().toString(pack.createdAt.toLocalTime(), QLocale::LongFormat),
                 pack.bids.size() == 1 ? tr("%n bid", nullptr, 1)
                                       : tr("%n bids", nullptr, int(pack.bids.size()))));
    m_illustrativeNotice->setVisible(pack.illustrative);

    m_bidsTable->setRowCount(int(pack.bids.size()));
    for (int row = 0; row < int(pack.bids.size()); ++row) {
        const PackBid &b = pack.bids[row];
        QStringList chain;
        for (const Subcontractor &s : b.supplyChain)
            chain << tr("%1 (%2%3)")
                         .arg(s.name, sectorName(s.sector), s.sme ? tr(", SME") : QString());
        auto *chainItem = cell(chain.isEmpty() ? tr("None") : chain.join(QLatin1Char('\n')));
        auto *planItem = cell(b.integrationPlan);
        planItem->setToolTip(b.integrationPlan);
        const QList<QTableWidgetItem *> items = {
            cell(b.id), cell(b.bidder), cell(b.lotName), cell(money(b.price), Qt::AlignRight),
            chainItem,  planItem};
        for (int column = 0; column < BidColumnCount; ++column) {
            items[column]->setTextAlignment(
                (column == PriceColumn ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignTop);
            m_bidsTable->setItem(row, column, items[column]);
        }
    }
    m_bidsTable->resizeRowsToContents();
    fitTableHeight(m_bidsTable);

    const CriteriaTree &tree = m_session->criteria();
    m_criteriaTable->setRowCount(int(pack.criteria.size()));
    int row = 0;
    // Depth-first, so that each criterion stands under its group.
    QStringList stack = tree.children(QString());
    std::reverse(stack.begin(), stack.end());
    while (!stack.isEmpty()) {
        const QString id = stack.takeLast();
        QStringList children = tree.children(id);
        std::reverse(children.begin(), children.end());
        stack << children;
        const Criterion &c = tree.criterion(id);
        int depth = 0;
        for (QString p = c.parentId; !p.isEmpty() && tree.contains(p);
             p = tree.criterion(p).parentId)
            ++depth;
        QString scale;
        if (c.type == CriterionType::Quality || c.type == CriterionType::SocialValue)
            scale = tr("0 to %1").arg(c.scale.maxScore);
        else if (c.type == CriterionType::PassFail)
            scale = tr("Pass or fail");
        else if (c.type == CriterionType::Price)
            scale = tr("From the price");
        auto *name = cell(QString(depth * 4, QLatin1Char(' ')) + c.name);
        if (c.type == CriterionType::Quality || c.type == CriterionType::SocialValue) {
            QStringList levels;
            for (int level = 0; level <= c.scale.maxScore; ++level)
                levels << tr("%1: %2").arg(level).arg(levelDescriptor(c, level));
            name->setToolTip(levels.join(QLatin1Char('\n')));
        }
        const QList<QTableWidgetItem *> items = {
            name, cell(criterionTypeName(c.type)),
            cell(tr("%1%").arg(number(c.weightPercent, 1)), Qt::AlignRight),
            cell(number(tree.effectiveWeight(id), 2), Qt::AlignRight), cell(scale)};
        for (int column = 0; column < CriterionColumnCount; ++column)
            m_criteriaTable->setItem(row, column, items[column]);
        ++row;
    }
    m_criteriaTable->setRowCount(row);
    fitTableHeight(m_criteriaTable);

    refreshDeclarations();
    refreshSaveStatus();
}

void PackWindow::refreshDeclarations()
{
    const QTableWidgetItem *current = m_declarationsTable->currentItem();
    const QString selected = current ? current->data(kBidderRole).toString() : QString();
    if (!m_session) {
        m_declarationsTable->setRowCount(0);
        m_declareNoneButton->setEnabled(false);
        m_declareConflictButton->setEnabled(false);
        return;
    }
    const AssessorPack &pack = m_session->pack();
    {
        const QSignalBlocker blocker(m_declarationsTable);
        m_declarationsTable->setRowCount(int(pack.bidders.size()));
        for (int row = 0; row < int(pack.bidders.size()); ++row) {
            const QString &bidder = pack.bidders[row];
            const ConflictDeclaration *d = m_session->declaration(bidder);
            QString text;
            if (!d)
                text = tr("Not declared yet: declare before scoring its bids");
            else if (d->conflicted)
                text = tr("Conflict of interest: %1. You do not score its bids.").arg(d->note);
            else
                text = tr("No conflict of interest");
            auto *bidderItem = cell(bidder);
            auto *textItem = cell(text);
            if (!d)
                shade(textItem, kFlagBackground);
            else if (d->conflicted)
                shade(textItem, kBlockedBackground);
            for (QTableWidgetItem *item : {bidderItem, textItem})
                item->setData(kBidderRole, bidder);
            m_declarationsTable->setItem(row, BidderColumn, bidderItem);
            m_declarationsTable->setItem(row, DeclarationColumn, textItem);
        }
        const int row = int(pack.bidders.indexOf(selected));
        m_declarationsTable->setCurrentCell(row >= 0 ? row : (pack.bidders.isEmpty() ? -1 : 0),
                                            BidderColumn);
    }
    fitTableHeight(m_declarationsTable);
    const QTableWidgetItem *item = m_declarationsTable->currentItem();
    const QString bidder = item ? item->data(kBidderRole).toString() : QString();
    const ConflictDeclaration *d = bidder.isEmpty() ? nullptr : m_session->declaration(bidder);
    const QString pick = tr("Pick the bidder in the table above.");
    UiUtil::setAvailable(
        m_declareNoneButton, !bidder.isEmpty() && (!d || d->conflicted),
        tr("Records that you have no conflict of interest with the bidder, so you may score its "
           "bids."),
        bidder.isEmpty() ? pick : tr("You have declared no conflict with %1.").arg(bidder));
    UiUtil::setAvailable(
        m_declareConflictButton, !bidder.isEmpty() && (!d || !d->conflicted),
        tr("Records a conflict of interest with the bidder; you then do not score its bids."),
        bidder.isEmpty() ? pick : tr("You have declared a conflict with %1.").arg(bidder));
    if (!bidder.isEmpty()) {
        m_declareNoneButton->setAccessibleName(tr("Declare no conflict with %1").arg(bidder));
        m_declareConflictButton->setAccessibleName(tr("Declare a conflict with %1").arg(bidder));
    }
}

bool PackWindow::declareSelected(bool conflicted)
{
    const QTableWidgetItem *item = m_declarationsTable->currentItem();
    if (!item)
        return false;
    if (!declare(item->data(kBidderRole).toString(), conflicted))
        return false;
    m_sheet->refresh();
    return true;
}

bool PackWindow::declare(const QString &bidder, bool conflicted)
{
    if (!m_session)
        return false;
    const QString assessor = m_session->pack().assessor.name;
    QString note;
    if (conflicted) {
        const std::optional<QString> answer = m_dialogs->askText(
            this, tr("Declare a conflict of interest"),
            tr("Your interest in %1 (for example a role, a relative or a shareholding). You will "
               "not score its bids:")
                .arg(bidder));
        if (!answer)
            return false;
        note = *answer;
    } else if (!m_dialogs->confirm(this, tr("Declare no conflict of interest"),
                                   tr("I, %1, declare no conflict of interest with %2: no "
                                      "financial, personal or professional interest in it or its "
                                      "supply chain.")
                                       .arg(assessor, bidder),
                                   tr("Declare no conflict"))) {
        return false;
    }
    if (Status s = m_session->declare(bidder, conflicted, note); !s) {
        m_dialogs->showError(this, tr("The declaration was not recorded"), s.errorMessage());
        return false;
    }
    onChanged();
    return true;
}

void PackWindow::onChanged()
{
    m_modified = true;
    refreshDeclarations();
    refreshSaveStatus();
    updateTitle();
}

void PackWindow::refreshSaveStatus()
{
    if (!m_session) {
        m_saveStatus->clear();
        return;
    }
    QStringList status;
    const int missing = m_session->missingScores();
    status << (missing == 0   ? tr("Every score is given.")
               : missing == 1 ? tr("%n score still to give.", nullptr, missing)
                              : tr("%n scores still to give.", nullptr, missing));
    if (m_modified)
        status << tr("Changes not saved to a return yet.");
    else if (!m_returnPath.isEmpty())
        status << tr("Saved to %1.").arg(QDir::toNativeSeparators(m_returnPath));
    m_saveStatus->setText(status.join(QLatin1Char(' ')));
    m_saveButton->setEnabled(true);
}

void PackWindow::updateTitle()
{
    QString title = tr("Assessor pack");
    if (m_session)
        title = tr("%1 – %2").arg(QFileInfo(m_packPath).fileName(), title);
    setWindowTitle(title + (m_modified ? QStringLiteral(" *") : QString()));
}

bool PackWindow::saveReturn()
{
    if (!m_session)
        return false;
    QString suggested = m_returnPath;
    if (suggested.isEmpty()) {
        const QFileInfo pack(m_packPath);
        suggested = pack.dir().filePath(tr("%1 return.ccreturn").arg(pack.completeBaseName()));
    }
    const QString path = m_dialogs->saveFileName(this, tr("Save return"), suggested,
                                                 tr("Assessor returns (*.ccreturn)"));
    if (path.isEmpty())
        return false;
    return saveReturnTo(path);
}

bool PackWindow::saveReturnTo(const QString &path)
{
    if (!m_session)
        return false;
    if (Status s = writeReturn(path, m_session->makeReturn()); !s) {
        m_dialogs->showError(this, tr("The return was not saved"), s.errorMessage());
        return false;
    }
    m_returnPath = path;
    m_modified = false;
    refreshSaveStatus();
    updateTitle();
    return true;
}

void PackWindow::closeEvent(QCloseEvent *event)
{
    if (m_modified &&
        !m_dialogs->confirm(this, tr("Close the pack"),
                            tr("Your declarations and scores have changed since the return was "
                               "last saved. Close without saving them?"),
                            tr("Close without saving"))) {
        event->ignore();
        return;
    }
    event->accept();
}

} // namespace CoCommission
