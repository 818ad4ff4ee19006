#include "ui/design/paymentview.h"

#include "core/design/designcheck.h"
#include "core/design/financialmodel.h"
#include "core/needs/indicators.h"
#include "core/round/round.h"
#include "ui/design/tariffmodel.h"
#include "ui/dialogservice.h"
#include "ui/pagewidgets.h"
#include "ui/uiutil.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QSignalBlocker>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace CoCommission {

namespace {

QString measureName(const Indicators &indicators, const QString &measure)
{
    if (measure.isEmpty())
        return QCoreApplication::translate("CoCommission::PaymentView", "None: stated only");
    const IndicatorInfo *info = indicators.find(measure);
    return info ? info->name : measure;
}

} // namespace

QList<PaymentView::Setting> PaymentView::settings()
{
    using namespace DesignLimits;
    using S = PaymentScenario;
    return {
        {QStringLiteral("contractYears"),
         tr("Contract:"),
         1,
         kMaxContractYears,
         0,
         {},
         tr(" years"),
         1,
         0,
         [](const S &s) { return double(s.contractYears); },
         [](S &s, double v) { s.contractYears = int(v); },
         tr("Change the contract length"),
         tr("How many years the contract takes referrals.")},
        {QStringLiteral("monthsToJob"),
         tr("Months from start to &job:"),
         0,
         kMaxMonthsToJob,
         0,
         {},
         tr(" months"),
         1,
         0,
         [](const S &s) { return double(s.monthsToJob); },
         [](S &s, double v) { s.monthsToJob = int(v); },
         tr("Change the months to a job"),
         tr("The average months from a participant's start to a job outcome.")},
        {QStringLiteral("paymentLagMonths"),
         tr("Payment lag:"),
         0,
         kMaxPaymentLagMonths,
         0,
         {},
         tr(" months"),
         1,
         0,
         [](const S &s) { return double(s.paymentLagMonths); },
         [](S &s, double v) { s.paymentLagMonths = int(v); },
         tr("Change the payment lag"),
         tr("The months from an outcome, or a start, to its payment.")},
        {QStringLiteral("rateUncertaintyPoints"), tr("Outcome rate uncertainty:"), 0,
         kMaxRateUncertaintyPoints, 1, QStringLiteral("\u00b1"), tr(" points"), 1, 0,
         [](const S &s) { return s.rateUncertaintyPoints; },
         [](S &s, double v) { s.rateUncertaintyPoints = v; },
         tr("Change the outcome rate uncertainty"),
         tr("The standard deviation of the outcome rates, in percentage points, for the "
            "simulation.")},
        {QStringLiteral("volumeUncertaintyPercent"), tr("Referral volume uncertainty:"), 0,
         kMaxVolumeUncertaintyPercent, 1, QStringLiteral("\u00b1"), QStringLiteral("%"), 1, 0,
         [](const S &s) { return s.volumeUncertaintyPercent; },
         [](S &s, double v) { s.volumeUncertaintyPercent = v; },
         tr("Change the volume uncertainty"),
         tr("How much the referrals may vary, as a coefficient of variation, for the simulation.")},
        {QStringLiteral("seed"),
         tr("Random seed:"),
         0,
         4294967295.0,
         0,
         {},
         {},
         1,
         0,
         [](const S &s) { return double(s.seed); },
         [](S &s, double v) { s.seed = quint32(v); },
         tr("Change the random seed"),
         tr("The seed of the simulation's random draws: the same seed gives the same figures.")},
        {QStringLiteral("draws"),
         tr("Simulation draws:"),
         kMinDraws,
         kMaxDraws,
         0,
         {},
         {},
         1000,
         0,
         [](const S &s) { return double(s.draws); },
         [](S &s, double v) { s.draws = int(v); },
         tr("Change the number of draws"),
         tr("How many random draws the simulation makes: more is steadier but slower.")},
        {QStringLiteral("bonusPerExtraJob"),
         tr("&Bonus per job above the profile:"),
         0,
         kMaxMoneyPerPerson,
         0,
         QStringLiteral("\u00a3"),
         {},
         50,
         2,
         [](const S &s) { return s.bonusPerExtraJob; },
         [](S &s, double v) { s.bonusPerExtraJob = v; },
         tr("Change the bonus per extra job"),
         tr("What the scenario pays for each job outcome above the profile.")},
        {QStringLiteral("managingAgentBonusPercent"),
         tr("Managing agent's share of the bonus:"),
         0,
         100,
         1,
         {},
         QStringLiteral("%"),
         5,
         2,
         [](const S &s) { return s.managingAgentBonusPercent; },
         [](S &s, double v) { s.managingAgentBonusPercent = v; },
         tr("Change the managing agent's share of the bonus"),
         tr("The managing agent's share of the bonus; the boroughs get the rest.")},
        {QStringLiteral("benefitSavingPerSustainedJob"),
         tr("Benefit saving per sustained job (a year):"),
         0,
         kMaxMoneyPerPerson,
         0,
         QStringLiteral("\u00a3"),
         {},
         100,
         3,
         [](const S &s) { return s.benefitSavingPerSustainedJob; },
         [](S &s, double v) { s.benefitSavingPerSustainedJob = v; },
         tr("Change the benefit saving per sustained job"),
         tr("A year's benefit saving for each sustained job.")},
        {QStringLiteral("savingsReturnedPercent"),
         tr("Share of savings returned locally:"),
         0,
         100,
         1,
         {},
         QStringLiteral("%"),
         1,
         3,
         [](const S &s) { return s.savingsReturnedPercent; },
         [](S &s, double v) { s.savingsReturnedPercent = v; },
         tr("Change the share of savings returned"),
         tr("The share of the benefit savings from sustained jobs returned to the authorities.")},
        {QStringLiteral("liabilityPercent"),
         tr("Share of a shortfall borne locally:"),
         0,
         100,
         1,
         {},
         QStringLiteral("%"),
         5,
         3,
         [](const S &s) { return s.liabilityPercent; },
         [](S &s, double v) { s.liabilityPercent = v; },
         tr("Change the liability share"),
         tr("The share of the savings lost to a shortfall of sustained jobs that the authorities "
            "bear.")},
    };
}

