#pragma once

#include <QWidget>

class QLabel;
class QListWidget;
class QListWidgetItem;
class QPushButton;

namespace CoCommission {

/**
 * What the window shows when no round is open: what CoCommission is, the ways to start (a new
 * round, an existing one, the demo round) and the recent files. It only emits requests; the
 * main window acts on them.
 */
class WelcomePage : public QWidget
{
    Q_OBJECT

public:
    explicit WelcomePage(QWidget *parent = nullptr);

    /** Shows \a paths (most recent first) in the recent files list. */
    void setRecentFiles(const QStringList &paths);

    QPushButton *newButton() const { return m_newButton; }
    QPushButton *openButton() const { return m_openButton; }
    QPushButton *demoButton() const { return m_demoButton; }
    QListWidget *recentList() const { return m_recentList; }

signals:
    void newRequested();
    void openRequested();
    void demoRequested();
    void recentFileRequested(const QString &path);

private:
    void onItemActivated(QListWidgetItem *item);

    QPushButton *m_newButton;
    QPushButton *m_openButton;
    QPushButton *m_demoButton;
    QLabel *m_recentLabel;
    QListWidget *m_recentList;
    QLabel *m_noRecentLabel;
};

} // namespace CoCommission
