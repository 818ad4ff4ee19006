#include "ui/selection/criteriaview.h"

#include "core/commands/tendercommands.h"
#include "core/evaluation/scoring.h"
#include "core/round/rounddocument.h"
#include "ui/dialogservice.h"
#include "ui/editrunner.h"
#include "ui/pagewidgets.h"
#include "ui/uiutil.h"

#include <QApplication>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSet>
#include <QStyle>
#include <QTableWidget>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace CoCommission {

namespace {

constexpr int kMaxTreeRows = 24;
constexpr int kWeightDecimals = 2;

enum ChangeColumn { ChangedAtColumn, ChangedByColumn, SummaryColumn, ReasonColumn, ChangeCount };

/** \a value with at most two decimals and no trailing zeros, in the user's locale. */
QString formatFigure(double value)
{
    return UiUtil::numberLocale().toString(std::round(value * 100.0) / 100.0, 'f',
                                           QLocale::FloatingPointShortest);
}

QLabel *makeText(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

/** The leaf types a user can pick; a criterion with sub-criteria is a group. */
constexpr CriterionType kLeafTypes[] = {CriterionType::Quality, CriterionType::PassFail,
                                        CriterionType::Price, CriterionType::SocialValue};

bool hasScale(CriterionType type)
{
    return type == CriterionType::Quality || type == CriterionType::SocialValue;
}

} // namespace

CriteriaView::CriteriaView(EditRunner *edits, DialogService *dialogs, QWidget *parent)
    : QWidget(parent)
    , m_edits(edits)
    , m_dialogs(dialogs)
    , m_formula(PriceFormula::LowestRatio)
{
    setObjectName(QStringLiteral("criteriaView"));

    m_lockLabel = makeText(this);
    m_lockLabel->setObjectName(QStringLiteral("criteriaLockLabel"));

    m_emptyLabel = makeText(this);
    m_emptyLabel->setObjectName(QStringLiteral("criteriaEmptyLabel"));
    m_emptyLabel->setText(
        tr("The tender has no award criteria yet. Start from the default template from the "
           "source papers (local service integration, supply chain, delivery model, priority "
           "groups and places, employer engagement, social value and price) or add criteria one "
           "by one."));
    m_templateButton = new QPushButton(tr("&Use the default template"), this);
    m_templateButton->setObjectName(QStringLiteral("criteriaTemplateButton"));
    m_templateButton->setAccessibleName(tr("Use the default template"));
    m_templateButton->setToolTip(tr("Start the award criteria from the template of the source "
                                    "papers, to adjust afterwards"));

    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("criteriaTree"));
    m_tree->setAccessibleName(tr("Award criteria"));
    m_tree->setAccessibleDescription(
        tr("Each criterion with its type, its weight as a percentage of its level, the marks "
           "out of 100 it carries and its scale."));
    m_tree->setColumnCount(ColumnCount);
    m_tree->setHeaderLabels(
        {tr("Criterion"), tr("Type"), tr("Weight"), tr("Marks"), tr("Scale"), tr("Level total")});
    // Short headers leave the width to the names; the tooltips say what the figures are.
    const QString headerTips[ColumnCount] = {
        tr("The criterion, with its sub-criteria below it"),
        tr("What the criterion scores"),
        tr("Weight as a percentage of its level: siblings add up to 100%"),
        tr("The marks out of 100 the criterion carries: its weight times those above it"),
        tr("The levels the panel scores on"),
        tr("For a group, what the weights of its sub-criteria add up to"),
    };
    for (int column = 0; column < ColumnCount; ++column)
        m_tree->headerItem()->setToolTip(column, headerTips[column]);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tree->setAlternatingRowColors(true);
    m_tree->setUniformRowHeights(true);
    m_tree->setItemsExpandable(true);
    m_tree->setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    m_tree->header()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);

    m_topLevelLabel = makeText(this);
    m_topLevelLabel->setObjectName(QStringLiteral("criteriaTopLevelLabel"));
    m_problemLabel = makeText(this);
    m_problemLabel->setObjectName(QStringLiteral("criteriaProblemLabel"));
    m_socialValueLabel = makeText(this);
    m_socialValueLabel->setObjectName(QStringLiteral("criteriaSocialValueLabel"));

    m_addTopButton = new QPushButton(tr("Add &top-level criterion…"), this);
    m_addTopButton->setObjectName(QStringLiteral("criteriaAddTopButton"));
    m_addTopButton->setAccessibleName(tr("Add top-level criterion"));
    // The buttons' tool tips give the reason while they are disabled; these descriptions stay.
    m_addTopButton->setAccessibleDescription(
        tr("Adds a criterion at the top level of the award criteria."));
    m_addSubButton = new QPushButton(tr("Add sub-criterio&n…"), this);
    m_addSubButton->setObjectName(QStringLiteral("criteriaAddSubButton"));
    m_addSubButton->setAccessibleName(tr("Add sub-criterion"));
    m_addSubButton->setAccessibleDescription(
        tr("Adds a sub-criterion below the selected criterion, making it a group."));
    m_removeButton = new QPushButton(tr("Remo&ve criterion"), this);
    m_removeButton->setObjectName(QStringLiteral("criteriaRemoveButton"));
    m_removeButton->setAccessibleName(tr("Remove criterion"));
    m_removeButton->setAccessibleDescription(
        tr("Removes the selected criterion and its sub-criteria from the draft."));
    auto *treeButtons = new QHBoxLayout;
    treeButtons->addWidget(m_addTopButton);
    treeButtons->addWidget(m_addSubButton);
    treeButtons->addWidget(m_removeButton);
    treeButtons->addStretch(1);

    // The selected criterion, edited in place.
    m_formBox = new QGroupBox(tr("Selected criterion"), this);
    m_formBox->setObjectName(QStringLiteral("criteriaFormBox"));
    m_nameEdit = new QLineEdit(m_formBox);
    m_nameEdit->setObjectName(QStringLiteral("criterionNameEdit"));
    m_nameEdit->setAccessibleName(tr("Criterion name"));
    m_nameEdit->setToolTip(tr("The name of the selected criterion, as published to bidders"));
    m_typeCombo = new PageComboBox(m_formBox);
    m_typeCombo->setObjectName(QStringLiteral("criterionTypeCombo"));
    m_typeCombo->setAccessibleName(tr("Criterion type"));
    m_typeCombo->setAccessibleDescription(
        tr("How the criterion is assessed: scored on a scale for quality or social value, "
           "passed or failed, or computed from the price."));
    m_weightSpin = new PageSpinBox(m_formBox);
    m_weightSpin->setObjectName(QStringLiteral("criterionWeightSpin"));
    m_weightSpin->setAccessibleName(tr("Weight, percent of its level"));
    m_weightSpin->setToolTip(
        tr("The criterion's share of its level; the weights of a level add up to 100%"));
    m_weightSpin->setRange(0, 100);
    m_weightSpin->setDecimals(kWeightDecimals);
    m_weightSpin->setSuffix(tr("%"));
    m_weightSpin->setLocale(UiUtil::numberLocale());
    m_weightSpin->setAlignment(Qt::AlignRight);
    // Recorded in the draft when the user is done (Enter, an arrow step, leaving the box).
    m_weightSpin->setKeyboardTracking(false);
    m_scaleCombo = new PageComboBox(m_formBox);
    m_scaleCombo->setObjectName(QStringLiteral("criterionScaleCombo"));
    m_scaleCombo->setAccessibleName(tr("Scoring scale"));
    m_scaleCombo->setAccessibleDescription(tr("The levels the panel scores the criterion on."));
    m_descriptorsLabel = makeText(m_formBox);
    m_descriptorsLabel->setObjectName(QStringLiteral("criterionDescriptorsLabel"));
    UiUtil::makeSecondary(m_descriptorsLabel);
    auto *nameLabel = new QLabel(tr("Na&me:"), m_formBox);
    nameLabel->setBuddy(m_nameEdit);
    auto *typeLabel = new QLabel(tr("T&ype:"), m_formBox);
    typeLabel->setBuddy(m_typeCombo);
    auto *weightLabel = new QLabel(tr("&Weight:"), m_formBox);
    weightLabel->setBuddy(m_weightSpin);
    auto *scaleLabel = new QLabel(tr("Sc&ale:"), m_formBox);
    scaleLabel->setBuddy(m_scaleCombo);
    auto *form = new QGridLayout(m_formBox);
    form->addWidget(nameLabel, 0, 0);
    form->addWidget(m_nameEdit, 0, 1, 1, 5);
    form->addWidget(typeLabel, 1, 0);
    form->addWidget(m_typeCombo, 1, 1);
    form->addWidget(weightLabel, 1, 2);
    form->addWidget(m_weightSpin, 1, 3);
    form->addWidget(scaleLabel, 1, 4);
    form->addWidget(m_scaleCombo, 1, 5);
    form->addWidget(m_descriptorsLabel, 2, 1, 1, 5);
    form->setColumnStretch(1, 1);
    form->setColumnStretch(3, 1);
    form->setColumnStretch(5, 1);

    // How prices become marks.
    auto *priceBox = new QGroupBox(tr("Price"), this);
    m_formulaCombo = new PageComboBox(priceBox);
    m_formulaCombo->setObjectName(QStringLiteral("priceFormulaCombo"));
    m_formulaCombo->setAccessibleName(tr("Price formula"));
    m_formulaCombo->setAccessibleDescription(tr("How the bids' prices are turned into marks."));
    for (PriceFormula formula : {PriceFormula::LowestRatio, PriceFormula::Linear})
        m_formulaCombo->addItem(priceFormulaName(formula), int(formula));
    m_thresholdSpin = new PageSpinBox(priceBox);
    m_thresholdSpin->setObjectName(QStringLiteral("abnormallyLowSpin"));
    m_thresholdSpin->setAccessibleName(tr("Abnormally low threshold, percent below the mean"));
    m_thresholdSpin->setToolTip(tr("A bid priced this far below the mean of the bids is flagged "
                                   "as abnormally low, for the panel to question"));
    m_thresholdSpin->setRange(0.5, 99.5);
    m_thresholdSpin->setDecimals(1);
    m_thresholdSpin->setSuffix(tr("% below the mean"));
    m_thresholdSpin->setLocale(UiUtil::numberLocale());
    m_thresholdSpin->setKeyboardTracking(false);
    auto *formulaLabel = new QLabel(tr("Price &formula:"), priceBox);
    formulaLabel->setBuddy(m_formulaCombo);
    auto *thresholdLabel = new QLabel(tr("Abnormally low when more t&han:"), priceBox);
    thresholdLabel->setBuddy(m_thresholdSpin);
    auto *priceLayout = new QFormLayout(priceBox);
    priceLayout->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    priceLayout->addRow(formulaLabel, m_formulaCombo);
    priceLayout->addRow(thresholdLabel, m_thresholdSpin);

    m_saveButton = new QPushButton(tr("Save criter&ia"), this);
    m_saveButton->setObjectName(QStringLiteral("criteriaSaveButton"));
    m_saveButton->setAccessibleName(tr("Save criteria"));
    m_saveButton->setAccessibleDescription(
        tr("Records the draft criteria, weights and price rules in the round."));
    m_revertButton = new QPushButton(tr("Reve&rt"), this);
    m_revertButton->setObjectName(QStringLiteral("criteriaRevertButton"));
    m_revertButton->setAccessibleName(tr("Revert criteria"));
    m_revertButton->setToolTip(tr("Put back the criteria as recorded"));
    m_openBidsButton = new QPushButton(tr("&Open the bids…"), this);
    m_openBidsButton->setObjectName(QStringLiteral("openBidsButton"));
    m_openBidsButton->setAccessibleName(tr("Open the bids"));
    m_openBidsButton->setAccessibleDescription(
        tr("Opens the bids, which locks the published criteria: a later change needs a reason."));
    auto *saveRow = new QHBoxLayout;
    saveRow->addWidget(m_saveButton);
    saveRow->addWidget(m_revertButton);
    saveRow->addStretch(1);
    saveRow->addWidget(m_openBidsButton);

    m_changesHeading = new QLabel(tr("Changes after the bids were opened"), this);
    QFont bold = m_changesHeading->font();
    bold.setBold(true);
    m_changesHeading->setFont(bold);
    m_changesTable = new QTableWidget(0, ChangeCount, this);
    m_changesTable->setObjectName(QStringLiteral("criteriaChangesTable"));
    m_changesTable->setAccessibleName(tr("Changes to the criteria after the bids were opened"));
    m_changesTable->setAccessibleDescription(
        tr("When, by whom, what changed and why, one row per change; every report shows them."));
    m_changesTable->setHorizontalHeaderLabels(
        {tr("When"), tr("By"), tr("What changed"), tr("Reason")});
    m_changesTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_changesTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_changesTable->setTabKeyNavigation(false);
    m_changesTable->verticalHeader()->hide();
    m_changesTable->setWordWrap(true);
    m_changesTable->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_changesTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_changesTable->horizontalHeader()->setSectionResizeMode(SummaryColumn, QHeaderView::Stretch);
    m_changesTable->horizontalHeader()->setSectionResizeMode(ReasonColumn, QHeaderView::Stretch);
    m_changesTable->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_changesTable->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    m_changesTable->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_lockLabel);
    layout->addWidget(m_emptyLabel);
    auto *templateRow = new QHBoxLayout;
    templateRow->addWidget(m_templateButton);
    templateRow->addStretch(1);
    layout->addLayout(templateRow);
    layout->addWidget(m_tree);
    layout->addWidget(m_topLevelLabel);
    layout->addWidget(m_problemLabel);
    layout->addWidget(m_socialValueLabel);
    layout->addLayout(treeButtons);
    layout->addWidget(m_formBox);
    layout->addWidget(priceBox);
    layout->addLayout(saveRow);
    layout->addWidget(m_changesHeading);
    layout->addWidget(m_changesTable);
    layout->addStretch(1);

    setTabOrder(m_templateButton, m_tree);
    setTabOrder(m_tree, m_addTopButton);
    setTabOrder(m_addTopButton, m_addSubButton);
    setTabOrder(m_addSubButton, m_removeButton);
    setTabOrder(m_removeButton, m_nameEdit);
    setTabOrder(m_nameEdit, m_typeCombo);
    setTabOrder(m_typeCombo, m_weightSpin);
    setTabOrder(m_weightSpin, m_scaleCombo);
    setTabOrder(m_scaleCombo, m_formulaCombo);
    setTabOrder(m_formulaCombo, m_thresholdSpin);
    setTabOrder(m_thresholdSpin, m_saveButton);
    setTabOrder(m_saveButton, m_revertButton);
    setTabOrder(m_revertButton, m_openBidsButton);
    setTabOrder(m_openBidsButton, m_changesTable);

    connect(m_tree, &QTreeWidget::currentItemChanged, this, [this] {
        if (!m_loading)
            refreshForm();
    });
    connect(m_addTopButton, &QPushButton::clicked, this, &CriteriaView::addTopLevel);
    connect(m_addSubButton, &QPushButton::clicked, this, &CriteriaView::addSubCriterion);
    connect(m_removeButton, &QPushButton::clicked, this, &CriteriaView::removeCriterion);
    connect(m_templateButton, &QPushButton::clicked, this, &CriteriaView::useDefaultTemplate);
    connect(m_saveButton, &QPushButton::clicked, this, &CriteriaView::save);
    connect(m_revertButton, &QPushButton::clicked, this, &CriteriaView::revert);
    connect(m_openBidsButton, &QPushButton::clicked, this, &CriteriaView::openBids);
    connect(m_nameEdit, &QLineEdit::textEdited, this, &CriteriaView::onNameEdited);
    connect(m_typeCombo, &QComboBox::activated, this, &CriteriaView::onTypePicked);
    connect(m_weightSpin, &QDoubleSpinBox::valueChanged, this, &CriteriaView::onWeightChanged);
    connect(m_scaleCombo, &QComboBox::activated, this, &CriteriaView::onScalePicked);
    connect(m_formulaCombo, &QComboBox::activated, this, &CriteriaView::onPriceRulesChanged);
    connect(m_thresholdSpin, &QDoubleSpinBox::valueChanged, this,
            &CriteriaView::onPriceRulesChanged);
    loadDraft();
}