PaymentView::PaymentView(EditRunner *edits, DialogService *dialogs, QWidget *parent)
    : DesignTab(edits, dialogs, parent)
{
    setObjectName(QStringLiteral("paymentView"));

    // Payment groups.
    auto *groupsHeading = UiUtil::headingLabel(tr("Payment groups"), 1.15, this);
    QLabel *groupsIntro = UiUtil::makeText(this, true);
    groupsIntro->setText(tr("People paid for at the same tariff. The referrals of a group in a "
                            "CPA are estimated from a stage 1 measure: the people it counts × "
                            "the eligible share × the take-up each year."));
    m_groups = makeRowTable(
        {tr("Payment group"), tr("Stage 1 measure"), tr("Eligible share"), tr("Take-up a year")},
        tr("Payment groups"),
        tr("The groups of people paid for at one tariff, with how their referrals are "
           "estimated."),
        QStringLiteral("paymentGroupsTable"), MeasureColumn, this);
    m_noGroupsLabel = UiUtil::makeText(this);
    m_noGroupsLabel->setObjectName(QStringLiteral("noGroupsLabel"));
    m_noGroupsLabel->setText(tr("No payment group yet: add the groups the scenarios pay for, "
                                "e.g. the ESA work-related activity group."));
    m_addGroup = makeEditButton(tr("&Add group…"), tr("Add a payment group"),
                                tr("Add a group of people the scenarios pay for."),
                                QStringLiteral("addGroupButton"), this);
    m_editGroup = makeEditButton(tr("&Edit…"), tr("Edit the payment group"),
                                 tr("Change the selected payment group and its estimate."),
                                 QStringLiteral("editGroupButton"), this);
    m_removeGroup = makeEditButton(tr("&Remove"), tr("Remove the payment group"),
                                   tr("Delete the selected payment group."),
                                   QStringLiteral("removeGroupButton"), this);

    // Scenarios.
    auto *scenariosHeading = UiUtil::headingLabel(tr("Payment scenarios"), 1.15, this);
    QLabel *scenariosIntro = UiUtil::makeText(this, true);
    scenariosIntro->setText(tr("Ways of paying for the programme, compared side by side on the "
                               "Financial model tab."));
    m_scenarioCombo = new PageComboBox(this);
    m_scenarioCombo->setObjectName(QStringLiteral("paymentScenarioCombo"));
    m_scenarioCombo->setAccessibleName(tr("Payment scenario"));
    m_scenarioCombo->setToolTip(tr("Choose the payment scenario whose settings and tariffs "
                                   "are shown."));
    m_scenarioCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_scenarioCombo->setMinimumContentsLength(16);
    auto *scenarioLabel = new QLabel(tr("Sce&nario:"), this);
    scenarioLabel->setBuddy(m_scenarioCombo);
    m_addScenario = makeEditButton(tr("Add scenari&o…"), tr("Add a payment scenario"),
                                   tr("Add a new way of paying for the programme."),
                                   QStringLiteral("addScenarioButton"), this);
    m_duplicateScenario = makeEditButton(tr("D&uplicate…"), tr("Duplicate the scenario"),
                                         tr("Copy the scenario shown, under a new name, to vary "
                                            "it."),
                                         QStringLiteral("duplicateScenarioButton"), this);
    m_renameScenario = makeEditButton(tr("Rena&me…"), tr("Rename the scenario"),
                                      tr("Give the scenario shown a new name."),
                                      QStringLiteral("renameScenarioButton"), this);
    m_removeScenario = makeEditButton(tr("Remo&ve"), tr("Remove the scenario"),
                                      tr("Delete the scenario shown, with its tariffs."),
                                      QStringLiteral("removeScenarioButton"), this);
    m_noScenarioLabel = UiUtil::makeText(this);
    m_noScenarioLabel->setObjectName(QStringLiteral("noScenarioLabel"));
    m_noScenarioLabel->setText(tr("The design has no payment scenario yet: add one to set its "
                                  "tariffs and see what it costs."));

    // The scenario picked: its settings and tariffs.
    m_scenarioBody = new QWidget(this);
    auto *settingsBox = new QGroupBox(tr("Settings of the scenario"), m_scenarioBody);
    auto *settingsGrid = new QGridLayout(settingsBox);
    settingsGrid->setHorizontalSpacing(12);
    m_model2Box = new QGroupBox(tr("Model 2: the bonus split"), m_scenarioBody);
    m_model2Box->setObjectName(QStringLiteral("model2Box"));
    auto *model2Form = new QFormLayout(m_model2Box);
    m_model3Box = new QGroupBox(tr("Model 3: savings and liability"), m_scenarioBody);
    m_model3Box->setObjectName(QStringLiteral("model3Box"));
    auto *model3Form = new QFormLayout(m_model3Box);
    int generalIndex = 0;
    for (const Setting &setting : settings()) {
        QWidget *owner = setting.model == 2   ? static_cast<QWidget *>(m_model2Box)
                         : setting.model == 3 ? static_cast<QWidget *>(m_model3Box)
                                              : static_cast<QWidget *>(settingsBox);
        auto *spin = new PageSpinBox(owner);
        spin->setObjectName(setting.key + QStringLiteral("Spin"));
        QString accessible = setting.label;
        accessible.remove(u'&');
        accessible.chop(1); // the colon
        spin->setAccessibleName(accessible);
        spin->setToolTip(setting.toolTip);
        spin->setLocale(UiUtil::numberLocale());
        spin->setGroupSeparatorShown(setting.key != QStringLiteral("seed"));
        spin->setRange(setting.min, setting.max);
        spin->setDecimals(setting.decimals);
        spin->setPrefix(setting.prefix);
        spin->setSuffix(setting.suffix);
        spin->setSingleStep(setting.step);
        spin->setAlignment(Qt::AlignRight);
        // A value is recorded when stepped or when typing is done, not at every keystroke.
        spin->setKeyboardTracking(false);
        spin->setMinimumWidth(
            spin->fontMetrics().horizontalAdvance(QStringLiteral("£0,000,000,000")));
        auto *label = new QLabel(setting.label, owner);
        label->setBuddy(spin);
        if (setting.model == 2) {
            model2Form->addRow(label, spin);
        } else if (setting.model == 3) {
            model3Form->addRow(label, spin);
        } else {
            const int row = generalIndex / 2;
            const int column = (generalIndex % 2) * 2;
            settingsGrid->addWidget(label, row, column);
            settingsGrid->addWidget(spin, row, column + 1);
            ++generalIndex;
        }
        m_settings.insert(setting.key, spin);
        const QString key = setting.key;
        connect(spin, &QDoubleSpinBox::valueChanged, this,
                [this, key](double value) { onSettingChanged(key, value); });
    }
    settingsGrid->setColumnStretch(4, 1);
    m_modelLabel = UiUtil::makeText(m_scenarioBody, true);
    m_modelLabel->setObjectName(QStringLiteral("paymentModelLabel"));
    auto *modelRow = new QHBoxLayout;
    modelRow->addWidget(m_model2Box);
    modelRow->addWidget(m_model3Box);
    modelRow->addStretch(1);

    auto *tariffsHeading = UiUtil::headingLabel(tr("Tariffs"), 1.05, m_scenarioBody);
    QLabel *tariffsIntro = UiUtil::makeText(m_scenarioBody, true);
    tariffsIntro->setText(tr("What the scenario pays for each payment group, and the outcomes "
                             "it assumes. Type in a cell or press Enter to change it; a CPA can "
                             "have its own tariff in place of the one for all CPAs."));
    m_tariffModel = new TariffModel(edits, this);
    m_tariffView = new TariffView(m_scenarioBody);
    m_tariffView->setObjectName(QStringLiteral("tariffTable"));
    m_tariffView->setAccessibleName(tr("Tariffs of the scenario"));
    // Its tool tip says why it cannot be edited, when frozen; this stays.
    m_tariffView->setAccessibleDescription(
        tr("What the scenario pays for each payment group and the outcomes it assumes; type in "
           "a cell or press Enter to change it."));
    m_tariffView->setModel(m_tariffModel);
    m_tariffView->setItemDelegate(new TariffDelegate(m_tariffView));
    m_tariffView->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_tariffView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tariffView->setEditTriggers(QAbstractItemView::DoubleClicked |
                                  QAbstractItemView::EditKeyPressed |
                                  QAbstractItemView::AnyKeyPressed);
    m_tariffView->setTabKeyNavigation(false);
    m_tariffView->setAlternatingRowColors(true);
    m_tariffView->setWordWrap(true); // long group names take two lines
    m_tariffView->verticalHeader()->hide();
    m_tariffView->verticalHeader()->setDefaultSectionSize(m_tariffView->fontMetrics().height() +
                                                          12);
    m_tariffView->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_tariffView->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_tariffView->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_tariffView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_tariffView->horizontalHeader()->setSectionResizeMode(TariffModel::GroupColumn,
                                                           QHeaderView::Stretch);
    m_tariffView->horizontalHeader()->setHighlightSections(false);
    m_tariffView->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    new RowFitter(m_tariffView, [this] { fitViewHeight(m_tariffView); });
    connect(m_tariffView, &TariffView::removeRequested, this, &PaymentView::removeTariff);
    m_addCpaTariff =
        makeEditButton(tr("Give a CPA its own &tariff…"), tr("Give a CPA its own tariff"),
                       tr("Set a tariff for one CPA in place of the one for all CPAs."),
                       QStringLiteral("addCpaTariffButton"), m_scenarioBody);
    m_removeTariff = makeEditButton(tr("Remove the tari&ff"), tr("Remove the tariff"),
                                    tr("Delete the tariff of the selected row."),
                                    QStringLiteral("removeTariffButton"), m_scenarioBody);
    m_feeShare = UiUtil::makeText(m_scenarioBody);
    m_feeShare->setObjectName(QStringLiteral("feeShareLabel"));

    auto *bodyLayout = new QVBoxLayout(m_scenarioBody);
    bodyLayout->setContentsMargins(0, 0, 0, 0);
    bodyLayout->setSpacing(8);
    bodyLayout->addWidget(settingsBox);
    bodyLayout->addWidget(m_modelLabel);
    bodyLayout->addLayout(modelRow);
    bodyLayout->addSpacing(6);
    bodyLayout->addWidget(tariffsHeading);
    bodyLayout->addWidget(tariffsIntro);
    bodyLayout->addWidget(m_tariffView);
    bodyLayout->addLayout(UiUtil::buttonRow({m_addCpaTariff, m_removeTariff}));
    bodyLayout->addWidget(m_feeShare);

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(8);
    layout->addWidget(groupsHeading);
    layout->addWidget(groupsIntro);
    layout->addWidget(m_noGroupsLabel);
    layout->addWidget(m_groups);
    layout->addLayout(UiUtil::buttonRow({m_addGroup, m_editGroup, m_removeGroup}));
    layout->addSpacing(12);
    layout->addWidget(scenariosHeading);
    layout->addWidget(scenariosIntro);
    layout->addLayout(UiUtil::buttonRow({scenarioLabel, m_scenarioCombo, m_addScenario,
                                         m_duplicateScenario, m_renameScenario, m_removeScenario}));
    layout->addWidget(m_noScenarioLabel);
    layout->addWidget(m_scenarioBody);
    layout->addStretch(1);

    connect(m_addGroup, &QPushButton::clicked, this, [this] { editGroup(-1); });
    connect(m_editGroup, &QPushButton::clicked, this, [this] { editGroup(selectedRow(m_groups)); });
    connect(m_removeGroup, &QPushButton::clicked, this,
            [this] { removeGroup(selectedRow(m_groups)); });
    auto *groupKeys = m_groups->findChild<RowKeys *>();
    connect(groupKeys, &RowKeys::editRequested, this, &PaymentView::editGroup);
    connect(groupKeys, &RowKeys::removeRequested, this, &PaymentView::removeGroup);
    connect(m_groups, &QTableWidget::itemSelectionChanged, this, &PaymentView::refreshButtons);
    connect(m_scenarioCombo, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (m_filling || index < 0)
            return;
        m_scenario = m_scenarioCombo->itemData(index).toString();
        m_scenarioIndex = index;
        refreshSettings();
        refreshTariffs();
        refreshButtons();
    });
    connect(m_addScenario, &QPushButton::clicked, this, &PaymentView::addScenario);
    connect(m_duplicateScenario, &QPushButton::clicked, this, &PaymentView::duplicateScenario);
    connect(m_renameScenario, &QPushButton::clicked, this, &PaymentView::renameScenario);
    connect(m_removeScenario, &QPushButton::clicked, this, &PaymentView::removeScenario);
    connect(m_addCpaTariff, &QPushButton::clicked, this, &PaymentView::addCpaTariff);
    connect(m_removeTariff, &QPushButton::clicked, this,
            [this] { removeTariff(m_tariffView->currentIndex().row()); });
    connect(m_tariffView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &PaymentView::refreshButtons);
    refresh();
}

