#include "ui/supply/providerdialog.h"

#include "core/evaluation/supplychain.h"
#include "core/round/round.h"
#include "ui/noticebox.h"
#include "ui/uiutil.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace CoCommission {

namespace {

constexpr int kKeyRole = Qt::UserRole + 1;

/** \a original's entries still in \a checked, in their order, then the new ones of \a checked. */
QStringList keepingOrder(const QStringList &original, const QStringList &checked)
{
    QStringList out;
    for (const QString &key : original) {
        if (checked.contains(key) && !out.contains(key))
            out << key;
    }
    for (const QString &key : checked) {
        if (!out.contains(key))
            out << key;
    }
    return out;
}

} // namespace

ProviderDialog::ProviderDialog(const Round &round, const Provider &provider, bool isNew,
                               QWidget *parent)
    : QDialog(parent)
    , m_original(provider)
    , m_nameEdit(new QLineEdit(this))
    , m_sectorCombo(new QComboBox(this))
    , m_smeCheck(new QCheckBox(tr("A small or &medium-sized enterprise (SME)"), this))
    , m_specialismList(new QListWidget(this))
    , m_areaTree(new QTreeWidget(this))
    , m_areaSummary(UiUtil::makeText(this, true))
    , m_contactEdit(new QLineEdit(this))
    , m_errorBox(new NoticeBox(NoticeBox::Kind::Warning, QString(), this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("providerDialog"));
    setWindowTitle(isNew ? tr("Add a provider") : tr("Edit provider: %1").arg(provider.name));
    setAccessibleName(windowTitle());

    m_nameEdit->setObjectName(QStringLiteral("providerNameEdit"));
    m_nameEdit->setAccessibleName(tr("Provider name"));
    m_nameEdit->setPlaceholderText(tr("The organisation's name"));
    m_nameEdit->setText(provider.name);

    m_sectorCombo->setObjectName(QStringLiteral("providerSectorCombo"));
    m_sectorCombo->setAccessibleName(tr("Sector"));
    m_sectorCombo->setAccessibleDescription(
        tr("Private, voluntary and community, or public sector: the supply analysis counts "
           "each."));
    for (ProviderSector sector :
         {ProviderSector::Private, ProviderSector::VoluntaryCommunity, ProviderSector::Public})
        m_sectorCombo->addItem(sectorName(sector), int(sector));
    m_sectorCombo->setCurrentIndex(m_sectorCombo->findData(int(provider.sector)));

    m_smeCheck->setObjectName(QStringLiteral("providerSmeCheck"));
    m_smeCheck->setAccessibleName(tr("Small or medium-sized enterprise"));
    m_smeCheck->setAccessibleDescription(
        tr("Tick when the organisation has fewer than 250 staff; the register counts SMEs."));
    m_smeCheck->setChecked(provider.sme);

    m_specialismList->setObjectName(QStringLiteral("providerSpecialismList"));
    m_specialismList->setAccessibleName(tr("Specialisms"));
    m_specialismList->setAccessibleDescription(
        tr("Tick each specialism the organisation offers; Space ticks the one selected."));
    for (const Specialism &s : specialisms()) {
        auto *item = new QListWidgetItem(s.name, m_specialismList);
        item->setData(kKeyRole, s.key);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        item->setCheckState(provider.specialisms.contains(s.key) ? Qt::Checked : Qt::Unchecked);
    }
    // A key the list does not know (kept from an older file) stays, so that it is not lost.
    for (const QString &key : provider.specialisms) {
        bool known = false;
        for (int i = 0; i < m_specialismList->count() && !known; ++i)
            known = m_specialismList->item(i)->data(kKeyRole).toString() == key;
        if (!known) {
            auto *item = new QListWidgetItem(specialismName(key), m_specialismList);
            item->setData(kKeyRole, key);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
            item->setCheckState(Qt::Checked);
        }
    }
    m_specialismList->setCurrentRow(0);
    m_specialismList->setMinimumHeight(std::min(12, m_specialismList->count()) *
                                           m_specialismList->sizeHintForRow(0) +
                                       2 * m_specialismList->frameWidth());

    // Areas: each CPA of the adopted plan ticks its authorities at once (auto-tristate).
    m_areaTree->setObjectName(QStringLiteral("providerAreaTree"));
    m_areaTree->setAccessibleName(tr("Areas served"));
    m_areaTree->setAccessibleDescription(
        tr("Tick the authorities the organisation serves. Ticking a CPA ticks all its "
           "authorities; Space ticks the one selected."));
    m_areaTree->setHeaderHidden(true);
    m_areaTree->setColumnCount(1);
    m_areaTree->setUniformRowHeights(true);
    const auto addAuthority = [&](QTreeWidgetItem *parentItem, const QString &code) {
        const Authority *a = round.authority(code);
        auto *item = new QTreeWidgetItem(parentItem, {a ? a->name : code});
        item->setData(0, kKeyRole, code);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        item->setCheckState(0, provider.areas.contains(code) ? Qt::Checked : Qt::Unchecked);
    };
    const auto byName = [&](QStringList codes) {
        std::sort(codes.begin(), codes.end(), [&](const QString &x, const QString &y) {
            const Authority *a = round.authority(x);
            const Authority *b = round.authority(y);
            return QString::localeAwareCompare(a ? a->name : x, b ? b->name : y) < 0;
        });
        return codes;
    };
    QStringList placed;
    const CpaPlan *plan = round.adoptedPlan();
    if (plan) {
        for (const Cpa &cpa : plan->cpas) {
            if (cpa.members.isEmpty())
                continue;
            auto *group = new QTreeWidgetItem(
                {cpa.members.size() == 1
                     ? tr("%1 (1 authority)").arg(cpa.name)
                     : tr("%1 (%2 authorities)").arg(cpa.name).arg(cpa.members.size())});
            group->setData(0, Qt::UserRole, cpa.name);
            group->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable |
                            Qt::ItemIsAutoTristate);
            for (const QString &code : byName(cpa.members)) {
                if (round.authority(code)) {
                    addAuthority(group, code);
                    placed << code;
                }
            }
            m_areaTree->addTopLevelItem(group);
        }
    }
    QStringList rest;
    for (const Authority &a : round.authorities) {
        if (!placed.contains(a.gssCode))
            rest << a.gssCode;
    }
    if (!rest.isEmpty()) {
        auto *group = new QTreeWidgetItem({plan ? tr("Authorities in no CPA") : tr("Authorities")});
        group->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable |
                        Qt::ItemIsAutoTristate);
        for (const QString &code : byName(rest))
            addAuthority(group, code);
        m_areaTree->addTopLevelItem(group);
    }
    // Open the groups the provider serves in part; whole or untouched CPAs stay closed.
    for (int i = 0; i < m_areaTree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *group = m_areaTree->topLevelItem(i);
        group->setExpanded(group->checkState(0) == Qt::PartiallyChecked ||
                           m_areaTree->topLevelItemCount() == 1);
    }
    if (m_areaTree->topLevelItemCount() > 0)
        m_areaTree->setCurrentItem(m_areaTree->topLevelItem(0));
    m_areaTree->setMinimumHeight(12 * (fontMetrics().height() + 6));
    m_areaSummary->setObjectName(QStringLiteral("providerAreaSummary"));

    m_contactEdit->setObjectName(QStringLiteral("providerContactEdit"));
    m_contactEdit->setAccessibleName(tr("Contact"));
    m_contactEdit->setPlaceholderText(tr("An email address or telephone number"));
    m_contactEdit->setText(provider.contact);

    m_errorBox->setObjectName(QStringLiteral("providerErrorBox"));
    m_errorBox->hide();

    m_okButton = UiUtil::addAcceptButton(
        m_buttons, isNew ? tr("&Add provider") : tr("&Save provider"),
        isNew ? tr("Add provider") : tr("Save provider"),
        isNew ? tr("Adds the organisation to the provider register.")
              : tr("Records the provider as edited."),
        QStringLiteral("provider"), tr("Closes the dialog and changes nothing."));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_nameEdit);
    form->addRow(tr("Se&ctor:"), m_sectorCombo);
    form->addRow(QString(), m_smeCheck);
    form->addRow(tr("C&ontact:"), m_contactEdit);

    auto *specialismLabel = new QLabel(tr("Speciali&sms:"), this);
    specialismLabel->setBuddy(m_specialismList);
    auto *areaLabel = new QLabel(tr("&Areas served:"), this);
    areaLabel->setBuddy(m_areaTree);
    auto *lists = new QHBoxLayout;
    auto *specialismColumn = new QVBoxLayout;
    specialismColumn->addWidget(specialismLabel);
    specialismColumn->addWidget(m_specialismList, 1);
    auto *areaColumn = new QVBoxLayout;
    areaColumn->addWidget(areaLabel);
    areaColumn->addWidget(m_areaTree, 1);
    areaColumn->addWidget(m_areaSummary);
    lists->addLayout(specialismColumn, 2);
    lists->addLayout(areaColumn, 3);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(lists, 1);
    layout->addWidget(m_errorBox);
    layout->addWidget(m_buttons);

    setTabOrder(m_nameEdit, m_sectorCombo);
    setTabOrder(m_sectorCombo, m_smeCheck);
    setTabOrder(m_smeCheck, m_contactEdit);
    setTabOrder(m_contactEdit, m_specialismList);
    setTabOrder(m_specialismList, m_areaTree);

    connect(m_nameEdit, &QLineEdit::textChanged, this, &ProviderDialog::updateAcceptable);
    connect(m_areaTree, &QTreeWidget::itemChanged, this, &ProviderDialog::updateAreaSummary);
    updateAcceptable();
    updateAreaSummary();
    m_nameEdit->setFocus();
    resize(720, sizeHint().height());
}

