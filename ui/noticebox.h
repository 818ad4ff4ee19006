#pragma once

#include <QFrame>

class QLabel;

namespace CoCommission {

/**
 * A clearly visible boxed sentence: an information notice (e.g. illustrative figures) or a
 * warning (e.g. read-only, a signature is final). Its colours are fixed dark-on-light pairs
 * that meet WCAG AA contrast whatever the desktop theme.
 */
class NoticeBox : public QFrame
{
    Q_OBJECT

public:
    enum class Kind { Information, Warning };

    NoticeBox(Kind kind, const QString &text, QWidget *parent = nullptr);

    QString text() const;
    void setText(const QString &text);

private:
    QLabel *m_label;
};

} // namespace CoCommission