PaymentView::~PaymentView() = default;

QTableView *PaymentView::tariffView() const
{
    return m_tariffView;
}

QDoubleSpinBox *PaymentView::settingSpin(const QString &key) const
{
    return m_settings.value(key);
}

const PaymentScenario *PaymentView::shownScenario() const
{
    return hasDocument() ? design().scenario(m_scenario) : nullptr;
}

bool PaymentView::setScenario(const QString &name)
{
    const int index = m_scenarioCombo->findData(name);
    if (index < 0)
        return false;
    m_scenarioCombo->setCurrentIndex(index);
    return true;
}

void PaymentView::refresh()
{
    if (m_tariffModel->document() != document())
        m_tariffModel->setDocument(document());
    refreshGroups();
    refreshScenarios();
    refreshSettings();
    refreshTariffs();
    refreshButtons();
}

void PaymentView::refreshGroups()
{
    const int selected = selectedRow(m_groups);
    const QList<PaymentGroup> groups =
        hasDocument() ? design().paymentGroups : QList<PaymentGroup>();
    const std::optional<Indicators> indicators =
        hasDocument() ? std::optional<Indicators>(std::in_place, round()) : std::nullopt;
    m_groups->setRowCount(int(groups.size()));
    for (int row = 0; row < groups.size(); ++row) {
        const PaymentGroup &g = groups[row];
        m_groups->setItem(row, GroupNameColumn, makeCell(g.name));
        m_groups->setItem(row, MeasureColumn, makeCell(measureName(*indicators, g.measure)));
        m_groups->setItem(row, EligibleShareColumn,
                          makeCell(DesignFormat::percent(g.eligibleSharePercent), true));
        m_groups->setItem(row, TakeUpColumn,
                          makeCell(DesignFormat::percent(g.takeUpPercent), true));
    }
    if (selected >= 0 && selected < m_groups->rowCount())
        m_groups->selectRow(selected);
    fitRows(m_groups);
    m_noGroupsLabel->setVisible(hasDocument() && groups.isEmpty());
    m_groups->setVisible(!groups.isEmpty());
}

