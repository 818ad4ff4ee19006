#include "ui/paper/newpaperdialog.h"

#include "ui/uiutil.h"

#include <QCheckBox>
#include <QDate>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace CoCommission {

NewPaperDialog::NewPaperDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("newPaperDialog"));
    setWindowTitle(tr("New board paper"));

    auto *stagesBox = new QGroupBox(tr("Stages the paper covers"), this);
    auto *stagesLayout = new QVBoxLayout(stagesBox);
    for (StageId stage : kAllStages) {
        auto *check =
            new QCheckBox(tr("&%1. %2").arg(stageNumber(stage)).arg(stageTitle(stage)), stagesBox);
        check->setObjectName(QStringLiteral("newPaperStage%1").arg(stageNumber(stage)));
        check->setAccessibleName(
            tr("Covers stage %1, %2").arg(stageNumber(stage)).arg(stageTitle(stage).toLower()));
        check->setAccessibleDescription(
            tr("Tick to give the paper a section on stage %1, drafted from the round.")
                .arg(stageNumber(stage)));
        connect(check, &QCheckBox::toggled, this, &NewPaperDialog::updateOk);
        stagesLayout->addWidget(check);
        m_checks.append(check);
    }

    m_meeting = new QDateEdit(this);
    m_meeting->setObjectName(QStringLiteral("newPaperMeeting"));
    m_meeting->setAccessibleName(tr("Date of the meeting"));
    m_meeting->setAccessibleDescription(
        tr("The day of the board meeting the paper goes to; Alt+Down opens a calendar."));
    m_meeting->setCalendarPopup(true);
    m_meeting->setDisplayFormat(QStringLiteral("d MMMM yyyy"));
    m_meeting->setDate(QDate::currentDate().addDays(14));
    auto *form = new QFormLayout;
    form->addRow(tr("&Meeting date:"), m_meeting);

    m_hint = new QLabel(this);
    m_hint->setObjectName(QStringLiteral("newPaperHint"));
    m_hint->setWordWrap(true);
    UiUtil::makeSecondary(m_hint);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    QPushButton *ok = m_buttons->button(QDialogButtonBox::Ok);
    ok->setText(tr("Make paper"));
    ok->setObjectName(QStringLiteral("newPaperOkButton"));
    ok->setAccessibleName(tr("Make paper"));
    ok->setAccessibleDescription(tr("Makes the paper, with text drawn from the round."));
    QPushButton *cancel = m_buttons->button(QDialogButtonBox::Cancel);
    cancel->setObjectName(QStringLiteral("newPaperCancelButton"));
    cancel->setAccessibleName(tr("Cancel"));
    cancel->setAccessibleDescription(tr("Closes the dialog without making a paper."));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(
        tr("The paper starts with text drawn from the round, which you can then change."), this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    layout->addWidget(stagesBox);
    layout->addLayout(form);
    layout->addWidget(m_hint);
    layout->addWidget(m_buttons);
    updateOk();
}

QList<StageId> NewPaperDialog::stages() const
{
    QList<StageId> stages;
    for (StageId stage : kAllStages) {
        if (m_checks.at(int(stage))->isChecked())
            stages.append(stage);
    }
    return stages;
}

void NewPaperDialog::setStages(const QList<StageId> &stages)
{
    for (StageId stage : kAllStages)
        m_checks.at(int(stage))->setChecked(stages.contains(stage));
}

QDate NewPaperDialog::meeting() const
{
    return m_meeting->date();
}

void NewPaperDialog::setMeeting(const QDate &date)
{
    m_meeting->setDate(date);
}

void NewPaperDialog::updateOk()
{
    const bool any = !stages().isEmpty();
    UiUtil::setAvailable(m_buttons->button(QDialogButtonBox::Ok), any, {},
                         tr("Tick at least one stage."));
    m_hint->setText(any ? QString() : tr("Tick at least one stage."));
    m_hint->setVisible(!any);
}

} // namespace CoCommission
