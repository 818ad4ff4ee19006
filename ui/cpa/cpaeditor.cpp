#include "ui/cpa/cpaeditor.h"

#include "core/commands/commands.h"
#include "core/commands/plancommands.h"
#include "core/cpa/adjacency.h"
#include "core/cpa/assignmentcsv.h"
#include "core/cpa/boundaries.h"
#include "core/cpa/roundcheck.h"
#include "core/cpa/tilegrid.h"
#include "core/needs/indicators.h"
#include "core/round/rounddocument.h"
#include "ui/cpa/comparedialog.h"
#include "ui/cpa/cpalegendmodel.h"
#include "ui/cpa/mapview.h"
#include "ui/cpa/suggestdialog.h"
#include "ui/dialogservice.h"
#include "ui/editrunner.h"
#include "ui/noticebox.h"
#include "ui/settings.h"
#include "ui/uiutil.h"

#include <QAction>
#include <QApplication>
#include <QButtonGroup>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QRadioButton>
#include <QSaveFile>
#include <QSet>
#include <QSignalBlocker>
#include <QSplitter>
#include <QStandardPaths>
#include <QStyle>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <iterator>
#include <utility>

namespace CoCommission {

namespace {

/** Codes named in a message; more are counted. */
constexpr int kListedNames = 12;

template<class T>
Status statusOf(const Result<T> &result)
{
    return result ? Status() : Status(result.error());
}

QString nameList(const QStringList &names)
{
    QString text = names.mid(0, kListedNames).join(QStringLiteral(", "));
    if (names.size() > kListedNames)
        text = QCoreApplication::translate("CoCommission::CpaEditor", "%1 and %2 more")
                   .arg(text)
                   .arg(names.size() - kListedNames);
    return text;
}

} // namespace

CpaEditor::CpaEditor(EditRunner *edits, DialogService *dialogs, QWidget *parent)
    : QScrollArea(parent)
    , m_edits(edits)
    , m_dialogs(dialogs)
{
    setObjectName(QStringLiteral("cpaEditor"));
    setAccessibleName(tr("Contract Package Areas"));
    setAccessibleDescription(
        tr("Group the authorities into Contract Package Areas: pick a plan, paint the "
           "authorities on the map with the CPA selected in the legend, and check the problems."));
    QVBoxLayout *layout = UiUtil::pageLayout(this);
    // A working screen: the map and the figures get the room, not the margins.
    layout->setContentsMargins(12, 8, 12, 8);
    layout->setSpacing(8);
    QWidget *content = widget();

    m_heading = UiUtil::headingLabel(tr("Contract Package Areas"), 1.4, content);
    m_heading->setObjectName(QStringLiteral("cpaEditorHeading"));
    m_heading->setWordWrap(false);

    // The heading shares its row with the tools that work on whole plans and files, so that
    // the page fits a window 1,200 pixels wide beside the navigator.
    buildPlanBar(content);
    auto *headingRow = new QHBoxLayout;
    headingRow->setSpacing(6);
    headingRow->addWidget(m_heading, 1);
    for (QWidget *button :
         std::initializer_list<QWidget *>{m_compareButton, m_suggestButton, m_filesButton})
        headingRow->addWidget(button);
    layout->addLayout(headingRow);

    auto *planBar = new QHBoxLayout;
    planBar->setSpacing(6);
    auto *planLabel = new QLabel(tr("&Plan:"), content);
    planLabel->setBuddy(m_planCombo);
    planBar->addWidget(planLabel);
    planBar->addWidget(m_planCombo, 1);
    for (QWidget *button :
         std::initializer_list<QWidget *>{m_newPlanButton, m_duplicateButton, m_renamePlanButton,
                                          m_deletePlanButton, m_adoptButton})
        planBar->addWidget(button);
    layout->addLayout(planBar);

    m_planStatus = new QLabel(content);
    m_planStatus->setObjectName(QStringLiteral("planStatus"));
    m_planStatus->setWordWrap(true);
    m_planStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    UiUtil::makeSecondary(m_planStatus);
    layout->addWidget(m_planStatus);

    m_frozenNotice = new NoticeBox(NoticeBox::Kind::Warning, QString(), content);
    m_frozenNotice->setObjectName(QStringLiteral("frozenNotice"));
    m_frozenNotice->hide();
    layout->addWidget(m_frozenNotice);

    auto *splitter = new QSplitter(Qt::Horizontal, content);
    splitter->setObjectName(QStringLiteral("cpaEditorSplitter"));
    splitter->setChildrenCollapsible(false);
    auto *mapPanel = new QWidget(splitter);
    auto *sidePanel = new QWidget(splitter);
    buildMapPanel(mapPanel);
    buildSidePanel(sidePanel);
    splitter->addWidget(mapPanel);
    splitter->addWidget(sidePanel);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({610, 250});
    layout->addWidget(splitter, 1);

    // Plan bar, then the map, the legend, the settings and the problems.
    QWidget *order[] = {m_planCombo,        m_newPlanButton, m_duplicateButton,  m_renamePlanButton,
                        m_deletePlanButton, m_adoptButton,   m_compareButton,    m_suggestButton,
                        m_filesButton,      m_tilesButton,   m_boundariesButton, m_map,
                        m_legend,           m_addCpaButton,  m_renameCpaButton,  m_colourButton,
                        m_removeCpaButton,  m_ruleCombo,     m_indicatorCombo,   m_minimumSpin,
                        m_problemsList};
    for (size_t i = 1; i < std::size(order); ++i)
        setTabOrder(order[i - 1], order[i]);

    refresh();
}

CpaEditor::~CpaEditor() = default;

CompareDialog *CpaEditor::compareDialog() const
{
    return m_compareDialog;
}

SuggestDialog *CpaEditor::suggestDialog() const
{
    return m_suggestDialog;
}

void CpaEditor::buildPlanBar(QWidget *content)
{
    m_planCombo = new QComboBox(content);
    m_planCombo->setObjectName(QStringLiteral("planCombo"));
    m_planCombo->setAccessibleName(tr("CPA plan shown"));
    m_planCombo->setToolTip(tr("The plan shown on the map and in the legend; the adopted plan, "
                               "the one every stage uses, is marked"));
    m_planCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_planCombo->setMinimumContentsLength(16);
    connect(m_planCombo, &QComboBox::activated, this,
            [this](int index) { setPlan(PlanId(m_planCombo->itemData(index).toLongLong())); });

    const auto button = [content](const QString &text, const QString &name,
                                  const QString &accessible, const QString &toolTip) {
        auto *b = new QPushButton(text, content);
        b->setObjectName(name);
        b->setAccessibleName(accessible);
        b->setToolTip(toolTip);
        return b;
    };
    m_newPlanButton = button(tr("&New plan…"), QStringLiteral("newPlanButton"), tr("New plan"),
                             tr("Add an empty CPA plan"));
    m_duplicateButton = button(tr("D&uplicate…"), QStringLiteral("duplicatePlanButton"),
                               tr("Duplicate plan"), tr("Copy the plan shown into a new plan"));
    m_renamePlanButton = button(tr("&Rename…"), QStringLiteral("renamePlanButton"),
                                tr("Rename plan"), tr("Rename the plan shown"));
    m_deletePlanButton =
        button(tr("De&lete"), QStringLiteral("deletePlanButton"), tr("Delete plan"), QString());
    m_adoptButton =
        button(tr("&Adopt…"), QStringLiteral("adoptPlanButton"), tr("Adopt plan"), QString());
    m_compareButton =
        button(tr("&Compare…"), QStringLiteral("comparePlansButton"), tr("Compare plans"),
               tr("Compare the plan shown with another: who moved, and the "
                  "figures side by side"));
    m_suggestButton =
        button(tr("&Suggest…"), QStringLiteral("suggestPlansButton"), tr("Suggest plans"),
               tr("Let the program propose balanced, contiguous plans"));

    connect(m_newPlanButton, &QPushButton::clicked, this, &CpaEditor::newPlan);
    connect(m_duplicateButton, &QPushButton::clicked, this, &CpaEditor::duplicatePlan);
    connect(m_renamePlanButton, &QPushButton::clicked, this, &CpaEditor::renamePlan);
    connect(m_deletePlanButton, &QPushButton::clicked, this, &CpaEditor::deletePlan);
    connect(m_adoptButton, &QPushButton::clicked, this, &CpaEditor::adoptPlan);
    connect(m_compareButton, &QPushButton::clicked, this, &CpaEditor::compare);
    connect(m_suggestButton, &QPushButton::clicked, this, &CpaEditor::suggest);

    m_filesButton = new QToolButton(content);
    m_filesButton->setObjectName(QStringLiteral("cpaFilesButton"));
    m_filesButton->setText(tr("Im&port/export"));
    m_filesButton->setAccessibleName(tr("Import and export files"));
    m_filesButton->setToolTip(tr("Assignment files (CSV gss_code,cpa) and boundary files "
                                 "(GeoJSON)"));
    m_filesButton->setPopupMode(QToolButton::InstantPopup);
    m_filesButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_filesButton->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    auto *menu = new QMenu(m_filesButton);
    menu->setToolTipsVisible(true);
    m_importAssignmentAction = menu->addAction(tr("&Import assignment…"));
    connect(m_importAssignmentAction, &QAction::triggered, this, &CpaEditor::importAssignment);
    m_importAssignmentAction->setObjectName(QStringLiteral("importAssignmentAction"));
    m_importAssignmentAction->setToolTip(
        tr("Read a CSV of gss_code,cpa into the plan shown or into a new plan"));
    m_exportAssignmentAction = menu->addAction(tr("&Export assignment…"));
    connect(m_exportAssignmentAction, &QAction::triggered, this, &CpaEditor::exportAssignment);
    m_exportAssignmentAction->setObjectName(QStringLiteral("exportAssignmentAction"));
    m_exportAssignmentAction->setToolTip(tr("Write the plan shown as a CSV of gss_code,cpa"));
    menu->addSeparator();
    m_importBoundariesAction = menu->addAction(tr("Import &boundaries…"));
    connect(m_importBoundariesAction, &QAction::triggered, this,
            [this] { importBoundaries(false); });
    m_importBoundariesAction->setObjectName(QStringLiteral("importBoundariesAction"));
    m_importBoundariesAction->setToolTip(
        tr("Read a GeoJSON file of the authorities' boundaries for the map and for adjacency"));
    m_importBoundariesWithPropertyAction =
        menu->addAction(tr("Import boundaries with a &chosen code property…"));
    connect(m_importBoundariesWithPropertyAction, &QAction::triggered, this,
            [this] { importBoundaries(true); });
    m_importBoundariesWithPropertyAction->setToolTip(
        tr("As Import boundaries, naming the feature property that holds the GSS codes"));
    m_removeBoundariesAction = menu->addAction(tr("&Remove boundaries"));
    connect(m_removeBoundariesAction, &QAction::triggered, this, &CpaEditor::removeBoundaries);
    m_removeBoundariesAction->setObjectName(QStringLiteral("removeBoundariesAction"));
    m_filesButton->setMenu(menu);
}

void CpaEditor::buildMapPanel(QWidget *panel)
{
    auto *layout = new QVBoxLayout(panel);
    layout->setContentsMargins(0, 0, 6, 0);
    layout->setSpacing(4);

    auto *modeRow = new QHBoxLayout;
    auto *mapHeading = new QLabel(tr("Map:"), panel);
    m_tilesButton = new QRadioButton(tr("&Tiles"), panel);
    m_tilesButton->setObjectName(QStringLiteral("tilesButton"));
    m_tilesButton->setAccessibleName(tr("Show the map as tiles"));
    m_tilesButton->setToolTip(tr("One square per authority"));
    m_tilesButton->setChecked(true);
    m_boundariesButton = new QRadioButton(tr("&Boundaries"), panel);
    m_boundariesButton->setObjectName(QStringLiteral("boundariesButton"));
    m_boundariesButton->setAccessibleName(tr("Show the map as boundaries"));
    auto *group = new QButtonGroup(panel);
    group->addButton(m_tilesButton);
    group->addButton(m_boundariesButton);
    modeRow->addWidget(mapHeading);
    modeRow->addWidget(m_tilesButton);
    modeRow->addWidget(m_boundariesButton);
    modeRow->addStretch(1);
    layout->addLayout(modeRow);
    connect(m_tilesButton, &QRadioButton::toggled, this, &CpaEditor::onModeToggled);

    m_map = new MapView(panel);
    m_map->setObjectName(QStringLiteral("cpaMap"));
    m_map->setAccessibleName(tr("Map of authorities: paint them into CPAs"));
    if (const Result<TileGrid> grid = TileGrid::london())
        m_map->setTileGrid(*grid);
    m_map->setToolTipProvider(
        [this](const QString &code) { return describeAuthority(code).join(QLatin1Char('\n')); });
    layout->addWidget(m_map, 1);
    connect(m_map, &MapView::strokeFinished, this, &CpaEditor::onStrokeFinished);
    connect(m_map, &MapView::numberPressed, this, &CpaEditor::onNumberPressed);
    connect(m_map, &MapView::hovered, this, &CpaEditor::updateMapInfo);
    connect(m_map, &MapView::currentChanged, this, &CpaEditor::updateMapInfo);

    m_mapInfo = new QLabel(panel);
    m_mapInfo->setObjectName(QStringLiteral("mapInfo"));
    m_mapInfo->setWordWrap(true);
    m_mapInfo->setTextInteractionFlags(Qt::TextSelectableByMouse);
    UiUtil::makeSecondary(m_mapInfo);
    layout->addWidget(m_mapInfo);
    layout->addSpacing(4);

    // The legend: the CPAs' figures; its selected row is the brush.
    m_legendModel = new CpaLegendModel(this);
    m_legend = new QTableView(panel);
    m_legend->setObjectName(QStringLiteral("cpaLegend"));
    m_legend->setAccessibleName(tr("CPAs and their figures; the selected CPA is the brush"));
    m_legend->setAccessibleDescription(
        tr("One row per CPA with its members, its total and share of the balance indicator, its "
           "deviation from the mean, whether it is contiguous and the partnerships it splits."));
    m_legend->setModel(m_legendModel);
    m_legend->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_legend->setSelectionMode(QAbstractItemView::SingleSelection);
    m_legend->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_legend->setTabKeyNavigation(false);
    m_legend->setWordWrap(false);
    m_legend->setTextElideMode(Qt::ElideRight);
    m_legend->verticalHeader()->hide();
    m_legend->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    QHeaderView *header = m_legend->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(CpaLegendModel::NameColumn, QHeaderView::Stretch);
    header->setHighlightSections(false);
    m_legend->setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    // Long names elide (the name column stretches) rather than scroll sideways.
    m_legend->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_legend->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    m_legend->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Maximum);
    connect(m_legend->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { onLegendRowChanged(current.row()); });
    layout->addWidget(m_legend);

