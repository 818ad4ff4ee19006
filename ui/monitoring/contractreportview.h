#pragma once

#include <QPointer>
#include <QWidget>

namespace CoCommission {

class DialogService;
class EditRunner;
class RoundDocument;

/** Stage 6: the report to the DWP contract manager tab of MonitoringView. */
class ContractReportView : public QWidget
{
    Q_OBJECT

public:
    ContractReportView(EditRunner *edits, DialogService *dialogs, QWidget *parent = nullptr);
    ~ContractReportView() override;

    void setDocument(RoundDocument *document);
    /** Reads the round again. */
    void refresh();

private:
    EditRunner *m_edits;
    DialogService *m_dialogs;
    QPointer<RoundDocument> m_document;
};

} // namespace CoCommission
