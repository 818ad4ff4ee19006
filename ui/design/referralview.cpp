#include "ui/design/referralview.h"

#include "core/design/designcheck.h"
#include "core/design/volumes.h"
#include "core/needs/indicators.h"
#include "core/round/round.h"
#include "ui/uiutil.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <optional>
#include <utility>

namespace CoCommission {

ReferralView::ReferralView(EditRunner *edits, DialogService *dialogs, QWidget *parent)
    : DesignTab(edits, dialogs, parent)
{
    setObjectName(QStringLiteral("referralView"));

    auto *rulesHeading = UiUtil::headingLabel(tr("Eligibility"), 1.15, this);
    QLabel *rulesIntro = UiUtil::makeText(this, true);
    rulesIntro->setText(tr("Who may join the programme, by benefit history, household, age and "
                           "labour-market disadvantages."));
    m_rules = makeRowTable({tr("Category"), tr("Rule")}, tr("Eligibility rules"),
                           tr("The rules that say who may join the programme, by category."),
                           QStringLiteral("eligibilityTable"), RuleTextColumn, this);
    m_addRule = makeEditButton(tr("&Add rule…"), tr("Add an eligibility rule"),
                               tr("Add a rule on who may join the programme."),
                               QStringLiteral("addRuleButton"), this);
    m_editRule = makeEditButton(tr("&Edit…"), tr("Edit the eligibility rule"),
                                tr("Change the selected eligibility rule."),
                                QStringLiteral("editRuleButton"), this);
    m_removeRule = makeEditButton(tr("&Remove"), tr("Remove the eligibility rule"),
                                  tr("Delete the selected eligibility rule."),
                                  QStringLiteral("removeRuleButton"), this);

    auto *routesHeading = UiUtil::headingLabel(tr("Referral routes"), 1.15, this);
    m_routes = makeRowTable({tr("Referred by"), tr("How")}, tr("Referral routes"),
                            tr("Who refers people to the programme, and how."),
                            QStringLiteral("referralRoutesTable"), RouteDescriptionColumn, this);
    m_addRoute = makeEditButton(tr("Add r&oute…"), tr("Add a referral route"),
                                tr("Add a way people are referred to the programme."),
                                QStringLiteral("addRouteButton"), this);
    m_editRoute = makeEditButton(tr("Ed&it…"), tr("Edit the referral route"),
                                 tr("Change the selected referral route."),
                                 QStringLiteral("editRouteButton"), this);
    m_removeRoute = makeEditButton(tr("Re&move"), tr("Remove the referral route"),
                                   tr("Delete the selected referral route."),
                                   QStringLiteral("removeRouteButton"), this);

    auto *volumesHeading = UiUtil::headingLabel(tr("Referrals per year"), 1.15, this);
    QLabel *volumesIntro = UiUtil::makeText(this, true);
    volumesIntro->setText(
        tr("For each payment group in each CPA of the adopted plan: estimated from the stage 1 "
           "figures (the group's measure × its eligible share × its take-up), unless a figure "
           "is stated. The financial model uses these referrals."));
    m_volumesLabel = UiUtil::makeText(this);
    m_volumesLabel->setObjectName(QStringLiteral("volumesLabel"));
    m_volumes =
        makeRowTable({tr("CPA"), tr("Payment group"), tr("Referrals\na year"), tr("Source"),
                      tr("Stage 1 measure"), tr("Eligible\nshare"), tr("Eligible"), tr("Take-up")},
                     tr("Referrals per year by payment group and CPA"),
                     tr("The referrals a year of each payment group in each CPA, stated or "
                        "estimated from the stage 1 figures."),
                     QStringLiteral("volumesTable"), BasisColumn, this);
    m_volumes->horizontalHeader()->setSectionResizeMode(VolumeGroupColumn, QHeaderView::Stretch);
    m_state = makeEditButton(tr("S&tate the referrals…"),
                             tr("State the referrals per year in place of the estimate"),
                             tr("Enter the referrals a year for the selected row, in place of "
                                "the estimate."),
                             QStringLiteral("stateVolumeButton"), this);
    m_estimate = makeEditButton(tr("&Use the estimate"),
                                tr("Clear the stated referrals and use the estimate"),
                                tr("Clear the figure stated for the selected row and use the "
                                   "estimate from stage 1."),
                                QStringLiteral("useEstimateButton"), this);

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(8);
    layout->addWidget(rulesHeading);
    layout->addWidget(rulesIntro);
    layout->addWidget(m_rules);
    layout->addLayout(UiUtil::buttonRow({m_addRule, m_editRule, m_removeRule}));
    layout->addSpacing(12);
    layout->addWidget(routesHeading);
    layout->addWidget(m_routes);
    layout->addLayout(UiUtil::buttonRow({m_addRoute, m_editRoute, m_removeRoute}));
    layout->addSpacing(12);
    layout->addWidget(volumesHeading);
    layout->addWidget(volumesIntro);
    layout->addWidget(m_volumesLabel);
    layout->addWidget(m_volumes);
    layout->addLayout(UiUtil::buttonRow({m_state, m_estimate}));
    layout->addStretch(1);

    connect(m_addRule, &QPushButton::clicked, this, [this] { editRule(-1); });
    connect(m_editRule, &QPushButton::clicked, this, [this] { editRule(selectedRow(m_rules)); });
    connect(m_removeRule, &QPushButton::clicked, this,
            [this] { removeRule(selectedRow(m_rules)); });
    connect(m_addRoute, &QPushButton::clicked, this, [this] { editRoute(-1); });
    connect(m_editRoute, &QPushButton::clicked, this, [this] { editRoute(selectedRow(m_routes)); });
    connect(m_removeRoute, &QPushButton::clicked, this,
            [this] { removeRoute(selectedRow(m_routes)); });
    connect(m_state, &QPushButton::clicked, this, [this] { stateVolume(selectedRow(m_volumes)); });
    connect(m_estimate, &QPushButton::clicked, this, [this] {
        const auto [group, cpa] = volumeAt(selectedRow(m_volumes));
        clearStatedVolume(group, cpa);
    });
    auto *ruleKeys = m_rules->findChild<RowKeys *>();
    connect(ruleKeys, &RowKeys::editRequested, this, &ReferralView::editRule);
    connect(ruleKeys, &RowKeys::removeRequested, this, &ReferralView::removeRule);
    auto *routeKeys = m_routes->findChild<RowKeys *>();
    connect(routeKeys, &RowKeys::editRequested, this, &ReferralView::editRoute);
    connect(routeKeys, &RowKeys::removeRequested, this, &ReferralView::removeRoute);
    auto *volumeKeys = m_volumes->findChild<RowKeys *>();
    connect(volumeKeys, &RowKeys::editRequested, this, &ReferralView::stateVolume);
    connect(volumeKeys, &RowKeys::removeRequested, this, [this](int row) {
        const auto [group, cpa] = volumeAt(row);
        clearStatedVolume(group, cpa);
    });
    for (QTableWidget *table : {m_rules, m_routes, m_volumes})
        connect(table, &QTableWidget::itemSelectionChanged, this, &ReferralView::refreshButtons);
    refresh();
}

void ReferralView::refresh()
{
    refreshRules();
    refreshRoutes();
    refreshVolumes();
    refreshButtons();
}

void ReferralView::refreshRules()
{
    const int selected = selectedRow(m_rules);
    const QList<EligibilityRule> rules =
        hasDocument() ? design().eligibility : QList<EligibilityRule>();
    m_rules->setRowCount(int(rules.size()));
    for (int row = 0; row < rules.size(); ++row) {
        m_rules->setItem(row, CategoryColumn,
                         makeCell(nameOfKey(eligibilityCategories(), rules[row].category)));
        m_rules->setItem(row, RuleTextColumn, makeCell(rules[row].text));
    }
    if (selected >= 0 && selected < m_rules->rowCount())
        m_rules->selectRow(selected);
    fitRows(m_rules);
}

void ReferralView::refreshRoutes()
{
    const int selected = selectedRow(m_routes);
    const QList<ReferralRoute> routes =
        hasDocument() ? design().referralRoutes : QList<ReferralRoute>();
    m_routes->setRowCount(int(routes.size()));
    for (int row = 0; row < routes.size(); ++row) {
        m_routes->setItem(row, SourceColumn,
                          makeCell(nameOfKey(referralSources(), routes[row].source)));
        m_routes->setItem(row, RouteDescriptionColumn, makeCell(routes[row].description));
    }
    if (selected >= 0 && selected < m_routes->rowCount())
        m_routes->selectRow(selected);
    fitRows(m_routes);
}

void ReferralView::refreshVolumes()
{
    const int selected = selectedRow(m_volumes);
    QString empty;
    QList<VolumeEstimate> volumes;
    if (!hasDocument())
        empty = tr("No round is open.");
    else if (!round().adoptedPlan())
        empty = tr("No CPA plan is adopted: referrals are counted per CPA of the adopted plan.");
    else if (design().paymentGroups.isEmpty())
        empty = tr("The design has no payment groups yet: add them on the Payment model tab, "
                   "then their referrals are estimated here.");
    else
        volumes = referralVolumes(round());
    m_volumesLabel->setText(empty);
    m_volumesLabel->setVisible(!empty.isEmpty());
    m_volumes->setVisible(empty.isEmpty());

    const std::optional<Indicators> indicators =
        volumes.isEmpty() ? std::nullopt : std::optional<Indicators>(std::in_place, round());
    m_volumes->setRowCount(int(volumes.size()));
    for (int row = 0; row < volumes.size(); ++row) {
        const VolumeEstimate &v = volumes[row];
        const Cpa *cpa = round().adoptedCpa(v.cpa);
        const PaymentGroup *group = design().paymentGroup(v.group);
        const IndicatorInfo *measure =
            group && !group->measure.isEmpty() ? indicators->find(group->measure) : nullptr;
        const QString measureText = measure ? measure->name : QString();
        QString source;
        QString basis;
        if (!v.hasFigure()) {
            source = tr("No figure");
            basis = v.problem;
        } else if (v.stated) {
            source = tr("Stated");
            basis = v.estimate
                        ? tr("Stated in the design; the estimate from %1 would be %2 a year.")
                              .arg(measureText.isEmpty() ? tr("the figures") : measureText,
                                   DesignFormat::number(*v.estimate, 0))
                        : tr("Stated in the design; the figures give no estimate.");
        } else {
            source = tr("Estimated");
            basis = measureText;
        }
        // The CPA is named once, on the first row of its groups.
        const bool firstOfCpa = row == 0 || volumes[row - 1].cpa != v.cpa;
        QTableWidgetItem *cpaItem = makeCell(firstOfCpa && cpa ? cpa->name : QString());
        cpaItem->setData(GroupRole, v.group);
        cpaItem->setData(CpaRole, v.cpa.value());
        if (cpa)
            cpaItem->setData(Qt::AccessibleTextRole, cpa->name);
        m_volumes->setItem(row, VolumeCpaColumn, cpaItem);
        m_volumes->setItem(row, VolumeGroupColumn, makeCell(group ? group->name : v.group));
        QTableWidgetItem *referrals = makeCell(
            v.hasFigure() ? DesignFormat::number(v.referralsPerYear, 0) : tr("None"), true);
        referrals->setData(ValueRole, v.referralsPerYear);
        m_volumes->setItem(row, ReferralsColumn, referrals);
        QTableWidgetItem *how = makeCell(source);
        if (!v.hasFigure() || v.stated) {
            QFont font = how->font();
            font.setBold(true);
            how->setFont(font);
        }
        m_volumes->setItem(row, HowColumn, how);
        QTableWidgetItem *basisItem = makeCell(basis);
        if (!v.date.isEmpty())
            basisItem->setToolTip(tr("%1 (figures at %2)").arg(basis, v.date));
        m_volumes->setItem(row, BasisColumn, basisItem);
        m_volumes->setItem(row, ShareColumn,
                           makeCell(group && measure
                                        ? DesignFormat::percent(group->eligibleSharePercent)
                                        : QString(),
                                    true));
        m_volumes->setItem(
            row, EligibleColumn,
            makeCell(v.eligible ? DesignFormat::number(*v.eligible, 0) : QString(), true));
        m_volumes->setItem(row, TakeUpColumn,
                           makeCell(group && !v.stated && v.hasFigure()
                                        ? DesignFormat::percent(group->takeUpPercent)
                                        : QString(),
                                    true));
    }
    if (selected >= 0 && selected < m_volumes->rowCount())
        m_volumes->selectRow(selected);
    fitRows(m_volumes);
}

void ReferralView::refreshButtons()
{
    const QString frozen = whyFrozen();
    const bool editable = frozen.isEmpty();
    m_addRule->setEnabled(editable);
    m_editRule->setEnabled(editable && selectedRow(m_rules) >= 0);
    m_removeRule->setEnabled(editable && selectedRow(m_rules) >= 0);
    m_addRoute->setEnabled(editable);
    m_editRoute->setEnabled(editable && selectedRow(m_routes) >= 0);
    m_removeRoute->setEnabled(editable && selectedRow(m_routes) >= 0);
    const auto [group, cpa] = volumeAt(selectedRow(m_volumes));
    const bool stated = hasDocument() && design().statedVolume(group, cpa) != nullptr;
    m_state->setEnabled(editable && !group.isEmpty());
    m_estimate->setEnabled(editable && stated);
    showWhyFrozen(frozen);
}

std::pair<QString, CpaId> ReferralView::volumeAt(int row) const
{
    const QTableWidgetItem *item =
        row >= 0 && row < m_volumes->rowCount() ? m_volumes->item(row, VolumeCpaColumn) : nullptr;
    if (!item)
        return {};
    return {item->data(GroupRole).toString(), CpaId(item->data(CpaRole).toLongLong())};
}

void ReferralView::editRule(int row)
{
    if (!isEditable() || row >= int(design().eligibility.size()))
        return;
    const bool isNew = row < 0;
    const EligibilityRule current = isNew ? EligibilityRule{} : design().eligibility[row];
    auto *dialog = new RecordDialog(
        isNew ? tr("Add an eligibility rule") : tr("Edit the eligibility rule"), this);
    dialog->addChoice(QStringLiteral("category"), tr("&Category:"),
                      tr("The kind of eligibility rule."), eligibilityCategories(),
                      current.category);
    dialog->addText(QStringLiteral("text"), tr("&Rule:"),
                    tr("The rule in words, as the specification will state it."), current.text);
    openDialog(dialog, [this, dialog, row, isNew] {
        ServiceDesign d = design();
        if (!isNew && row >= d.eligibility.size())
            return false;
        const EligibilityRule rule{dialog->choice(QStringLiteral("category")),
                                   dialog->text(QStringLiteral("text"))};
        if (isNew)
            d.eligibility.append(rule);
        else
            d.eligibility[row] = rule;
        return apply(d, isNew ? tr("Add an eligibility rule") : tr("Change an eligibility rule"));
    });
}

bool ReferralView::removeRule(int row)
{
    if (!isEditable() || row < 0 || row >= design().eligibility.size())
        return false;
    ServiceDesign d = design();
    d.eligibility.removeAt(row);
    return apply(d, tr("Remove an eligibility rule"));
}

void ReferralView::editRoute(int row)
{
    if (!isEditable() || row >= int(design().referralRoutes.size()))
        return;
    const bool isNew = row < 0;
    const ReferralRoute current = isNew ? ReferralRoute{} : design().referralRoutes[row];
    auto *dialog =
        new RecordDialog(isNew ? tr("Add a referral route") : tr("Edit the referral route"), this);
    dialog->addChoice(QStringLiteral("source"), tr("&Referred by:"),
                      tr("Who refers people to the programme by this route."), referralSources(),
                      current.source);
    dialog->addText(QStringLiteral("description"), tr("&How:"),
                    tr("How referrals arrive by this route."), current.description);
    openDialog(dialog, [this, dialog, row, isNew] {
        ServiceDesign d = design();
        if (!isNew && row >= d.referralRoutes.size())
            return false;
        const ReferralRoute route{dialog->choice(QStringLiteral("source")),
                                  dialog->text(QStringLiteral("description"))};
        if (isNew)
            d.referralRoutes.append(route);
        else
            d.referralRoutes[row] = route;
        return apply(d, isNew ? tr("Add a referral route") : tr("Change a referral route"));
    });
}

bool ReferralView::removeRoute(int row)
{
    if (!isEditable() || row < 0 || row >= design().referralRoutes.size())
        return false;
    ServiceDesign d = design();
    d.referralRoutes.removeAt(row);
    return apply(d, tr("Remove a referral route"));
}

void ReferralView::stateVolume(int row)
{
    const auto [group, cpa] = volumeAt(row);
    if (!isEditable() || group.isEmpty())
        return;
    const PaymentGroup *g = design().paymentGroup(group);
    const Cpa *c = round().adoptedCpa(cpa);
    const double shown = m_volumes->item(row, ReferralsColumn)->data(ValueRole).toDouble();
    auto *dialog = new RecordDialog(tr("State the referrals per year"), this);
    dialog->addNote(tr("%1 in %2: the referrals expected each year, in place of the estimate "
                       "from the stage 1 figures.")
                        .arg(g ? g->name : group, c ? c->name : QString::number(cpa.value())));
    dialog->addNumber(QStringLiteral("referrals"), tr("&Referrals a year:"),
                      tr("The referrals expected each year, in place of the estimate."), 0,
                      DesignLimits::kMaxReferralsPerYear, 0, shown);
    const QString groupKey = group;
    const CpaId cpaId = cpa;
    openDialog(dialog, [this, dialog, groupKey, cpaId] {
        return setStatedVolume(groupKey, cpaId, dialog->number(QStringLiteral("referrals")));
    });
}

bool ReferralView::setStatedVolume(const QString &group, CpaId cpa, double referralsPerYear)
{
    if (!isEditable())
        return false;
    ServiceDesign d = design();
    bool found = false;
    for (ReferralVolume &v : d.volumes) {
        if (v.group == group && v.cpa == cpa) {
            v.referralsPerYear = referralsPerYear;
            found = true;
        }
    }
    if (!found)
        d.volumes.append({group, cpa, referralsPerYear});
    return apply(d, tr("State the referrals per year"));
}

bool ReferralView::clearStatedVolume(const QString &group, CpaId cpa)
{
    if (!isEditable() || !design().statedVolume(group, cpa))
        return false;
    ServiceDesign d = design();
    d.volumes.removeIf([&](const ReferralVolume &v) { return v.group == group && v.cpa == cpa; });
    return apply(d, tr("Use the estimated referrals"));
}

} // namespace CoCommission