CriteriaView::~CriteriaView() = default;

void CriteriaView::setDocument(RoundDocument *document)
{
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    if (m_document) {
        connect(m_document, &RoundDocument::tenderChanged, this, &CriteriaView::onTenderChanged);
        // Stage status and read-only state change without a tender signal.
        connect(m_document, &RoundDocument::roundChanged, this, &CriteriaView::refreshState);
    }
    m_modified = false;
    loadDraft();
}

RoundDocument *CriteriaView::document() const
{
    return m_document;
}

QString CriteriaView::whyNotEditable() const
{
    if (!m_document)
        return tr("No round is open.");
    return m_document->whyTenderFrozen();
}

void CriteriaView::onTenderChanged()
{
    // A touched draft is kept: only the state (locked, changes recorded) follows.
    if (m_modified) {
        refreshChanges();
        refreshState();
    } else {
        loadDraft();
    }
}

void CriteriaView::loadDraft()
{
    const QString selected = currentCriterion();
    if (m_document) {
        const Tender &tender = m_document->round().tender;
        m_draft = tender.criteria;
        m_formula = tender.priceFormula;
        m_threshold = tender.abnormallyLowPercent;
    } else {
        m_draft.clear();
        m_formula = PriceFormula::LowestRatio;
        m_threshold = 20.0;
    }
    m_modified = false;
    m_loading = true;
    m_formulaCombo->setCurrentIndex(m_formulaCombo->findData(int(m_formula)));
    m_thresholdSpin->setValue(m_threshold);
    m_loading = false;
    refreshTree();
    if (!selectCriterion(selected) && m_tree->topLevelItemCount() > 0)
        m_tree->setCurrentItem(m_tree->topLevelItem(0));
    refreshForm();
    refreshChanges();
    refreshState();
}

