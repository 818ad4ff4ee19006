#include "ui/signoffdialog.h"

#include "ui/noticebox.h"
#include "ui/uiutil.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace CoCommission {

SignOffDialog::SignOffDialog(StageId stage, const QList<SignOffParty> &parties, QWidget *parent)
    : QDialog(parent)
    , m_parties(parties)
    , m_partyCombo(new QComboBox(this))
    , m_nameEdit(new QLineEdit(this))
    , m_roleEdit(new QLineEdit(this))
    , m_rationaleEdit(new QPlainTextEdit(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Sign off stage %1").arg(stageNumber(stage)));
    setAccessibleName(windowTitle());

    auto *heading = new QLabel(
        tr("Sign off stage %1: %2").arg(stageNumber(stage)).arg(stageTitle(stage)), this);
    QFont headingFont = heading->font();
    headingFont.setBold(true);
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.2);
    heading->setFont(headingFont);
    heading->setWordWrap(true);

    auto *finality = new NoticeBox(
        NoticeBox::Kind::Warning,
        tr("A signature is final. It cannot be undone or withdrawn. Signing archives a snapshot "
           "of the round as it stands now, records it in the audit log, and clears the undo "
           "history, so earlier edits can no longer be undone."),
        this);

    for (SignOffParty party : parties)
        m_partyCombo->addItem(partyName(party));
    m_partyCombo->setAccessibleName(tr("Signing party"));
    m_partyCombo->setToolTip(tr("The party whose signature is recorded for this stage."));
    m_nameEdit->setAccessibleName(tr("Signatory's name"));
    m_nameEdit->setPlaceholderText(tr("Full name"));
    m_roleEdit->setAccessibleName(tr("Signatory's role"));
    m_roleEdit->setPlaceholderText(tr("For example: Chair of the partnership board"));
    m_rationaleEdit->setAccessibleName(tr("Rationale for the decision"));
    m_rationaleEdit->setPlaceholderText(tr("Why the party signs this stage off"));
    m_rationaleEdit->setAccessibleDescription(
        tr("Why the party signs this stage off: required, and kept with the signature."));
    m_rationaleEdit->setTabChangesFocus(true);
    m_rationaleEdit->setFixedHeight(fontMetrics().lineSpacing() * 6 + 12);

    auto *form = new QFormLayout;
    form->addRow(tr("&Party:"), m_partyCombo);
    form->addRow(tr("&Name:"), m_nameEdit);
    form->addRow(tr("&Role:"), m_roleEdit);
    form->addRow(tr("R&ationale:"), m_rationaleEdit);

    auto *required = new QLabel(tr("All four are required."), this);

    QPushButton *sign = m_buttons->addButton(tr("&Sign off"), QDialogButtonBox::AcceptRole);
    sign->setAccessibleName(tr("Sign off"));
    // The tool tip says what is missing while the button is disabled; this stays.
    sign->setAccessibleDescription(
        tr("Records the signature for good and archives a snapshot of the round."));
    QPushButton *cancel = m_buttons->button(QDialogButtonBox::Cancel);
    cancel->setAccessibleName(tr("Cancel"));
    cancel->setToolTip(tr("Closes the dialog without signing."));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addWidget(finality);
    layout->addLayout(form);
    layout->addWidget(required);
    layout->addWidget(m_buttons);

    connect(m_nameEdit, &QLineEdit::textChanged, this, &SignOffDialog::updateAcceptable);
    connect(m_roleEdit, &QLineEdit::textChanged, this, &SignOffDialog::updateAcceptable);
    connect(m_rationaleEdit, &QPlainTextEdit::textChanged, this, &SignOffDialog::updateAcceptable);
    updateAcceptable();
    m_partyCombo->setFocus();
    resize(560, sizeHint().height());
}

SignOffDetails SignOffDialog::details() const
{
    SignOffDetails details;
    const int index = m_partyCombo->currentIndex();
    if (index >= 0 && index < m_parties.size())
        details.party = m_parties.at(index);
    details.name = m_nameEdit->text().trimmed();
    details.role = m_roleEdit->text().trimmed();
    details.rationale = m_rationaleEdit->toPlainText().trimmed();
    return details;
}

void SignOffDialog::updateAcceptable()
{
    const SignOffDetails d = details();
    const bool complete =
        !m_parties.isEmpty() && !d.name.isEmpty() && !d.role.isEmpty() && !d.rationale.isEmpty();
    const QList<QAbstractButton *> buttons = m_buttons->buttons();
    for (QAbstractButton *button : buttons) {
        if (m_buttons->buttonRole(button) == QDialogButtonBox::AcceptRole) {
            UiUtil::setAvailable(button, complete, {},
                                 tr("Fill in the party, name, role and rationale."));
        }
    }
}

} // namespace CoCommission
