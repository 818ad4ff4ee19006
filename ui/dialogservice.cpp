#include "ui/dialogservice.h"

#include "ui/ratiodialog.h"
#include "ui/signoffdialog.h"

#include <QColorDialog>
#include <QCoreApplication>
#include <QFileDialog>
#include <QInputDialog>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>

#include <algorithm>
#include <memory>

namespace CoCommission {

DialogService::DialogService(QObject *parent)
    : QObject(parent)
{}

QString DialogService::openFileName(QWidget *parent, const QString &caption,
                                    const QString &directory, const QString &filter)
{
    if (!m_fileNames.isEmpty())
        return m_fileNames.dequeue();
    if (!m_interactive)
        return {};
    return QFileDialog::getOpenFileName(parent, caption, directory, filter);
}

QString DialogService::saveFileName(QWidget *parent, const QString &caption,
                                    const QString &directory, const QString &filter)
{
    if (!m_fileNames.isEmpty())
        return m_fileNames.dequeue();
    if (!m_interactive)
        return {};
    // No "replace?" question: core refuses to overwrite a round, with a message saying so.
    return QFileDialog::getSaveFileName(parent, caption, directory, filter, nullptr,
                                        QFileDialog::DontConfirmOverwrite);
}

bool DialogService::confirm(QWidget *parent, const QString &title, const QString &text,
                            const QString &confirmLabel)
{
    if (!m_answers.isEmpty())
        return m_answers.dequeue();
    if (!m_interactive)
        return false;
    QMessageBox box(QMessageBox::Question, title, text, QMessageBox::Cancel, parent);
    QPushButton *yes = box.addButton(confirmLabel, QMessageBox::AcceptRole);
    box.setDefaultButton(qobject_cast<QPushButton *>(box.button(QMessageBox::Cancel)));
    box.exec();
    return box.clickedButton() == yes;
}

std::optional<QString> DialogService::askText(QWidget *parent, const QString &title,
                                              const QString &label, const QString &text)
{
    if (!m_texts.isEmpty())
        return m_texts.dequeue();
    if (!m_interactive)
        return std::nullopt;
    bool ok = false;
    const QString answer =
        QInputDialog::getText(parent, title, label, QLineEdit::Normal, text, &ok);
    if (!ok)
        return std::nullopt;
    return answer;
}

std::optional<SignOffDetails> DialogService::askSignOff(QWidget *parent, StageId stage,
                                                        const QList<SignOffParty> &parties)
{
    if (!m_signOffs.isEmpty())
        return m_signOffs.dequeue();
    if (!m_interactive || parties.isEmpty())
        return std::nullopt;
    SignOffDialog dialog(stage, parties, parent);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return dialog.details();
}

std::optional<QColor> DialogService::askColour(QWidget *parent, const QString &title,
                                               const QColor &initial)
{
    if (!m_colours.isEmpty()) {
        const QColor colour = m_colours.dequeue();
        return colour.isValid() ? std::optional(colour) : std::nullopt;
    }
    if (!m_interactive)
        return std::nullopt;
    const QColor colour = QColorDialog::getColor(initial, parent, title);
    if (!colour.isValid())
        return std::nullopt;
    return colour;
}

std::optional<RatioDetails> DialogService::askRatio(QWidget *parent,
                                                    const QList<IndicatorChoice> &measures)
{
    if (!m_ratios.isEmpty())
        return m_ratios.dequeue();
    if (!m_interactive || measures.isEmpty())
        return std::nullopt;
    RatioDialog dialog(measures, parent);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return dialog.details();
}

void DialogService::runWithProgress(QWidget *parent, const QString &title, const QString &label,
                                    const std::function<void(const Progress &progress)> &task)
{
    // Progress is reported in bytes, which can exceed an int: the dialog counts per mille.
    constexpr int kSteps = 1000;
    const int cancelAt = m_progressCancels.isEmpty() ? 0 : m_progressCancels.dequeue();
    std::unique_ptr<QProgressDialog> dialog;
    if (m_interactive) {
        dialog = std::make_unique<QProgressDialog>(label, tr("Cancel"), 0, kSteps, parent);
        dialog->setWindowTitle(title);
        dialog->setAccessibleName(title);
        dialog->setWindowModality(Qt::ApplicationModal);
        dialog->setMinimumDuration(400);
        dialog->setAutoClose(false);
        dialog->setAutoReset(false);
        dialog->setValue(0);
    }
    int reports = 0;
    bool cancelled = false;
    const Progress progress = [&](qint64 done, qint64 total) {
        emit progressReported(done, total);
        if (cancelled)
            return false;
        if (++reports == cancelAt) {
            cancelled = true;
            if (dialog)
                dialog->cancel();
            return false;
        }
        if (dialog) {
            const int value =
                total > 0 ? int(std::clamp<qint64>(done * kSteps / total, 0, kSteps)) : 0;
            dialog->setValue(value);
        }
        // Keeps the window painting and the Cancel button working while the task runs.
        QCoreApplication::processEvents();
        cancelled = dialog && dialog->wasCanceled();
        return !cancelled;
    };
    task(progress);
}

void DialogService::showInformation(QWidget *parent, const QString &title, const QString &text)
{
    show(parent, MessageKind::Information, title, text);
}

void DialogService::showWarning(QWidget *parent, const QString &title, const QString &text)
{
    show(parent, MessageKind::Warning, title, text);
}

void DialogService::showError(QWidget *parent, const QString &title, const QString &text)
{
    show(parent, MessageKind::Error, title, text);
}

void DialogService::showAbout(QWidget *parent, const QString &title, const QString &text)
{
    m_messages.append({MessageKind::Information, title, text});
    emit messageShown(MessageKind::Information, title, text);
    if (m_interactive)
        QMessageBox::about(parent, title, text);
}

void DialogService::show(QWidget *parent, MessageKind kind, const QString &title,
                         const QString &text)
{
    m_messages.append({kind, title, text});
    emit messageShown(kind, title, text);
    if (!m_interactive)
        return;
    switch (kind) {
    case MessageKind::Information:
        QMessageBox::information(parent, title, text);
        break;
    case MessageKind::Warning:
        QMessageBox::warning(parent, title, text);
        break;
    case MessageKind::Error:
        QMessageBox::critical(parent, title, text);
        break;
    }
}

} // namespace CoCommission
