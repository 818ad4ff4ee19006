#include "ui/supply/ruledialog.h"

#include "core/supply/supplycheck.h"
#include "core/supply/timeline.h"
#include "ui/noticebox.h"
#include "ui/uiutil.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace CoCommission {

RuleDialog::RuleDialog(const TimelineRule &rule, bool isNew, QWidget *parent)
    : QDialog(parent)
    , m_fromCombo(new QComboBox(this))
    , m_toCombo(new QComboBox(this))
    , m_minimumSpin(new QSpinBox(this))
    , m_readBack(UiUtil::makeText(this))
    , m_errorBox(new NoticeBox(NoticeBox::Kind::Warning, QString(), this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("ruleDialog"));
    setWindowTitle(isNew ? tr("Add a timeline rule") : tr("Edit timeline rule"));
    setAccessibleName(windowTitle());

    auto *intro = UiUtil::makeText(this, true);
    intro->setText(tr("The rule measures from the start of the first milestone of one kind to the "
                      "end of the last milestone of another. Pick the same kind twice to set how "
                      "long that milestone lasts."));

    m_fromCombo->setObjectName(QStringLiteral("ruleFromCombo"));
    m_fromCombo->setAccessibleName(tr("Measured from the start of"));
    m_fromCombo->setAccessibleDescription(
        tr("The kind of milestone whose first start the rule measures from."));
    m_toCombo->setObjectName(QStringLiteral("ruleToCombo"));
    m_toCombo->setAccessibleName(tr("Measured to the end of"));
    m_toCombo->setAccessibleDescription(
        tr("The kind of milestone whose last end the rule measures to; the same kind sets how "
           "long that milestone lasts."));
    for (MilestoneKind kind : milestoneKinds()) {
        m_fromCombo->addItem(milestoneName(kind), int(kind));
        m_toCombo->addItem(milestoneName(kind), int(kind));
    }
    m_fromCombo->setCurrentIndex(m_fromCombo->findData(int(rule.from)));
    m_toCombo->setCurrentIndex(m_toCombo->findData(int(rule.to)));

    m_minimumSpin->setObjectName(QStringLiteral("ruleMinimumSpin"));
    m_minimumSpin->setAccessibleName(tr("Minimum in days"));
    m_minimumSpin->setAccessibleDescription(
        tr("The fewest days the timeline must allow between the two."));
    m_minimumSpin->setRange(0, kMaxRuleDays);
    m_minimumSpin->setSuffix(tr(" days"));
    m_minimumSpin->setValue(rule.minimumDays);

    m_readBack->setObjectName(QStringLiteral("ruleReadBackLabel"));
    QFont bold = m_readBack->font();
    bold.setBold(true);
    m_readBack->setFont(bold);

    m_errorBox->setObjectName(QStringLiteral("ruleErrorBox"));
    m_errorBox->hide();

    m_okButton = UiUtil::addAcceptButton(
        m_buttons, isNew ? tr("&Add rule") : tr("&Save rule"),
        isNew ? tr("Add rule") : tr("Save rule"),
        isNew ? tr("Adds the rule; the timeline is checked against it at once.")
              : tr("Records the rule as edited."),
        QStringLiteral("rule"), tr("Closes the dialog and changes nothing."));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *form = new QFormLayout;
    form->addRow(tr("&From the start of:"), m_fromCombo);
    form->addRow(tr("&To the end of:"), m_toCombo);
    form->addRow(tr("At &least:"), m_minimumSpin);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_readBack);
    layout->addWidget(m_errorBox);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    connect(m_fromCombo, &QComboBox::currentIndexChanged, this, &RuleDialog::updateReadBack);
    connect(m_toCombo, &QComboBox::currentIndexChanged, this, &RuleDialog::updateReadBack);
    connect(m_minimumSpin, &QSpinBox::valueChanged, this, &RuleDialog::updateReadBack);
    updateReadBack();
    m_fromCombo->setFocus();
    resize(520, sizeHint().height());
}

TimelineRule RuleDialog::rule() const
{
    TimelineRule r;
    r.from = MilestoneKind(m_fromCombo->currentData().toInt());
    r.to = MilestoneKind(m_toCombo->currentData().toInt());
    r.minimumDays = m_minimumSpin->value();
    return r;
}

void RuleDialog::updateReadBack()
{
    m_readBack->setText(tr("The rule reads: %1.").arg(timelineRuleDescription(rule())));
}

void RuleDialog::accept()
{
    const QString problem = m_validator ? m_validator(rule()) : QString();
    m_errorBox->setText(problem);
    m_errorBox->setVisible(!problem.isEmpty());
    if (problem.isEmpty())
        QDialog::accept();
}

} // namespace CoCommission
