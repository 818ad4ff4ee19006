#include "ui/needs/agreementview.h"

#include "core/commands/agreementcommands.h"
#include "core/needs/indicators.h"
#include "core/round/rounddocument.h"
#include "ui/editrunner.h"
#include "ui/models/indicatortablemodel.h"
#include "ui/noticebox.h"
#include "ui/uiutil.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace CoCommission {

namespace {

constexpr int kKeyRole = Qt::UserRole;

QStringList checkedKeys(const QListWidget *list)
{
    QStringList keys;
    for (int i = 0; i < list->count(); ++i) {
        if (list->item(i)->checkState() == Qt::Checked)
            keys.append(list->item(i)->data(kKeyRole).toString());
    }
    return keys;
}

void setChecked(QListWidget *list, const QStringList &keys)
{
    for (int i = 0; i < list->count(); ++i) {
        QListWidgetItem *item = list->item(i);
        item->setCheckState(keys.contains(item->data(kKeyRole).toString()) ? Qt::Checked
                                                                           : Qt::Unchecked);
    }
}

} // namespace

AgreementView::AgreementView(EditRunner *edits, QWidget *parent)
    : QWidget(parent)
    , m_edits(edits)
{
    m_noPlanLabel = new QLabel(
        tr("Agreements are made for each CPA of the adopted plan: adopt a plan on the overview "
           "first."),
        this);
    m_noPlanLabel->setWordWrap(true);

    m_form = new QWidget(this);
    m_cpaCombo = new QComboBox(m_form);
    m_cpaCombo->setObjectName(QStringLiteral("agreementCpaCombo"));
    m_cpaCombo->setAccessibleName(tr("CPA of the agreement"));
    m_statusLabel = new QLabel(m_form);
    m_statusLabel->setObjectName(QStringLiteral("agreementStatus"));
    UiUtil::makeSecondary(m_statusLabel);
    auto *cpaRow = new QHBoxLayout;
    auto *cpaLabel = new QLabel(tr("&CPA:"), m_form);
    cpaLabel->setBuddy(m_cpaCombo);
    cpaRow->addWidget(cpaLabel);
    cpaRow->addWidget(m_cpaCombo);
    cpaRow->addWidget(m_statusLabel, 1);

    m_frozenNotice = new NoticeBox(NoticeBox::Kind::Warning, QString(), m_form);
    m_frozenNotice->setObjectName(QStringLiteral("agreementFrozenNotice"));

    m_indicatorList = new QListWidget(m_form);
    m_indicatorList->setObjectName(QStringLiteral("agreementIndicators"));
    m_indicatorList->setAccessibleName(tr("Headline indicators"));
    m_indicatorList->setAccessibleDescription(
        tr("Tick the indicators that head this CPA's agreement; each shows the CPA's latest "
           "value."));
    m_narrative = new QPlainTextEdit(m_form);
    m_narrative->setObjectName(QStringLiteral("agreementNarrative"));
    m_narrative->setAccessibleName(tr("Narrative"));
    m_narrative->setAccessibleDescription(
        tr("What the partners agree about this area's labour market and its needs."));
    m_narrative->setPlaceholderText(
        tr("What the partners agree about this area's labour market and its needs."));
    m_narrative->setTabChangesFocus(true);
    m_groupList = new QListWidget(m_form);
    m_groupList->setObjectName(QStringLiteral("agreementGroups"));
    m_groupList->setAccessibleName(tr("Priority groups identified"));
    m_groupList->setAccessibleDescription(
        tr("Tick the priority groups the partners identify for this CPA."));
    for (QListWidget *list : {m_indicatorList, m_groupList})
        list->setMinimumHeight(120);

    auto *fields = new QFormLayout;
    fields->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    fields->addRow(tr("&Headline indicators:"), m_indicatorList);
    fields->addRow(tr("&Narrative:"), m_narrative);
    fields->addRow(tr("&Priority groups identified:"), m_groupList);

    m_saveButton = new QPushButton(tr("&Save agreement"), m_form);
    m_revertButton = new QPushButton(tr("Re&vert"), m_form);
    m_removeButton = new QPushButton(tr("Remo&ve agreement"), m_form);
    m_saveButton->setToolTip(tr("Record this CPA's agreement as edited."));
    m_revertButton->setToolTip(tr("Put back what is recorded"));
    m_removeButton->setToolTip(tr("Delete the agreement recorded for this CPA."));
    m_saveButton->setObjectName(QStringLiteral("agreementSaveButton"));
    m_revertButton->setObjectName(QStringLiteral("agreementRevertButton"));
    m_removeButton->setObjectName(QStringLiteral("agreementRemoveButton"));
    m_saveButton->setAccessibleName(tr("Save agreement"));
    m_revertButton->setAccessibleName(tr("Revert agreement"));
    m_removeButton->setAccessibleName(tr("Remove agreement"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_saveButton);
    buttons->addWidget(m_revertButton);
    buttons->addStretch();
    buttons->addWidget(m_removeButton);

    auto *formLayout = new QVBoxLayout(m_form);
    formLayout->setContentsMargins(0, 0, 0, 0);
    formLayout->addLayout(cpaRow);
    formLayout->addWidget(m_frozenNotice);
    formLayout->addLayout(fields);
    formLayout->addLayout(buttons);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_noPlanLabel);
    layout->addWidget(m_form);

    connect(m_cpaCombo, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_loading)
            loadForm();
    });
    const auto edited = [this] {
        if (m_loading)
            return;
        m_modified = true;
        refreshState();
    };
    connect(m_indicatorList, &QListWidget::itemChanged, this, edited);
    connect(m_groupList, &QListWidget::itemChanged, this, edited);
    connect(m_narrative, &QPlainTextEdit::textChanged, this, edited);
    connect(m_saveButton, &QPushButton::clicked, this, &AgreementView::save);
    connect(m_revertButton, &QPushButton::clicked, this, &AgreementView::revert);
    connect(m_removeButton, &QPushButton::clicked, this, &AgreementView::remove);
    rebuild();
}