void PaymentView::refreshScenarios()
{
    const QScopedValueRollback filling(m_filling, true);
    m_scenarioCombo->clear();
    const QList<PaymentScenario> scenarios =
        hasDocument() ? design().scenarios : QList<PaymentScenario>();
    for (const PaymentScenario &s : scenarios)
        m_scenarioCombo->addItem(s.name, s.name);
    int index = m_scenarioCombo->findData(m_scenario);
    if (index < 0 && !scenarios.isEmpty()) // renamed or removed: the one in its place
        index = std::clamp(m_scenarioIndex, 0, int(scenarios.size()) - 1);
    m_scenarioCombo->setCurrentIndex(index);
    m_scenario = index >= 0 ? scenarios[index].name : QString();
    m_scenarioIndex = index;
    m_noScenarioLabel->setVisible(hasDocument() && scenarios.isEmpty());
    m_scenarioCombo->setEnabled(!scenarios.isEmpty());
    m_scenarioBody->setVisible(index >= 0);
}

void PaymentView::refreshSettings()
{
    const PaymentScenario *scenario = shownScenario();
    for (const Setting &setting : settings()) {
        PageSpinBox *spin = m_settings.value(setting.key);
        const QSignalBlocker blocker(spin);
        spin->setValue(scenario ? setting.get(*scenario) : setting.min);
    }
    const DevolutionModel model = hasDocument() ? round().model : DevolutionModel::CoCommissioning;
    m_model2Box->setVisible(model == DevolutionModel::PartnershipDelivery);
    m_model3Box->setVisible(model == DevolutionModel::FullDevolution);
    switch (model) {
    case DevolutionModel::CoCommissioning:
        m_modelLabel->setText(tr("This round follows model 1 (co-commissioning): DWP pays the "
                                 "provider and there is no bonus split (model 2) or sharing of "
                                 "benefit savings and liability (model 3) to set."));
        break;
    case DevolutionModel::PartnershipDelivery:
        m_modelLabel->setText(tr("This round follows model 2 (partnership delivery): a bonus is "
                                 "paid for each job outcome above the profile and split between "
                                 "the managing agent and the boroughs."));
        break;
    case DevolutionModel::FullDevolution:
        m_modelLabel->setText(tr("This round follows model 3 (full devolution): the authorities "
                                 "get a share of the benefit savings from sustained jobs and "
                                 "bear a share of the savings lost when sustained jobs fall "
                                 "short of the profile."));
        break;
    }
}