    auto *cpaButtons = new QHBoxLayout;
    cpaButtons->setSpacing(6);
    const auto button = [panel](const QString &text, const QString &name,
                                const QString &accessible) {
        auto *b = new QPushButton(text, panel);
        b->setObjectName(name);
        b->setAccessibleName(accessible);
        return b;
    };
    m_addCpaButton = button(tr("A&dd CPA…"), QStringLiteral("addCpaButton"), tr("Add CPA"));
    m_addCpaButton->setToolTip(tr("Add an empty CPA to the plan"));
    m_renameCpaButton =
        button(tr("Rena&me CPA…"), QStringLiteral("renameCpaButton"), tr("Rename CPA"));
    m_renameCpaButton->setToolTip(tr("Rename the CPA selected in the legend"));
    m_colourButton = button(tr("C&olour…"), QStringLiteral("colourCpaButton"), tr("CPA colour"));
    m_colourButton->setToolTip(tr("Change the colour of the CPA selected in the legend"));
    m_removeCpaButton =
        button(tr("Remo&ve CPA"), QStringLiteral("removeCpaButton"), tr("Delete CPA"));
    m_removeCpaButton->setToolTip(tr("Delete the CPA selected in the legend; its authorities "
                                     "go into no CPA. Undo with %1.")
                                      .arg(undoHint()));
    for (QPushButton *b : {m_addCpaButton, m_renameCpaButton, m_colourButton, m_removeCpaButton})
        cpaButtons->addWidget(b);
    cpaButtons->addStretch(1);
    connect(m_addCpaButton, &QPushButton::clicked, this, &CpaEditor::addCpa);
    connect(m_renameCpaButton, &QPushButton::clicked, this, &CpaEditor::renameCpa);
    connect(m_colourButton, &QPushButton::clicked, this, &CpaEditor::recolourCpa);
    connect(m_removeCpaButton, &QPushButton::clicked, this, &CpaEditor::removeCpa);
    layout->addLayout(cpaButtons);
}

