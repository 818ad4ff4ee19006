#include "ui/selection/scoresheet.h"

#include "core/evaluation/criteria.h"
#include "ui/pagewidgets.h"
#include "ui/selection/evaluationwidgets.h"
#include "ui/uiutil.h"

#include <QAction>
#include <QBoxLayout>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QSignalBlocker>
#include <QTableWidget>

#include <cmath>

namespace CoCommission {

using namespace EvaluationUi;

namespace {

constexpr int kBidRole = Qt::UserRole + 1;
constexpr int kCriterionRole = Qt::UserRole + 2;
constexpr int kCommentLines = 4;

} // namespace

ScoreSheet::ScoreSheet(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("scoreSheet"));

    m_emptyLabel = makeText(this);
    m_emptyLabel->setObjectName(QStringLiteral("scoreSheetEmptyLabel"));
    m_emptyLabel->hide();

    m_body = new QWidget(this);
    m_bidsLegend = makeText(m_body, true);
    m_bidsLegend->setObjectName(QStringLiteral("scoreSheetBidsLegend"));
    m_table = makeTable({}, m_body);
    m_table->setObjectName(QStringLiteral("scoreSheetTable"));
    m_table->setAccessibleName(tr("Score sheet"));
    m_table->setAccessibleDescription(
        tr("One row per criterion, one column per bid. Move with the arrow keys; press Enter to "
           "score the cell."));
    m_table->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_table->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    m_table->verticalHeader()->show();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->horizontalHeader()->setMinimumSectionSize(150);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignCenter);

    m_progressLabel = makeText(m_body, true);
    m_progressLabel->setObjectName(QStringLiteral("scoreSheetProgressLabel"));

    // The editor of the current cell.
    m_cellHeading = new QLabel(m_body);
    m_cellHeading->setObjectName(QStringLiteral("scoreCellHeading"));
    m_cellHeading->setWordWrap(true);
    QFont bold = m_cellHeading->font();
    bold.setBold(true);
    m_cellHeading->setFont(bold);
    m_reasonLabel = makeText(m_body);
    m_reasonLabel->setObjectName(QStringLiteral("scoreCellReasonLabel"));
    m_declareNoneButton = makeButton(tr("Declare &no conflict…"), tr("Declare no conflict"),
                                     QStringLiteral("declareNoneButton"), m_body);
    m_declareNoneButton->setToolTip(
        tr("Record that the assessor has no conflict of interest with this bidder, so that "
           "the bid can be scored"));
    m_declareConflictButton = makeButton(tr("Declare a &conflict…"), tr("Declare a conflict"),
                                         QStringLiteral("declareConflictButton"), m_body);
    m_declareConflictButton->setToolTip(
        tr("Record the assessor's conflict of interest with this bidder, which blocks "
           "scoring the bid"));
    auto *declareRow = new QHBoxLayout;
    declareRow->addWidget(m_declareNoneButton);
    declareRow->addWidget(m_declareConflictButton);
    declareRow->addStretch(1);

    m_scoreCombo = new PageComboBox(m_body);
    m_scoreCombo->setObjectName(QStringLiteral("scoreCombo"));
    m_scoreCombo->setAccessibleName(tr("Score"));
    m_scoreCombo->setToolTip(tr("The level of the criterion's scale the bid reaches in the cell "
                                "chosen above"));
    m_scoreCombo->setPlaceholderText(tr("Choose a score"));
    m_scoreCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_scoreLabel = new QLabel(tr("Sc&ore:"), m_body);
    m_scoreLabel->setBuddy(m_scoreCombo);
    m_commentEdit = new QPlainTextEdit(m_body);
    m_commentEdit->setObjectName(QStringLiteral("scoreCommentEdit"));
    m_commentEdit->setAccessibleName(tr("Comment"));
    m_commentEdit->setAccessibleDescription(
        tr("Why this score: required. Ctrl+Enter saves the score."));
    m_commentEdit->setTabChangesFocus(true);
    m_commentEdit->setPlaceholderText(
        tr("Why this score: what the bid offers against the criterion, and the evidence."));
    m_commentEdit->setFixedHeight(m_commentEdit->fontMetrics().lineSpacing() * kCommentLines + 12);
    m_commentLabel = new QLabel(tr("Co&mment (required):"), m_body);
    m_commentLabel->setBuddy(m_commentEdit);

    m_saveButton =
        makeButton(tr("&Save score"), tr("Save score"), QStringLiteral("saveScoreButton"), m_body);
    m_saveButton->setToolTip(tr("Record this score and comment (Ctrl+Enter)"));
    m_withdrawButton = makeButton(tr("&Withdraw score"), tr("Withdraw score"),
                                  QStringLiteral("withdrawScoreButton"), m_body);
    m_withdrawButton->setToolTip(
        tr("Withdraw the recorded score and comment for this cell, leaving it unscored"));
    m_revertButton = makeButton(tr("Re&vert"), tr("Revert to the recorded score"),
                                QStringLiteral("revertScoreButton"), m_body);
    m_revertButton->setToolTip(tr("Drop the changes not saved for this cell"));
    auto *buttonRow = new QHBoxLayout;
    buttonRow->addWidget(m_saveButton);
    buttonRow->addWidget(m_withdrawButton);
    buttonRow->addWidget(m_revertButton);
    buttonRow->addStretch(1);
    m_editorHint = makeText(m_body, true);
    m_editorHint->setObjectName(QStringLiteral("scoreEditorHint"));

    auto *form = new QGridLayout;
    form->setHorizontalSpacing(12);
    form->addWidget(m_scoreLabel, 0, 0);
    form->addWidget(m_scoreCombo, 0, 1, Qt::AlignLeft);
    form->addWidget(m_commentLabel, 1, 0, Qt::AlignTop);
    form->addWidget(m_commentEdit, 1, 1);
    form->setColumnStretch(1, 1);

    auto *bodyLayout = new QVBoxLayout(m_body);
    bodyLayout->setContentsMargins(0, 0, 0, 0);
    bodyLayout->setSpacing(8);
    bodyLayout->addWidget(m_bidsLegend);
    bodyLayout->addWidget(m_table);
    bodyLayout->addWidget(m_progressLabel);
    bodyLayout->addSpacing(6);
    bodyLayout->addWidget(m_cellHeading);
    bodyLayout->addWidget(m_reasonLabel);
    bodyLayout->addLayout(declareRow);
    bodyLayout->addLayout(form);
    bodyLayout->addLayout(buttonRow);
    bodyLayout->addWidget(m_editorHint);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_emptyLabel);
    layout->addWidget(m_body);

    setTabOrder(m_table, m_declareNoneButton);
    setTabOrder(m_declareNoneButton, m_declareConflictButton);
    setTabOrder(m_declareConflictButton, m_scoreCombo);
    setTabOrder(m_scoreCombo, m_commentEdit);
    setTabOrder(m_commentEdit, m_saveButton);
    setTabOrder(m_saveButton, m_withdrawButton);
    setTabOrder(m_withdrawButton, m_revertButton);

    auto *saveAction = new QAction(this);
    saveAction->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    saveAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(saveAction);
    connect(saveAction, &QAction::triggered, this, [this] {
        if (m_saveButton->isEnabled())
            saveCurrent();
    });

    connect(m_table, &QTableWidget::currentCellChanged, this, [this] {
        if (!m_updating)
            loadEditor();
    });
    // Enter on a cell goes to its score, the next thing to fill in.
    connect(m_table, &QTableWidget::cellActivated, this, [this] {
        if (m_scoreCombo->isEnabled())
            m_scoreCombo->setFocus(Qt::OtherFocusReason);
        else if (m_declareNoneButton->isVisibleTo(this))
            m_declareNoneButton->setFocus(Qt::OtherFocusReason);
    });
    connect(m_scoreCombo, &QComboBox::currentIndexChanged, this, &ScoreSheet::onEditorEdited);
    connect(m_commentEdit, &QPlainTextEdit::textChanged, this, &ScoreSheet::onEditorEdited);
    connect(m_saveButton, &QPushButton::clicked, this, &ScoreSheet::saveCurrent);
    connect(m_withdrawButton, &QPushButton::clicked, this, &ScoreSheet::withdrawCurrent);
    connect(m_revertButton, &QPushButton::clicked, this, &ScoreSheet::revertCurrent);
    connect(m_declareNoneButton, &QPushButton::clicked, this, [this] { declareCurrent(false); });
    connect(m_declareConflictButton, &QPushButton::clicked, this, [this] { declareCurrent(true); });

    refresh();
}

