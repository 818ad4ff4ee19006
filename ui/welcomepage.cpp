#include "ui/welcomepage.h"

#include "ui/uiutil.h"

#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace CoCommission {

WelcomePage::WelcomePage(QWidget *parent)
    : QWidget(parent)
    , m_newButton(new QPushButton(tr("&New round…"), this))
    , m_openButton(new QPushButton(tr("&Open round…"), this))
    , m_demoButton(new QPushButton(tr("Open the &demo round"), this))
    , m_recentLabel(new QLabel(tr("&Recent rounds"), this))
    , m_recentList(new QListWidget(this))
    , m_noRecentLabel(new QLabel(tr("Rounds you open appear here."), this))
{
    setObjectName(QStringLiteral("welcomePage"));
    setAccessibleName(tr("Welcome"));

    auto *title = UiUtil::headingLabel(tr("CoCommission"), 2.0, this);
    auto *intro = new QLabel(
        tr("CoCommission takes a round of co-commissioning specialist employment support "
           "through the six stages of the procurement cycle, shows where it stands and keeps "
           "every decision traceable."),
        this);
    intro->setWordWrap(true);

    m_newButton->setObjectName(QStringLiteral("welcomeNewButton"));
    m_newButton->setAccessibleName(tr("New round"));
    m_newButton->setToolTip(tr("Start a new round for London's boroughs, saved in a file you "
                               "choose"));
    m_openButton->setObjectName(QStringLiteral("welcomeOpenButton"));
    m_openButton->setAccessibleName(tr("Open round"));
    m_openButton->setToolTip(tr("Open a round file (.cocom)"));
    m_demoButton->setObjectName(QStringLiteral("welcomeDemoButton"));
    m_demoButton->setAccessibleName(tr("Open the demo round"));
    m_demoButton->setToolTip(tr("A London round with illustrative figures to try things out"));
    for (QPushButton *button : {m_newButton, m_openButton, m_demoButton})
        button->setMinimumHeight(button->sizeHint().height() + 8);

    auto *buttons = new QHBoxLayout;
    buttons->setSpacing(10);
    buttons->addWidget(m_newButton);
    buttons->addWidget(m_openButton);
    buttons->addWidget(m_demoButton);
    buttons->addStretch(1);

    QFont labelFont = m_recentLabel->font();
    labelFont.setBold(true);
    m_recentLabel->setFont(labelFont);
    m_recentLabel->setBuddy(m_recentList);
    m_recentList->setObjectName(QStringLiteral("recentFilesList"));
    m_recentList->setAccessibleName(tr("Recent rounds"));
    m_recentList->setAccessibleDescription(tr("Press Enter to open the selected round"));
    m_recentList->setUniformItemSizes(true);
    m_recentList->setTextElideMode(Qt::ElideMiddle);
    m_recentList->setSpacing(2);
    // As tall as its (at most eight) entries, not a large empty box.
    m_recentList->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    m_recentList->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    m_recentList->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    UiUtil::makeSecondary(m_noRecentLabel);

    // The content keeps a readable width in the middle of a large window.
    auto *column = new QWidget(this);
    column->setMaximumWidth(760);
    auto *columnLayout = new QVBoxLayout(column);
    columnLayout->setContentsMargins(0, 0, 0, 0);
    columnLayout->setSpacing(12);
    columnLayout->addWidget(title);
    columnLayout->addWidget(intro);
    columnLayout->addSpacing(8);
    columnLayout->addLayout(buttons);
    columnLayout->addSpacing(16);
    columnLayout->addWidget(m_recentLabel);
    columnLayout->addWidget(m_noRecentLabel);
    columnLayout->addWidget(m_recentList);
    columnLayout->addStretch(1);

    auto *outer = new QHBoxLayout(this);
    outer->setContentsMargins(32, 40, 32, 32);
    outer->addStretch(1);
    outer->addWidget(column, 4);
    outer->addStretch(1);

    connect(m_newButton, &QPushButton::clicked, this, &WelcomePage::newRequested);
    connect(m_openButton, &QPushButton::clicked, this, &WelcomePage::openRequested);
    connect(m_demoButton, &QPushButton::clicked, this, &WelcomePage::demoRequested);
    connect(m_recentList, &QListWidget::itemActivated, this, &WelcomePage::onItemActivated);

    setRecentFiles({});
}

void WelcomePage::setRecentFiles(const QStringList &paths)
{
    m_recentList->clear();
    for (const QString &path : paths) {
        const QFileInfo info(path);
        auto *item = new QListWidgetItem(
            tr("%1\n%2").arg(info.fileName(), QDir::toNativeSeparators(info.absolutePath())),
            m_recentList);
        item->setData(Qt::UserRole, path);
        item->setToolTip(QDir::toNativeSeparators(path));
        item->setData(Qt::AccessibleTextRole, tr("Open %1").arg(info.fileName()));
    }
    m_recentList->setVisible(!paths.isEmpty());
    m_noRecentLabel->setVisible(paths.isEmpty());
    if (!paths.isEmpty())
        m_recentList->setCurrentRow(0);
}

void WelcomePage::onItemActivated(QListWidgetItem *item)
{
    if (item)
        emit recentFileRequested(item->data(Qt::UserRole).toString());
}

} // namespace CoCommission