void CpaEditor::buildSidePanel(QWidget *panel)
{
    auto *layout = new QVBoxLayout(panel);
    layout->setContentsMargins(6, 0, 0, 0);
    layout->setSpacing(6);

    // How the plan is checked.
    auto *settingsBox = new QGroupBox(tr("How the plan is checked"), panel);
    settingsBox->setObjectName(QStringLiteral("planSettingsBox"));
    m_ruleCombo = new QComboBox(settingsBox);
    m_ruleCombo->setObjectName(QStringLiteral("adjacencyRuleCombo"));
    m_ruleCombo->setAccessibleName(tr("Adjacency rule"));
    m_ruleCombo->addItem(tr("Legal boundary (default)"), int(AdjacencyRule::LegalBoundary));
    m_ruleCombo->addItem(tr("Land contact only"), int(AdjacencyRule::LandContactOnly));
    m_ruleCombo->setToolTip(tr("Legal boundaries meet mid-river, so some neighbours touch only "
                               "across the Thames; land contact only does not count those."));
    m_indicatorCombo = new QComboBox(settingsBox);
    m_indicatorCombo->setObjectName(QStringLiteral("balanceIndicatorCombo"));
    m_indicatorCombo->setAccessibleName(tr("Balance indicator"));
    m_indicatorCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_indicatorCombo->setMinimumContentsLength(18);
    m_indicatorCombo->setToolTip(tr("The measure the CPAs are balanced on; rates and ratios "
                                    "cannot be added up over a CPA, so they are not offered."));
    m_minimumSpin = new QDoubleSpinBox(settingsBox);
    m_minimumSpin->setObjectName(QStringLiteral("minimumSizeSpin"));
    m_minimumSpin->setAccessibleName(tr("Minimum size"));
    m_minimumSpin->setDecimals(0);
    m_minimumSpin->setRange(0, 1e12);
    m_minimumSpin->setSingleStep(1000);
    m_minimumSpin->setSpecialValueText(tr("None"));
    m_minimumSpin->setGroupSeparatorShown(true);
    // Typing commits on Enter or on leaving the box; each arrow step commits (and merges).
    m_minimumSpin->setKeyboardTracking(false);
    auto *form = new QFormLayout(settingsBox);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    // Labels above their fields: the column stays narrow and the map and legend get the room.
    form->setRowWrapPolicy(QFormLayout::WrapAllRows);
    form->setContentsMargins(8, 6, 8, 6);
    form->setVerticalSpacing(4);
    form->addRow(tr("Ad&jacency:"), m_ruleCombo);
    form->addRow(tr("Balance &indicator:"), m_indicatorCombo);
    form->addRow(tr("Minimum si&ze:"), m_minimumSpin);
    m_ruleLabel = new QLabel(settingsBox);
    m_ruleLabel->setObjectName(QStringLiteral("checkRuleLabel"));
    m_ruleLabel->setWordWrap(true);
    m_ruleLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    UiUtil::makeSecondary(m_ruleLabel);
    form->addRow(m_ruleLabel);
    connect(m_ruleCombo, &QComboBox::activated, this, &CpaEditor::applySettings);
    connect(m_indicatorCombo, &QComboBox::activated, this, &CpaEditor::applySettings);
    connect(m_minimumSpin, &QDoubleSpinBox::valueChanged, this, [this] {
        if (!m_refreshing)
            applySettings();
    });
    layout->addWidget(settingsBox);

    // What the check found.
    auto *problemsBox = new QGroupBox(tr("Problems"), panel);
    problemsBox->setObjectName(QStringLiteral("problemsBox"));
    m_problemsStatus = new QLabel(problemsBox);
    m_problemsStatus->setObjectName(QStringLiteral("problemsStatus"));
    m_problemsStatus->setWordWrap(true);
    QFont bold = m_problemsStatus->font();
    bold.setBold(true);
    m_problemsStatus->setFont(bold);
    m_problemsList = new QListWidget(problemsBox);
    m_problemsList->setObjectName(QStringLiteral("problemsList"));
    m_problemsList->setAccessibleName(tr("Problems of the plan; select one to see it on the map"));
    m_problemsList->setAccessibleDescription(
        tr("What the check of the plan found: authorities in no CPA or in two, CPAs in parts or "
           "below the minimum size, and notes such as split partnerships."));
    m_problemsList->setWordWrap(true);
    m_problemsList->setResizeMode(QListView::Adjust);
    m_problemsList->setUniformItemSizes(false);
    m_problemsList->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_problemsList->setMinimumHeight(90);
    auto *problemsLayout = new QVBoxLayout(problemsBox);
    problemsLayout->setContentsMargins(8, 6, 8, 6);
    problemsLayout->setSpacing(4);
    problemsLayout->addWidget(m_problemsStatus);
    m_balanceLabel = new QLabel(problemsBox);
    m_balanceLabel->setObjectName(QStringLiteral("balanceSummary"));
    m_balanceLabel->setWordWrap(true);
    m_balanceLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    problemsLayout->addWidget(m_balanceLabel);
    problemsLayout->addWidget(m_problemsList, 1);
    connect(m_problemsList, &QListWidget::itemSelectionChanged, this,
            &CpaEditor::onProblemSelected);
    layout->addWidget(problemsBox, 1);
}

void CpaEditor::setDocument(RoundDocument *document)
{
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    m_plan = PlanId();
    m_brush = CpaId();
    m_authorities.clear();
    m_boundaryKey.clear();
    m_boundaryError.clear();
    if (m_compareDialog)
        m_compareDialog->close();
    delete m_suggestDialog;
    if (m_document)
        connect(m_document, &RoundDocument::roundChanged, this, &CpaEditor::refresh);
    refresh();
}