ScoreSheet::~ScoreSheet() = default;

void ScoreSheet::setBackend(ScoreSheetBackend *backend)
{
    m_backend = backend;
    m_drafts.clear();
    refresh();
}

void ScoreSheet::clearDrafts()
{
    m_drafts.clear();
    refresh();
}

QString ScoreSheet::key(const QString &bidId, const QString &criterionId)
{
    return bidId + QChar(u'\x1f') + criterionId;
}

const ScoreSheetBid *ScoreSheet::bid(const QString &id) const
{
    for (const ScoreSheetBid &b : m_content.bids) {
        if (b.id == id)
            return &b;
    }
    return nullptr;
}

const Criterion *ScoreSheet::criterion(const QString &id) const
{
    for (const Criterion &c : m_content.criteria) {
        if (c.id == id)
            return &c;
    }
    return nullptr;
}

const IndividualScore *ScoreSheet::storedScore(const QString &bidId,
                                               const QString &criterionId) const
{
    for (const IndividualScore &s : m_content.scores) {
        if (s.bidId == bidId && s.criterionId == criterionId && s.assessor == m_content.assessor)
            return &s;
    }
    return nullptr;
}

void ScoreSheet::refresh()
{
    const QString bidId = currentBid();
    const QString criterionId = currentCriterion();
    m_content = m_backend ? m_backend->sheetContent() : ScoreSheetContent();
    // Drafts that now match what is recorded have nothing left to save.
    for (auto it = m_drafts.begin(); it != m_drafts.end();) {
        const QStringList parts = it.key().split(QChar(u'\x1f'));
        if (parts.size() != 2 || !bid(parts[0]) || !criterion(parts[1]) ||
            !differsFromStored(parts[0], parts[1], it.value()))
            it = m_drafts.erase(it);
        else
            ++it;
    }
    rebuildTable();
    if (!selectCell(bidId, criterionId) && m_table->rowCount() > 0 && m_table->columnCount() > 0)
        m_table->setCurrentCell(0, 0);
    loadEditor();
}

