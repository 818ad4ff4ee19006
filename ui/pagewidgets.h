#pragma once

#include <QComboBox>
#include <QDoubleSpinBox>

class QWheelEvent;

namespace CoCommission {

/**
 * A combo box that leaves the mouse wheel to the page unless it has the focus: the views live
 * on scrolling pages, and scrolling past a picker must not change what it shows.
 */
class PageComboBox : public QComboBox
{
    Q_OBJECT

public:
    explicit PageComboBox(QWidget *parent = nullptr);

protected:
    void wheelEvent(QWheelEvent *event) override;
};

/** A spin box that, like PageComboBox, leaves the mouse wheel to the page unless focused. */
class PageSpinBox : public QDoubleSpinBox
{
    Q_OBJECT

public:
    explicit PageSpinBox(QWidget *parent = nullptr);

protected:
    void wheelEvent(QWheelEvent *event) override;
};

} // namespace CoCommission
