#include "ui/monitoring/profilederivedialog.h"

#include "core/round/round.h"
#include "ui/uiutil.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace CoCommission {

ProfileDeriveDialog::ProfileDeriveDialog(const Round &round, const QDate &start, QWidget *parent)
    : QDialog(parent)
    , m_scenarioCombo(new QComboBox(this))
    , m_startEdit(new QDateEdit(this))
    , m_explanation(UiUtil::makeText(this, true))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("profileDeriveDialog"));
    setWindowTitle(tr("Derive the contract profile"));
    setAccessibleName(windowTitle());

    m_scenarioCombo->setObjectName(QStringLiteral("profileScenarioCombo"));
    m_scenarioCombo->setAccessibleName(tr("Payment scenario"));
    m_scenarioCombo->setAccessibleDescription(
        tr("The payment scenario of the service design whose referrals, rates and payments the "
           "profile follows."));
    for (const PaymentScenario &s : round.design.scenarios)
        m_scenarioCombo->addItem(s.name, s.name);

    m_startEdit->setObjectName(QStringLiteral("profileStartEdit"));
    m_startEdit->setAccessibleName(tr("First month of the contract"));
    m_startEdit->setAccessibleDescription(
        tr("The month the contract starts: the profile's first month."));
    m_startEdit->setDisplayFormat(QStringLiteral("MMMM yyyy"));
    m_startEdit->setDateRange(QDate(2000, 1, 1), QDate(2099, 12, 1));
    m_startEdit->setCurrentSection(QDateTimeEdit::MonthSection);
    const QDate first = start.isValid() ? start : QDate::currentDate();
    m_startEdit->setDate(QDate(first.year(), first.month(), 1));

    m_explanation->setText(
        tr("Each month of the scenario's contract years brings a twelfth of the referrals it "
           "expects a year, all of whom start; job outcomes follow after the months to a job it "
           "assumes, at its job outcome rate, and sustained job outcomes after the sustainment "
           "payments, at its sustainment rate. The profile replaces the current one; undo "
           "brings that back."));

    m_okButton = UiUtil::addAcceptButton(m_buttons, tr("&Derive profile"), tr("Derive profile"),
                                         tr("Replaces the contract profile with one derived from "
                                            "the scenario; undo brings the old one back."),
                                         QStringLiteral("profileDerive"),
                                         tr("Closes the dialog and leaves the profile as it is."));
    m_okButton->setEnabled(m_scenarioCombo->count() > 0);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ProfileDeriveDialog::onOk);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->addRow(tr("Payment &scenario:"), m_scenarioCombo);
    form->addRow(tr("&First month:"), m_startEdit);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_explanation);
    layout->addStretch(1);
    layout->addWidget(m_buttons);
    m_scenarioCombo->setFocus();
    resize(560, sizeHint().height());
}

QString ProfileDeriveDialog::scenario() const
{
    return m_scenarioCombo->currentData().toString();
}

QDate ProfileDeriveDialog::start() const
{
    const QDate date = m_startEdit->date();
    return QDate(date.year(), date.month(), 1);
}

void ProfileDeriveDialog::onOk()
{
    if (!m_apply || m_apply())
        accept();
}

} // namespace CoCommission