void ScoreSheet::rebuildTable()
{
    const QScopedValueRollback updating(m_updating, true);
    const bool empty = m_content.bids.isEmpty() || m_content.scoredCriteria.isEmpty();
    QString emptyText = m_content.emptyReason;
    if (emptyText.isEmpty() && empty)
        emptyText = m_content.bids.isEmpty() ? tr("There are no bids to score.")
                                             : tr("There are no criteria to score.");
    m_emptyLabel->setText(emptyText);
    m_emptyLabel->setVisible(!emptyText.isEmpty());
    m_body->setVisible(!empty);

    Result<CriteriaTree> tree = CriteriaTree::fromList(m_content.criteria);
    const bool manyLots = [&] {
        for (const ScoreSheetBid &b : m_content.bids) {
            if (b.lotName != m_content.bids.first().lotName)
                return true;
        }
        return false;
    }();

    m_table->clear();
    m_table->setRowCount(empty ? 0 : int(m_content.scoredCriteria.size()));
    m_table->setColumnCount(empty ? 0 : int(m_content.bids.size()));
    if (empty) {
        fitTableHeight(m_table);
        return;
    }
    // The columns are headed by the bids' ids, which the legend above spells out: bidders'
    // names are too long for a column.
    QStringList columnHeaders;
    QStringList legend;
    for (const ScoreSheetBid &b : std::as_const(m_content.bids)) {
        columnHeaders << b.id;
        legend << (manyLots ? tr("%1: %2, %3 (%4)").arg(b.id, b.bidder, money(b.price), b.lotName)
                            : tr("%1: %2, %3").arg(b.id, b.bidder, money(b.price)));
    }
    m_table->setHorizontalHeaderLabels(columnHeaders);
    m_bidsLegend->setText(legend.join(QStringLiteral("\n")));
    for (int column = 0; column < int(m_content.bids.size()); ++column) {
        const ScoreSheetBid &b = m_content.bids[column];
        if (QTableWidgetItem *header = m_table->horizontalHeaderItem(column)) {
            header->setToolTip(tr("Bid %1 from %2, %3").arg(b.id, b.bidder, money(b.price)));
            header->setData(kBidRole, b.id);
        }
    }
    QStringList rowHeaders;
    for (const QString &id : m_content.scoredCriteria)
        rowHeaders << (tree ? criterionLabel(*tree, id) : id);
    m_table->setVerticalHeaderLabels(rowHeaders);

    int given = 0;
    int open = 0;
    int conflicted = 0;
    int undeclared = 0;
    for (int row = 0; row < int(m_content.scoredCriteria.size()); ++row) {
        const QString &criterionId = m_content.scoredCriteria[row];
        const Criterion *c = criterion(criterionId);
        for (int column = 0; column < int(m_content.bids.size()); ++column) {
            const ScoreSheetBid &b = m_content.bids[column];
            const IndividualScore *stored = storedScore(b.id, criterionId);
            const auto draft = m_drafts.constFind(key(b.id, criterionId));
            QString text;
            QString tip;
            QTableWidgetItem *item = nullptr;
            if (b.access == ScoreAccess::Conflicted) {
                ++conflicted;
                item = cell(tr("Blocked: conflict declared"), Qt::AlignCenter);
                shade(item, kBlockedBackground);
                tip = b.reason;
            } else if (b.access == ScoreAccess::Undeclared) {
                ++undeclared;
                item = cell(tr("Declare first"), Qt::AlignCenter);
                shade(item, kBlockedBackground);
                tip = b.reason;
            } else {
                if (b.access == ScoreAccess::Open)
                    ++open;
                if (stored)
                    ++given;
                if (draft != m_drafts.constEnd() && c) {
                    text = draftText(*c, *draft);
                    tip = tr("Changed but not saved yet.");
                } else if (stored && c) {
                    text = scoreText(*c, stored->score);
                    tip = stored->comment;
                } else {
                    text = tr("Not scored");
                }
                if (b.access == ScoreAccess::Locked && !b.reason.isEmpty())
                    tip = tip.isEmpty() ? b.reason : tip + QLatin1Char('\n') + b.reason;
                item = cell(text, Qt::AlignCenter);
            }
            item->setToolTip(tip);
            item->setData(kBidRole, b.id);
            item->setData(kCriterionRole, criterionId);
            m_table->setItem(row, column, item);
        }
    }
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    // Long criterion names are cut short (the full name is in the editor below) so that every
    // bid's column fits beside them.
    m_table->verticalHeader()->setMaximumWidth(m_table->fontMetrics().averageCharWidth() * 42);
    fitTableHeight(m_table);

    const int cells = int(m_content.scoredCriteria.size() * m_content.bids.size());
    QStringList progress;
    progress << tr("%1 has given %2 of the %3 scores on this sheet.")
                    .arg(m_content.assessor)
                    .arg(given)
                    .arg(cells);
    if (conflicted > 0)
        progress << (conflicted == 1
                         ? tr("%n cell is blocked by a declared conflict of interest.", nullptr,
                              conflicted)
                         : tr("%n cells are blocked by a declared conflict of interest.", nullptr,
                              conflicted));
    if (undeclared > 0)
        progress << (undeclared == 1 ? tr("%n cell waits for a declaration about its bidder.",
                                          nullptr, undeclared)
                                     : tr("%n cells wait for a declaration about their bidder.",
                                          nullptr, undeclared));
    if (!m_drafts.isEmpty())
        progress << (m_drafts.size() == 1
                         ? tr("%n change is not saved.", nullptr, int(m_drafts.size()))
                         : tr("%n changes are not saved.", nullptr, int(m_drafts.size())));
    m_progressLabel->setText(progress.join(QLatin1Char(' ')));
}

