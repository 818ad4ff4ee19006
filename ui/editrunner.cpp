#include "ui/editrunner.h"

#include "core/round/rounddocument.h"
#include "ui/dialogservice.h"

#include <QWidget>

namespace CoCommission {

EditRunner::EditRunner(DialogService *dialogs, QWidget *dialogParent)
    : QObject(dialogParent)
    , m_dialogs(dialogs)
    , m_dialogParent(dialogParent)
{}

EditRunner::~EditRunner() = default;

void EditRunner::setDocument(RoundDocument *document)
{
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    if (m_document)
        connect(m_document, &RoundDocument::writeFailed, this, &EditRunner::onWriteFailed);
}

RoundDocument *EditRunner::document() const
{
    return m_document;
}

bool EditRunner::run(const QString &errorTitle, const std::function<Status()> &edit)
{
    ++m_running;
    const Status status = edit();
    --m_running;
    if (status)
        return true;
    m_dialogs->showError(m_dialogParent, errorTitle, status.errorMessage());
    return false;
}

void EditRunner::onWriteFailed(const QString &message)
{
    if (m_running > 0)
        return;
    m_dialogs->showWarning(m_dialogParent, tr("The change was not made"), message);
}

} // namespace CoCommission
