#pragma once

#include <QPointer>
#include <QWidget>

namespace CoCommission {

class DialogService;
class EditRunner;
class RoundDocument;

/** Stage 6: the actions and issues log tab of MonitoringView. */
class ActionsView : public QWidget
{
    Q_OBJECT

public:
    ActionsView(EditRunner *edits, DialogService *dialogs, QWidget *parent = nullptr);
    ~ActionsView() override;

    void setDocument(RoundDocument *document);
    /** Reads the round again. */
    void refresh();

private:
    EditRunner *m_edits;
    DialogService *m_dialogs;
    QPointer<RoundDocument> m_document;
};

} // namespace CoCommission