bool ScoreSheet::selectCell(const QString &bidId, const QString &criterionId)
{
    const int row = int(m_content.scoredCriteria.indexOf(criterionId));
    int column = -1;
    for (int c = 0; c < int(m_content.bids.size()); ++c) {
        if (m_content.bids[c].id == bidId)
            column = c;
    }
    if (row < 0 || column < 0 || row >= m_table->rowCount() || column >= m_table->columnCount())
        return false;
    m_table->setCurrentCell(row, column);
    return true;
}

QString ScoreSheet::currentBid() const
{
    const QTableWidgetItem *item = m_table->currentItem();
    return item ? item->data(kBidRole).toString() : QString();
}

QString ScoreSheet::currentCriterion() const
{
    const QTableWidgetItem *item = m_table->currentItem();
    return item ? item->data(kCriterionRole).toString() : QString();
}

QString ScoreSheet::cellText(const QString &bidId, const QString &criterionId) const
{
    const int row = int(m_content.scoredCriteria.indexOf(criterionId));
    for (int column = 0; column < m_table->columnCount(); ++column) {
        const QTableWidgetItem *item = row >= 0 ? m_table->item(row, column) : nullptr;
        if (item && item->data(kBidRole).toString() == bidId)
            return item->text();
    }
    return {};
}

