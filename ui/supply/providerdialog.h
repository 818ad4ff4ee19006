#pragma once

#include "core/round/supply.h"

#include <QDialog>

#include <functional>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace CoCommission {

class NoticeBox;
struct Round;

/**
 * Asks for one organisation of the provider register: its name, sector, whether it is an SME,
 * its specialisms (a checkable list) and the authorities it serves, grouped under the CPAs of
 * the adopted plan so that a whole CPA is ticked at once (authorities in no CPA come last), and
 * a contact.
 *
 * provider() keeps the order of the specialisms and areas it was given and appends new ones in
 * the order shown, so that opening and accepting the dialog unchanged gives the same provider.
 * accept() asks the validator first: a problem is shown in the dialog, which stays open.
 */
class ProviderDialog : public QDialog
{
    Q_OBJECT

public:
    /** Returns a translated problem with \a provider, or an empty string when it may be stored. */
    using Validator = std::function<QString(const Provider &provider)>;

    ProviderDialog(const Round &round, const Provider &provider, bool isNew,
                   QWidget *parent = nullptr);

    Provider provider() const;
    void setValidator(Validator validator) { m_validator = std::move(validator); }

    /** Ticks or clears specialism \a key; false when it is not listed. */
    bool setSpecialismChecked(const QString &key, bool checked);
    /** Ticks or clears authority \a gssCode; false when it is not listed. */
    bool setAreaChecked(const QString &gssCode, bool checked);
    /** Ticks or clears every authority of CPA \a name; false when it is not listed. */
    bool setCpaChecked(const QString &name, bool checked);

    QLineEdit *nameEdit() const { return m_nameEdit; }
    QComboBox *sectorCombo() const { return m_sectorCombo; }
    QCheckBox *smeCheck() const { return m_smeCheck; }
    QListWidget *specialismList() const { return m_specialismList; }
    QTreeWidget *areaTree() const { return m_areaTree; }
    QLineEdit *contactEdit() const { return m_contactEdit; }
    /** Shows what the validator found wrong on the last accept(); hidden when nothing was. */
    NoticeBox *errorBox() const { return m_errorBox; }
    QPushButton *okButton() const { return m_okButton; }

    void accept() override;

private:
    void updateAcceptable();
    void updateAreaSummary();
    QTreeWidgetItem *areaItem(const QString &gssCode) const;

    Provider m_original;
    Validator m_validator;
    QLineEdit *m_nameEdit;
    QComboBox *m_sectorCombo;
    QCheckBox *m_smeCheck;
    QListWidget *m_specialismList;
    QTreeWidget *m_areaTree;
    QLabel *m_areaSummary;
    QLineEdit *m_contactEdit;
    NoticeBox *m_errorBox;
    QDialogButtonBox *m_buttons;
    QPushButton *m_okButton;
};

} // namespace CoCommission
