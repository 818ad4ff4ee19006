#include "ui/monitoring/boardmemberdialog.h"

#include "ui/noticebox.h"
#include "ui/uiutil.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace CoCommission {

BoardMemberDialog::BoardMemberDialog(const BoardMember &member, bool isNew, QWidget *parent)
    : QDialog(parent)
    , m_nameEdit(new QLineEdit(this))
    , m_roleCombo(new QComboBox(this))
    , m_organisationEdit(new QLineEdit(this))
    , m_votingCheck(new QCheckBox(tr("&Voting member: counts towards the quorum"), this))
    , m_errorBox(new NoticeBox(NoticeBox::Kind::Warning, QString(), this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("boardMemberDialog"));
    setWindowTitle(isNew ? tr("Add a board member") : tr("Edit board member: %1").arg(member.name));
    setAccessibleName(windowTitle());

    m_nameEdit->setObjectName(QStringLiteral("memberNameEdit"));
    m_nameEdit->setAccessibleName(tr("Member's name"));
    m_nameEdit->setPlaceholderText(tr("For example: Cllr Jane Smith"));
    m_nameEdit->setText(member.name);

    m_roleCombo->setObjectName(QStringLiteral("memberRoleCombo"));
    m_roleCombo->setAccessibleName(tr("Role on the board"));
    m_roleCombo->setAccessibleDescription(
        tr("Whom the member represents on the board, for example the political lead, "
           "Jobcentre Plus or a business representative."));
    for (BoardRole role : boardRoles())
        m_roleCombo->addItem(boardRoleName(role), int(role));
    m_roleCombo->setCurrentIndex(m_roleCombo->findData(int(member.role)));

    m_organisationEdit->setObjectName(QStringLiteral("memberOrganisationEdit"));
    m_organisationEdit->setAccessibleName(tr("Organisation"));
    m_organisationEdit->setPlaceholderText(tr("For example: London Borough of Camden"));
    m_organisationEdit->setText(member.organisation);

    m_votingCheck->setObjectName(QStringLiteral("memberVotingCheck"));
    m_votingCheck->setAccessibleName(tr("Voting member"));
    m_votingCheck->setToolTip(tr("Clear it for an advisory member, who attends without a vote "
                                 "and does not count towards the quorum."));
    m_votingCheck->setChecked(member.voting);

    m_errorBox->setObjectName(QStringLiteral("memberErrorBox"));
    m_errorBox->hide();

    m_okButton = UiUtil::addAcceptButton(
        m_buttons, isNew ? tr("&Add member") : tr("&Save member"),
        isNew ? tr("Add member") : tr("Save member"),
        isNew ? tr("Adds the member to the programme board.") : tr("Records the member as edited."),
        QStringLiteral("member"), tr("Closes the dialog and changes nothing."));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->addRow(tr("&Name:"), m_nameEdit);
    form->addRow(tr("&Role:"), m_roleCombo);
    form->addRow(tr("&Organisation:"), m_organisationEdit);
    form->addRow(QString(), m_votingCheck);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_errorBox);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    connect(m_nameEdit, &QLineEdit::textChanged, this, &BoardMemberDialog::updateAcceptable);
    updateAcceptable();
    m_nameEdit->setFocus();
    resize(520, sizeHint().height());
}

BoardMember BoardMemberDialog::member() const
{
    BoardMember m;
    m.name = m_nameEdit->text().trimmed();
    m.role = BoardRole(m_roleCombo->currentData().toInt());
    m.organisation = m_organisationEdit->text().trimmed();
    m.voting = m_votingCheck->isChecked();
    return m;
}

void BoardMemberDialog::updateAcceptable()
{
    const bool named = !m_nameEdit->text().trimmed().isEmpty();
    UiUtil::setAvailable(m_okButton, named, {}, tr("Give the member's name."));
}

void BoardMemberDialog::accept()
{
    const QString problem = m_validator ? m_validator(member()) : QString();
    // The problem is shown where the user is; the dialog stays open to put it right.
    m_errorBox->setText(problem);
    m_errorBox->setVisible(!problem.isEmpty());
    if (problem.isEmpty())
        QDialog::accept();
}

} // namespace CoCommission