QString ScoreSheet::draftText(const Criterion &criterion, const Draft &draft)
{
    return tr("%1 (not saved)")
        .arg(draft.level >= 0 ? scoreText(criterion, draft.level) : tr("No score"));
}

bool ScoreSheet::hasDraft(const QString &bidId, const QString &criterionId) const
{
    return m_drafts.contains(key(bidId, criterionId));
}

ScoreSheet::Draft ScoreSheet::editorDraft() const
{
    Draft draft;
    draft.level = m_scoreCombo->currentIndex() >= 0 ? m_scoreCombo->currentData().toInt() : -1;
    draft.comment = m_commentEdit->toPlainText();
    return draft;
}

bool ScoreSheet::differsFromStored(const QString &bidId, const QString &criterionId,
                                   const Draft &draft) const
{
    const IndividualScore *stored = storedScore(bidId, criterionId);
    if (!stored)
        return draft.level >= 0 || !draft.comment.trimmed().isEmpty();
    return draft.level < 0 || std::abs(stored->score - draft.level) > 1e-9 ||
           draft.comment != stored->comment;
}

void ScoreSheet::loadEditor()
{
    const QScopedValueRollback updating(m_updating, true);
    const QString bidId = currentBid();
    const QString criterionId = currentCriterion();
    const ScoreSheetBid *b = bid(bidId);
    const Criterion *c = criterion(criterionId);

    {
        const QSignalBlocker comboBlocker(m_scoreCombo);
        const QSignalBlocker commentBlocker(m_commentEdit);
        m_scoreCombo->clear();
        m_commentEdit->clear();
        if (b && c) {
            fillScoreCombo(m_scoreCombo, *c);
            const IndividualScore *stored = storedScore(bidId, criterionId);
            const auto draft = m_drafts.constFind(key(bidId, criterionId));
            int level = -1;
            QString comment;
            if (draft != m_drafts.constEnd()) {
                level = draft->level;
                comment = draft->comment;
            } else if (stored) {
                level = int(std::lround(stored->score));
                comment = stored->comment;
            }
            m_scoreCombo->setCurrentIndex(level >= 0 ? m_scoreCombo->findData(level) : -1);
            m_commentEdit->setPlainText(comment);
        }
    }

    if (!b || !c) {
        m_cellHeading->setText(tr("Select a cell of the sheet to score it."));
        m_reasonLabel->hide();
    } else {
        QString scale;
        if (c->type == CriterionType::PassFail)
            scale = tr("pass or fail");
        else
            scale = tr("0 to %1").arg(c->scale.maxScore);
        m_cellHeading->setText(
            tr("Bid %1 (%2) against %3, scored %4").arg(b->id, b->bidder, c->name, scale));
        m_reasonLabel->setText(b->reason);
        m_reasonLabel->setVisible(b->access != ScoreAccess::Open && !b->reason.isEmpty());
    }
    const bool undeclared = b && b->access == ScoreAccess::Undeclared;
    m_declareNoneButton->setVisible(undeclared);
    m_declareConflictButton->setVisible(undeclared);
    if (b) {
        m_declareNoneButton->setAccessibleName(tr("Declare no conflict with %1").arg(b->bidder));
        m_declareConflictButton->setAccessibleName(tr("Declare a conflict with %1").arg(b->bidder));
    }
    const bool open = b && c && b->access == ScoreAccess::Open;
    m_scoreCombo->setEnabled(open);
    m_commentEdit->setReadOnly(!open);
    m_commentEdit->setEnabled(b && c);
    m_scoreCombo->setAccessibleName(b && c ? tr("Score for bid %1 against %2").arg(b->id, c->name)
                                           : tr("Score"));
    refreshButtons();
}