RoundDocument *CpaEditor::document() const
{
    return m_document;
}

bool CpaEditor::setPlan(PlanId plan)
{
    if (!m_document || !m_document->round().plan(plan))
        return false;
    if (plan != m_plan) {
        m_plan = plan;
        m_brush = CpaId();
        const CpaPlan *shown = currentPlan();
        if (!shown->cpas.isEmpty())
            m_brush = shown->cpas.first().id;
    }
    refresh();
    return true;
}

bool CpaEditor::setBrush(CpaId cpa)
{
    const CpaPlan *plan = currentPlan();
    if (!plan)
        return false;
    if (cpa.isValid() && std::none_of(plan->cpas.cbegin(), plan->cpas.cend(),
                                      [&](const Cpa &c) { return c.id == cpa; }))
        return false;
    m_brush = cpa;
    selectBrushRow();
    refreshMap();
    refreshActions();
    return true;
}

const CpaPlan *CpaEditor::currentPlan() const
{
    return m_document ? m_document->round().plan(m_plan) : nullptr;
}

const Cpa *CpaEditor::brushCpa() const
{
    const CpaPlan *plan = currentPlan();
    if (!plan || !m_brush.isValid())
        return nullptr;
    for (const Cpa &cpa : plan->cpas) {
        if (cpa.id == m_brush)
            return &cpa;
    }
    return nullptr;
}

QString CpaEditor::whyNotEditable() const
{
    if (!m_document)
        return tr("No round is open.");
    if (const QString why = m_document->whyNotEditable(); !why.isEmpty())
        return why;
    if (!currentPlan())
        return tr("The round has no CPA plan yet: add one with New plan.");
    return m_document->whyPlanFrozen(m_plan);
}

QString CpaEditor::undoHint() const
{
    return QKeySequence(QKeySequence::Undo).toString(QKeySequence::NativeText);
}

// --- Refreshing from the document ------------------------------------------------------------

void CpaEditor::refresh()
{
    m_refreshing = true;
    fillPlanCombo();
    refreshMapBasics();
    refreshCheck();
    refreshLegend();
    refreshSettings();
    refreshProblems();
    refreshMap(); // after the problems: a selected problem decides what is highlighted
    refreshActions();
    updateMapInfo(m_map->currentCode()); // after the notice: the hint refers to it
    m_refreshing = false;
}

void CpaEditor::fillPlanCombo()
{
    const QSignalBlocker blocker(m_planCombo);
    m_planCombo->clear();
    if (!m_document) {
        m_plan = PlanId();
        return;
    }
    const Round &round = m_document->round();
    if (!round.plan(m_plan)) {
        // The plan shown went (deleted, or a new round): show the adopted plan, else the first.
        const CpaPlan *fallback = round.adoptedPlan();
        if (!fallback && !round.plans.isEmpty())
            fallback = &round.plans.first();
        m_plan = fallback ? fallback->id : PlanId();
        m_brush = fallback && !fallback->cpas.isEmpty() ? fallback->cpas.first().id : CpaId();
    }
    for (const CpaPlan &plan : round.plans)
        m_planCombo->addItem(plan.adopted ? tr("%1 (adopted)").arg(plan.name) : plan.name,
                             plan.id.value());
    m_planCombo->setCurrentIndex(m_planCombo->findData(m_plan.value()));
}

void CpaEditor::refreshMapBasics()
{
    if (!m_document) {
        m_map->setAuthorities({});
        m_map->setBoundaries(nullptr);
        return;
    }
    const Round &round = m_document->round();
    if (round.authorities != m_authorities) {
        m_authorities = round.authorities;
        m_map->setAuthorities(m_authorities);
    }
    // "none" rather than empty, so that the first refresh (m_boundaryKey empty) sets the map up.
    const QString key = round.boundaries.isEmpty() ? QStringLiteral("none")
                                                   : round.boundaries.sha256 + QLatin1Char('/') +
                                                         round.boundaries.codeProperty;
    if (key == m_boundaryKey)
        return;
    m_boundaryKey = key;
    m_boundaryError.clear();
    const Result<std::shared_ptr<const BoundarySet>> boundaries = roundBoundaries(round);
    if (!boundaries) {
        m_boundaryError = boundaries.errorMessage();
        m_map->setBoundaries(nullptr);
    } else {
        m_map->setBoundaries(boundaries->get());
    }
    const bool has = m_map->hasBoundaries();
    m_boundariesButton->setEnabled(has);
    m_boundariesButton->setToolTip(
        has ? tr("The authorities' boundaries from %1").arg(round.boundaries.fileName)
            : tr("Import boundaries (Import/export) to draw the authorities' real shapes"));
    if (!has) {
        const QSignalBlocker blocker(m_tilesButton);
        m_tilesButton->setChecked(true);
    }
    m_map->setMode(m_boundariesButton->isChecked() ? MapView::Mode::Boundaries
                                                   : MapView::Mode::Tiles);
}

void CpaEditor::refreshCheck()
{
    m_check.reset();
    m_checkError.clear();
    m_options = {};
    const CpaPlan *plan = currentPlan();
    if (!plan)
        return;
    const Round &round = m_document->round();
    // The same steps as checkRoundPlan(), keeping the options for the tooltips' values.
    const Result<PlanCheckOptions> options = checkOptionsFor(round, *plan);
    if (!options) {
        m_checkError = options.errorMessage();
        return;
    }
    const Result<Adjacency> adjacency = roundAdjacency(round);
    if (!adjacency) {
        m_checkError = adjacency.errorMessage();
        return;
    }
    m_options = *options;
    m_check = checkPlan(round, *plan, *adjacency, m_options);
}

void CpaEditor::refreshLegend()
{
    const CpaPlan *plan = currentPlan();
    if (!plan || !m_check) {
        m_legendModel->clear();
        return;
    }
    QHash<QString, QString> names;
    for (const Authority &authority : m_document->round().authorities)
        names.insert(authority.gssCode, authority.name);
    m_legendModel->setPlan(*plan, *m_check, names);
    if (m_brush.isValid() && m_legendModel->rowOf(m_brush) < 0)
        m_brush = plan->cpas.isEmpty() ? CpaId() : plan->cpas.first().id;
    selectBrushRow();
}

void CpaEditor::selectBrushRow()
{
    const int row = m_legendModel->rowOf(m_brush);
    if (row < 0)
        return;
    const QModelIndex index = m_legendModel->index(row, CpaLegendModel::NameColumn);
    if (m_legend->currentIndex().row() == row && m_legend->selectionModel()->isRowSelected(row))
        return;
    const bool wasRefreshing = std::exchange(m_refreshing, true);
    m_legend->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                           QItemSelectionModel::Rows);
    m_refreshing = wasRefreshing;
}

void CpaEditor::refreshMap()
{
    const CpaPlan *plan = currentPlan();
    QHash<QString, QColor> fill;
    if (plan) {
        for (const Cpa &cpa : plan->cpas) {
            for (const QString &code : cpa.members) {
                // A code listed twice counts in its first CPA, as the check does.
                if (!fill.contains(code))
                    fill.insert(code, QColor(cpa.colour));
            }
        }
    }
    m_map->setFill(fill);

    QStringList highlighted;
    const QList<QListWidgetItem *> selected = m_problemsList->selectedItems();
    if (!selected.isEmpty()) {
        highlighted = selected.first()->data(ProblemCodesRole).toStringList();
    } else if (m_check) {
        QSet<QString> seen;
        for (const PlanProblem &problem : m_check->problems) {
            if (!problem.breaksRule())
                continue;
            for (const QString &code : problem.codes) {
                if (!seen.contains(code)) {
                    seen.insert(code);
                    highlighted.append(code);
                }
            }
        }
    }
    m_map->setHighlighted(highlighted);

    const Cpa *brush = brushCpa();
    m_map->setBrushColour(brush ? QColor(brush->colour) : QColor());
    m_map->setPaintingEnabled(plan && whyNotEditable().isEmpty());
    updateMapInfo(m_map->currentCode());
}