qsizetype CriteriaView::indexOf(const QString &id) const
{
    for (qsizetype i = 0; i < m_draft.size(); ++i) {
        if (m_draft[i].id == id)
            return i;
    }
    return -1;
}

bool CriteriaView::hasChildren(const QString &id) const
{
    return std::any_of(m_draft.begin(), m_draft.end(),
                       [&](const Criterion &c) { return c.parentId == id; });
}

bool CriteriaView::selectCriterion(const QString &id)
{
    if (id.isEmpty())
        return false;
    for (QTreeWidgetItemIterator it(m_tree); *it; ++it) {
        if ((*it)->data(NameColumn, kIdRole).toString() == id) {
            m_tree->setCurrentItem(*it);
            return true;
        }
    }
    return false;
}

QString CriteriaView::currentCriterion() const
{
    const QTreeWidgetItem *item = m_tree->currentItem();
    return item ? item->data(NameColumn, kIdRole).toString() : QString();
}

void CriteriaView::refreshTree()
{
    const QString selected = currentCriterion();
    m_loading = true;
    m_tree->clear();

    // Marks come from core, and only for a tree that validates.
    const Result<CriteriaTree> tree = CriteriaTree::fromList(m_draft);
    QHash<QString, QTreeWidgetItem *> items;
    QList<const Criterion *> pending;
    for (const Criterion &c : std::as_const(m_draft))
        pending.append(&c);
    // Parents before children, whatever the order of the list (a cycle is left out, and
    // CriteriaTree says what is wrong).
    bool progress = true;
    while (!pending.isEmpty() && progress) {
        progress = false;
        for (auto it = pending.begin(); it != pending.end();) {
            const Criterion &c = **it;
            QTreeWidgetItem *parent = c.parentId.isEmpty() ? nullptr : items.value(c.parentId);
            if (!c.parentId.isEmpty() && !parent) {
                ++it;
                continue;
            }
            auto *item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(m_tree);
            item->setData(NameColumn, kIdRole, c.id);
            item->setText(NameColumn, c.name);
            item->setToolTip(NameColumn, tr("%1 (id %2)").arg(c.name, c.id));
            item->setText(TypeColumn, criterionTypeName(c.type));
            item->setText(WeightColumn, formatFigure(c.weightPercent) + tr("%"));
            item->setTextAlignment(WeightColumn, Qt::AlignRight | Qt::AlignVCenter);
            item->setTextAlignment(MarksColumn, Qt::AlignRight | Qt::AlignVCenter);
            if (tree)
                item->setText(MarksColumn, formatFigure(tree->effectiveWeight(c.id)));
            if (hasScale(c.type)) {
                item->setText(ScaleColumn, tr("0 to %1").arg(c.scale.maxScore));
                QStringList levels;
                for (int level = 0; level < c.scale.descriptors.size(); ++level)
                    levels.append(tr("%1: %2").arg(level).arg(c.scale.descriptors[level]));
                item->setToolTip(ScaleColumn, levels.join(QLatin1Char('\n')));
            } else if (c.type == CriterionType::PassFail) {
                item->setText(ScaleColumn, tr("1 or 0"));
                item->setToolTip(ScaleColumn, tr("1 for a pass, 0 for a fail"));
            } else if (c.type == CriterionType::Price) {
                item->setText(ScaleColumn, tr("Formula"));
                item->setToolTip(ScaleColumn, tr("Computed from the bids' prices"));
            }
            items.insert(c.id, item);
            it = pending.erase(it);
            progress = true;
        }
    }
    m_tree->expandAll();
    refreshChecks();
    selectCriterion(selected); // the form already shows it
    m_loading = false;

    // As tall as its rows, up to a limit, so that the page scrolls as one.
    int rows = 0;
    for (QTreeWidgetItemIterator it(m_tree); *it; ++it)
        ++rows;
    const int hinted = m_tree->sizeHintForRow(0);
    const int rowHeight = hinted > 0 ? hinted : m_tree->fontMetrics().height() + 6;
    const int frame = 2 * m_tree->frameWidth();
    m_tree->setFixedHeight(m_tree->header()->sizeHint().height() +
                           std::clamp(rows, 3, kMaxTreeRows) * rowHeight + frame);
}