Provider ProviderDialog::provider() const
{
    Provider p = m_original;
    p.name = m_nameEdit->text().trimmed();
    p.sector = ProviderSector(m_sectorCombo->currentData().toInt());
    p.sme = m_smeCheck->isChecked();
    QStringList specialismKeys;
    for (int i = 0; i < m_specialismList->count(); ++i) {
        const QListWidgetItem *item = m_specialismList->item(i);
        if (item->checkState() == Qt::Checked)
            specialismKeys << item->data(kKeyRole).toString();
    }
    p.specialisms = keepingOrder(m_original.specialisms, specialismKeys);
    QStringList areas;
    for (int i = 0; i < m_areaTree->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *group = m_areaTree->topLevelItem(i);
        for (int j = 0; j < group->childCount(); ++j) {
            if (group->child(j)->checkState(0) == Qt::Checked)
                areas << group->child(j)->data(0, kKeyRole).toString();
        }
    }
    // A code the round no longer knows is not listed: it goes, as checkSupply() would refuse it.
    p.areas = keepingOrder(m_original.areas, areas);
    p.contact = m_contactEdit->text().trimmed();
    return p;
}

bool ProviderDialog::setSpecialismChecked(const QString &key, bool checked)
{
    for (int i = 0; i < m_specialismList->count(); ++i) {
        QListWidgetItem *item = m_specialismList->item(i);
        if (item->data(kKeyRole).toString() == key) {
            item->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
            return true;
        }
    }
    return false;
}