void CpaEditor::refreshSettings()
{
    const bool wasRefreshing = std::exchange(m_refreshing, true);
    const CpaPlan *plan = currentPlan();
    {
        const QSignalBlocker blocker(m_indicatorCombo);
        m_indicatorCombo->clear();
        m_indicatorCombo->addItem(tr("None"), QString());
        if (m_document) {
            const Indicators indicators(m_document->round());
            for (const IndicatorInfo &info : indicators.all()) {
                if (info.kind == IndicatorInfo::Kind::Measure)
                    m_indicatorCombo->addItem(info.name, info.id);
            }
        }
        m_hasMeasure = m_indicatorCombo->count() > 1;
        int index = plan ? m_indicatorCombo->findData(plan->balanceIndicator) : 0;
        if (index < 0 && plan) {
            // A stored indicator the round no longer offers as a measure: show it, so that the
            // settings say what the plan holds (the check explains the problem).
            m_indicatorCombo->addItem(plan->balanceIndicator, plan->balanceIndicator);
            index = m_indicatorCombo->count() - 1;
        }
        m_indicatorCombo->setCurrentIndex(std::max(index, 0));
    }
    {
        const QSignalBlocker blocker(m_ruleCombo);
        m_ruleCombo->setCurrentIndex(
            m_ruleCombo->findData(int(plan ? plan->rule : AdjacencyRule::LegalBoundary)));
    }
    {
        const QSignalBlocker blocker(m_minimumSpin);
        m_minimumSpin->setValue(plan && plan->minimumSize ? *plan->minimumSize : 0.0);
    }

    QString text;
    if (m_document && plan) {
        const Round &round = m_document->round();
        text = tr("Contiguity is checked %1, with %2.")
                   .arg(adjacencyRulePhrase(plan->rule), adjacencySourcePhrase(round));
        if (m_check && m_check->hasValues)
            text += QLatin1Char(' ') + tr("Balance on %1.").arg(m_check->indicatorName);
        else if (plan->balanceIndicator.isEmpty())
            text += QLatin1Char(' ') + tr("No balance indicator: choose one to see totals.");
    }
    m_ruleLabel->setText(text);
    m_refreshing = wasRefreshing;
}

void CpaEditor::refreshProblems()
{
    const QString selectedText = m_problemsList->selectedItems().isEmpty()
                                     ? QString()
                                     : m_problemsList->selectedItems().first()->text();
    const QSignalBlocker blocker(m_problemsList);
    m_problemsList->clear();
    m_balanceLabel->clear();
    m_balanceLabel->hide();
    if (!currentPlan()) {
        m_problemsStatus->setText(m_document ? tr("The round has no CPA plan yet.") : QString());
        return;
    }
    if (!m_check) {
        m_problemsStatus->setText(tr("The plan cannot be checked: %1").arg(m_checkError));
        return;
    }
    int rules = 0;
    int notes = 0;
    const QIcon ruleIcon = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    const QIcon noteIcon = style()->standardIcon(QStyle::SP_MessageBoxInformation);
    for (const PlanProblem &problem : m_check->problems) {
        const bool breaks = problem.breaksRule();
        breaks ? ++rules : ++notes;
        auto *item = new QListWidgetItem(breaks ? tr("Breaks a rule: %1").arg(problem.text)
                                                : tr("Note: %1").arg(problem.text),
                                         m_problemsList);
        item->setIcon(breaks ? ruleIcon : noteIcon);
        item->setData(ProblemCodesRole, problem.codes);
        item->setData(ProblemBreaksRuleRole, breaks);
        item->setToolTip(problem.text);
        if (item->text() == selectedText)
            item->setSelected(true);
    }
    // The plan's balance as a whole; each CPA's figures are in the legend.
    QStringList balance;
    const QLocale locale = UiUtil::numberLocale();
    if (m_check->largestDeviationPercent)
        balance.append(tr("largest deviation from the mean %1%")
                           .arg(locale.toString(*m_check->largestDeviationPercent, 'f', 1)));
    if (m_check->maxMinRatio)
        balance.append(tr("largest CPA %1 times the smallest")
                           .arg(locale.toString(*m_check->maxMinRatio, 'f', 2)));
    m_balanceLabel->setText(balance.isEmpty() ? QString()
                                              : tr("Balance: %1.").arg(balance.join(tr("; "))));
    m_balanceLabel->setVisible(!balance.isEmpty());

    QString status;
    if (rules == 0)
        status = tr("This plan keeps every rule.");
    else if (rules == 1)
        status = tr("1 problem: this plan breaks a rule.");
    else
        status = tr("%1 problems: this plan breaks the rules.").arg(rules);
    if (notes == 1)
        status += QLatin1Char(' ') + tr("1 note.");
    else if (notes > 1)
        status += QLatin1Char(' ') + tr("%1 notes.").arg(notes);
    m_problemsStatus->setText(status);
    QPalette palette = m_problemsStatus->palette();
    palette.setColor(QPalette::WindowText,
                     rules == 0 ? QColor(0x1e, 0x6b, 0x30) : QColor(0xa4, 0x10, 0x10));
    m_problemsStatus->setPalette(palette);
}