void CriteriaView::refreshChecks()
{
    // What each level adds up to. The rule (100, or 0 for a level that only passes or fails)
    // is CriteriaTree's: its message below is the verdict; the figures help find the level.
    QHash<QString, double> sums;
    for (const Criterion &c : std::as_const(m_draft))
        sums[c.parentId] += c.weightPercent;
    const auto isHundred = [](double sum) {
        return std::abs(sum - 100.0) <= CriteriaTree::kWeightTolerance;
    };
    const QIcon ok = style()->standardIcon(QStyle::SP_DialogApplyButton);
    const QIcon warning = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    for (QTreeWidgetItemIterator it(m_tree); *it; ++it) {
        QTreeWidgetItem *item = *it;
        const QString id = item->data(NameColumn, kIdRole).toString();
        if (!sums.contains(id)) {
            item->setText(LevelColumn, QString());
            item->setIcon(LevelColumn, QIcon());
            continue;
        }
        const double sum = sums.value(id);
        item->setText(LevelColumn, formatFigure(sum) + tr("%"));
        item->setIcon(LevelColumn, isHundred(sum) ? ok : (sum == 0 ? QIcon() : warning));
        item->setData(LevelColumn, Qt::AccessibleTextRole,
                      isHundred(sum)
                          ? tr("Sub-criteria add up to 100%")
                          : tr("Sub-criteria add up to %1%, not 100%").arg(formatFigure(sum)));
    }

    if (m_draft.isEmpty()) {
        m_topLevelLabel->clear();
        m_problemLabel->clear();
        m_socialValueLabel->clear();
        m_topLevelLabel->hide();
        m_problemLabel->hide();
        m_socialValueLabel->hide();
        return;
    }
    const double top = sums.value(QString());
    m_topLevelLabel->setText(
        isHundred(top)
            ? tr("The top-level criteria add up to 100%.")
            : tr("The top-level criteria add up to %1%, not 100%.").arg(formatFigure(top)));
    m_topLevelLabel->show();

    const Result<CriteriaTree> tree = CriteriaTree::fromList(m_draft);
    if (!tree) {
        m_problemLabel->setText(tr("Not valid yet: %1").arg(tree.errorMessage()));
        m_socialValueLabel->hide();
    } else {
        m_problemLabel->setText(
            tr("Marks out of 100: quality %1, social value %2, price %3.")
                .arg(formatFigure(tree->totalWeight(CriterionType::Quality)),
                     formatFigure(tree->totalWeight(CriterionType::SocialValue)),
                     formatFigure(tree->totalWeight(CriterionType::Price))));
        const std::optional<QString> note = tree->socialValueNote();
        m_socialValueLabel->setText(note.value_or(QString()));
        m_socialValueLabel->setVisible(note.has_value());
    }
    m_problemLabel->show();
}