void ScoreSheet::onEditorEdited()
{
    if (m_updating)
        return;
    const QString bidId = currentBid();
    const QString criterionId = currentCriterion();
    const ScoreSheetBid *b = bid(bidId);
    if (!b || !criterion(criterionId) || b->access != ScoreAccess::Open)
        return;
    const Draft draft = editorDraft();
    const QString k = key(bidId, criterionId);
    const bool had = m_drafts.contains(k);
    if (differsFromStored(bidId, criterionId, draft))
        m_drafts.insert(k, draft);
    else
        m_drafts.remove(k);
    // The cell says "not saved" as soon as there is something to save, and stops when not.
    const int row = m_table->currentRow();
    const int column = m_table->currentColumn();
    if (had != m_drafts.contains(k)) {
        const QScopedValueRollback updating(m_updating, true);
        rebuildTable();
        m_table->setCurrentCell(row, column);
    } else if (QTableWidgetItem *item = m_table->item(row, column); item && had) {
        item->setText(draftText(*criterion(criterionId), draft));
    }
    refreshButtons();
}

void ScoreSheet::refreshButtons()
{
    const QString bidId = currentBid();
    const QString criterionId = currentCriterion();
    const ScoreSheetBid *b = bid(bidId);
    const bool open = b && criterion(criterionId) && b->access == ScoreAccess::Open;
    const Draft draft = editorDraft();
    const bool changed = open && differsFromStored(bidId, criterionId, draft);
    const bool complete = draft.level >= 0 && !draft.comment.trimmed().isEmpty();
    m_saveButton->setEnabled(open && changed && complete);
    m_withdrawButton->setEnabled(open && storedScore(bidId, criterionId));
    m_revertButton->setEnabled(open && m_drafts.contains(key(bidId, criterionId)));
    for (QWidget *w :
         {static_cast<QWidget *>(m_scoreLabel), static_cast<QWidget *>(m_scoreCombo),
          static_cast<QWidget *>(m_commentLabel), static_cast<QWidget *>(m_commentEdit),
          static_cast<QWidget *>(m_saveButton), static_cast<QWidget *>(m_withdrawButton),
          static_cast<QWidget *>(m_revertButton)})
        w->setVisible(b && b->access != ScoreAccess::Conflicted &&
                      b->access != ScoreAccess::Undeclared);

    QString hint;
    if (open && changed && draft.level < 0)
        hint = tr("Choose a score from the scale.");
    else if (open && changed && draft.comment.trimmed().isEmpty())
        hint = tr("Every score needs a comment saying why: write one to save the score.");
    else if (open && !changed && storedScore(bidId, criterionId))
        hint = tr("Recorded. Change the score or the comment to record it again.");
    else if (open)
        hint = tr("Choose a score and write a comment, then save. Each saved score can be "
                  "undone.");
    m_editorHint->setText(hint);
    m_editorHint->setVisible(!hint.isEmpty());
}