void PaymentView::refreshTariffs()
{
    m_tariffModel->setScenario(m_scenario);
    m_tariffModel->refresh();
    fitViewHeight(m_tariffView);

    const PaymentScenario *scenario = shownScenario();
    if (!scenario) {
        m_feeShare->clear();
        return;
    }
    const Result<ScenarioForecast> forecast = forecastScenario(round(), *scenario, 0);
    if (!forecast) {
        m_feeShare->setText(
            tr("No figures for this scenario yet: %1").arg(forecast.errorMessage()));
        return;
    }
    m_feeShare->setText(
        tr("<b>Delivery-fee share: %1</b> of the expected cost of %2 over %3 years (%4 in "
           "delivery fees). Expected: %5 starts, %6 job outcomes, %7 sustained jobs.")
            .arg(DesignFormat::percent(forecast->deliveryFeeShare * 100.0),
                 DesignFormat::money(forecast->cost), QString::number(forecast->contractYears),
                 DesignFormat::money(forecast->attachmentFees),
                 DesignFormat::number(forecast->starts, 0), DesignFormat::number(forecast->jobs, 0),
                 DesignFormat::number(forecast->sustained, 0)));
}

void PaymentView::refreshButtons()
{
    const QString frozen = whyFrozen();
    const bool editable = frozen.isEmpty();
    const bool groupPicked = selectedRow(m_groups) >= 0;
    const bool scenarioPicked = shownScenario() != nullptr;
    m_addGroup->setEnabled(editable);
    m_editGroup->setEnabled(editable && groupPicked);
    m_removeGroup->setEnabled(editable && groupPicked);
    m_addScenario->setEnabled(editable);
    m_duplicateScenario->setEnabled(editable && scenarioPicked);
    m_renameScenario->setEnabled(editable && scenarioPicked);
    m_removeScenario->setEnabled(editable && scenarioPicked);
    for (PageSpinBox *spin : std::as_const(m_settings))
        spin->setEnabled(editable && scenarioPicked);
    const bool hasPlan = hasDocument() && round().adoptedPlan() != nullptr;
    m_addCpaTariff->setEnabled(editable && scenarioPicked && hasPlan &&
                               !design().paymentGroups.isEmpty());
    const QModelIndex current = m_tariffView->currentIndex();
    m_removeTariff->setEnabled(editable && current.isValid() &&
                               current.data(TariffModel::HasTariffRole).toBool());
    showWhyFrozen(frozen);
    m_tariffView->setToolTip(editable ? QString() : frozen);
}