void CriteriaView::refreshForm()
{
    const QString id = currentCriterion();
    const qsizetype index = indexOf(id);
    m_loading = true;
    m_typeCombo->clear();
    m_scaleCombo->clear();
    if (index < 0) {
        m_nameEdit->clear();
        m_weightSpin->setValue(0);
        m_descriptorsLabel->clear();
        m_formBox->setTitle(tr("Selected criterion"));
        m_loading = false;
        refreshState();
        return;
    }
    const Criterion &c = m_draft[index];
    m_formBox->setTitle(tr("Selected criterion: %1").arg(c.id));
    m_nameEdit->setText(c.name);
    if (hasChildren(c.id)) {
        m_typeCombo->addItem(criterionTypeName(CriterionType::Group), int(CriterionType::Group));
        m_typeCombo->setCurrentIndex(0);
    } else {
        for (CriterionType type : kLeafTypes)
            m_typeCombo->addItem(criterionTypeName(type), int(type));
        // A group left without sub-criteria needs a type: none is picked until the user does.
        m_typeCombo->setCurrentIndex(m_typeCombo->findData(int(c.type)));
    }
    m_weightSpin->setValue(c.weightPercent);
    if (hasScale(c.type)) {
        const ScoringScale five = ScoringScale::zeroToFive();
        const ScoringScale ten = ScoringScale::zeroToTen();
        m_scaleCombo->addItem(tr("0 to 5"), five.maxScore);
        m_scaleCombo->addItem(tr("0 to 10"), ten.maxScore);
        if (c.scale != five && c.scale != ten) // e.g. imported from a CSV file: kept as it is
            m_scaleCombo->addItem(tr("0 to %1 (as imported)").arg(c.scale.maxScore), -1);
        m_scaleCombo->setCurrentIndex(c.scale == five ? 0 : c.scale == ten ? 1 : 2);
        QStringList levels;
        for (int level = 0; level < c.scale.descriptors.size(); ++level)
            levels.append(tr("%1 %2").arg(level).arg(c.scale.descriptors[level]));
        m_descriptorsLabel->setText(levels.join(tr(" · ")));
    } else {
        m_descriptorsLabel->setText(
            c.type == CriterionType::Price ? tr("Price marks are computed from the bids' prices "
                                                "with the price formula below.")
            : c.type == CriterionType::PassFail ? tr("Scored 1 for a pass or 0 for a fail; a fail "
                                                     "eliminates the bid. It carries no marks.")
                                                : QString());
    }
    m_loading = false;
    refreshState();
}