bool ScoreSheet::chooseScore(double score)
{
    const int index = m_scoreCombo->findData(int(std::lround(score)));
    if (index < 0 || std::abs(score - std::round(score)) > 1e-9)
        return false;
    m_scoreCombo->setCurrentIndex(index);
    return true;
}

void ScoreSheet::setComment(const QString &comment)
{
    m_commentEdit->setPlainText(comment);
}

bool ScoreSheet::saveCurrent()
{
    const QString bidId = currentBid();
    const QString criterionId = currentCriterion();
    const ScoreSheetBid *b = bid(bidId);
    if (!m_backend || !b || !criterion(criterionId) || b->access != ScoreAccess::Open)
        return false;
    const Draft draft = editorDraft();
    if (draft.level < 0)
        return false;
    const bool hadFocus = m_saveButton->hasFocus();
    if (!m_backend->saveScore(bidId, criterionId, draft.level, draft.comment))
        return false;
    m_drafts.remove(key(bidId, criterionId));
    refresh();
    // The button is disabled now; keep the keyboard on the sheet, not on "Withdraw".
    if (hadFocus)
        m_table->setFocus(Qt::OtherFocusReason);
    emit changed();
    return true;
}

bool ScoreSheet::withdrawCurrent()
{
    const QString bidId = currentBid();
    const QString criterionId = currentCriterion();
    const ScoreSheetBid *b = bid(bidId);
    if (!m_backend || !b || b->access != ScoreAccess::Open || !storedScore(bidId, criterionId))
        return false;
    const bool hadFocus = m_withdrawButton->hasFocus();
    if (!m_backend->withdrawScore(bidId, criterionId))
        return false;
    m_drafts.remove(key(bidId, criterionId));
    refresh();
    if (hadFocus)
        m_table->setFocus(Qt::OtherFocusReason);
    emit changed();
    return true;
}

void ScoreSheet::revertCurrent()
{
    if (!m_drafts.remove(key(currentBid(), currentCriterion())))
        return;
    const bool hadFocus = m_revertButton->hasFocus();
    refresh();
    if (hadFocus)
        m_table->setFocus(Qt::OtherFocusReason);
}

bool ScoreSheet::declareCurrent(bool conflicted)
{
    const ScoreSheetBid *b = bid(currentBid());
    if (!m_backend || !b || b->access != ScoreAccess::Undeclared)
        return false;
    const QString bidder = b->bidder;
    if (!m_backend->declare(bidder, conflicted))
        return false;
    refresh();
    if (!conflicted && m_scoreCombo->isEnabled())
        m_scoreCombo->setFocus(Qt::OtherFocusReason);
    else
        m_table->setFocus(Qt::OtherFocusReason);
    emit changed();
    return true;
}

} // namespace CoCommission
