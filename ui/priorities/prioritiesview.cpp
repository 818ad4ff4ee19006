#include "ui/priorities/prioritiesview.h"

#include "core/commands/cataloguecommands.h"
#include "core/commands/prioritycommands.h"
#include "core/needs/indicators.h"
#include "core/priorities/jointranking.h"
#include "core/priorities/priorityagreement.h"
#include "core/priorities/priorityplaces.h"
#include "core/round/rounddocument.h"
#include "ui/dialogservice.h"
#include "ui/editrunner.h"
#include "ui/needsview.h"
#include "ui/noticebox.h"
#include "ui/pagewidgets.h"
#include "ui/uiutil.h"

#include <QBoxLayout>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QDropEvent>
#include <QFocusEvent>
#include <QGridLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QResizeEvent>
#include <QScopedValueRollback>
#include <QScrollArea>
#include <QSet>
#include <QSignalBlocker>
#include <QTableWidget>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <functional>

namespace CoCommission {

namespace {

using UiUtil::fitTableHeight;
using UiUtil::makeButton;
using UiUtil::makeTable;
using UiUtil::makeText;

/**
 * Below these widths the parts of a row stack instead of standing side by side: the rankings
 * and the joint ranking table (which has a column per partner and needs the room), and the
 * agreed order and its rationale.
 */
constexpr int kRankingsSideBySideWidth = 1500;
constexpr int kDecisionSideBySideWidth = 900;
constexpr int kRationaleLines = 8;
constexpr int kInnerSpacing = 6;
/** Room kept around a control scrolled into view. */
constexpr int kFocusMargin = 12;
/** The most points a partner can give a group (RoundDocument refuses more). */
constexpr double kMaxPoints = 1e6;
constexpr int kPointsDecimals = 1;

enum PlacesColumn {
    PlaceNameColumn, ///< checkable: ticked means a priority place
    PlaceCodeColumn,
    PlaceValueColumn,
    PlaceStatusColumn,
    PlacesColumnCount
};

constexpr int kKeyRole = Qt::UserRole + 1;  ///< a group key or GSS code
constexpr int kSortRole = Qt::UserRole + 2; ///< a number to sort by; invalid sorts first

/** The shading of a tied row, on top of the word "tied": dark text stays at 15:1 on it. */
const QColor kTiedBackground(0xff, 0xf4, 0xce);

/**
 * A list of priority groups in order. Alt+Up and Alt+Down ask for the selected group to move;
 * a drag inside the list reorders it, and the owner is told once the drop is done.
 */
class OrderList : public QListWidget
{
public:
    explicit OrderList(QWidget *parent)
        : QListWidget(parent)
    {
        setSelectionMode(QAbstractItemView::SingleSelection);
        setDragDropMode(QAbstractItemView::InternalMove);
        setDefaultDropAction(Qt::MoveAction);
        setDropIndicatorShown(true);
        setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
        setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
        setWordWrap(false);
        setTextElideMode(Qt::ElideRight);
        setUniformItemSizes(true);
    }

    std::function<void(int delta)> moveRequested;
    std::function<void()> reordered;

protected:
    void keyPressEvent(QKeyEvent *event) override
    {
        if (event->modifiers() == Qt::AltModifier &&
            (event->key() == Qt::Key_Up || event->key() == Qt::Key_Down)) {
            if (moveRequested)
                moveRequested(event->key() == Qt::Key_Up ? -1 : 1);
            event->accept();
            return;
        }
        QListWidget::keyPressEvent(event);
    }

    void dropEvent(QDropEvent *event) override
    {
        QListWidget::dropEvent(event);
        if (reordered)
            reordered();
    }
};

/** A table cell that sorts by kSortRole when it has one, else by its text. */
class SortItem : public QTableWidgetItem
{
public:
    using QTableWidgetItem::QTableWidgetItem;