void PaymentView::onSettingChanged(const QString &key, double value)
{
    const PaymentScenario *scenario = shownScenario();
    if (!scenario || !isEditable())
        return;
    for (const Setting &setting : settings()) {
        if (setting.key != key)
            continue;
        ServiceDesign d = design();
        for (PaymentScenario &s : d.scenarios) {
            if (s.name == m_scenario)
                setting.set(s, value);
        }
        // One key per scenario and field: stepping a spin box is one undo step.
        apply(d, setting.undoText, QStringLiteral("scenario/%1/%2").arg(m_scenario, key));
        return;
    }
}

void PaymentView::editGroup(int row)
{
    if (!isEditable() || row >= int(design().paymentGroups.size()))
        return;
    const bool isNew = row < 0;
    PaymentGroup current;
    if (!isNew)
        current = design().paymentGroups[row];
    const Indicators indicators(round());
    QList<KeyName> measures{{QString(), tr("None: the referrals are stated")}};
    for (const IndicatorInfo &info : indicators.all()) {
        if (info.isCount())
            measures.append({info.id, info.name});
    }
    if (!current.measure.isEmpty() &&
        std::none_of(measures.cbegin(), measures.cend(),
                     [&](const KeyName &k) { return k.key == current.measure; }))
        measures.append({current.measure, measureName(indicators, current.measure)});

    auto *dialog =
        new RecordDialog(isNew ? tr("Add a payment group") : tr("Edit the payment group"), this);
    dialog->addLine(QStringLiteral("name"), tr("&Name:"),
                    tr("The payment group's name, as the tariff tables show it."), current.name);
    dialog->addChoice(QStringLiteral("measure"), tr("Stage 1 &measure:"),
                      tr("The stage 1 measure that counts the group's people in each authority."),
                      measures, current.measure);
    dialog->addNumber(QStringLiteral("eligible"), tr("&Eligible share:"),
                      tr("The share of the measure's people who are eligible, in per cent."), 0,
                      100, 1, current.eligibleSharePercent, {}, QStringLiteral("%"));
    dialog->addNumber(
        QStringLiteral("takeUp"), tr("&Take-up a year:"),
        tr("The share of eligible people expected to be referred each year, in per cent."), 0, 100,
        1, current.takeUpPercent, {}, QStringLiteral("%"));
    dialog->addNote(tr("The eligible share is the part of the people the measure counts who "
                       "belong to the group; the take-up is the part of them referred each "
                       "year."));
    openDialog(dialog, [this, dialog, row, isNew] {
        ServiceDesign d = design();
        if (!isNew && row >= d.paymentGroups.size())
            return false;
        PaymentGroup g = isNew ? PaymentGroup{} : d.paymentGroups[row];
        g.name = dialog->text(QStringLiteral("name"));
        g.measure = dialog->choice(QStringLiteral("measure"));
        g.eligibleSharePercent = dialog->number(QStringLiteral("eligible"));
        g.takeUpPercent = dialog->number(QStringLiteral("takeUp"));
        if (isNew) {
            QStringList keys;
            for (const PaymentGroup &other : d.paymentGroups)
                keys << other.key;
            g.key = DesignFormat::makeKey(g.name, keys);
            d.paymentGroups.append(g);
        } else {
            d.paymentGroups[row] = g;
        }
        return apply(d, isNew ? tr("Add the payment group \"%1\"").arg(g.name)
                              : tr("Change the payment group \"%1\"").arg(g.name));
    });
}

