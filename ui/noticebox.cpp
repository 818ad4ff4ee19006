#include "ui/noticebox.h"

#include <QHBoxLayout>
#include <QLabel>

namespace CoCommission {

NoticeBox::NoticeBox(Kind kind, const QString &text, QWidget *parent)
    : QFrame(parent)
    , m_label(new QLabel(text, this))
{
    // A property, not the object name, selects the style: owners name their boxes.
    const QString kindName =
        kind == Kind::Warning ? QStringLiteral("warning") : QStringLiteral("information");
    setProperty("noticeKind", kindName);
    // Text #1b1b1b on #fff4ce is 15:1 and on #e6f0fa is 14:1; the borders are 3:1 or more
    // against the page, so the box stands out for low-vision users too.
    const QString colours = kind == Kind::Warning
                                ? QStringLiteral("background: #fff4ce; border: 1px solid #8a5a00;"
                                                 " border-left: 5px solid #8a5a00;")
                                : QStringLiteral("background: #e6f0fa; border: 1px solid #1f5fa8;"
                                                 " border-left: 5px solid #1f5fa8;");
    setStyleSheet(QStringLiteral("QFrame[noticeKind=\"%1\"] { %2 border-radius: 3px; } "
                                 "QLabel { color: #1b1b1b; background: transparent; "
                                 "border: none; }")
                      .arg(kindName, colours));
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_label->setAccessibleName(text);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 8, 12, 8);
    layout->addWidget(m_label);
}

QString NoticeBox::text() const
{
    return m_label->text();
}

void NoticeBox::setText(const QString &text)
{
    m_label->setText(text);
    m_label->setAccessibleName(text);
}

} // namespace CoCommission