    bool operator<(const QTableWidgetItem &other) const override
    {
        const QVariant a = data(kSortRole);
        const QVariant b = other.data(kSortRole);
        if (a.isValid() && b.isValid())
            return a.toDouble() < b.toDouble();
        if (a.isValid() != b.isValid())
            return !a.isValid(); // no figure sorts below every figure
        return QTableWidgetItem::operator<(other);
    }
};

QTableWidgetItem *cell(const QString &text, Qt::Alignment alignment = Qt::AlignLeft)
{
    auto *item = new SortItem(text);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    item->setTextAlignment(alignment | Qt::AlignVCenter);
    return item;
}

/** "A", "A and B", "A, B and C". */
QString sentenceList(const QStringList &items)
{
    if (items.size() <= 1)
        return items.value(0);
    return QCoreApplication::translate("CoCommission::PrioritiesView", "%1 and %2")
        .arg(items.mid(0, items.size() - 1).join(QStringLiteral(", ")), items.last());
}

QString formatNumber(double value, int decimals)
{
    return UiUtil::numberLocale().toString(value, 'f', decimals);
}

/** Whether \a order places each of \a keys exactly once. */
bool isPermutation(QStringList order, QStringList keys)
{
    order.sort();
    keys.sort();
    return order == keys;
}

} // namespace

PrioritiesView::PrioritiesView(EditRunner *edits, DialogService *dialogs, QWidget *parent)
    : QWidget(parent)
    , m_edits(edits)
    , m_dialogs(dialogs)
{
    setObjectName(QStringLiteral("prioritiesView"));

    m_frozenNotice = new NoticeBox(NoticeBox::Kind::Warning, QString(), this);
    m_frozenNotice->setObjectName(QStringLiteral("prioritiesFrozenNotice"));
    m_frozenNotice->hide();

    m_noPlanLabel = makeText(this);
    m_noPlanLabel->setObjectName(QStringLiteral("prioritiesNoPlanLabel"));
    m_noPlanLabel->setText(
        tr("No CPA plan is adopted, so there is nothing to rank yet: the partners rank the "
           "priority groups and decide the priorities for each CPA of the adopted plan. Adopt a "
           "CPA plan first. Priority places, below, do not need a plan."));

    m_cpaContent = new QWidget(this);
    m_cpaContent->setObjectName(QStringLiteral("prioritiesCpaContent"));

    // The CPA picker.
    m_cpaCombo = new PageComboBox(m_cpaContent);
    m_cpaCombo->setObjectName(QStringLiteral("prioritiesCpaCombo"));
    m_cpaCombo->setAccessibleName(tr("CPA"));
    m_cpaCombo->setToolTip(tr("Choose the CPA whose priority groups are ranked and decided."));
    m_cpaCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    auto *cpaLabel = new QLabel(tr("CP&A:"), m_cpaContent);
    cpaLabel->setBuddy(m_cpaCombo);
    m_cpaDetails = makeText(m_cpaContent, true);
    m_cpaDetails->setObjectName(QStringLiteral("prioritiesCpaDetails"));
    auto *cpaRow = new QHBoxLayout;
    cpaRow->addWidget(cpaLabel);
    cpaRow->addWidget(m_cpaCombo);
    cpaRow->addStretch(1);

    m_columns = new QBoxLayout(QBoxLayout::LeftToRight);
    m_columns->setSpacing(24);
    m_columns->addWidget(makeRankingColumn(), 2);
    m_columns->addWidget(makeAgreementColumn(), 3);

    auto *cpaLayout = new QVBoxLayout(m_cpaContent);
    cpaLayout->setContentsMargins(0, 0, 0, 0);
    cpaLayout->setSpacing(10);
    cpaLayout->addLayout(cpaRow);
    cpaLayout->addWidget(m_cpaDetails);
    cpaLayout->addSpacing(6);
    cpaLayout->addLayout(m_columns);
    cpaLayout->addSpacing(12);
    cpaLayout->addLayout(makeDecisionPart());
    cpaLayout->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(10);
    layout->addWidget(m_frozenNotice);
    layout->addLayout(makeCataloguePart());
    layout->addSpacing(12);
    layout->addWidget(m_noPlanLabel);
    layout->addWidget(m_cpaContent);
    layout->addSpacing(12);
    layout->addLayout(makePlacesPart());
    layout->addStretch(1); // spare height from wrapped labels goes here, not between widgets

    // Keyboard order: the page's reading order.
    const QList<QWidget *> chain = {m_catalogueTable,
                                    m_addGroupButton,
                                    m_editGroupButton,
                                    m_removeGroupButton,
                                    m_cpaCombo,
                                    m_partnerCombo,
                                    m_rankingList,
                                    m_rankUpButton,
                                    m_rankDownButton,
                                    m_recordOrderButton,
                                    m_clearRankingButton,
                                    m_recordPointsButton,
                                    m_methodCombo,
                                    m_jointTable,
                                    m_agreementTable,
                                    m_decisionList,
                                    m_decisionUpButton,
                                    m_decisionDownButton,
                                    m_useJointButton,
                                    m_rationaleEdit,
                                    m_recordDecisionButton,
                                    m_removeDecisionButton,
                                    m_placesIndicatorCombo,
                                    m_placesDateCombo,
                                    m_pickButton,
                                    m_placesTable,
                                    m_savePlacesButton,
                                    m_revertPlacesButton};
    for (qsizetype i = 1; i < chain.size(); ++i)
        setTabOrder(chain[i - 1], chain[i]);
    for (QWidget *control : chain)
        control->installEventFilter(this); // see eventFilter()

    connectControls();
}

QWidget *PrioritiesView::makeRankingColumn()
{
    auto *rankingColumn = new QWidget(m_cpaContent);
    auto *rankingHeading = UiUtil::headingLabel(tr("Partners' rankings"), 1.15, rankingColumn);
    m_partnerCombo = new PageComboBox(rankingColumn);
    m_partnerCombo->setObjectName(QStringLiteral("partnerCombo"));
    m_partnerCombo->setAccessibleName(tr("Partner"));
    m_partnerCombo->setToolTip(tr("Choose the partner whose ranking of the groups is shown."));
    m_partnerCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    auto *partnerLabel = new QLabel(tr("&Partner:"), rankingColumn);
    partnerLabel->setBuddy(m_partnerCombo);
    auto *partnerRow = new QHBoxLayout;
    partnerRow->addWidget(partnerLabel);
    partnerRow->addWidget(m_partnerCombo, 1);
    m_rankingStatus = makeText(rankingColumn);
    m_rankingStatus->setObjectName(QStringLiteral("rankingStatusLabel"));
    auto *rankingList = new OrderList(rankingColumn);
    m_rankingList = rankingList;
    m_rankingList->setObjectName(QStringLiteral("rankingList"));
    m_rankingList->setAccessibleDescription(
        tr("Most important first. Alt+Up and Alt+Down move the selected group; each move is "
           "recorded."));
    m_rankUpButton = makeButton(tr("Move up"), tr("Move group up"), QStringLiteral("rankUpButton"),
                                rankingColumn);
    m_rankUpButton->setToolTip(tr("Move the selected group up (Alt+Up)"));
    m_rankDownButton = makeButton(tr("Move down"), tr("Move group down"),
                                  QStringLiteral("rankDownButton"), rankingColumn);
    m_rankDownButton->setToolTip(tr("Move the selected group down (Alt+Down)"));
    m_recordOrderButton = makeButton(tr("Rec&ord this order"), tr("Record this order"),
                                     QStringLiteral("recordOrderButton"), rankingColumn);
    m_clearRankingButton = makeButton(tr("&Clear ranking"), tr("Clear ranking"),
                                      QStringLiteral("clearRankingButton"), rankingColumn);
    // The buttons stand beside the list, so that the list keeps a readable width.
    auto *rankingButtons = new QVBoxLayout;
    rankingButtons->addWidget(m_rankUpButton);
    rankingButtons->addWidget(m_rankDownButton);
    rankingButtons->addSpacing(12);
    rankingButtons->addWidget(m_recordOrderButton);
    rankingButtons->addWidget(m_clearRankingButton);
    rankingButtons->addStretch(1);
    auto *rankingRow = new QHBoxLayout;
    rankingRow->addWidget(m_rankingList, 1, Qt::AlignTop);
    rankingRow->addLayout(rankingButtons);
    m_rankingHint = makeText(rankingColumn, true);
    auto *rankingHint = m_rankingHint;
    rankingHint->setText(tr("Select a group, then move it with the buttons, Alt+Up and Alt+Down, "
                            "or by dragging. Each move is recorded at once and can be undone."));
    auto *rankingLayout = new QVBoxLayout(rankingColumn);
    rankingLayout->setContentsMargins(0, 0, 0, 0);
    rankingLayout->addWidget(rankingHeading);
    rankingLayout->addLayout(partnerRow);
    rankingLayout->addWidget(m_rankingStatus);
    rankingLayout->addLayout(rankingRow);
    rankingLayout->addWidget(rankingHint);
    rankingLayout->addWidget(makePointsBox(rankingColumn));
    rankingLayout->addStretch(1);
    return rankingColumn;
}

QWidget *PrioritiesView::makeAgreementColumn()
{
    auto *agreementColumn = new QWidget(m_cpaContent);
    auto *agreementHeading =
        UiUtil::headingLabel(tr("Joint ranking and agreement"), 1.15, agreementColumn);
    m_methodCombo = new PageComboBox(agreementColumn);
    m_methodCombo->setObjectName(QStringLiteral("methodCombo"));
    m_methodCombo->setAccessibleName(tr("Method of the joint ranking"));
    m_methodCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    for (RankingMethod method : {RankingMethod::Borda, RankingMethod::PointsSum})
        m_methodCombo->addItem(PriorityAgreement::methodName(method), int(method));
    auto *methodComboLabel = new QLabel(tr("Com&bine the rankings by:"), agreementColumn);
    methodComboLabel->setBuddy(m_methodCombo);
    auto *methodRow = new QHBoxLayout;
    methodRow->addWidget(methodComboLabel);
    methodRow->addWidget(m_methodCombo);
    methodRow->addStretch(1);
    m_methodLabel = makeText(agreementColumn);
    m_methodLabel->setObjectName(QStringLiteral("methodLabel"));
    m_rankedByLabel = makeText(agreementColumn);
    m_rankedByLabel->setObjectName(QStringLiteral("rankedByLabel"));
    m_jointProblem = makeText(agreementColumn, true);
    m_jointProblem->setObjectName(QStringLiteral("jointProblemLabel"));
    m_jointTable = makeTable({}, agreementColumn);
    m_jointTable->setObjectName(QStringLiteral("jointRankingTable"));
    m_jointTable->setAccessibleName(tr("Joint ranking"));
    m_jointTable->setAccessibleDescription(
        tr("The priority groups in the order the partners' rankings give together."));
    m_tiesLabel = makeText(agreementColumn);
    m_tiesLabel->setObjectName(QStringLiteral("tiesLabel"));
    m_widestLabel = makeText(agreementColumn);
    m_widestLabel->setObjectName(QStringLiteral("widestSpreadLabel"));
    m_agreementHeading = new QLabel(tr("Agreement between each pair of partners"), agreementColumn);
    QFont bold = m_agreementHeading->font();
    bold.setBold(true);
    m_agreementHeading->setFont(bold);
    m_agreementTable =
        makeTable({tr("Partners"), tr("Kendall's tau"), tr("Reading")}, agreementColumn);
    m_agreementTable->setObjectName(QStringLiteral("agreementTable"));
    m_agreementTable->setAccessibleName(tr("Agreement between each pair of partners"));
    m_agreementTable->setAccessibleDescription(
        tr("How closely each pair of partners' rankings agree, as Kendall's tau."));
    m_agreementTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_agreementTable->horizontalHeader()->setStretchLastSection(true);
    m_bandsLabel = makeText(agreementColumn, true);
    m_bandsLabel->setObjectName(QStringLiteral("bandsLabel"));
    auto *agreementLayout = new QVBoxLayout(agreementColumn);
    agreementLayout->setContentsMargins(0, 0, 0, 0);
    agreementLayout->addWidget(agreementHeading);
    agreementLayout->addLayout(methodRow);
    agreementLayout->addWidget(m_methodLabel);
    agreementLayout->addWidget(m_rankedByLabel);
    agreementLayout->addWidget(m_jointProblem);
    agreementLayout->addWidget(m_jointTable);
    agreementLayout->addWidget(m_tiesLabel);
    agreementLayout->addWidget(m_widestLabel);
    agreementLayout->addSpacing(6);
    agreementLayout->addWidget(m_agreementHeading);
    agreementLayout->addWidget(m_agreementTable);
    agreementLayout->addWidget(m_bandsLabel);
    agreementLayout->addStretch(1);
    return agreementColumn;
}

QBoxLayout *PrioritiesView::makeCataloguePart()
{
    auto *heading = UiUtil::headingLabel(tr("Catalogue of priority groups"), 1.15, this);
    auto *intro = makeText(this, true);
    intro->setText(tr("The groups the partners rank for every CPA. Groups can be added or removed "
                      "only before any ranking or decision is recorded; names and descriptions "
                      "can change until stage 2 is frozen for sign-off."));
    m_catalogueTable = makeTable({tr("Priority group"), tr("Description")}, this);
    m_catalogueTable->setObjectName(QStringLiteral("catalogueTable"));
    m_catalogueTable->setAccessibleName(tr("Catalogue of priority groups"));
    m_catalogueTable->setAccessibleDescription(
        tr("The priority groups every partner ranks, with their descriptions; select one to "
           "edit or remove it."));
    m_catalogueTable->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_catalogueTable->horizontalHeader()->setStretchLastSection(true);
    m_catalogueTable->setTextElideMode(Qt::ElideRight);
    m_addGroupButton = makeButton(tr("Add g&roup…"), tr("Add priority group"),
                                  QStringLiteral("addGroupButton"), this);
    m_editGroupButton = makeButton(tr("Edi&t group…"), tr("Edit priority group"),
                                   QStringLiteral("editGroupButton"), this);
    m_removeGroupButton = makeButton(tr("Remove group…"), tr("Remove priority group"),
                                     QStringLiteral("removeGroupButton"), this);
    m_catalogueFixed = makeText(this);
    m_catalogueFixed->setObjectName(QStringLiteral("catalogueFixedLabel"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_addGroupButton);
    buttons->addWidget(m_editGroupButton);
    buttons->addWidget(m_removeGroupButton);
    buttons->addStretch(1);

    auto *part = new QVBoxLayout;
    part->setSpacing(kInnerSpacing);
    part->addWidget(heading);
    part->addWidget(intro);
    part->addWidget(m_catalogueTable);
    part->addLayout(buttons);
    part->addWidget(m_catalogueFixed);
    return part;
}

QWidget *PrioritiesView::makePointsBox(QWidget *parent)
{
    m_pointsBox = new QWidget(parent);
    m_pointsBox->setObjectName(QStringLiteral("pointsBox"));
    m_pointsHeading = new QLabel(m_pointsBox);
    QFont bold = m_pointsHeading->font();
    bold.setBold(true);
    m_pointsHeading->setFont(bold);
    m_pointsHeading->setWordWrap(true);
    m_pointsStatus = makeText(m_pointsBox, true);
    m_pointsStatus->setObjectName(QStringLiteral("pointsStatusLabel"));
    m_pointsGrid = new QGridLayout;
    m_pointsGrid->setHorizontalSpacing(12);
    m_pointsGrid->setVerticalSpacing(4);
    // The numbers stand next to the names, not at the far edge of a wide column.
    m_pointsGrid->setColumnStretch(2, 1);
    m_recordPointsButton = makeButton(tr("Record poi&nts"), tr("Record these points"),
                                      QStringLiteral("recordPointsButton"), m_pointsBox);
    auto *buttonRow = new QHBoxLayout;
    buttonRow->addWidget(m_recordPointsButton);
    buttonRow->addStretch(1);
    auto *layout = new QVBoxLayout(m_pointsBox);
    layout->setContentsMargins(0, 12, 0, 0);
    layout->setSpacing(kInnerSpacing);
    layout->addWidget(m_pointsHeading);
    layout->addWidget(m_pointsStatus);
    layout->addLayout(m_pointsGrid);
    layout->addLayout(buttonRow);
    m_pointsBox->hide();
    return m_pointsBox;
}

QBoxLayout *PrioritiesView::makeDecisionPart()
{
    m_decisionHeading = UiUtil::headingLabel(QString(), 1.15, m_cpaContent);
    m_decisionHeading->setObjectName(QStringLiteral("decisionHeading"));
    m_decisionStatus = makeText(m_cpaContent);
    m_decisionStatus->setObjectName(QStringLiteral("decisionStatusLabel"));
    auto *decisionList = new OrderList(m_cpaContent);
    m_decisionList = decisionList;
    m_decisionList->setObjectName(QStringLiteral("decisionList"));
    m_decisionList->setAccessibleName(tr("Agreed order of the priority groups"));
    m_decisionList->setAccessibleDescription(
        tr("Most important first. Alt+Up and Alt+Down move the selected group."));
    auto *orderLabel = new QLabel(tr("Agreed order:"), m_cpaContent);
    orderLabel->setBuddy(m_decisionList);
    m_decisionUpButton = makeButton(tr("Move up"), tr("Move agreed group up"),
                                    QStringLiteral("decisionUpButton"), m_cpaContent);
    m_decisionUpButton->setToolTip(tr("Move the selected group up (Alt+Up)"));
    m_decisionDownButton = makeButton(tr("Move down"), tr("Move agreed group down"),
                                      QStringLiteral("decisionDownButton"), m_cpaContent);
    m_decisionDownButton->setToolTip(tr("Move the selected group down (Alt+Down)"));
    m_useJointButton = makeButton(tr("&Use joint ranking"), tr("Use joint ranking"),
                                  QStringLiteral("useJointButton"), m_cpaContent);
    m_useJointButton->setToolTip(tr("Put the groups in the order of the joint ranking"));
    auto *orderButtons = new QVBoxLayout;
    orderButtons->addWidget(m_decisionUpButton);
    orderButtons->addWidget(m_decisionDownButton);
    orderButtons->addSpacing(12);
    orderButtons->addWidget(m_useJointButton);
    orderButtons->addStretch(1);
    auto *orderRow = new QHBoxLayout;
    orderRow->addWidget(m_decisionList, 1, Qt::AlignTop);
    // Set, not inherited from the decision row, whose spacing separates its two halves.
    orderButtons->setSpacing(kInnerSpacing);
    orderRow->setSpacing(kInnerSpacing);
    orderRow->addLayout(orderButtons);
    auto *orderColumn = new QVBoxLayout;
    orderColumn->setSpacing(kInnerSpacing);
    orderColumn->addWidget(orderLabel);
    orderColumn->addLayout(orderRow);
    orderColumn->addStretch(1);

    m_rationaleEdit = new QPlainTextEdit(m_cpaContent);
    m_rationaleEdit->setObjectName(QStringLiteral("rationaleEdit"));
    m_rationaleEdit->setAccessibleName(tr("Rationale"));
    m_rationaleEdit->setAccessibleDescription(
        tr("Why the partners agreed this order. Required to record the decision."));
    m_rationaleEdit->setTabChangesFocus(true);
    m_rationaleEdit->setPlaceholderText(
        tr("Why the partners agreed this order, e.g. what the needs assessment shows and what "
           "the partners weighed."));
    m_rationaleEdit->setFixedHeight(m_rationaleEdit->fontMetrics().lineSpacing() * kRationaleLines +
                                    12);
    auto *rationaleLabel = new QLabel(tr("Rationa&le (required):"), m_cpaContent);
    rationaleLabel->setBuddy(m_rationaleEdit);
    auto *rationaleColumn = new QVBoxLayout;
    rationaleColumn->setSpacing(kInnerSpacing);
    rationaleColumn->addWidget(rationaleLabel);
    rationaleColumn->addWidget(m_rationaleEdit);
    rationaleColumn->addStretch(1);

    m_decisionRow = new QBoxLayout(QBoxLayout::LeftToRight);
    m_decisionRow->setSpacing(24);
    m_decisionRow->addLayout(orderColumn, 1);
    m_decisionRow->addLayout(rationaleColumn, 1);

    m_recordDecisionButton = makeButton(tr("Record &decision"), tr("Record decision"),
                                        QStringLiteral("recordDecisionButton"), m_cpaContent);
    m_removeDecisionButton = makeButton(tr("Re&move decision"), tr("Remove decision"),
                                        QStringLiteral("removeDecisionButton"), m_cpaContent);
    auto *decisionButtons = new QHBoxLayout;
    decisionButtons->addWidget(m_recordDecisionButton);
    decisionButtons->addWidget(m_removeDecisionButton);
    decisionButtons->addStretch(1);
    m_decisionHint = makeText(m_cpaContent, true);
    m_decisionHint->setObjectName(QStringLiteral("decisionHintLabel"));

    auto *part = new QVBoxLayout;
    part->setSpacing(10);
    part->addWidget(m_decisionHeading);
    part->addWidget(m_decisionStatus);
    part->addLayout(m_decisionRow);
    part->addLayout(decisionButtons);
    part->addWidget(m_decisionHint);
    return part;
}

QBoxLayout *PrioritiesView::makePlacesPart()
{
    auto *placesHeading = UiUtil::headingLabel(tr("Priority places"), 1.15, this);
    auto *placesIntro = makeText(this);
    placesIntro->setText(
        tr("The authorities where need is concentrated, for the whole round rather than per "
           "CPA. Tick them by hand, or pick the top quartile of an indicator: the authorities "
           "whose value is at or above its 75th percentile. Nothing is recorded until you "
           "save."));
    m_placesIndicatorCombo = new PageComboBox(this);
    m_placesIndicatorCombo->setObjectName(QStringLiteral("placesIndicatorCombo"));
    m_placesIndicatorCombo->setAccessibleName(tr("Indicator for priority places"));
    m_placesIndicatorCombo->setToolTip(
        tr("Choose the indicator whose values the table shows and the top quartile uses."));
    m_placesIndicatorCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_placesIndicatorCombo->setMinimumContentsLength(24);
    auto *indicatorLabel = new QLabel(tr("&Indicator:"), this);
    indicatorLabel->setBuddy(m_placesIndicatorCombo);
    m_placesDateCombo = new PageComboBox(this);
    m_placesDateCombo->setObjectName(QStringLiteral("placesDateCombo"));
    m_placesDateCombo->setAccessibleName(tr("Date for priority places"));
    m_placesDateCombo->setToolTip(tr("Choose the date of the indicator's values."));
    m_placesDateCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    auto *dateLabel = new QLabel(tr("Date:"), this);
    dateLabel->setBuddy(m_placesDateCombo);
    m_pickButton = makeButton(tr("Pick top &quartile"), tr("Pick top quartile"),
                              QStringLiteral("pickTopQuartileButton"), this);
    m_pickButton->setToolTip(tr("Tick the authorities at or above the 75th percentile of the "
                                "indicator, for you to review and save"));
    auto *indicatorRow = new QHBoxLayout;
    indicatorRow->addWidget(indicatorLabel);
    indicatorRow->addWidget(m_placesIndicatorCombo, 1);
    indicatorRow->addSpacing(12);
    indicatorRow->addWidget(dateLabel);
    indicatorRow->addWidget(m_placesDateCombo);
    indicatorRow->addSpacing(12);
    indicatorRow->addWidget(m_pickButton);
    m_proposalLabel = makeText(this);
    m_proposalLabel->setObjectName(QStringLiteral("proposalLabel"));
    m_proposalLabel->hide();
    m_placesTable = makeTable({tr("Authority"), tr("GSS code"), tr("Value"), tr("Status")}, this);
    m_placesTable->setObjectName(QStringLiteral("placesTable"));
    m_placesTable->setAccessibleName(tr("Authorities: tick the priority places"));
    m_placesTable->setAccessibleDescription(
        tr("Each authority with its indicator value; tick the authorities that are priority "
           "places, then save."));
    QHeaderView *placesHeader = m_placesTable->horizontalHeader();
    placesHeader->setSectionResizeMode(QHeaderView::ResizeToContents);
    placesHeader->setStretchLastSection(true);
    placesHeader->setSortIndicator(PlaceValueColumn, Qt::DescendingOrder);
    m_placesTable->setSortingEnabled(true);
    m_savePlacesButton = makeButton(tr("Sa&ve priority places"), tr("Save priority places"),
                                    QStringLiteral("savePlacesButton"), this);
    m_revertPlacesButton = makeButton(tr("Revert to recorded"), tr("Revert to recorded places"),
                                      QStringLiteral("revertPlacesButton"), this);
    m_revertPlacesButton->setToolTip(tr("Tick the places recorded, dropping changes not saved"));
    m_placesStatus = makeText(this);
    m_placesStatus->setObjectName(QStringLiteral("placesStatusLabel"));
    auto *placesButtons = new QHBoxLayout;
    placesButtons->addWidget(m_savePlacesButton);
    placesButtons->addWidget(m_revertPlacesButton);
    placesButtons->addSpacing(12);
    placesButtons->addWidget(m_placesStatus, 1);

    auto *part = new QVBoxLayout;
    part->setSpacing(10);
    part->addWidget(placesHeading);
    part->addWidget(placesIntro);
    part->addLayout(indicatorRow);
    part->addWidget(m_proposalLabel);
    part->addWidget(m_placesTable);
    part->addLayout(placesButtons);
    return part;
}

void PrioritiesView::connectControls()
{
    connect(m_cpaCombo, &QComboBox::currentIndexChanged, this, [this] {
        fillPartners();
        refreshRanking();
        refreshPoints();
        refreshAgreement();
        refreshDecision();
        refreshEditability();
    });
    connect(m_partnerCombo, &QComboBox::currentIndexChanged, this, [this] {
        refreshRanking();
        refreshPoints();
        refreshEditability();
    });
    connect(m_catalogueTable, &QTableWidget::currentCellChanged, this, [this] {
        if (!m_updating)
            refreshCatalogueButtons();
    });
    connect(m_catalogueTable, &QTableWidget::cellActivated, this, [this] {
        if (m_editGroupButton->isEnabled())
            editGroup();
    });
    connect(m_addGroupButton, &QPushButton::clicked, this, &PrioritiesView::addGroup);
    connect(m_editGroupButton, &QPushButton::clicked, this, &PrioritiesView::editGroup);
    connect(m_removeGroupButton, &QPushButton::clicked, this, &PrioritiesView::removeGroup);
    connect(m_methodCombo, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_updating)
            setMethod(RankingMethod(m_methodCombo->currentData().toInt()));
    });
    connect(m_recordPointsButton, &QPushButton::clicked, this, &PrioritiesView::recordShownPoints);