void CriteriaView::refreshChanges()
{
    const QList<CriteriaChange> changes =
        m_document ? m_document->round().tender.criteriaChanges : QList<CriteriaChange>();
    m_changesTable->setRowCount(int(changes.size()));
    for (int row = 0; row < changes.size(); ++row) {
        const CriteriaChange &change = changes[row];
        const QString cells[ChangeCount] = {
            QLocale().toString(change.changedAt.toLocalTime(), QStringLiteral("d MMM yyyy, HH:mm")),
            change.actor, change.summary, change.reason};
        for (int column = 0; column < ChangeCount; ++column) {
            auto *item = new QTableWidgetItem(cells[column]);
            item->setToolTip(cells[column]);
            item->setTextAlignment(Qt::AlignLeft | Qt::AlignTop);
            m_changesTable->setItem(row, column, item);
        }
    }
    m_changesHeading->setVisible(!changes.isEmpty());
    m_changesTable->setVisible(!changes.isEmpty());
}

void CriteriaView::refreshState()
{
    const QString why = whyNotEditable();
    const bool editable = why.isEmpty();
    const Tender *tender = m_document ? &m_document->round().tender : nullptr;
    const bool opened = tender && tender->bidsOpened();

    if (!tender)
        m_lockLabel->clear();
    else if (opened)
        m_lockLabel->setText(
            tr("The bids were opened on %1: the criteria, weights, scales and price rules are "
               "locked as published. A change needs a reason, which is recorded and shown in "
               "every report.")
                .arg(QLocale().toString(tender->bidsOpenedAt.toLocalTime(),
                                        QStringLiteral("d MMMM yyyy, HH:mm"))));
    else
        m_lockLabel->setText(tr("The bids are not opened yet, so the criteria can still change "
                                "freely. They lock when the bids are opened."));
    if (m_modified)
        m_lockLabel->setText(m_lockLabel->text() + QLatin1Char(' ') +
                             tr("The criteria below have unsaved changes."));

    const bool empty = m_draft.isEmpty();
    m_emptyLabel->setVisible(empty);
    m_templateButton->setVisible(empty);
    m_templateButton->setEnabled(editable);
    m_tree->setVisible(!empty);

    const QString selected = currentCriterion();
    const qsizetype index = indexOf(selected);
    const bool leaf = index >= 0 && !hasChildren(selected);
    const CriterionType type = index >= 0 ? m_draft[index].type : CriterionType::Group;

    // Focus would jump to the next widget when a focused control is disabled; keep it.
    QWidget *focused = QApplication::focusWidget();
    const auto enable = [&](QWidget *w, bool on, const QString &tip = {}) {
        if (!on && w == focused)
            m_tree->setFocus(Qt::OtherFocusReason);
        UiUtil::setAvailable(w, on, {}, !editable ? why : tip);
    };
    enable(m_addTopButton, editable);
    enable(m_addSubButton, editable && index >= 0,
           tr("Select the criterion to add a sub-criterion to."));
    enable(m_removeButton, editable && index >= 0, tr("Select the criterion to remove."));
    m_formBox->setVisible(!empty);
    m_nameEdit->setReadOnly(!editable || index < 0);
    enable(m_typeCombo, editable && leaf,
           tr("A criterion with sub-criteria is a group: its sub-criteria are scored."));
    m_weightSpin->setReadOnly(!editable || index < 0);
    enable(m_scaleCombo, editable && leaf && hasScale(type),
           tr("Only quality and social value criteria are scored on a scale."));
    enable(m_formulaCombo, editable);
    m_thresholdSpin->setReadOnly(!editable);

    enable(m_saveButton, editable && m_modified, tr("Nothing has changed."));
    m_revertButton->setEnabled(m_modified);
    QString whyNotOpen;
    if (opened)
        whyNotOpen = tr("The bids are open.");
    else if (m_modified)
        whyNotOpen = tr("Save or revert the changes to the criteria first.");
    else if (empty)
        whyNotOpen = tr("Publish the award criteria before opening the bids.");
    enable(m_openBidsButton, editable && whyNotOpen.isEmpty(), whyNotOpen);
    m_openBidsButton->setText(opened ? tr("Bids opened") : tr("&Open the bids…"));
}