void CpaEditor::refreshActions()
{
    const CpaPlan *plan = currentPlan();
    const QString readOnly = m_document ? m_document->whyNotEditable() : tr("No round is open.");
    const bool roundEditable = readOnly.isEmpty();
    const QString why = whyNotEditable();
    const bool editable = plan && why.isEmpty();

    const auto enable = [](QWidget *widget, bool on, const QString &reason,
                           const QString &normalTip = QString()) {
        UiUtil::setAvailable(widget, on, normalTip, reason);
    };
    m_planCombo->setEnabled(m_planCombo->count() > 0);
    enable(m_newPlanButton, roundEditable, readOnly, tr("Add an empty CPA plan"));
    enable(m_duplicateButton, roundEditable && plan, readOnly,
           tr("Copy the plan shown into a new plan"));
    enable(m_renamePlanButton, roundEditable && plan, readOnly, tr("Rename the plan shown"));
    const QString noDelete = !roundEditable ? readOnly
                             : plan && plan->adopted
                                 ? tr("The adopted plan cannot be deleted: adopt another plan "
                                      "first.")
                                 : QString();
    enable(m_deletePlanButton, plan && noDelete.isEmpty(), noDelete,
           tr("Delete the plan shown. Undo with %1.").arg(undoHint()));
    const QString noAdopt = !roundEditable ? readOnly
                            : plan && plan->adopted
                                ? tr("\"%1\" is the adopted plan already.").arg(plan->name)
                                : QString();
    enable(m_adoptButton, plan && noAdopt.isEmpty(), noAdopt,
           tr("Make the plan shown the one every stage uses"));
    const bool twoPlans = m_document && m_document->round().plans.size() > 1;
    enable(m_compareButton, plan && twoPlans, tr("The round has only one CPA plan."),
           tr("Compare the plan shown with another: who moved, and the figures side by side"));
    enable(m_suggestButton, m_hasMeasure,
           tr("Import labour-market figures first: suggestions balance on a measure."),
           tr("Let the program propose balanced, contiguous plans"));
    m_filesButton->setEnabled(m_document != nullptr);
    m_importAssignmentAction->setEnabled(roundEditable);
    m_exportAssignmentAction->setEnabled(plan != nullptr);
    m_importBoundariesAction->setEnabled(roundEditable);
    m_importBoundariesWithPropertyAction->setEnabled(roundEditable);
    m_removeBoundariesAction->setEnabled(roundEditable && m_document &&
                                         !m_document->round().boundaries.isEmpty());

    const bool onCpa = brushCpa() != nullptr;
    const QString pickCpa = tr("Select a CPA in the legend first.");
    enable(m_addCpaButton, editable, why, tr("Add an empty CPA to the plan"));
    enable(m_renameCpaButton, editable && onCpa, editable ? pickCpa : why,
           tr("Rename the CPA selected in the legend"));
    enable(m_colourButton, editable && onCpa, editable ? pickCpa : why,
           tr("Change the colour of the CPA selected in the legend"));
    enable(m_removeCpaButton, editable && onCpa, editable ? pickCpa : why,
           tr("Delete the CPA selected in the legend; its authorities go into no CPA. Undo "
              "with %1.")
               .arg(undoHint()));
    enable(m_ruleCombo, editable, why,
           tr("Legal boundaries meet mid-river, so some neighbours touch only across the "
              "Thames; land contact only does not count those."));
    enable(m_indicatorCombo, editable, why,
           tr("The measure the CPAs are balanced on; rates and ratios cannot be added up over "
              "a CPA, so they are not offered."));
    const bool hasIndicator = plan && !plan->balanceIndicator.isEmpty();
    enable(m_minimumSpin, editable && hasIndicator,
           editable ? tr("Choose a balance indicator first: the minimum size is a total of it.")
                    : why,
           tr("A CPA whose total of the balance indicator is below this is too small for "
              "providers"));

    m_frozenNotice->setVisible(plan && !why.isEmpty());
    if (plan && !why.isEmpty())
        m_frozenNotice->setText(
            tr("%1 Painting, CPA edits and settings are off for this plan.").arg(why));

    if (!m_document) {
        m_planStatus->clear();
    } else if (!plan) {
        m_planStatus->setText(tr("The round has no CPA plan yet: start one with New plan, "
                                 "Suggest or Import/export."));
    } else if (plan->adopted) {
        m_planStatus->setText(tr("This is the adopted plan: every stage uses it."));
    } else if (const CpaPlan *adopted = m_document->round().adoptedPlan()) {
        m_planStatus->setText(
            tr("A draft: the adopted plan is \"%1\". Adopt this one to make every stage use it.")
                .arg(adopted->name));
    } else {
        m_planStatus->setText(tr("A draft: no plan is adopted yet."));
    }
}

void CpaEditor::updateMapInfo(const QString &code)
{
    if (!code.isEmpty() && currentPlan()) {
        m_mapInfo->setText(describeAuthority(code).join(tr(" · ")));
        return;
    }
    if (!m_boundaryError.isEmpty()) {
        m_mapInfo->setText(tr("The imported boundaries cannot be drawn: %1").arg(m_boundaryError));
        return;
    }
    if (!currentPlan()) {
        m_mapInfo->clear();
        return;
    }
    const QString why = whyNotEditable();
    m_mapInfo->setText(
        why.isEmpty()
            ? tr("Drag across authorities to paint them into the CPA selected in the "
                 "legend. Keys: arrows move, Enter paints, 1 to 9 paint into that CPA.")
            : (m_frozenNotice->isVisibleTo(this) ? tr("Painting is off: see the notice above.")
                                                 : tr("Painting is off: %1").arg(why)));
}

QStringList CpaEditor::describeAuthority(const QString &code) const
{
    QStringList lines;
    if (!m_document)
        return lines;
    const Round &round = m_document->round();
    const Authority *authority = round.authority(code);
    lines.append(authority ? tr("%1 (%2)").arg(authority->name, code) : code);
    if (const CpaPlan *plan = currentPlan()) {
        QString cpaName;
        for (const Cpa &cpa : plan->cpas) {
            if (cpaName.isEmpty() && cpa.members.contains(code))
                cpaName = cpa.name;
        }
        lines.append(cpaName.isEmpty() ? tr("In no CPA") : tr("CPA: %1").arg(cpaName));
    }
    if (!m_options.values.isEmpty() || !m_options.indicatorName.isEmpty()) {
        const auto value = m_options.values.constFind(code);
        lines.append(
            value == m_options.values.cend()
                ? tr("%1: no figure").arg(m_options.indicatorName)
                : tr("%1: %2").arg(m_options.indicatorName, CpaLegendModel::formatValue(*value)));
    } else {
        lines.append(tr("No balance indicator chosen"));
    }
    return lines;
}

// --- Reacting to the user --------------------------------------------------------------------

void CpaEditor::onLegendRowChanged(int row)
{
    if (m_refreshing || row < 0)
        return;
    m_brush = m_legendModel->cpaAt(row);
    refreshMap();
    refreshActions();
}

void CpaEditor::onStrokeFinished(const QStringList &codes)
{
    const CpaPlan *plan = currentPlan();
    if (!plan || codes.isEmpty() || !whyNotEditable().isEmpty())
        return;
    const Cpa *target = brushCpa();
    const CpaId cpa = target ? target->id : CpaId();
    const PlanId id = m_plan;
    m_edits->run(tr("The authorities were not painted"),
                 [&] { return Commands::assignAuthorities(m_document, id, codes, cpa); });
}

void CpaEditor::onNumberPressed(int n, const QString &code)
{
    const CpaPlan *plan = currentPlan();
    if (!plan || code.isEmpty() || !whyNotEditable().isEmpty())
        return;
    if (n < 1 || n > plan->cpas.size()) {
        emit statusMessage(
            plan->cpas.size() == 1
                ? tr("This plan has 1 CPA: press 1 to paint into it.")
                : tr("This plan has %1 CPAs: press 1 to %1.").arg(plan->cpas.size()));
        return;
    }
    const CpaId target = plan->cpas.at(n - 1).id;
    const PlanId id = m_plan;
    m_edits->run(tr("The authority was not painted"),
                 [&] { return Commands::assignAuthorities(m_document, id, {code}, target); });
}

void CpaEditor::onProblemSelected()
{
    refreshMap();
}

void CpaEditor::onModeToggled()
{
    m_map->setMode(m_boundariesButton->isChecked() ? MapView::Mode::Boundaries
                                                   : MapView::Mode::Tiles);
}

void CpaEditor::applySettings()
{
    if (m_refreshing || !currentPlan())
        return;
    const auto rule = AdjacencyRule(m_ruleCombo->currentData().toInt());
    const QString indicator = m_indicatorCombo->currentData().toString();
    const double minimum = m_minimumSpin->value();
    const std::optional<double> minimumSize =
        minimum > 0 ? std::optional<double>(minimum) : std::nullopt;
    const PlanId id = m_plan;
    m_edits->run(tr("The plan's settings were not changed"), [&] {
        return Commands::setPlanSettings(m_document, id, rule, indicator, minimumSize);
    });
    // On success the document's signal refreshed them; on failure this puts them back.
    refreshSettings();
    refreshActions();
}

// --- Plans -----------------------------------------------------------------------------------

QString CpaEditor::uniquePlanName(const QString &base) const
{
    const auto taken = [this](const QString &name) {
        for (const CpaPlan &plan : m_document->round().plans) {
            if (plan.name.compare(name, Qt::CaseInsensitive) == 0)
                return true;
        }
        return false;
    };
    QString name = base;
    for (int n = 2; taken(name); ++n)
        name = tr("%1 (%2)").arg(base).arg(n);
    return name;
}

