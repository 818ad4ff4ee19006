#pragma once

#include <QPointer>
#include <QWidget>

namespace CoCommission {

class DialogService;
class EditRunner;
class RoundDocument;

/** Stage 6: the performance returns and their history tab of MonitoringView. */
class ReturnsView : public QWidget
{
    Q_OBJECT

public:
    ReturnsView(EditRunner *edits, DialogService *dialogs, QWidget *parent = nullptr);
    ~ReturnsView() override;

    void setDocument(RoundDocument *document);
    /** Reads the round again. */
    void refresh();

private:
    EditRunner *m_edits;
    DialogService *m_dialogs;
    QPointer<RoundDocument> m_document;
};

} // namespace CoCommission