    auto *rankingList = static_cast<OrderList *>(m_rankingList);
    auto *decisionList = static_cast<OrderList *>(m_decisionList);
    rankingList->moveRequested = [this](int delta) {
        moveRankedGroup(delta);
    };
    decisionList->moveRequested = [this](int delta) {
        moveDecisionGroup(delta);
    };
    // A drop, or any other reordering of the rows by the list itself, is taken up once the
    // list has settled (a drag may insert the moved row before it removes the old one).
    auto queueSync = [this] {
        if (m_updating || m_syncQueued)
            return;
        m_syncQueued = true;
        QTimer::singleShot(0, this, [this] {
            m_syncQueued = false;
            syncRankingFromList();
            syncDecisionFromList();
        });
    };
    rankingList->reordered = queueSync;
    decisionList->reordered = queueSync;
    for (QListWidget *list : {m_rankingList, m_decisionList}) {
        connect(list->model(), &QAbstractItemModel::rowsMoved, this, queueSync);
        connect(list->model(), &QAbstractItemModel::rowsRemoved, this, queueSync);
        connect(list, &QListWidget::currentRowChanged, this, [this] {
            if (!m_updating)
                refreshEditability();
        });
    }

    connect(m_rankUpButton, &QPushButton::clicked, this, [this] { moveRankedGroup(-1); });
    connect(m_rankDownButton, &QPushButton::clicked, this, [this] { moveRankedGroup(1); });
    connect(m_recordOrderButton, &QPushButton::clicked, this, &PrioritiesView::recordShownOrder);
    connect(m_clearRankingButton, &QPushButton::clicked, this, &PrioritiesView::clearRanking);
    connect(m_decisionUpButton, &QPushButton::clicked, this, [this] { moveDecisionGroup(-1); });
    connect(m_decisionDownButton, &QPushButton::clicked, this, [this] { moveDecisionGroup(1); });
    connect(m_useJointButton, &QPushButton::clicked, this, &PrioritiesView::useJointRanking);
    connect(m_rationaleEdit, &QPlainTextEdit::textChanged, this, [this] {
        if (m_updating || !currentCpa())
            return;
        Draft &draft = currentDraft();
        draft.rationale = m_rationaleEdit->toPlainText();
        draft.touched = true;
        refreshDecisionButtons();
    });
    connect(m_recordDecisionButton, &QPushButton::clicked, this, &PrioritiesView::recordDecision);
    connect(m_removeDecisionButton, &QPushButton::clicked, this, &PrioritiesView::removeDecision);

