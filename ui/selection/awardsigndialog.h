#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace CoCommission {

/**
 * Asks one party's signatory for their signature on the award recommendation of a lot: name,
 * role and rationale, all required. It names the recommended bid and says plainly that a
 * signature is final.
 */
class AwardSignDialog : public QDialog
{
    Q_OBJECT

public:
    AwardSignDialog(const QString &lotName, const QString &party, const QString &recommendation,
                    QWidget *parent = nullptr);

    QString party() const { return m_party; }
    QString name() const;
    QString role() const;
    QString rationale() const;

    QLineEdit *nameEdit() const { return m_nameEdit; }
    QLineEdit *roleEdit() const { return m_roleEdit; }
    QPlainTextEdit *rationaleEdit() const { return m_rationaleEdit; }
    QPushButton *signButton() const { return m_signButton; }

private:
    void updateAcceptable();

    QString m_party;
    QLineEdit *m_nameEdit;
    QLineEdit *m_roleEdit;
    QPlainTextEdit *m_rationaleEdit;
    QDialogButtonBox *m_buttons;
    QPushButton *m_signButton;
};

} // namespace CoCommission