bool PaymentView::removeGroup(int row)
{
    if (!isEditable() || row < 0 || row >= design().paymentGroups.size())
        return false;
    ServiceDesign d = design();
    const PaymentGroup removed = d.paymentGroups.takeAt(row);
    // Its tariffs and stated referrals go with it, in the same undo step.
    for (PaymentScenario &s : d.scenarios)
        s.tariffs.removeIf([&](const GroupTariff &t) { return t.group == removed.key; });
    d.volumes.removeIf([&](const ReferralVolume &v) { return v.group == removed.key; });
    return apply(d, tr("Remove the payment group \"%1\"").arg(removed.name));
}

std::optional<QString> PaymentView::askScenarioName(const QString &title, const QString &proposal)
{
    const std::optional<QString> name =
        m_dialogs->askText(window(), title, tr("Name of the scenario:"), proposal);
    if (!name || name->trimmed().isEmpty())
        return std::nullopt;
    return name->trimmed();
}

bool PaymentView::addScenario()
{
    if (!isEditable())
        return false;
    const std::optional<QString> name = askScenarioName(
        tr("Add a payment scenario"), tr("Scenario %1").arg(design().scenarios.size() + 1));
    if (!name)
        return false;
    ServiceDesign d = design();
    PaymentScenario s;
    s.name = *name;
    d.scenarios.append(s);
    m_scenario = *name;
    return apply(d, tr("Add the payment scenario \"%1\"").arg(*name));
}

