#pragma once

#include "ui/dialogservice.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;

namespace CoCommission {

/**
 * Asks for a ratio indicator: its name, the numerator and denominator (two measures of the
 * round) and the scale (100 for a percentage). The name is required and the two measures must
 * differ; the round checks the rest when the ratio is added.
 */
class RatioDialog : public QDialog
{
    Q_OBJECT

public:
    RatioDialog(const QList<IndicatorChoice> &measures, QWidget *parent = nullptr);

    RatioDetails details() const;

private:
    void updateAcceptable();

    QLineEdit *m_nameEdit;
    QComboBox *m_numeratorCombo;
    QComboBox *m_denominatorCombo;
    QDoubleSpinBox *m_scaleSpin;
    QLabel *m_problemLabel;
    QDialogButtonBox *m_buttons;
};

} // namespace CoCommission