void CriteriaView::markModified()
{
    m_modified = true;
    refreshChecks();
    refreshState();
}

QString CriteriaView::newId(const QString &parentId) const
{
    const QString prefix = parentId.isEmpty() ? QStringLiteral("c") : parentId + QLatin1Char('.');
    for (int n = 1;; ++n) {
        const QString id = prefix + QString::number(n);
        if (indexOf(id) < 0)
            return id;
    }
}

void CriteriaView::addTopLevel()
{
    addCriterion(QString());
}

void CriteriaView::addSubCriterion()
{
    const QString parent = currentCriterion();
    if (!parent.isEmpty())
        addCriterion(parent);
}

void CriteriaView::addCriterion(const QString &parentId)
{
    if (!whyNotEditable().isEmpty())
        return;
    const qsizetype parentIndex = parentId.isEmpty() ? -1 : indexOf(parentId);
    if (!parentId.isEmpty() && parentIndex < 0)
        return;
    const std::optional<QString> name =
        parentId.isEmpty()
            ? m_dialogs->askText(window(), tr("Add a criterion"), tr("Name of the criterion:"))
            : m_dialogs->askText(
                  window(), tr("Add a sub-criterion"),
                  tr("Name of the sub-criterion of \"%1\":").arg(m_draft[parentIndex].name));
    if (!name || name->trimmed().isEmpty())
        return;
    Criterion c;
    c.id = newId(parentId);
    c.parentId = parentId;
    c.name = name->trimmed();
    c.type = CriterionType::Quality;
    c.scale = ScoringScale::zeroToFive();
    // A first sub-criterion carries its whole level; later ones start at 0 for the user to set.
    c.weightPercent = parentId.isEmpty() || hasChildren(parentId) ? 0 : 100;
    qsizetype at = m_draft.size();
    if (parentIndex >= 0) {
        m_draft[parentIndex].type = CriterionType::Group; // it has a sub-criterion now
        // After the parent's last descendant, so that the list reads in tree order.
        QSet<QString> below{parentId};
        at = parentIndex + 1;
        for (qsizetype i = parentIndex + 1; i < m_draft.size(); ++i) {
            if (!below.contains(m_draft[i].parentId))
                continue;
            below.insert(m_draft[i].id);
            at = i + 1;
        }
    }
    m_draft.insert(at, c);
    m_modified = true;
    refreshTree();
    selectCriterion(c.id);
    refreshForm();
    markModified();
    m_weightSpin->setFocus(Qt::OtherFocusReason);
    m_weightSpin->selectAll();
}