bool PaymentView::duplicateScenario()
{
    const PaymentScenario *scenario = shownScenario();
    if (!isEditable() || !scenario)
        return false;
    const std::optional<QString> name =
        askScenarioName(tr("Duplicate the payment scenario"), tr("%1 (copy)").arg(scenario->name));
    if (!name)
        return false;
    ServiceDesign d = design();
    PaymentScenario copy = *scenario;
    copy.name = *name;
    d.scenarios.insert(m_scenarioIndex + 1, copy);
    const QString before = m_scenario;
    m_scenario = *name;
    if (!apply(d, tr("Duplicate the payment scenario \"%1\"").arg(before))) {
        m_scenario = before;
        refresh();
        return false;
    }
    return true;
}

bool PaymentView::renameScenario()
{
    const PaymentScenario *scenario = shownScenario();
    if (!isEditable() || !scenario)
        return false;
    const std::optional<QString> name =
        askScenarioName(tr("Rename the payment scenario"), scenario->name);
    if (!name || *name == scenario->name)
        return false;
    ServiceDesign d = design();
    const QString before = m_scenario;
    for (PaymentScenario &s : d.scenarios) {
        if (s.name == before)
            s.name = *name;
    }
    m_scenario = *name;
    if (!apply(d, tr("Rename the payment scenario \"%1\"").arg(before))) {
        m_scenario = before;
        refresh();
        return false;
    }
    return true;
}

bool PaymentView::removeScenario()
{
    const PaymentScenario *scenario = shownScenario();
    if (!isEditable() || !scenario)
        return false;
    ServiceDesign d = design();
    const QString name = scenario->name;
    d.scenarios.removeIf([&](const PaymentScenario &s) { return s.name == name; });
    return apply(d, tr("Remove the payment scenario \"%1\"").arg(name));
}

void PaymentView::addCpaTariff()
{
    const PaymentScenario *scenario = shownScenario();
    const CpaPlan *plan = hasDocument() ? round().adoptedPlan() : nullptr;
    if (!isEditable() || !scenario || !plan)
        return;
    QList<KeyName> groups;
    for (const PaymentGroup &g : design().paymentGroups)
        groups.append({g.key, g.name});
    QList<KeyName> cpas;
    for (const Cpa &cpa : plan->cpas)
        cpas.append({QString::number(cpa.id.value()), cpa.name});
    const QModelIndex current = m_tariffView->currentIndex();
    auto *dialog = new RecordDialog(tr("Give a CPA its own tariff"), this);
    dialog->addChoice(QStringLiteral("group"), tr("Payment &group:"),
                      tr("The payment group the CPA's own tariff is for."), groups,
                      current.isValid() ? current.data(TariffModel::GroupKeyRole).toString()
                                        : QString());
    dialog->addChoice(QStringLiteral("cpa"), tr("&CPA:"),
                      tr("The Contract Package Area that gets its own tariff."), cpas, {});
    dialog->addNote(tr("The CPA's tariff starts as a copy of the one for all CPAs; change its "
                       "figures in the table."));
    openDialog(dialog, [this, dialog] {
        const QString group = dialog->choice(QStringLiteral("group"));
        const CpaId cpa(dialog->choice(QStringLiteral("cpa")).toLongLong());
        ServiceDesign d = design();
        for (PaymentScenario &s : d.scenarios) {
            if (s.name != m_scenario)
                continue;
            if (std::any_of(s.tariffs.cbegin(), s.tariffs.cend(),
                            [&](const GroupTariff &t) { return t.group == group && t.cpa == cpa; }))
                return true; // already there: nothing to add
            const GroupTariff *all = ServiceDesign::tariff(s, group, CpaId());
            GroupTariff own = all ? *all : GroupTariff{};
            own.group = group;
            own.cpa = cpa;
            s.tariffs.append(own);
        }
        return apply(d, tr("Give a CPA its own tariff"));
    });
}

bool PaymentView::removeTariff(int row)
{
    if (!isEditable() || row < 0 || row >= m_tariffModel->rowCount())
        return false;
    const QModelIndex index = m_tariffModel->index(row, 0);
    if (!index.data(TariffModel::HasTariffRole).toBool())
        return false;
    const QString group = index.data(TariffModel::GroupKeyRole).toString();
    const CpaId cpa(index.data(TariffModel::CpaIdRole).toLongLong());
    ServiceDesign d = design();
    for (PaymentScenario &s : d.scenarios) {
        if (s.name == m_scenario)
            s.tariffs.removeIf(
                [&](const GroupTariff &t) { return t.group == group && t.cpa == cpa; });
    }
    return apply(d, cpa.isValid() ? tr("Remove the CPA's own tariff") : tr("Remove the tariff"));
}

} // namespace CoCommission