QTreeWidgetItem *ProviderDialog::areaItem(const QString &gssCode) const
{
    for (int i = 0; i < m_areaTree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *group = m_areaTree->topLevelItem(i);
        for (int j = 0; j < group->childCount(); ++j) {
            if (group->child(j)->data(0, kKeyRole).toString() == gssCode)
                return group->child(j);
        }
    }
    return nullptr;
}

bool ProviderDialog::setAreaChecked(const QString &gssCode, bool checked)
{
    QTreeWidgetItem *item = areaItem(gssCode);
    if (item)
        item->setCheckState(0, checked ? Qt::Checked : Qt::Unchecked);
    return item != nullptr;
}

bool ProviderDialog::setCpaChecked(const QString &name, bool checked)
{
    for (int i = 0; i < m_areaTree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *group = m_areaTree->topLevelItem(i);
        if (group->data(0, Qt::UserRole).toString() == name) {
            group->setCheckState(0, checked ? Qt::Checked : Qt::Unchecked);
            return true;
        }
    }
    return false;
}

void ProviderDialog::updateAcceptable()
{
    const bool named = !m_nameEdit->text().trimmed().isEmpty();
    UiUtil::setAvailable(m_okButton, named, {}, tr("Give the organisation's name."));
}

void ProviderDialog::updateAreaSummary()
{
    int ticked = 0;
    int total = 0;
    for (int i = 0; i < m_areaTree->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *group = m_areaTree->topLevelItem(i);
        for (int j = 0; j < group->childCount(); ++j) {
            ++total;
            ticked += group->child(j)->checkState(0) == Qt::Checked ? 1 : 0;
        }
    }
    m_areaSummary->setText(ticked == 0 ? tr("No authority ticked yet.")
                           : ticked == 1
                               ? tr("1 of %1 authorities ticked.").arg(total)
                               : tr("%1 of %2 authorities ticked.").arg(ticked).arg(total));
}

void ProviderDialog::accept()
{
    const QString problem = m_validator ? m_validator(provider()) : QString();
    // The problem is shown where the user is; the dialog stays open to put it right.
    m_errorBox->setText(problem);
    m_errorBox->setVisible(!problem.isEmpty());
    if (problem.isEmpty())
        QDialog::accept();
}

} // namespace CoCommission