void CriteriaView::removeCriterion()
{
    const QString id = currentCriterion();
    if (id.isEmpty() || !whyNotEditable().isEmpty())
        return;
    QSet<QString> removed{id};
    for (bool grew = true; grew;) {
        grew = false;
        for (const Criterion &c : std::as_const(m_draft)) {
            if (removed.contains(c.parentId) && !removed.contains(c.id)) {
                removed.insert(c.id);
                grew = true;
            }
        }
    }
    m_draft.removeIf([&](const Criterion &c) { return removed.contains(c.id); });
    m_modified = true;
    refreshTree();
    if (m_tree->topLevelItemCount() > 0 && !m_tree->currentItem())
        m_tree->setCurrentItem(m_tree->topLevelItem(0));
    refreshForm();
    markModified();
}

void CriteriaView::onNameEdited(const QString &name)
{
    const qsizetype index = indexOf(currentCriterion());
    if (m_loading || index < 0 || !whyNotEditable().isEmpty())
        return;
    m_draft[index].name = name;
    if (QTreeWidgetItem *item = m_tree->currentItem())
        item->setText(NameColumn, name);
    markModified();
}

void CriteriaView::onTypePicked()
{
    const qsizetype index = indexOf(currentCriterion());
    if (m_loading || index < 0 || m_typeCombo->currentIndex() < 0 || !whyNotEditable().isEmpty())
        return;
    const auto type = CriterionType(m_typeCombo->currentData().toInt());
    if (m_draft[index].type == type)
        return;
    m_draft[index].type = type;
    if (hasScale(type) &&
        m_draft[index].scale.descriptors.size() != m_draft[index].scale.maxScore + 1)
        m_draft[index].scale = ScoringScale::zeroToFive();
    m_modified = true;
    refreshTree();
    refreshForm();
    markModified();
}

void CriteriaView::onWeightChanged(double weight)
{
    const qsizetype index = indexOf(currentCriterion());
    if (m_loading || index < 0 || !whyNotEditable().isEmpty())
        return;
    if (m_draft[index].weightPercent == weight)
        return;
    m_draft[index].weightPercent = weight;
    m_modified = true;
    refreshTree();
    markModified();
}

void CriteriaView::onScalePicked()
{
    const qsizetype index = indexOf(currentCriterion());
    if (m_loading || index < 0 || !whyNotEditable().isEmpty())
        return;
    const int maxScore = m_scaleCombo->currentData().toInt();
    if (maxScore < 0 || m_draft[index].scale.maxScore == maxScore)
        return;
    m_draft[index].scale = maxScore == 10 ? ScoringScale::zeroToTen() : ScoringScale::zeroToFive();
    m_modified = true;
    refreshTree();
    refreshForm();
    markModified();
}

void CriteriaView::onPriceRulesChanged()
{
    if (m_loading || !whyNotEditable().isEmpty())
        return;
    const auto formula = PriceFormula(m_formulaCombo->currentData().toInt());
    const double threshold = m_thresholdSpin->value();
    if (formula == m_formula && threshold == m_threshold)
        return;
    m_formula = formula;
    m_threshold = threshold;
    markModified();
}

bool CriteriaView::save()
{
    if (!m_document || !m_modified)
        return false;
    QString reason;
    if (m_document->round().tender.bidsOpened()) {
        const std::optional<QString> given = m_dialogs->askText(
            window(), tr("Reason for changing the criteria"),
            tr("The bids have been opened, so the published criteria are locked. Why must they "
               "change? The reason is recorded and shown in every report."));
        if (!given)
            return false;
        reason = *given;
    }
    const QList<Criterion> criteria = m_draft;
    const PriceFormula formula = m_formula;
    const double threshold = m_threshold;
    const bool ok = m_edits->run(tr("The criteria were not saved"), [&] {
        return Commands::setCriteria(m_document, criteria, formula, threshold, reason);
    });
    if (ok && m_document)
        loadDraft();
    return ok;
}

void CriteriaView::revert()
{
    loadDraft();
}

bool CriteriaView::useDefaultTemplate()
{
    if (!m_document || !whyNotEditable().isEmpty() || !m_draft.isEmpty())
        return false;
    m_draft = CriteriaTree::defaultTemplate().criteria();
    m_modified = true;
    if (!save()) {
        loadDraft();
        return false;
    }
    if (m_tree->topLevelItemCount() > 0)
        m_tree->setCurrentItem(m_tree->topLevelItem(0));
    m_tree->setFocus(Qt::OtherFocusReason); // the button is hidden now
    return true;
}

bool CriteriaView::openBids()
{
    if (!m_document || m_document->round().tender.bidsOpened() || m_modified)
        return false;
    if (!m_dialogs->confirm(
            window(), tr("Open the bids"),
            tr("Opening the bids locks the award criteria, their weights and scales and the "
               "price rules as published, and records the date. After that a change needs a "
               "reason, which is recorded and flagged in every report.\n\nOpen the bids now?"),
            tr("Open the bids")))
        return false;
    return m_edits->run(tr("The bids were not opened"),
                        [&] { return Commands::setBidsOpened(m_document, true); });
}

} // namespace CoCommission