void CpaEditor::newPlan()
{
    if (!m_document)
        return;
    const std::optional<QString> name = m_dialogs->askText(
        this, tr("New CPA plan"), tr("Name of the new plan:"), uniquePlanName(tr("New plan")));
    if (!name || !m_document)
        return;
    PlanId added;
    m_edits->run(tr("The plan was not added"), [&]() -> Status {
        const Result<PlanId> id = Commands::addPlan(m_document, *name);
        if (id)
            added = *id;
        return statusOf(id);
    });
    if (added.isValid())
        setPlan(added);
}

void CpaEditor::duplicatePlan()
{
    const CpaPlan *plan = currentPlan();
    if (!plan)
        return;
    const PlanId source = plan->id;
    const std::optional<QString> name = m_dialogs->askText(
        this, tr("Duplicate CPA plan"), tr("Name of the copy of \"%1\":").arg(plan->name),
        uniquePlanName(tr("Copy of %1").arg(plan->name)));
    if (!name || !m_document)
        return;
    PlanId added;
    m_edits->run(tr("The plan was not duplicated"), [&]() -> Status {
        const Result<PlanId> id = Commands::duplicatePlan(m_document, source, *name);
        if (id)
            added = *id;
        return statusOf(id);
    });
    if (added.isValid())
        setPlan(added);
}

void CpaEditor::renamePlan()
{
    const CpaPlan *plan = currentPlan();
    if (!plan)
        return;
    const PlanId id = plan->id;
    const std::optional<QString> name = m_dialogs->askText(
        this, tr("Rename CPA plan"), tr("New name of \"%1\":").arg(plan->name), plan->name);
    if (!name || !m_document)
        return;
    m_edits->run(tr("The plan was not renamed"),
                 [&] { return Commands::renamePlan(m_document, id, *name); });
}

void CpaEditor::deletePlan()
{
    const CpaPlan *plan = currentPlan();
    if (!plan)
        return;
    const QString name = plan->name;
    const PlanId id = plan->id;
    if (m_edits->run(tr("The plan was not deleted"),
                     [&] { return Commands::removePlan(m_document, id); }))
        emit statusMessage(tr("Deleted the plan \"%1\". Undo with %2.").arg(name, undoHint()));
}

void CpaEditor::adoptPlan()
{
    const CpaPlan *plan = currentPlan();
    if (!plan || !m_document)
        return;
    const Round &round = m_document->round();
    if (const QString why = m_document->whyNotEditable(); !why.isEmpty()) {
        m_dialogs->showInformation(this, tr("The plan cannot be adopted"), why);
        return;
    }
    if (plan->adopted) {
        m_dialogs->showInformation(this, tr("The plan is adopted already"),
                                   tr("\"%1\" is the adopted plan already.").arg(plan->name));
        return;
    }
    const PlanId id = plan->id;
    const QString name = plan->name;
    QString reason;
    if (round.stage(StageId::Priorities).status == StageStatus::SignedOff) {
        const std::optional<QString> answer = m_dialogs->askText(
            this, tr("Reason for changing the adopted plan"),
            tr("Stage 2 is signed off, so adopting \"%1\" needs a reason, which is recorded in "
               "the audit log:")
                .arg(name));
        if (!answer)
            return;
        reason = *answer;
    } else {
        QString text = tr("Adopt \"%1\"? Every stage uses the adopted plan.").arg(name);
        if (const CpaPlan *current = round.adoptedPlan())
            text += QLatin1Char(' ') + tr("\"%1\" will no longer be adopted.").arg(current->name);
        if (m_check && !m_check->ok())
            text += QLatin1Char(' ') + tr("Note that this plan does not keep every rule (see "
                                          "Problems).");
        if (!m_dialogs->confirm(this, tr("Adopt CPA plan"), text, tr("Adopt")))
            return;
    }
    if (!m_document)
        return;
    if (m_edits->run(tr("The plan was not adopted"),
                     [&] { return Commands::adoptPlan(m_document, id, reason); }))
        emit statusMessage(tr("Adopted \"%1\". Undo with %2.").arg(name, undoHint()));
}

// --- CPAs ------------------------------------------------------------------------------------

void CpaEditor::addCpa()
{
    const CpaPlan *plan = currentPlan();
    if (!plan)
        return;
    const PlanId id = plan->id;
    QString suggestion;
    for (qsizetype n = plan->cpas.size() + 1; suggestion.isEmpty(); ++n) {
        const QString candidate = tr("CPA %1").arg(n);
        if (std::none_of(plan->cpas.cbegin(), plan->cpas.cend(), [&](const Cpa &cpa) {
                return cpa.name.compare(candidate, Qt::CaseInsensitive) == 0;
            }))
            suggestion = candidate;
    }
    const std::optional<QString> name = m_dialogs->askText(
        this, tr("Add CPA"), tr("Name of the new CPA in \"%1\":").arg(plan->name), suggestion);
    if (!name || !m_document)
        return;
    CpaId added;
    m_edits->run(tr("The CPA was not added"), [&]() -> Status {
        const Result<CpaId> cpa = Commands::addCpa(m_document, id, *name);
        if (cpa)
            added = *cpa;
        return statusOf(cpa);
    });
    if (added.isValid())
        setBrush(added);
}

void CpaEditor::renameCpa()
{
    const Cpa *cpa = brushCpa();
    if (!cpa)
        return;
    const CpaId id = cpa->id;
    const std::optional<QString> name = m_dialogs->askText(
        this, tr("Rename CPA"), tr("New name of \"%1\":").arg(cpa->name), cpa->name);
    if (!name || !m_document)
        return;
    m_edits->run(tr("The CPA was not renamed"),
                 [&] { return Commands::renameCpa(m_document, id, *name); });
}

void CpaEditor::recolourCpa()
{
    const Cpa *cpa = brushCpa();
    if (!cpa)
        return;
    const CpaId id = cpa->id;
    const std::optional<QColor> colour =
        m_dialogs->askColour(this, tr("Colour of %1").arg(cpa->name), QColor(cpa->colour));
    if (!colour || !m_document)
        return;
    m_edits->run(tr("The CPA's colour was not changed"), [&] {
        return Commands::recolourCpa(m_document, id, colour->name(QColor::HexRgb));
    });
}

void CpaEditor::removeCpa()
{
    const Cpa *cpa = brushCpa();
    if (!cpa)
        return;
    const CpaId id = cpa->id;
    const QString name = cpa->name;
    if (m_edits->run(tr("The CPA was not deleted"),
                     [&] { return Commands::removeCpa(m_document, id); }))
        emit statusMessage(tr("Deleted the CPA \"%1\": its authorities are in no CPA now. Undo "
                              "with %2.")
                               .arg(name, undoHint()));
}

// --- Files -----------------------------------------------------------------------------------

QString CpaEditor::startDirectory() const
{
    const QString last = Settings::value(Settings::LastDirectory).toString();
    if (!last.isEmpty() && QFileInfo(last).isDir())
        return last;
    return QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
}

void CpaEditor::rememberDirectory(const QString &path)
{
    Settings::setValue(Settings::LastDirectory, QFileInfo(path).absolutePath());
}