    connect(m_placesIndicatorCombo, &QComboBox::currentIndexChanged, this, [this] {
        refreshPlacesDates();
        refreshPlaces();
    });
    connect(m_placesDateCombo, &QComboBox::currentIndexChanged, this,
            &PrioritiesView::refreshPlaces);
    connect(m_pickButton, &QPushButton::clicked, this, &PrioritiesView::pickTopQuartile);
    connect(m_placesTable, &QTableWidget::itemChanged, this, &PrioritiesView::onPlaceItemChanged);
    connect(m_savePlacesButton, &QPushButton::clicked, this, &PrioritiesView::savePlaces);
    connect(m_revertPlacesButton, &QPushButton::clicked, this, &PrioritiesView::revertPlaces);
}

PrioritiesView::~PrioritiesView() = default;

void PrioritiesView::setDocument(RoundDocument *document)
{
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    m_drafts.clear();
    m_placesDraft.clear();
    m_placesTouched = false;
    m_proposalLabel->hide();
    if (m_document) {
        connect(m_document, &RoundDocument::roundChanged, this, &PrioritiesView::refresh);
        connect(m_document, &RoundDocument::figuresChanged, this,
                &PrioritiesView::onFiguresChanged);
    }
    onFiguresChanged();
    refresh();
}

RoundDocument *PrioritiesView::document() const
{
    return m_document;
}

bool PrioritiesView::setCpa(CpaId cpa)
{
    const int index = m_cpaCombo->findData(cpa.value());
    if (index < 0)
        return false;
    m_cpaCombo->setCurrentIndex(index);
    return true;
}

CpaId PrioritiesView::cpa() const
{
    const QVariant data = m_cpaCombo->currentData();
    return data.isValid() ? CpaId(data.toLongLong()) : CpaId();
}

bool PrioritiesView::setPartner(const QString &partner)
{
    const int index = m_partnerCombo->findData(partner);
    if (index < 0)
        return false;
    m_partnerCombo->setCurrentIndex(index);
    return true;
}

QString PrioritiesView::partner() const
{
    return m_partnerCombo->currentData().toString();
}

const Cpa *PrioritiesView::currentCpa() const
{
    if (!m_document)
        return nullptr;
    const CpaPlan *plan = m_document->round().adoptedPlan();
    if (!plan)
        return nullptr;
    const CpaId id = cpa();
    for (const Cpa &c : plan->cpas) {
        if (c.id == id)
            return &c;
    }
    return nullptr;
}

QString PrioritiesView::whyNotEditable() const
{
    if (!m_document)
        return tr("No round is open.");
    if (QString why = m_document->whyNotEditable(); !why.isEmpty())
        return why;
    return m_document->whyPrioritiesFrozen();
}

QString PrioritiesView::groupName(const QString &key) const
{
    if (m_document) {
        for (const PriorityGroup &g : m_document->round().priorityGroups) {
            if (g.key == key)
                return g.name;
        }
    }
    return key;
}

QString PrioritiesView::groupToolTip(const QString &key) const
{
    if (m_document) {
        for (const PriorityGroup &g : m_document->round().priorityGroups) {
            if (g.key == key)
                return g.description.isEmpty() ? g.name
                                               : g.name + QLatin1Char('\n') + g.description;
        }
    }
    return key;
}

std::optional<QStringList> PrioritiesView::recordedRanking() const
{
    const Cpa *cpa = currentCpa();
    if (!cpa)
        return std::nullopt;
    const QString partner = this->partner();
    for (const PartnerRankingRecord &r : m_document->round().rankings) {
        if (r.cpa == cpa->id && r.partner == partner)
            return r.order;
    }
    return std::nullopt;
}

QStringList PrioritiesView::catalogueOrder() const
{
    QStringList keys;
    if (m_document) {
        for (const PriorityGroup &g : m_document->round().priorityGroups)
            keys.append(g.key);
    }
    return keys;
}

QStringList PrioritiesView::jointOrder() const
{
    QStringList order;
    if (m_joint) {
        for (const RankedGroup &g : m_joint->groups)
            order.append(g.group);
    }
    return order;
}

QStringList PrioritiesView::orderOf(const QListWidget *list)
{
    QStringList order;
    for (int row = 0; row < list->count(); ++row)
        order.append(list->item(row)->data(kKeyRole).toString());
    return order;
}

void PrioritiesView::fillOrderList(QListWidget *list, const QStringList &order,
                                   const QString &select)
{
    const QScopedValueRollback guard(m_updating, true);
    const QSignalBlocker blocker(list);
    list->clear();
    for (qsizetype i = 0; i < order.size(); ++i) {
        const QString &key = order[i];
        auto *item = new QListWidgetItem(tr("%1. %2").arg(i + 1).arg(groupName(key)), list);
        item->setData(kKeyRole, key);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled);
        item->setSizeHint(QSize(0, list->fontMetrics().height() + 8)); // room to aim a drag
        item->setToolTip(groupToolTip(key)); // the whole name, when the list cuts it short
    }
    const int row = int(order.indexOf(select));
    list->setCurrentRow(row >= 0 ? row : 0);
    list->updateGeometry();
}

void PrioritiesView::refresh()
{
    if (!m_document)
        return;
    const CpaPlan *plan = m_document->round().adoptedPlan();
    fillCpas();
    const bool hasCpas = plan && !plan->cpas.isEmpty();
    m_noPlanLabel->setVisible(!hasCpas);
    m_cpaContent->setVisible(hasCpas);
    refreshCatalogue();
    fillPartners();
    refreshRanking();
    refreshPoints();
    refreshAgreement();
    refreshDecision();
    refreshPlaces();
    refreshEditability();
}

void PrioritiesView::fillCpas()
{
    const QSignalBlocker blocker(m_cpaCombo);
    const QVariant current = m_cpaCombo->currentData();
    m_cpaCombo->clear();
    const Round &round = m_document->round();
    const CpaPlan *plan = round.adoptedPlan();
    if (!plan)
        return;
    for (const Cpa &cpa : plan->cpas) {
        const bool decided =
            std::any_of(round.decisions.begin(), round.decisions.end(),
                        [&](const PriorityDecision &d) { return d.cpa == cpa.id; });
        m_cpaCombo->addItem(decided ? tr("%1 (decided)").arg(cpa.name)
                                    : tr("%1 (no decision yet)").arg(cpa.name),
                            cpa.id.value());
    }
    const int index = current.isValid() ? m_cpaCombo->findData(current) : -1;
    m_cpaCombo->setCurrentIndex(std::max(index, 0));
}

void PrioritiesView::fillPartners()
{
    const QSignalBlocker blocker(m_partnerCombo);
    const QString current = partner();
    m_partnerCombo->clear();
    const Cpa *cpa = currentCpa();
    if (!cpa) {
        m_cpaDetails->clear();
        return;
    }
    const Round &round = m_document->round();
    const QStringList partners = round.priorityPartners(*cpa);
    const QStringList ranked = PriorityAgreement::rankedBy(round, *cpa);
    for (const QString &p : partners) {
        m_partnerCombo->addItem(ranked.contains(p) ? p : tr("%1 (not ranked yet)").arg(p), p);
    }
    const int index = m_partnerCombo->findData(current);
    m_partnerCombo->setCurrentIndex(std::max(index, 0));

    QStringList names;
    for (const QString &code : cpa->members) {
        const Authority *a = round.authority(code);
        names.append(a ? a->name : code);
    }
    m_cpaDetails->setText(tr("Authorities (%1): %2. The partners who rank its priorities: %3.")
                              .arg(names.size())
                              .arg(names.join(QStringLiteral(", ")), sentenceList(partners)));
}

void PrioritiesView::refreshRanking()
{
    const Cpa *cpa = currentCpa();
    if (!cpa) {
        const QScopedValueRollback guard(m_updating, true);
        m_rankingList->clear();
        return;
    }
    const QString partner = this->partner();
    const std::optional<QStringList> recorded = recordedRanking();
    const QListWidgetItem *current = m_rankingList->currentItem();
    const QString select = current ? current->data(kKeyRole).toString() : QString();
    fillOrderList(m_rankingList, recorded ? *recorded : catalogueOrder(), select);
    m_rankingList->setAccessibleName(tr("Ranking of the priority groups by %1").arg(partner));
    if (recorded) {
        m_rankingStatus->setText(
            tr("%1's ranking for %2, most important first.").arg(partner, cpa->name));
    } else {
        m_rankingStatus->setText(
            tr("%1 has not ranked the groups for %2 yet. The list shows the catalogue's order: "
               "move a group to record a ranking, or record the order as it stands.")
                .arg(partner, cpa->name));
    }
}