AgreementView::~AgreementView() = default;

void AgreementView::setDocument(RoundDocument *document)
{
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    m_modified = false;
    if (m_document)
        connect(m_document, &RoundDocument::roundChanged, this, &AgreementView::onRoundChanged);
    rebuild();
}

bool AgreementView::setCpa(CpaId cpa)
{
    const int index = m_cpaCombo->findData(cpa.value());
    if (index < 0)
        return false;
    m_cpaCombo->setCurrentIndex(index);
    return true;
}

CpaId AgreementView::cpa() const
{
    return CpaId(m_cpaCombo->currentData().toLongLong());
}

bool AgreementView::isModified() const
{
    return m_modified;
}

QString AgreementView::frozenReason() const
{
    if (!m_document)
        return {};
    if (const QString why = m_document->whyNotEditable(); !why.isEmpty())
        return why;
    return m_document->whyAgreementsFrozen();
}

void AgreementView::onRoundChanged()
{
    // Unsaved edits are kept: only the state (e.g. frozen) follows the document then.
    if (m_modified)
        refreshState();
    else
        rebuild();
}

void AgreementView::rebuild()
{
    const CpaPlan *plan = m_document ? m_document->round().adoptedPlan() : nullptr;
    m_noPlanLabel->setVisible(m_document && !plan);
    m_form->setVisible(plan != nullptr);
    if (!plan)
        return;
    const Round &round = m_document->round();
    m_loading = true;
    const CpaId previous = cpa();
    m_cpaCombo->clear();
    for (const Cpa &c : plan->cpas)
        m_cpaCombo->addItem(c.name, c.id.value());
    const int index = m_cpaCombo->findData(previous.value());
    m_cpaCombo->setCurrentIndex(index >= 0 ? index : 0);

    m_groupList->clear();
    for (const PriorityGroup &g : round.priorityGroups) {
        auto *item = new QListWidgetItem(g.name, m_groupList);
        item->setData(kKeyRole, g.key);
        item->setToolTip(g.description);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
        item->setCheckState(Qt::Unchecked);
    }
    m_loading = false;
    loadForm();
}

