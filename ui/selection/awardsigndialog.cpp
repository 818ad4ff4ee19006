#include "ui/selection/awardsigndialog.h"

#include "ui/noticebox.h"
#include "ui/uiutil.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace CoCommission {

AwardSignDialog::AwardSignDialog(const QString &lotName, const QString &party,
                                 const QString &recommendation, QWidget *parent)
    : QDialog(parent)
    , m_party(party)
    , m_nameEdit(new QLineEdit(this))
    , m_roleEdit(new QLineEdit(this))
    , m_rationaleEdit(new QPlainTextEdit(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("awardSignDialog"));
    setWindowTitle(tr("Sign the award for %1").arg(lotName));
    setAccessibleName(windowTitle());

    auto *heading =
        new QLabel(tr("%1 signs the award recommendation for %2").arg(party, lotName), this);
    QFont headingFont = heading->font();
    headingFont.setBold(true);
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.2);
    heading->setFont(headingFont);
    heading->setWordWrap(true);
    auto *recommended = new QLabel(recommendation, this);
    recommended->setObjectName(QStringLiteral("awardRecommendationLabel"));
    recommended->setWordWrap(true);
    recommended->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *finality = new NoticeBox(
        NoticeBox::Kind::Warning,
        tr("A signature is final. It cannot be undone or withdrawn, and once every party has "
           "signed, the lot's scores are final too. It is recorded in the audit log."),
        this);

    m_nameEdit->setObjectName(QStringLiteral("awardSignerNameEdit"));
    m_nameEdit->setAccessibleName(tr("Signatory's name"));
    m_nameEdit->setPlaceholderText(tr("Full name"));
    m_roleEdit->setObjectName(QStringLiteral("awardSignerRoleEdit"));
    m_roleEdit->setAccessibleName(tr("Signatory's role"));
    m_roleEdit->setPlaceholderText(tr("For example: Chair of the partnership board"));
    m_rationaleEdit->setObjectName(QStringLiteral("awardRationaleEdit"));
    m_rationaleEdit->setAccessibleName(tr("Rationale for the award"));
    m_rationaleEdit->setPlaceholderText(tr("Why the party recommends this award"));
    m_rationaleEdit->setAccessibleDescription(
        tr("Why the party recommends this award: required, and kept with the signature."));
    m_rationaleEdit->setTabChangesFocus(true);
    m_rationaleEdit->setFixedHeight(fontMetrics().lineSpacing() * 6 + 12);

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_nameEdit);
    form->addRow(tr("&Role:"), m_roleEdit);
    form->addRow(tr("R&ationale:"), m_rationaleEdit);
    auto *required = new QLabel(tr("All three are required."), this);

    m_signButton = m_buttons->addButton(tr("&Sign"), QDialogButtonBox::AcceptRole);
    m_signButton->setObjectName(QStringLiteral("awardSignButton"));
    m_signButton->setAccessibleName(tr("Sign the award"));
    // The tool tip says what is missing while the button is disabled; this stays.
    m_signButton->setAccessibleDescription(
        tr("Records the party's signature of the award recommendation for good."));
    QPushButton *cancel = m_buttons->button(QDialogButtonBox::Cancel);
    cancel->setAccessibleName(tr("Cancel"));
    cancel->setToolTip(tr("Closes the dialog without signing."));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addWidget(recommended);
    layout->addWidget(finality);
    layout->addLayout(form);
    layout->addWidget(required);
    layout->addWidget(m_buttons);

    connect(m_nameEdit, &QLineEdit::textChanged, this, &AwardSignDialog::updateAcceptable);
    connect(m_roleEdit, &QLineEdit::textChanged, this, &AwardSignDialog::updateAcceptable);
    connect(m_rationaleEdit, &QPlainTextEdit::textChanged, this,
            &AwardSignDialog::updateAcceptable);
    updateAcceptable();
    m_nameEdit->setFocus();
    resize(560, sizeHint().height());
}

QString AwardSignDialog::name() const
{
    return m_nameEdit->text().trimmed();
}

QString AwardSignDialog::role() const
{
    return m_roleEdit->text().trimmed();
}

QString AwardSignDialog::rationale() const
{
    return m_rationaleEdit->toPlainText().trimmed();
}

void AwardSignDialog::updateAcceptable()
{
    const bool complete = !name().isEmpty() && !role().isEmpty() && !rationale().isEmpty();
    UiUtil::setAvailable(m_signButton, complete, {}, tr("Fill in the name, role and rationale."));
}

} // namespace CoCommission