void PrioritiesView::refreshAgreement()
{
    m_joint.reset();
    if (m_document) {
        const QScopedValueRollback guard(m_updating, true);
        m_methodCombo->setCurrentIndex(
            m_methodCombo->findData(int(m_document->round().priorityMethod)));
    }
    const Cpa *cpa = currentCpa();
    const QList<QWidget *> figures = {m_jointTable,       m_tiesLabel,      m_widestLabel,
                                      m_agreementHeading, m_agreementTable, m_bandsLabel};
    if (!cpa) {
        for (QWidget *w : figures)
            w->hide();
        return;
    }
    const Round &round = m_document->round();
    const int groupCount = int(round.priorityGroups.size());
    m_methodLabel->setText(
        tr("Method: %1. %2")
            .arg(PriorityAgreement::methodName(round.priorityMethod),
                 PriorityAgreement::methodExplained(round.priorityMethod, groupCount)));

    const QStringList partners = round.priorityPartners(*cpa);
    const QStringList ranked = PriorityAgreement::rankedBy(round, *cpa);
    QStringList notRanked;
    for (const QString &p : partners) {
        if (!ranked.contains(p))
            notRanked.append(p);
    }
    if (ranked.isEmpty())
        m_rankedByLabel->setText(
            tr("No partner has ranked the priority groups for %1 yet: the joint ranking appears "
               "here once one has.")
                .arg(cpa->name));
    else if (notRanked.isEmpty())
        m_rankedByLabel->setText(tr("Ranked by every partner: %1.").arg(sentenceList(ranked)));
    else
        m_rankedByLabel->setText(tr("Ranked so far by %1; not yet by %2. The figures cover the "
                                    "rankings recorded.")
                                     .arg(sentenceList(ranked), sentenceList(notRanked)));

    const Result<JointRanking> joint = PriorityAgreement::jointRanking(round, *cpa);
    m_jointProblem->setVisible(!joint && !ranked.isEmpty());
    m_jointProblem->setText(joint ? QString() : joint.errorMessage());
    if (!joint) {
        for (QWidget *w : figures)
            w->hide();
        return;
    }
    m_joint = std::make_unique<JointRanking>(*joint);

    // The table: rank, group, score, each partner's rank, best, worst, spread.
    const bool borda = joint->method == RankingMethod::Borda;
    QStringList headers{tr("Rank"), tr("Priority group"),
                        borda ? tr("Borda score") : tr("Total points")};
    const int firstPartnerColumn = int(headers.size());
    for (const QString &p : ranked)
        headers.append(p);
    const int bestColumn = int(headers.size());
    headers << tr("Best rank") << tr("Worst rank") << tr("Spread");
    m_jointTable->clear();
    m_jointTable->setColumnCount(int(headers.size()));
    m_jointTable->setHorizontalHeaderLabels(headers);
    for (int i = 0; i < int(ranked.size()); ++i)
        m_jointTable->horizontalHeaderItem(firstPartnerColumn + i)
            ->setToolTip(tr("The rank %1 gave each group").arg(ranked[i]));
    m_jointTable->horizontalHeaderItem(bestColumn + 2)
        ->setToolTip(tr("Worst rank minus best rank: how far the partners differ"));
    m_jointTable->setRowCount(int(joint->groups.size()));

    // Each partner's rank of a group: 1 + the groups it put above it.
    auto partnerRank = [&](const QString &partner, const QString &group) -> int {
        for (const PartnerRankingRecord &r : round.rankings) {
            if (r.cpa != cpa->id || r.partner != partner)
                continue;
            const qsizetype at = r.order.indexOf(group);
            if (borda || r.points.size() != r.order.size() || at < 0)
                return int(at) + 1;
            return 1 + int(std::count_if(r.points.begin(), r.points.end(),
                                         [&](double p) { return p > r.points[at]; }));
        }
        return 0;
    };
    const Qt::Alignment right = Qt::AlignRight;
    for (int row = 0; row < int(joint->groups.size()); ++row) {
        const RankedGroup &g = joint->groups[row];
        const double score = g.score;
        const int decimals = std::floor(score) == score ? 0 : 2;
        QList<QTableWidgetItem *> items{
            cell(g.tied ? tr("%1 (tied)").arg(g.rank) : QString::number(g.rank)),
            cell(groupName(g.group)), cell(formatNumber(score, decimals), right)};
        for (const QString &p : ranked)
            items.append(cell(QString::number(partnerRank(p, g.group)), right));
        items << cell(QString::number(g.bestRank), right)
              << cell(QString::number(g.worstRank), right)
              << cell(QString::number(g.spread()), right);
        for (int column = 0; column < int(items.size()); ++column) {
            if (g.tied)
                items[column]->setBackground(kTiedBackground);
            m_jointTable->setItem(row, column, items[column]);
        }
        m_jointTable->item(row, 0)->setData(kKeyRole, g.group);
        m_jointTable->item(row, 1)->setToolTip(groupToolTip(g.group));
        if (g.tied)
            m_jointTable->item(row, 0)->setToolTip(
                tr("Tied: the same score as another group, so the same rank"));
    }
    QHeaderView *header = m_jointTable->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(1, QHeaderView::Stretch);
    m_jointTable->setAccessibleName(
        tr("Joint ranking for %1 by %2")
            .arg(cpa->name, PriorityAgreement::methodName(joint->method).toLower()));
    m_jointTable->show();
    fitTableHeight(m_jointTable);

    m_tiesLabel->setVisible(joint->hasTies());
    m_tiesLabel->setText(tr("Groups marked \"tied\" have the same score and share a rank: the "
                            "partners must decide their order."));

    if (ranked.size() < 2) {
        m_widestLabel->hide();
    } else if (joint->widestSpread.isEmpty()) {
        m_widestLabel->setText(tr("The partners give every group the same rank."));
        m_widestLabel->show();
    } else {
        QStringList names;
        for (const QString &key : joint->widestSpread) {
            const auto g = std::find_if(joint->groups.begin(), joint->groups.end(),
                                        [&](const RankedGroup &r) { return r.group == key; });
            names.append(tr("%1 (ranked from %2 to %3)")
                             .arg(groupName(key))
                             .arg(g->bestRank)
                             .arg(g->worstRank));
        }
        m_widestLabel->setText(
            tr("Where the partners differ most: %1.").arg(names.join(QStringLiteral("; "))));
        m_widestLabel->show();
    }

    m_agreementHeading->show();
    m_bandsLabel->show();
    m_agreementTable->setRowCount(int(joint->agreements.size()));
    for (int row = 0; row < int(joint->agreements.size()); ++row) {
        const PairAgreement &a = joint->agreements[row];
        const AgreementBand band = PriorityAgreement::band(a.tau);
        m_agreementTable->setItem(row, 0, cell(tr("%1 and %2").arg(a.first, a.second)));
        m_agreementTable->setItem(row, 1, cell(a.tau ? formatNumber(*a.tau, 2) : tr("–"), right));
        m_agreementTable->setItem(row, 2, cell(PriorityAgreement::bandName(band)));
    }
    m_agreementTable->setVisible(!joint->agreements.isEmpty());
    fitTableHeight(m_agreementTable);
    m_bandsLabel->setText(joint->agreements.isEmpty()
                              ? tr("Kendall's tau compares two partners' rankings: it is shown "
                                   "once two partners have ranked the groups.")
                              : PriorityAgreement::bandsExplained());
}

PrioritiesView::Draft PrioritiesView::freshDraft() const
{
    Draft draft;
    const Cpa *cpa = currentCpa();
    if (!cpa)
        return draft;
    for (const PriorityDecision &d : m_document->round().decisions) {
        if (d.cpa == cpa->id) {
            draft.order = d.order;
            draft.rationale = d.rationale;
            return draft;
        }
    }
    draft.order = m_joint ? jointOrder() : catalogueOrder();
    return draft;
}

PrioritiesView::Draft &PrioritiesView::currentDraft()
{
    Draft &draft = m_drafts[cpa().value()];
    if (!draft.touched || !isPermutation(draft.order, catalogueOrder()))
        draft = freshDraft();
    return draft;
}

void PrioritiesView::refreshDecision()
{
    const Cpa *cpa = currentCpa();
    if (!cpa) {
        const QScopedValueRollback guard(m_updating, true);
        m_decisionList->clear();
        m_rationaleEdit->clear();
        return;
    }
    m_decisionHeading->setText(tr("Decision for %1").arg(cpa->name));
    const auto &decisions = m_document->round().decisions;
    const auto recorded = std::find_if(decisions.begin(), decisions.end(),
                                       [&](const PriorityDecision &d) { return d.cpa == cpa->id; });
    if (recorded != decisions.end()) {
        m_decisionStatus->setText(
            tr("Decided on %1. To change it, edit the order or the rationale and replace the "
               "decision.")
                .arg(QLocale().toString(recorded->decidedAt.toLocalTime(),
                                        QStringLiteral("d MMMM yyyy 'at' HH:mm"))));
    } else if (!whyNotEditable().isEmpty()) {
        m_decisionStatus->setText(tr("No decision is recorded for %1.").arg(cpa->name));
    } else {
        m_decisionStatus->setText(tr("No decision is recorded for %1 yet. Put the groups in the "
                                     "order the partners agreed, starting from the joint "
                                     "ranking, and give the rationale.")
                                      .arg(cpa->name));
    }
    const Draft &draft = currentDraft();
    const QListWidgetItem *current = m_decisionList->currentItem();
    fillOrderList(m_decisionList, draft.order,
                  current ? current->data(kKeyRole).toString() : QString());
    if (m_rationaleEdit->toPlainText() != draft.rationale) {
        const QScopedValueRollback guard(m_updating, true);
        m_rationaleEdit->setPlainText(draft.rationale);
    }
    refreshDecisionButtons();
}

void PrioritiesView::refreshDecisionButtons()
{
    const Cpa *cpa = currentCpa();
    const QString why = whyNotEditable();
    if (!cpa) {
        for (QPushButton *b : {m_recordDecisionButton, m_removeDecisionButton, m_useJointButton,
                               m_decisionUpButton, m_decisionDownButton})
            b->setEnabled(false);
        return;
    }
    const Draft &draft = currentDraft();
    const auto &decisions = m_document->round().decisions;
    const auto recorded = std::find_if(decisions.begin(), decisions.end(),
                                       [&](const PriorityDecision &d) { return d.cpa == cpa->id; });
    const bool hasDecision = recorded != decisions.end();
    const bool noRationale = draft.rationale.trimmed().isEmpty();
    const bool unchanged = hasDecision && recorded->order == draft.order &&
                           recorded->rationale == draft.rationale.trimmed();

    m_recordDecisionButton->setText(hasDecision ? tr("Replace &decision") : tr("Record &decision"));
    m_recordDecisionButton->setAccessibleName(hasDecision ? tr("Replace decision")
                                                          : tr("Record decision"));
    QStringList hints;
    if (!why.isEmpty()) {
        hints.append(why);
    } else {
        if (noRationale)
            hints.append(tr("Give the rationale to record the decision: a decision on "
                            "priorities must say why."));
        else if (unchanged)
            hints.append(tr("The order and rationale shown are the decision recorded."));
        if (!unchanged && m_joint && m_joint->hasTies() && draft.order == jointOrder())
            hints.append(tr("The joint ranking has ties: put the tied groups in the order the "
                            "partners agreed before recording."));
    }
    const QString hint = hints.join(QLatin1Char(' '));
    m_decisionHint->setText(hint);
    m_decisionHint->setVisible(!hint.isEmpty());

    const bool editable = why.isEmpty();
    m_recordDecisionButton->setEnabled(editable && !noRationale && !unchanged);
    // The reason when disabled, else what the button does: a tool tip is also a description.
    m_recordDecisionButton->setToolTip(
        !hint.isEmpty() ? hint
                        : tr("Record the agreed order and its rationale as this CPA's decision."));
    m_removeDecisionButton->setEnabled(editable && hasDecision);
    m_removeDecisionButton->setToolTip(editable ? tr("Delete the decision recorded for this CPA.")
                                                : why);
    m_useJointButton->setEnabled(editable && m_joint && draft.order != jointOrder());
    const int row = m_decisionList->currentRow();
    m_decisionUpButton->setEnabled(editable && row > 0);
    m_decisionDownButton->setEnabled(editable && row >= 0 && row + 1 < m_decisionList->count());
}

void PrioritiesView::onFiguresChanged()
{
    m_indicators.reset();
    if (m_document)
        m_indicators = std::make_unique<Indicators>(m_document->round());
    refreshPlacesIndicators();
}

void PrioritiesView::refreshPlacesIndicators()
{
    {
        const QSignalBlocker blocker(m_placesIndicatorCombo);
        const QString current = m_placesIndicatorCombo->currentData().toString();
        m_placesIndicatorCombo->clear();
        int ratio = -1;
        if (m_indicators) {
            for (const IndicatorInfo &info : m_indicators->all()) {
                m_placesIndicatorCombo->addItem(info.name, info.id);
                if (ratio < 0 && info.kind == IndicatorInfo::Kind::Ratio)
                    ratio = m_placesIndicatorCombo->count() - 1;
            }
        }
        // A rate compares places of different sizes; a count mostly ranks them by size.
        int index = m_placesIndicatorCombo->findData(current);
        if (index < 0)
            index = std::max(ratio, 0);
        m_placesIndicatorCombo->setCurrentIndex(index);
    }
    refreshPlacesDates();
}

