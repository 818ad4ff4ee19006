#include "ui/ratiodialog.h"

#include "ui/uiutil.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace CoCommission {

RatioDialog::RatioDialog(const QList<IndicatorChoice> &measures, QWidget *parent)
    : QDialog(parent)
    , m_nameEdit(new QLineEdit(this))
    , m_numeratorCombo(new QComboBox(this))
    , m_denominatorCombo(new QComboBox(this))
    , m_scaleSpin(new QDoubleSpinBox(this))
    , m_problemLabel(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Add ratio indicator"));
    setAccessibleName(windowTitle());

    auto *explanation = new QLabel(
        tr("A ratio divides one measure by another and multiplies by the scale, for example the "
           "claimant count divided by the population aged 16-64, times 100. For a partnership or "
           "a CPA it is worked out from the summed figures of its authorities, never averaged."),
        this);
    explanation->setWordWrap(true);

    for (const IndicatorChoice &measure : measures) {
        m_numeratorCombo->addItem(measure.name, measure.id);
        m_denominatorCombo->addItem(measure.name, measure.id);
    }
    if (measures.size() > 1)
        m_denominatorCombo->setCurrentIndex(1);
    for (QComboBox *combo : {m_numeratorCombo, m_denominatorCombo}) {
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(30);
    }

    m_nameEdit->setAccessibleName(tr("Indicator name"));
    m_nameEdit->setPlaceholderText(tr("For example: Claimant rate (%)"));
    m_numeratorCombo->setAccessibleName(tr("Numerator measure"));
    m_numeratorCombo->setToolTip(tr("The measure divided, for example the claimant count."));
    m_denominatorCombo->setAccessibleName(tr("Denominator measure"));
    m_denominatorCombo->setToolTip(
        tr("The measure divided by, for example the population aged 16-64."));
    m_scaleSpin->setAccessibleName(tr("Scale"));
    m_scaleSpin->setDecimals(0);
    m_scaleSpin->setRange(1, 1000000);
    m_scaleSpin->setValue(100);
    m_scaleSpin->setGroupSeparatorShown(true);
    m_scaleSpin->setToolTip(tr("100 gives a percentage; 1,000 gives a rate per thousand."));

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("&Name:"), m_nameEdit);
    form->addRow(tr("N&umerator:"), m_numeratorCombo);
    form->addRow(tr("&Denominator:"), m_denominatorCombo);
    form->addRow(tr("&Scale:"), m_scaleSpin);

    m_problemLabel->setWordWrap(true);

    QPushButton *add = m_buttons->addButton(tr("&Add indicator"), QDialogButtonBox::AcceptRole);
    add->setAccessibleName(tr("Add indicator"));
    // The tool tip gives the reason while the button is disabled; this stays.
    add->setAccessibleDescription(tr("Adds the ratio indicator to the needs assessment."));
    add->setDefault(true);
    QPushButton *cancel = m_buttons->button(QDialogButtonBox::Cancel);
    cancel->setAccessibleName(tr("Cancel"));
    cancel->setToolTip(tr("Closes the dialog without adding an indicator."));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(explanation);
    layout->addLayout(form);
    layout->addWidget(m_problemLabel);
    layout->addWidget(m_buttons);

    connect(m_nameEdit, &QLineEdit::textChanged, this, &RatioDialog::updateAcceptable);
    connect(m_numeratorCombo, &QComboBox::currentIndexChanged, this,
            &RatioDialog::updateAcceptable);
    connect(m_denominatorCombo, &QComboBox::currentIndexChanged, this,
            &RatioDialog::updateAcceptable);
    updateAcceptable();
    m_nameEdit->setFocus();
    resize(600, sizeHint().height());
}

RatioDetails RatioDialog::details() const
{
    return {m_nameEdit->text().trimmed(), m_numeratorCombo->currentData().toString(),
            m_denominatorCombo->currentData().toString(), m_scaleSpin->value()};
}

void RatioDialog::updateAcceptable()
{
    const RatioDetails d = details();
    QString problem;
    if (d.name.isEmpty())
        problem = tr("Give the indicator a name.");
    else if (d.numerator.isEmpty() || d.denominator.isEmpty())
        problem = tr("Pick a numerator and a denominator.");
    else if (d.numerator == d.denominator)
        problem = tr("Pick two different measures: a measure divided by itself is always 1.");
    m_problemLabel->setText(problem);
    m_problemLabel->setVisible(!problem.isEmpty());
    const QList<QAbstractButton *> buttons = m_buttons->buttons();
    for (QAbstractButton *button : buttons) {
        if (m_buttons->buttonRole(button) == QDialogButtonBox::AcceptRole) {
            UiUtil::setAvailable(button, problem.isEmpty(), {}, problem);
        }
    }
}

} // namespace CoCommission
