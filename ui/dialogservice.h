#pragma once

#include "core/round/signoff.h"
#include "core/round/stage.h"

#include <QColor>
#include <QList>
#include <QObject>
#include <QQueue>
#include <QString>

#include <functional>
#include <optional>

class QWidget;

namespace CoCommission {

/** What a signatory enters in the sign-off dialog. */
struct SignOffDetails
{
    SignOffParty party = SignOffParty::Dwp;
    QString name;
    QString role;
    QString rationale;
};

/** A measure or indicator offered in a choice: its id and the name the user sees. */
struct IndicatorChoice
{
    QString id;
    QString name;
};

/** What the user enters to define a ratio indicator: numerator / denominator × scale. */
struct RatioDetails
{
    QString name;
    QString numerator;   ///< a measure id
    QString denominator; ///< a measure id
    double scale = 100;
};

/**
 * The one way the main window asks the user something or tells them something: file names,
 * confirmations, sign-off details, ratio definitions, progress of long tasks and messages.
 *
 * Answers queued with setNextFileName(), setNextAnswer(), setNextText(), setNextSignOff(),
 * setNextRatio() and setNextColour() are used first, one per question, without showing a dialog.
 * With setInteractive(false) no dialog is ever shown: a question with nothing queued is answered
 * "cancel", so a headless test can never block on a modal dialog. Every message is recorded in
 * messages() either way.
 *
 * Long tasks run through runWithProgress(); setNextProgressCancel() makes the next such task
 * see "Cancel" at a given progress report, as if the user had pressed it then.
 */
class DialogService : public QObject
{
    Q_OBJECT

public:
    enum class MessageKind { Information, Warning, Error };
    Q_ENUM(MessageKind)

    struct Message
    {
        MessageKind kind;
        QString title;
        QString text;
    };

    explicit DialogService(QObject *parent = nullptr);

    bool isInteractive() const { return m_interactive; }
    void setInteractive(bool interactive) { m_interactive = interactive; }

    void setNextFileName(const QString &fileName) { m_fileNames.enqueue(fileName); }
    void setNextAnswer(bool answer) { m_answers.enqueue(answer); }
    void setNextText(const QString &text) { m_texts.enqueue(text); }
    void setNextSignOff(const SignOffDetails &details) { m_signOffs.enqueue(details); }
    void setNextRatio(const RatioDetails &details) { m_ratios.enqueue(details); }
    /** The next colour question gets \a colour; an invalid colour answers "cancel". */
    void setNextColour(const QColor &colour) { m_colours.enqueue(colour); }
    /** The next runWithProgress() is cancelled at its \a report-th progress report (1 = first). */
    void setNextProgressCancel(int report) { m_progressCancels.enqueue(report); }

    /** Called by a long task with its progress; returns false when the user has cancelled. */
    using Progress = std::function<bool(qint64 done, qint64 total)>;

    /** A file to open, or an empty string when the user cancels. */
    QString openFileName(QWidget *parent, const QString &caption, const QString &directory,
                         const QString &filter);
    /** A file to create, or an empty string when the user cancels. */
    QString saveFileName(QWidget *parent, const QString &caption, const QString &directory,
                         const QString &filter);
    /** Asks a yes/no question; true when the user confirms. */
    bool confirm(QWidget *parent, const QString &title, const QString &text,
                 const QString &confirmLabel);
    /** Asks for one line of text, offering \a text; nullopt when the user cancels. */
    std::optional<QString> askText(QWidget *parent, const QString &title, const QString &label,
                                   const QString &text = {});
    /** Asks who signs \a stage; \a parties are the ones that may sign now. */
    std::optional<SignOffDetails> askSignOff(QWidget *parent, StageId stage,
                                             const QList<SignOffParty> &parties);
    /** Asks for a colour, offering \a initial; nullopt when the user cancels. */
    std::optional<QColor> askColour(QWidget *parent, const QString &title, const QColor &initial);
    /** Asks for a ratio of two of \a measures; nullopt when the user cancels. */
    std::optional<RatioDetails> askRatio(QWidget *parent, const QList<IndicatorChoice> &measures);

    /**
     * Runs \a task, which reports its progress through the Progress it is given. When
     * interactive, a modal progress dialog with Cancel shows how far it is; each report keeps
     * the window responsive (processes events) and returns false once the user has cancelled.
     */
    void runWithProgress(QWidget *parent, const QString &title, const QString &label,
                         const std::function<void(const Progress &progress)> &task);

    void showInformation(QWidget *parent, const QString &title, const QString &text);
    void showWarning(QWidget *parent, const QString &title, const QString &text);
    void showError(QWidget *parent, const QString &title, const QString &text);
    void showAbout(QWidget *parent, const QString &title, const QString &text);

    const QList<Message> &messages() const { return m_messages; }
    void clearMessages() { m_messages.clear(); }

signals:
    /** A long task reported progress (emitted before the dialog is updated). */
    void progressReported(qint64 done, qint64 total);
    void messageShown(CoCommission::DialogService::MessageKind kind, const QString &title,
                      const QString &text);

private:
    void show(QWidget *parent, MessageKind kind, const QString &title, const QString &text);

    bool m_interactive = true;
    QQueue<QString> m_fileNames;
    QQueue<bool> m_answers;
    QQueue<QString> m_texts;
    QQueue<SignOffDetails> m_signOffs;
    QQueue<RatioDetails> m_ratios;
    QQueue<QColor> m_colours;
    QQueue<int> m_progressCancels;
    QList<Message> m_messages;
};

} // namespace CoCommission