void CpaEditor::importAssignment()
{
    if (!m_document)
        return;
    const QString path = m_dialogs->openFileName(this, tr("Import CPA assignment"),
                                                 startDirectory(), tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    rememberDirectory(path);
    const CpaPlan *plan = currentPlan();
    const std::optional<QString> planName = m_dialogs->askText(
        this, tr("Import CPA assignment"),
        tr("Plan to read %1 into. The CPAs of a plan with this name are replaced; a new name "
           "makes a new plan:")
            .arg(QFileInfo(path).fileName()),
        plan ? plan->name : uniquePlanName(QFileInfo(path).completeBaseName()));
    if (!planName || !m_document)
        return;
    const Result<AssignmentImportSummary> summary =
        Commands::importAssignment(m_document, *planName, path);
    if (!summary) {
        m_dialogs->showError(this, tr("The assignment was not imported"), summary.errorMessage());
        return;
    }
    setPlan(summary->plan);
    QStringList lines;
    lines.append(summary->newPlan ? tr("%1 authorities of %2 are now the new plan \"%3\".")
                                        .arg(summary->authorities)
                                        .arg(QFileInfo(path).fileName(), summary->planName)
                                  : tr("%1 authorities of %2 are now the plan \"%3\".")
                                        .arg(summary->authorities)
                                        .arg(QFileInfo(path).fileName(), summary->planName));
    lines.append(tr("CPAs: %1.").arg(summary->cpas.join(tr(", "))));
    if (!summary->keptCpas.isEmpty())
        lines.append(tr("Kept with their colours and stage 2 records: %1.")
                         .arg(summary->keptCpas.join(tr(", "))));
    if (!summary->removedCpas.isEmpty())
        lines.append(tr("Removed, as the file does not name them: %1.")
                         .arg(summary->removedCpas.join(tr(", "))));
    if (!summary->newPlan) {
        QStringList moved;
        for (const QString &code : summary->moved) {
            const Authority *authority = m_document->round().authority(code);
            moved.append(authority ? authority->name : code);
        }
        lines.append(moved.isEmpty()
                         ? tr("No authority changed CPA.")
                         : tr("Authorities that changed CPA: %1.").arg(nameList(moved)));
    }
    lines.append(tr("Undo with %1.").arg(undoHint()));
    m_dialogs->showInformation(this, tr("Assignment imported"), lines.join(QLatin1Char('\n')));
}

void CpaEditor::exportAssignment()
{
    const CpaPlan *plan = currentPlan();
    if (!plan)
        return;
    QString path = m_dialogs->saveFileName(this, tr("Export CPA assignment"),
                                           startDirectory() + QLatin1Char('/') + plan->name +
                                               QStringLiteral(".csv"),
                                           tr("CSV files (*.csv)"));
    if (path.isEmpty() || !m_document)
        return;
    if (!path.endsWith(QStringLiteral(".csv"), Qt::CaseInsensitive))
        path += QStringLiteral(".csv");
    rememberDirectory(path);
    plan = currentPlan();
    if (!plan)
        return;
    QSaveFile file(path);
    const QString fileName = QDir::toNativeSeparators(path);
    if (!file.open(QIODevice::WriteOnly)) {
        m_dialogs->showError(this, tr("The assignment was not exported"),
                             tr("Cannot write %1: %2").arg(fileName, file.errorString()));
        return;
    }
    const Status written = AssignmentCsv::write(&file, *plan, m_document->round().authorities);
    if (!written) {
        file.cancelWriting();
        m_dialogs->showError(this, tr("The assignment was not exported"),
                             tr("%1: %2").arg(fileName, written.errorMessage()));
        return;
    }
    if (!file.commit()) {
        m_dialogs->showError(this, tr("The assignment was not exported"),
                             tr("Cannot write %1: %2").arg(fileName, file.errorString()));
        return;
    }
    QString message = tr("Exported \"%1\" to %2.").arg(plan->name, fileName);
    if (m_check && !m_check->unassigned.isEmpty())
        message +=
            QLatin1Char(' ') +
            tr("%1 authorities in no CPA are not in the file.").arg(m_check->unassigned.size());
    emit statusMessage(message);
}

void CpaEditor::importBoundaries(bool chooseCodeProperty)
{
    if (!m_document)
        return;
    const QString path =
        m_dialogs->openFileName(this, tr("Import boundaries"), startDirectory(),
                                tr("GeoJSON files (*.geojson *.json);;All files (*)"));
    if (path.isEmpty())
        return;
    rememberDirectory(path);
    QString property;
    if (chooseCodeProperty) {
        const std::optional<QString> answer = m_dialogs->askText(
            this, tr("Import boundaries"),
            tr("The feature property that holds the GSS codes (for example LAD23CD):"));
        if (!answer || !m_document)
            return;
        property = answer->trimmed();
    }
    const Result<BoundaryImportSummary> summary = [&] {
        // GEOS works out every shared edge: a second or two for a large file.
        QApplication::setOverrideCursor(Qt::WaitCursor);
        Result<BoundaryImportSummary> result =
            Commands::importBoundaries(m_document, path, property);
        QApplication::restoreOverrideCursor();
        return result;
    }();
    if (!summary) {
        m_dialogs->showError(this, tr("The boundaries were not imported"), summary.errorMessage());
        return;
    }
    if (m_boundariesButton->isEnabled())
        m_boundariesButton->setChecked(true);
    QStringList lines;
    lines.append(tr("%1 areas from %2, with the codes in the property \"%3\".")
                     .arg(summary->areas)
                     .arg(summary->fileName, summary->codeProperty));
    if (!summary->missingCodes.isEmpty()) {
        QStringList names;
        for (const QString &code : summary->missingCodes) {
            const Authority *authority = m_document->round().authority(code);
            names.append(authority ? tr("%1 (%2)").arg(authority->name, code) : code);
        }
        lines.append(tr("Authorities without an area: %1.").arg(nameList(names)));
    }
    lines.append(summary->notes);
    lines.append(
        tr("Contiguity is now checked with %1.").arg(adjacencySourcePhrase(m_document->round())));
    lines.append(tr("Undo with %1.").arg(undoHint()));
    m_dialogs->showInformation(this, tr("Boundaries imported"), lines.join(QLatin1Char('\n')));
}

void CpaEditor::removeBoundaries()
{
    if (!m_document || m_document->round().boundaries.isEmpty())
        return;
    if (m_edits->run(tr("The boundaries were not removed"),
                     [&] { return Commands::removeBoundaries(m_document); }))
        emit statusMessage(tr("Removed the boundaries: the map shows tiles and contiguity uses "
                              "the built-in London boundaries. Undo with %1.")
                               .arg(undoHint()));
}

// --- Dialogs ---------------------------------------------------------------------------------

CompareDialog *CpaEditor::compare()
{
    if (!currentPlan())
        return nullptr;
    if (m_compareDialog && m_compareDialog->firstPlan() != m_plan) {
        m_compareDialog->close();
        m_compareDialog->deleteLater();
        m_compareDialog = nullptr;
    }
    if (!m_compareDialog) {
        m_compareDialog = new CompareDialog(m_document, m_plan, this);
        m_compareDialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_compareDialog->show();
    m_compareDialog->raise();
    m_compareDialog->activateWindow();
    return m_compareDialog;
}

SuggestDialog *CpaEditor::suggest()
{
    if (!m_document)
        return nullptr;
    delete m_suggestDialog;
    m_suggestDialog = new SuggestDialog(m_document, m_edits, m_plan, this);
    m_suggestDialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_suggestDialog, &SuggestDialog::planAdded, this, [this](PlanId plan) {
        setPlan(plan);
        emit statusMessage(tr("Added the suggestion as a new plan. Undo with %1.").arg(undoHint()));
    });
    m_suggestDialog->open();
    return m_suggestDialog;
}

} // namespace CoCommission