void PrioritiesView::refreshPlacesDates()
{
    const QSignalBlocker blocker(m_placesDateCombo);
    const QString current = m_placesDateCombo->currentData().toString();
    m_placesDateCombo->clear();
    const QString id = m_placesIndicatorCombo->currentData().toString();
    const IndicatorInfo *info = m_indicators && !id.isEmpty() ? m_indicators->find(id) : nullptr;
    if (!info)
        return;
    for (auto it = info->dates.crbegin(); it != info->dates.crend(); ++it)
        m_placesDateCombo->addItem(NeedsView::dateLabel(*it), *it);
    m_placesDateCombo->setCurrentIndex(std::max(m_placesDateCombo->findData(current), 0));
}

bool PrioritiesView::setPlacesIndicator(const QString &id)
{
    const int index = m_placesIndicatorCombo->findData(id);
    if (index < 0)
        return false;
    m_placesIndicatorCombo->setCurrentIndex(index);
    return true;
}

QStringList PrioritiesView::checkedPlaces() const
{
    return m_placesDraft;
}

void PrioritiesView::refreshPlaces()
{
    if (!m_document)
        return;
    const Round &round = m_document->round();
    // Kept in the round's order, so that a draft compares with what is recorded.
    const QStringList recorded = recordedPlaces();
    if (m_placesTouched) {
        m_placesDraft.removeIf([&](const QString &code) { return !round.authority(code); });
        m_placesTouched = m_placesDraft != recorded;
    }
    if (!m_placesTouched)
        m_placesDraft = recorded;

    const QString id = m_placesIndicatorCombo->currentData().toString();
    const QString date = m_placesDateCombo->currentData().toString();
    const IndicatorInfo *info = m_indicators && !id.isEmpty() ? m_indicators->find(id) : nullptr;
    const QHash<QString, double> values =
        info ? m_indicators->authorityValues(id, date) : QHash<QString, double>();
    int decimals = info && info->kind == IndicatorInfo::Kind::Ratio ? 1 : 0;
    for (double v : values) {
        if (std::floor(v) != v)
            decimals = std::max(decimals, 1);
    }

    const bool editable = whyNotEditable().isEmpty();
    const QScopedValueRollback guard(m_updating, true);
    const QString currentCode =
        m_placesTable->currentRow() >= 0 && m_placesTable->item(m_placesTable->currentRow(), 0)
            ? m_placesTable->item(m_placesTable->currentRow(), 0)->data(kKeyRole).toString()
            : QString();
    m_placesTable->setSortingEnabled(false);
    m_placesTable->setRowCount(int(round.authorities.size()));
    m_placesTable->horizontalHeaderItem(PlaceValueColumn)
        ->setText(info ? tr("Value, %1").arg(NeedsView::dateLabel(date)) : tr("Value"));
    int row = 0;
    for (const Authority &a : round.authorities) {
        auto *name = cell(a.name);
        name->setData(kKeyRole, a.gssCode);
        name->setFlags(editable ? Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable
                                : Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        name->setCheckState(m_placesDraft.contains(a.gssCode) ? Qt::Checked : Qt::Unchecked);
        m_placesTable->setItem(row, PlaceNameColumn, name);
        m_placesTable->setItem(row, PlaceCodeColumn, cell(a.gssCode));
        const auto value = values.constFind(a.gssCode);
        QTableWidgetItem *valueItem = value == values.constEnd()
                                          ? cell(tr("–"), Qt::AlignRight)
                                          : cell(formatNumber(*value, decimals), Qt::AlignRight);
        if (value != values.constEnd())
            valueItem->setData(kSortRole, *value);
        else
            valueItem->setToolTip(tr("No figure for this authority at this date"));
        m_placesTable->setItem(row, PlaceValueColumn, valueItem);
        m_placesTable->setItem(row, PlaceStatusColumn, cell(QString()));
        ++row;
    }
    m_placesTable->setSortingEnabled(true);
    for (int r = 0; r < m_placesTable->rowCount(); ++r) {
        if (m_placesTable->item(r, 0)->data(kKeyRole).toString() == currentCode)
            m_placesTable->setCurrentCell(r, 0);
    }
    fitTableHeight(m_placesTable);
    refreshPlacesStatus();
}

void PrioritiesView::onPlaceItemChanged(QTableWidgetItem *item)
{
    if (m_updating || !m_document || !item || item->column() != PlaceNameColumn)
        return;
    const Round &round = m_document->round();
    QSet<QString> ticked;
    for (int row = 0; row < m_placesTable->rowCount(); ++row) {
        const QTableWidgetItem *name = m_placesTable->item(row, PlaceNameColumn);
        if (name && name->checkState() == Qt::Checked)
            ticked.insert(name->data(kKeyRole).toString());
    }
    m_placesDraft.clear();
    for (const Authority &a : round.authorities) {
        if (ticked.contains(a.gssCode))
            m_placesDraft.append(a.gssCode);
    }
    m_placesTouched = m_placesDraft != recordedPlaces();
    if (!m_placesTouched)
        m_proposalLabel->hide();
    refreshPlacesStatus();
}

QStringList PrioritiesView::recordedPlaces() const
{
    QStringList recorded;
    if (m_document) {
        const Round &round = m_document->round();
        for (const Authority &a : round.authorities) {
            if (round.priorityPlaces.contains(a.gssCode))
                recorded.append(a.gssCode);
        }
    }
    return recorded;
}

void PrioritiesView::refreshPlacesStatus()
{
    // The status column says what saving would change.
    const QScopedValueRollback guard(m_updating, true);
    const QStringList recorded = recordedPlaces();
    int toAdd = 0;
    int toRemove = 0;
    for (int row = 0; row < m_placesTable->rowCount(); ++row) {
        const QTableWidgetItem *name = m_placesTable->item(row, PlaceNameColumn);
        QTableWidgetItem *status = m_placesTable->item(row, PlaceStatusColumn);
        if (!name || !status)
            continue;
        const QString code = name->data(kKeyRole).toString();
        const bool isTicked = m_placesDraft.contains(code);
        const bool isRecorded = recorded.contains(code);
        QString text;
        if (isTicked && isRecorded) {
            text = tr("Priority place");
        } else if (isTicked) {
            text = tr("To add (not saved)");
            ++toAdd;
        } else if (isRecorded) {
            text = tr("To remove (not saved)");
            ++toRemove;
        }
        status->setText(text);
    }
    QString summary = recorded.isEmpty() ? tr("No priority places are recorded yet.")
                                         : tr("Priority places recorded: %1.").arg(recorded.size());
    if (toAdd + toRemove > 0)
        summary += QLatin1Char(' ') +
                   tr("Not saved yet: %1 to add, %2 to remove.").arg(toAdd).arg(toRemove);
    m_placesStatus->setText(summary);
    refreshPlacesButtons();
}

void PrioritiesView::refreshPlacesButtons()
{
    const QString why = whyNotEditable();
    const bool changed = m_placesTouched;
    m_savePlacesButton->setEnabled(why.isEmpty() && changed);
    m_savePlacesButton->setToolTip(
        why.isEmpty() ? tr("Record the ticked authorities as the round's priority places.") : why);
    m_revertPlacesButton->setEnabled(changed);
    const bool hasIndicator = m_placesIndicatorCombo->count() > 0;
    m_pickButton->setEnabled(why.isEmpty() && hasIndicator);
    m_pickButton->setToolTip(!why.isEmpty() ? why
                             : !hasIndicator
                                 ? tr("The round has no labour-market figures to pick from.")
                                 : tr("Tick the authorities at or above the 75th percentile of the "
                                      "indicator, for you to review and save"));
    m_placesIndicatorCombo->setEnabled(hasIndicator);
    m_placesDateCombo->setEnabled(hasIndicator);
}

void PrioritiesView::refreshEditability()
{
    const QString why = whyNotEditable();
    const bool editable = why.isEmpty();
    m_frozenNotice->setText(why);
    m_frozenNotice->setVisible(m_document && !editable);

    // Under the points method a partner's order follows the points given: the groups are
    // ordered by editing the points, not moved by hand (a moved group would keep its points).
    const bool byPoints =
        m_document && m_document->round().priorityMethod == RankingMethod::PointsSum;
    const bool movable = editable && !byPoints;
    for (QListWidget *list : {m_rankingList, m_decisionList}) {
        const bool canDrag = list == m_rankingList ? movable : editable;
        const auto mode = canDrag ? QAbstractItemView::InternalMove : QAbstractItemView::NoDragDrop;
        if (list->dragDropMode() != mode) {
            list->setDragDropMode(mode);
            list->setDragEnabled(canDrag);
        }
    }
    const bool hasCpa = currentCpa() != nullptr;
    const bool ranked = recordedRanking().has_value();
    const int row = m_rankingList->currentRow();
    m_rankUpButton->setEnabled(movable && hasCpa && row > 0);
    m_rankDownButton->setEnabled(movable && hasCpa && row >= 0 && row + 1 < m_rankingList->count());
    const QString whyNotMovable =
        !editable  ? why
        : byPoints ? tr("Under the points method the order follows the points: change a "
                        "group's points to move it.")
                   : QString();
    // The reason when disabled, else what the button does: a tool tip is also a description.
    m_rankUpButton->setToolTip(whyNotMovable.isEmpty() ? tr("Move the selected group up (Alt+Up)")
                                                       : whyNotMovable);
    m_rankDownButton->setToolTip(
        whyNotMovable.isEmpty() ? tr("Move the selected group down (Alt+Down)") : whyNotMovable);
    m_recordOrderButton->setEnabled(editable && hasCpa && !ranked);
    m_recordOrderButton->setToolTip(
        !editable ? why
        : ranked
            ? tr("%1's ranking is recorded: each move is recorded as you make it.").arg(partner())
            : tr("Record the order shown as %1's ranking").arg(partner()));
    m_clearRankingButton->setEnabled(editable && hasCpa && ranked);
    m_clearRankingButton->setToolTip(
        editable ? tr("Delete %1's recorded ranking for this CPA.").arg(partner()) : why);
    m_rationaleEdit->setReadOnly(!editable);
    m_rankingHint->setVisible(movable); // how to move groups, when they can be moved
    m_methodCombo->setEnabled(editable);
    m_methodCombo->setToolTip(
        editable ? tr("Choose how the partners' rankings are combined into the joint ranking.")
                 : why);
    for (QDoubleSpinBox *editor : std::as_const(m_pointsEditors))
        editor->setReadOnly(!editable || !hasCpa);
    const bool pointsRecorded = !recordedPoints().isEmpty();
    m_recordPointsButton->setEnabled(editable && hasCpa && !pointsRecorded);
    m_recordPointsButton->setToolTip(
        !editable ? why
        : pointsRecorded
            ? tr("%1's points are recorded: each change is recorded as you make it.").arg(partner())
            : tr("Record the points shown as %1's ranking").arg(partner()));
    refreshCatalogueButtons();
    refreshDecisionButtons();
    refreshPlacesButtons();
}

QString PrioritiesView::selectedGroup() const
{
    const int row = m_catalogueTable->currentRow();
    const QTableWidgetItem *item = row >= 0 ? m_catalogueTable->item(row, 0) : nullptr;
    return item ? item->data(kKeyRole).toString() : QString();
}

bool PrioritiesView::selectGroup(const QString &key)
{
    for (int row = 0; row < m_catalogueTable->rowCount(); ++row) {
        if (m_catalogueTable->item(row, 0)->data(kKeyRole).toString() == key) {
            m_catalogueTable->setCurrentCell(row, 0);
            return true;
        }
    }
    return false;
}

void PrioritiesView::refreshCatalogue()
{
    const QString select = selectedGroup();
    {
        const QScopedValueRollback guard(m_updating, true);
        const QList<PriorityGroup> &groups = m_document->round().priorityGroups;
        m_catalogueTable->setRowCount(int(groups.size()));
        for (int row = 0; row < int(groups.size()); ++row) {
            const PriorityGroup &g = groups[row];
            QTableWidgetItem *name = cell(g.name);
            name->setData(kKeyRole, g.key);
            name->setToolTip(groupToolTip(g.key));
            QTableWidgetItem *description = cell(g.description);
            description->setToolTip(g.description); // the whole text, when the table cuts it
            m_catalogueTable->setItem(row, 0, name);
            m_catalogueTable->setItem(row, 1, description);
        }
        if (!selectGroup(select) && m_catalogueTable->rowCount() > 0)
            m_catalogueTable->setCurrentCell(0, 0);
    }
    fitTableHeight(m_catalogueTable);
    refreshCatalogueButtons();
}

void PrioritiesView::refreshCatalogueButtons()
{
    const QString why = whyNotEditable();
    const QString fixed = m_document ? m_document->whyCatalogueFixed() : QString();
    const QString whyFixed = !why.isEmpty() ? why : fixed;
    const bool selected = !selectedGroup().isEmpty();
    m_addGroupButton->setEnabled(whyFixed.isEmpty());
    m_addGroupButton->setToolTip(whyFixed.isEmpty() ? tr("Add a group to the catalogue")
                                                    : whyFixed);
    m_removeGroupButton->setEnabled(whyFixed.isEmpty() && selected);
    m_removeGroupButton->setToolTip(whyFixed.isEmpty() ? tr("Remove the selected group")
                                                       : whyFixed);
    m_editGroupButton->setEnabled(why.isEmpty() && selected);
    m_editGroupButton->setToolTip(
        why.isEmpty() ? tr("Change the name and description of the selected group") : why);
    // When stage 2 is frozen or the round is read-only, the notice at the top says so already.
    m_catalogueFixed->setText(fixed);
    m_catalogueFixed->setVisible(why.isEmpty() && !fixed.isEmpty());
}

void PrioritiesView::addGroup()
{
    if (!m_document || !m_addGroupButton->isEnabled())
        return;
    const std::optional<QString> name =
        m_dialogs->askText(this, tr("Add priority group"), tr("Name of the new group:"));
    if (!name || name->trimmed().isEmpty())
        return;
    const std::optional<QString> description = m_dialogs->askText(
        this, tr("Add priority group"), tr("Description of \"%1\" (who is in it):").arg(*name));
    if (!description)
        return;
    QString key;
    const bool ok = m_edits->run(tr("The priority group was not added"), [&]() -> Status {
        Result<QString> added = Commands::addPriorityGroup(m_document, *name, *description);
        if (!added)
            return added.error();
        key = *added;
        return {};
    });
    if (ok && m_document)
        selectGroup(key);
}

void PrioritiesView::editGroup()
{
    const QString key = selectedGroup();
    if (!m_document || key.isEmpty() || !whyNotEditable().isEmpty())
        return;
    QString oldDescription;
    for (const PriorityGroup &g : m_document->round().priorityGroups) {
        if (g.key == key)
            oldDescription = g.description;
    }
    const QString oldName = groupName(key);
    const std::optional<QString> name =
        m_dialogs->askText(this, tr("Edit priority group"), tr("Name:"), oldName);
    if (!name || name->trimmed().isEmpty())
        return;
    const std::optional<QString> description = m_dialogs->askText(
        this, tr("Edit priority group"), tr("Description of \"%1\":").arg(*name), oldDescription);
    if (!description)
        return;
    if (*name == oldName && *description == oldDescription)
        return;
    m_edits->run(tr("The priority group was not changed"),
                 [&] { return Commands::editPriorityGroup(m_document, key, *name, *description); });
}

void PrioritiesView::removeGroup()
{
    const QString key = selectedGroup();
    if (!m_document || key.isEmpty() || !m_removeGroupButton->isEnabled())
        return;
    if (!m_dialogs->confirm(this, tr("Remove priority group"),
                            tr("Remove \"%1\" from the catalogue of priority groups? You can "
                               "undo this.")
                                .arg(groupName(key)),
                            tr("Remove")))
        return;
    m_edits->run(tr("The priority group was not removed"),
                 [&] { return Commands::removePriorityGroup(m_document, key); });
}

void PrioritiesView::setMethod(RankingMethod method)
{
    if (!m_document)
        return;
    const bool ok = m_edits->run(tr("The method was not changed"),
                                 [&] { return Commands::setPriorityMethod(m_document, method); });
    if (!ok && m_document)
        refresh(); // show the method recorded again
}

QHash<QString, double> PrioritiesView::recordedPoints() const
{
    QHash<QString, double> points;
    const Cpa *cpa = currentCpa();
    if (!cpa)
        return points;
    const QString partner = this->partner();
    for (const PartnerRankingRecord &r : m_document->round().rankings) {
        if (r.cpa == cpa->id && r.partner == partner && r.points.size() == r.order.size()) {
            for (qsizetype i = 0; i < r.order.size(); ++i)
                points.insert(r.order[i], r.points[i]);
        }
    }
    return points;
}

QHash<QString, double> PrioritiesView::pointsToShow() const
{
    QHash<QString, double> points = recordedPoints();
    if (!points.isEmpty())
        return points;
    // Suggested: what the Borda count would give the order shown.
    const QStringList order = recordedRanking().value_or(catalogueOrder());
    for (qsizetype i = 0; i < order.size(); ++i)
        points.insert(order[i], double(order.size() - 1 - i));
    return points;
}

double PrioritiesView::shownPoints(const QString &key) const
{
    return m_shownPoints.value(key, -1);
}

QDoubleSpinBox *PrioritiesView::pointsEditor(const QString &key) const
{
    for (QDoubleSpinBox *editor : m_pointsEditors) {
        if (editor->property("groupKey").toString() == key)
            return editor;
    }
    return nullptr;
}

void PrioritiesView::refreshPoints()
{
    const Cpa *cpa = currentCpa();
    const bool show = cpa && m_document->round().priorityMethod == RankingMethod::PointsSum;
    m_pointsBox->setVisible(show);
    if (!show)
        return;

    // One editor per group of the catalogue, made again only when the catalogue changes.
    const QStringList keys = catalogueOrder();
    QStringList editorKeys;
    for (const QDoubleSpinBox *editor : std::as_const(m_pointsEditors))
        editorKeys.append(editor->property("groupKey").toString());
    if (editorKeys != keys) {
        while (QLayoutItem *item = m_pointsGrid->takeAt(0)) {
            if (QWidget *w = item->widget()) {
                w->hide();
                w->deleteLater(); // it may be the sender of the signal that led here
            }
            delete item;
        }
        m_pointsEditors.clear();
        QWidget *previous = m_clearRankingButton;
        for (int row = 0; row < int(keys.size()); ++row) {
            const QString key = keys[row];
            auto *label = new QLabel(m_pointsBox);
            auto *editor = new PageSpinBox(m_pointsBox);
            editor->setProperty("groupKey", key);
            editor->setObjectName(QStringLiteral("pointsEditor_") + key);
            editor->setRange(0, kMaxPoints);
            editor->setDecimals(kPointsDecimals);
            editor->setAlignment(Qt::AlignRight);
            editor->setLocale(UiUtil::numberLocale());
            label->setBuddy(editor);
            m_pointsGrid->addWidget(label, row, 0);
            m_pointsGrid->addWidget(editor, row, 1);
            // Recorded when the user is done with the number (Enter, or leaving the box).
            connect(editor, &QDoubleSpinBox::editingFinished, this, [this, editor, key] {
                if (std::abs(editor->value() - m_shownPoints.value(key, -1)) > 1e-9)
                    setGroupPoints(key, editor->value());
            });
            setTabOrder(previous, editor);
            previous = editor;
            m_pointsEditors.append(editor);
        }
        setTabOrder(previous, m_recordPointsButton);
    }

    const QString partner = this->partner();
    const bool recorded = !recordedPoints().isEmpty();
    m_shownPoints = pointsToShow();
    for (int row = 0; row < int(keys.size()); ++row) {
        QDoubleSpinBox *editor = m_pointsEditors[row];
        const QString &key = keys[row];
        const QSignalBlocker blocker(editor);
        editor->setValue(m_shownPoints.value(key));
        editor->setAccessibleName(tr("Points %1 gives %2").arg(partner, groupName(key)));
        editor->setToolTip(groupToolTip(key));
        if (auto *label = qobject_cast<QLabel *>(m_pointsGrid->itemAtPosition(row, 0)->widget()))
            label->setText(groupName(key));
    }
    m_pointsHeading->setText(tr("Points given by %1").arg(partner));
    m_pointsStatus->setText(
        recorded ? tr("The joint ranking adds up each partner's points. Change a number and press "
                      "Enter: the points are recorded, and the ranking above follows them.")
                 : tr("%1 has not given points yet. The points shown are suggested from the order "
                      "above (%2 for the first group down to 0 for the last): change one, or "
                      "record them as they stand.")
                       .arg(partner)
                       .arg(std::max<qsizetype>(0, keys.size() - 1)));
}

void PrioritiesView::setGroupPoints(const QString &key, double points)
{
    if (!currentCpa() || !whyNotEditable().isEmpty() || !m_shownPoints.contains(key))
        return;
    QHash<QString, double> all = m_shownPoints;
    all.insert(key, points);
    commitPoints(all);
}

void PrioritiesView::recordShownPoints()
{
    if (!currentCpa() || !whyNotEditable().isEmpty())
        return;
    commitPoints(pointsToShow());
}

void PrioritiesView::commitPoints(const QHash<QString, double> &points)
{
    const Cpa *cpa = currentCpa();
    if (!cpa || !m_document)
        return;
    const CpaId id = cpa->id;
    const QString partner = this->partner();
    // The ranking's order follows the points; groups with equal points keep the order shown.
    QStringList order = orderOf(m_rankingList);
    std::stable_sort(order.begin(), order.end(), [&](const QString &a, const QString &b) {
        return points.value(a) > points.value(b);
    });
    QList<double> inOrder;
    for (const QString &key : order)
        inOrder.append(points.value(key));
    const QListWidgetItem *current = m_rankingList->currentItem();
    const QString select = current ? current->data(kKeyRole).toString() : QString();
    const bool ok = m_edits->run(tr("The points were not recorded"), [&] {
        return Commands::setPartnerRanking(m_document, id, partner, order, inOrder);
    });
    if (!m_document)
        return;
    if (!ok) {
        refreshPoints(); // put back what is recorded
        refreshEditability();
    }
    const int row = int(orderOf(m_rankingList).indexOf(select));
    if (row >= 0)
        m_rankingList->setCurrentRow(row);
}

void PrioritiesView::commitRanking(const std::optional<QStringList> &order, const QString &select)
{
    const Cpa *cpa = currentCpa();
    if (!cpa || !m_document)
        return;
    const CpaId id = cpa->id;
    const QString partner = this->partner();
    // Points given for the points method follow their groups to the new places.
    QList<double> points;
    if (order) {
        for (const PartnerRankingRecord &r : m_document->round().rankings) {
            if (r.cpa == id && r.partner == partner && r.points.size() == r.order.size()) {
                for (const QString &key : *order)
                    points.append(r.points.value(r.order.indexOf(key)));
            }
        }
    }
    const bool ok = m_edits->run(
        order ? tr("The ranking was not recorded") : tr("The ranking was not cleared"),
        [&] { return Commands::setPartnerRanking(m_document, id, partner, order, points); });
    if (!ok && m_document) {
        refreshRanking(); // put back what is recorded, e.g. after a refused drop
        refreshEditability();
    }
    if (!select.isEmpty()) {
        const int row = int(orderOf(m_rankingList).indexOf(select));
        if (row >= 0)
            m_rankingList->setCurrentRow(row);
    }
}

void PrioritiesView::moveRankedGroup(int delta)
{
    if (!currentCpa() || !whyNotEditable().isEmpty() ||
        m_document->round().priorityMethod == RankingMethod::PointsSum)
        return;
    const int row = m_rankingList->currentRow();
    const int target = row + delta;
    if (row < 0 || target < 0 || target >= m_rankingList->count())
        return;
    QStringList order = orderOf(m_rankingList);
    const QString key = order[row];
    order.move(row, target);
    commitRanking(order, key);
}

void PrioritiesView::recordShownOrder()
{
    if (!currentCpa() || !whyNotEditable().isEmpty())
        return;
    const QListWidgetItem *current = m_rankingList->currentItem();
    commitRanking(orderOf(m_rankingList), current ? current->data(kKeyRole).toString() : QString());
}

void PrioritiesView::clearRanking()
{
    if (!currentCpa() || !whyNotEditable().isEmpty() || !recordedRanking())
        return;
    commitRanking(std::nullopt, QString());
}

void PrioritiesView::syncRankingFromList()
{
    if (!currentCpa() || !m_document)
        return;
    const QStringList shown = orderOf(m_rankingList);
    const std::optional<QStringList> recorded = recordedRanking();
    if (shown == recorded.value_or(catalogueOrder()))
        return;
    // Mid-drag the list may hold the moved row twice; wait for it to settle.
    if (!isPermutation(shown, catalogueOrder()))
        return;
    if (!whyNotEditable().isEmpty()) {
        refreshRanking();
        return;
    }
    const QListWidgetItem *current = m_rankingList->currentItem();
    commitRanking(shown, current ? current->data(kKeyRole).toString() : QString());
}

void PrioritiesView::moveDecisionGroup(int delta)
{
    if (!currentCpa() || !whyNotEditable().isEmpty())
        return;
    const int row = m_decisionList->currentRow();
    const int target = row + delta;
    if (row < 0 || target < 0 || target >= m_decisionList->count())
        return;
    Draft &draft = currentDraft();
    draft.order = orderOf(m_decisionList);
    const QString key = draft.order[row];
    draft.order.move(row, target);
    draft.touched = true;
    fillOrderList(m_decisionList, draft.order, key);
    refreshDecisionButtons();
}

void PrioritiesView::syncDecisionFromList()
{
    if (!currentCpa() || !m_document)
        return;
    const QStringList shown = orderOf(m_decisionList);
    Draft &draft = currentDraft();
    if (shown == draft.order || !isPermutation(shown, catalogueOrder()))
        return;
    if (!whyNotEditable().isEmpty()) {
        refreshDecision();
        return;
    }
    draft.order = shown;
    draft.touched = true;
    const QListWidgetItem *current = m_decisionList->currentItem();
    fillOrderList(m_decisionList, draft.order,
                  current ? current->data(kKeyRole).toString() : QString()); // renumbered
    refreshDecisionButtons();
}

void PrioritiesView::useJointRanking()
{
    if (!currentCpa() || !m_joint || !whyNotEditable().isEmpty())
        return;
    Draft &draft = currentDraft();
    draft.order = jointOrder();
    draft.touched = true;
    fillOrderList(m_decisionList, draft.order, QString());
    refreshDecisionButtons();
}

void PrioritiesView::recordDecision()
{
    const Cpa *cpa = currentCpa();
    if (!cpa || !m_document)
        return;
    const CpaId id = cpa->id;
    const Draft draft = currentDraft();
    const bool hadFocus = m_recordDecisionButton->hasFocus();
    PriorityDecision decision;
    decision.cpa = id;
    decision.order = draft.order;
    decision.rationale = draft.rationale;
    const bool ok = m_edits->run(tr("The decision was not recorded"), [&] {
        return Commands::setPriorityDecision(m_document, id, decision);
    });
    if (ok && m_document) {
        m_drafts[id.value()].touched = false;
        refreshDecision();
        // The button is disabled now; Qt would pass the focus on to "Remove decision".
        if (hadFocus)
            m_decisionList->setFocus(Qt::OtherFocusReason);
    }
}

void PrioritiesView::removeDecision()
{
    const Cpa *cpa = currentCpa();
    if (!cpa || !m_document)
        return;
    const CpaId id = cpa->id;
    const bool hadFocus = m_removeDecisionButton->hasFocus();
    const bool ok = m_edits->run(tr("The decision was not removed"), [&] {
        return Commands::setPriorityDecision(m_document, id, std::nullopt);
    });
    if (ok && m_document) {
        m_drafts[id.value()].touched = false;
        refreshDecision();
        if (hadFocus)
            m_decisionList->setFocus(Qt::OtherFocusReason);
    }
}

void PrioritiesView::pickTopQuartile()
{
    if (!m_document || !m_indicators || !whyNotEditable().isEmpty())
        return;
    const QString id = m_placesIndicatorCombo->currentData().toString();
    const QString date = m_placesDateCombo->currentData().toString();
    const IndicatorInfo *info = m_indicators->find(id);
    if (!info)
        return;
    const QHash<QString, double> values = m_indicators->authorityValues(id, date);
    const std::optional<PriorityPlaces::TopQuartile> top = PriorityPlaces::topQuartile(values);
    m_proposalLabel->show();
    if (!top) {
        m_proposalLabel->setText(tr("%1 has no figures for %2: there is nothing to pick from.")
                                     .arg(info->name, NeedsView::dateLabel(date)));
        return;
    }
    const Round &round = m_document->round();
    m_placesDraft.clear();
    for (const Authority &a : round.authorities) {
        if (top->codes.contains(a.gssCode))
            m_placesDraft.append(a.gssCode);
    }
    m_placesTouched = true;
    const int decimals = info->kind == IndicatorInfo::Kind::Ratio ? 2 : 1;
    QString text =
        tr("Proposed: %1 of %2 authorities, those at or above the 75th percentile "
           "(%3) of %4 in %5. Review the ticks, then save.")
            .arg(top->codes.size())
            .arg(round.authorities.size())
            .arg(formatNumber(top->threshold, decimals), info->name, NeedsView::dateLabel(date));
    const qsizetype missing = round.authorities.size() - values.size();
    if (missing > 0)
        text +=
            QLatin1Char(' ') + tr("Authorities without a figure, so left out: %1.").arg(missing);
    m_proposalLabel->setText(text);
    refreshPlaces();
    // Nothing to save when the proposal is what is recorded.
    if (!m_placesTouched)
        m_proposalLabel->setText(text + QLatin1Char(' ') +
                                 tr("They are the priority places recorded already."));
    m_proposalLabel->show();
    revealInPage(m_proposalLabel); // reached by Alt+Q, the button may be out of sight
}

void PrioritiesView::savePlaces()
{
    if (!m_document || !m_placesTouched)
        return;
    const QStringList codes = m_placesDraft;
    const bool ok = m_edits->run(tr("The priority places were not saved"),
                                 [&] { return Commands::setPriorityPlaces(m_document, codes); });
    if (ok && m_document) {
        m_placesTouched = false;
        m_proposalLabel->hide();
        refreshPlaces();
    }
}

void PrioritiesView::revertPlaces()
{
    m_placesTouched = false;
    m_proposalLabel->hide();
    refreshPlaces();
}

bool PrioritiesView::eventFilter(QObject *watched, QEvent *event)
{
    // A buddy label's mnemonic (Alt+L for the rationale) moves the focus without scrolling the
    // page, which Tab does; scroll so that the user sees what they reached.
    if (event->type() == QEvent::FocusIn &&
        static_cast<QFocusEvent *>(event)->reason() == Qt::ShortcutFocusReason)
        revealInPage(static_cast<QWidget *>(watched));
    // Space ticks the row's authority whichever of its cells is current.
    if (watched == m_placesTable && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent *>(event)->key() == Qt::Key_Space &&
        static_cast<QKeyEvent *>(event)->modifiers() == Qt::NoModifier) {
        const int row = m_placesTable->currentRow();
        QTableWidgetItem *name = row >= 0 ? m_placesTable->item(row, PlaceNameColumn) : nullptr;
        if (name && (name->flags() & Qt::ItemIsUserCheckable))
            name->setCheckState(name->checkState() == Qt::Checked ? Qt::Unchecked : Qt::Checked);
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

void PrioritiesView::revealInPage(QWidget *control)
{
    for (QWidget *p = parentWidget(); p; p = p->parentWidget()) {
        auto *area = qobject_cast<QScrollArea *>(p);
        if (!area || !area->widget())
            continue;
        // The whole control, not only its text cursor as ensureWidgetVisible() would.
        const QPoint centre = control->mapTo(area->widget(), control->rect().center());
        area->ensureVisible(centre.x(), centre.y(), control->width() / 2 + kFocusMargin,
                            control->height() / 2 + kFocusMargin);
        return;
    }
}

void PrioritiesView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    const int width = event->size().width();
    for (auto [row, threshold] : {std::pair{m_columns, kRankingsSideBySideWidth},
                                  std::pair{m_decisionRow, kDecisionSideBySideWidth}}) {
        const bool sideBySide = width >= threshold;
        const auto direction = sideBySide ? QBoxLayout::LeftToRight : QBoxLayout::TopToBottom;
        if (row->direction() == direction)
            continue;
        row->setDirection(direction);
        // Side by side the parts share the width; stacked, neither takes spare height.
        row->setStretch(0, sideBySide ? (row == m_columns ? 2 : 1) : 0);
        row->setStretch(1, sideBySide ? (row == m_columns ? 3 : 1) : 0);
    }
}

} // namespace CoCommission
