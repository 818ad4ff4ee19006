#pragma once

#include "core/common/result.h"

#include <QObject>
#include <QPointer>

#include <functional>

class QWidget;

namespace CoCommission {

class DialogService;
class RoundDocument;

/**
 * Runs the edits the user asks for and makes sure each failure is reported exactly once.
 *
 * RoundDocument emits writeFailed() for every refused change, and the Commands facade returns
 * the same failure. For an edit started here, the returned error is shown (titled after what
 * the user tried) and the signal is ignored; a writeFailed() from elsewhere (undo and redo from
 * the Edit menu) is shown as a warning.
 */
class EditRunner : public QObject
{
    Q_OBJECT

public:
    EditRunner(DialogService *dialogs, QWidget *dialogParent);
    ~EditRunner() override;

    void setDocument(RoundDocument *document);
    RoundDocument *document() const;

    /** Runs \a edit; on failure shows its message under \a errorTitle and returns false. */
    bool run(const QString &errorTitle, const std::function<Status()> &edit);

private:
    void onWriteFailed(const QString &message);

    DialogService *m_dialogs;
    QWidget *m_dialogParent;
    QPointer<RoundDocument> m_document;
    int m_running = 0;
};

} // namespace CoCommission
