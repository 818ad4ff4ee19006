#include "ui/supply/milestonedialog.h"

#include "ui/noticebox.h"
#include "ui/uiutil.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace CoCommission {

namespace {

QDateEdit *makeDateEdit(const QString &accessibleName, const QString &description,
                        const QString &objectName, QWidget *parent)
{
    auto *edit = new QDateEdit(parent);
    edit->setObjectName(objectName);
    edit->setAccessibleName(accessibleName);
    edit->setAccessibleDescription(description);
    edit->setCalendarPopup(true);
    edit->setDisplayFormat(QStringLiteral("d MMM yyyy"));
    edit->setDateRange(QDate(2000, 1, 1), QDate(2099, 12, 31));
    return edit;
}

} // namespace

MilestoneDialog::MilestoneDialog(const Milestone &milestone, bool isNew, QWidget *parent)
    : QDialog(parent)
    , m_kindCombo(new QComboBox(this))
    , m_nameEdit(new QLineEdit(this))
    , m_oneDayCheck(new QCheckBox(tr("&One day"), this))
    , m_startEdit(makeDateEdit(tr("Start date"),
                               tr("The first day of the milestone; Alt+Down opens a calendar."),
                               QStringLiteral("milestoneStartEdit"), this))
    , m_endEdit(makeDateEdit(tr("End date"),
                             tr("The last day of the milestone; Alt+Down opens a calendar."),
                             QStringLiteral("milestoneEndEdit"), this))
    , m_errorBox(new NoticeBox(NoticeBox::Kind::Warning, QString(), this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("milestoneDialog"));
    setWindowTitle(isNew ? tr("Add a milestone") : tr("Edit milestone"));
    setAccessibleName(windowTitle());

    m_kindCombo->setObjectName(QStringLiteral("milestoneKindCombo"));
    m_kindCombo->setAccessibleName(tr("Kind of milestone"));
    m_kindCombo->setAccessibleDescription(
        tr("The phase of market engagement or procurement the milestone marks."));
    for (MilestoneKind kind : milestoneKinds())
        m_kindCombo->addItem(milestoneName(kind), int(kind));
    m_kindCombo->setCurrentIndex(m_kindCombo->findData(int(milestone.kind)));

    m_nameEdit->setObjectName(QStringLiteral("milestoneNameEdit"));
    m_nameEdit->setAccessibleName(tr("Milestone name"));
    m_nameEdit->setPlaceholderText(tr("Optional, for example: Provider event, Camden"));
    m_nameEdit->setText(milestone.name);

    m_oneDayCheck->setObjectName(QStringLiteral("milestoneOneDayCheck"));
    m_oneDayCheck->setAccessibleName(tr("The milestone is one day"));
    m_oneDayCheck->setAccessibleDescription(
        tr("Tick for an event on one day; clear it to give a start and an end date."));
    const QDate start = milestone.start.isValid() ? milestone.start : QDate::currentDate();
    const QDate end = milestone.end.isValid() ? milestone.end : start;
    m_oneDayCheck->setChecked(start == end);
    m_startEdit->setDate(start);
    m_endEdit->setDate(end);

    m_errorBox->setObjectName(QStringLiteral("milestoneErrorBox"));
    m_errorBox->hide();

    m_okButton = UiUtil::addAcceptButton(
        m_buttons, isNew ? tr("&Add milestone") : tr("&Save milestone"),
        isNew ? tr("Add milestone") : tr("Save milestone"),
        isNew ? tr("Adds the milestone to the market engagement timeline.")
              : tr("Records the milestone as edited."),
        QStringLiteral("milestone"), tr("Closes the dialog and changes nothing."));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *form = new QFormLayout;
    form->addRow(tr("&Kind:"), m_kindCombo);
    form->addRow(tr("&Name:"), m_nameEdit);
    form->addRow(QString(), m_oneDayCheck);
    form->addRow(tr("&Start:"), m_startEdit);
    form->addRow(tr("&End:"), m_endEdit);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_errorBox);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    connect(m_oneDayCheck, &QCheckBox::toggled, this, &MilestoneDialog::updateDates);
    connect(m_startEdit, &QDateEdit::dateChanged, this, [this](const QDate &date) {
        // A period keeps its end at or after its start; one day ends when it starts.
        if (m_oneDayCheck->isChecked() || m_endEdit->date() < date)
            m_endEdit->setDate(date);
    });
    updateDates();
    m_kindCombo->setFocus();
    resize(480, sizeHint().height());
}

Milestone MilestoneDialog::milestone() const
{
    Milestone m;
    m.kind = MilestoneKind(m_kindCombo->currentData().toInt());
    m.name = m_nameEdit->text().trimmed();
    m.start = m_startEdit->date();
    m.end = m_oneDayCheck->isChecked() ? m.start : m_endEdit->date();
    return m;
}

void MilestoneDialog::updateDates()
{
    const bool oneDay = m_oneDayCheck->isChecked();
    UiUtil::setAvailable(m_endEdit, !oneDay, {}, tr("A milestone of one day ends when it starts."));
    if (oneDay)
        m_endEdit->setDate(m_startEdit->date());
}

void MilestoneDialog::accept()
{
    const QString problem = m_validator ? m_validator(milestone()) : QString();
    m_errorBox->setText(problem);
    m_errorBox->setVisible(!problem.isEmpty());
    if (problem.isEmpty())
        QDialog::accept();
}

} // namespace CoCommission
