#pragma once

#include <QPointer>
#include <QWidget>

namespace CoCommission {

class DialogService;
class EditRunner;
class RoundDocument;

/** Stage 6: the programme board, meetings and quorum tab of MonitoringView. */
class BoardView : public QWidget
{
    Q_OBJECT

public:
    BoardView(EditRunner *edits, DialogService *dialogs, QWidget *parent = nullptr);
    ~BoardView() override;

    void setDocument(RoundDocument *document);
    /** Reads the round again. */
    void refresh();

private:
    EditRunner *m_edits;
    DialogService *m_dialogs;
    QPointer<RoundDocument> m_document;
};

} // namespace CoCommission