void AgreementView::loadForm()
{
    if (!m_document || !m_document->round().adoptedPlan())
        return;
    const Round &round = m_document->round();
    const Cpa *shown = round.adoptedCpa(cpa());
    m_loading = true;

    // The indicators, each with this CPA's latest value.
    const Indicators indicators(round);
    m_indicatorList->clear();
    for (const IndicatorInfo &info : indicators.all()) {
        QString text = info.name;
        if (shown && !info.dates.isEmpty()) {
            const std::optional<double> value =
                indicators.value(info.id, shown->members, info.dates.last());
            const int decimals = info.kind == IndicatorInfo::Kind::Ratio ? 1 : 0;
            text = tr("%1: %2 (%3)")
                       .arg(info.name,
                            value ? IndicatorTableModel::formatValue(*value, decimals)
                                  : IndicatorTableModel::missingText(),
                            info.dates.last());
        }
        auto *item = new QListWidgetItem(text, m_indicatorList);
        item->setData(kKeyRole, info.id);
        item->setToolTip(info.illustrative ? tr("%1. Illustrative figures.").arg(info.source)
                                           : info.source);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
        item->setCheckState(Qt::Unchecked);
    }

    const LabourMarketAgreement *agreement = shown ? round.agreement(shown->id) : nullptr;
    setChecked(m_indicatorList, agreement ? agreement->headlineIndicators : QStringList());
    setChecked(m_groupList, agreement ? agreement->priorityGroups : QStringList());
    m_narrative->setPlainText(agreement ? agreement->narrative : QString());
    if (agreement && agreement->updatedAt.isValid())
        m_statusLabel->setText(
            tr("Recorded %1")
                .arg(QLocale().toString(agreement->updatedAt.toLocalTime(), QLocale::ShortFormat)));
    else if (agreement)
        m_statusLabel->setText(tr("Recorded"));
    else
        m_statusLabel->setText(tr("No agreement recorded for this CPA yet."));
    m_loading = false;
    m_modified = false;
    refreshState();
}

void AgreementView::refreshState()
{
    const QString frozen = frozenReason();
    const bool editable = m_document && frozen.isEmpty();
    m_frozenNotice->setText(frozen);
    m_frozenNotice->setVisible(!frozen.isEmpty());
    for (QListWidget *list : {m_indicatorList, m_groupList}) {
        for (int i = 0; i < list->count(); ++i) {
            QListWidgetItem *item = list->item(i);
            const Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
            m_loading = true;
            item->setFlags(editable ? flags | Qt::ItemIsUserCheckable : flags);
            m_loading = false;
        }
    }
    m_narrative->setReadOnly(!editable);
    const bool recorded = m_document && m_document->round().agreement(cpa());
    m_saveButton->setEnabled(editable && m_modified);
    m_revertButton->setEnabled(m_modified);
    m_removeButton->setEnabled(editable && recorded && !m_modified);
    // Another CPA is picked only once the edits are saved or reverted, so none are lost.
    m_cpaCombo->setEnabled(!m_modified);
    // The tool tip is also the combo box's description, so it is never empty.
    m_cpaCombo->setToolTip(m_modified ? tr("Save or revert the changes to pick another CPA.")
                                      : tr("Choose the CPA whose needs agreement is shown."));
}

bool AgreementView::save()
{
    if (!m_document || !m_modified)
        return false;
    LabourMarketAgreement agreement;
    agreement.cpa = cpa();
    agreement.headlineIndicators = checkedKeys(m_indicatorList);
    agreement.narrative = m_narrative->toPlainText();
    agreement.priorityGroups = checkedKeys(m_groupList);
    const bool ok = m_edits->run(tr("Could not save the agreement"), [&] {
        return Commands::setAgreement(m_document, agreement.cpa, agreement);
    });
    if (ok)
        loadForm();
    return ok;
}

void AgreementView::revert()
{
    loadForm();
}

bool AgreementView::remove()
{
    if (!m_document)
        return false;
    const CpaId shown = cpa();
    return m_edits->run(tr("Could not remove the agreement"),
                        [&] { return Commands::setAgreement(m_document, shown, std::nullopt); });
}

} // namespace CoCommission
