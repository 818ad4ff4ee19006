#pragma once

#include <QPointer>
#include <QWidget>

namespace CoCommission {

class DialogService;
class EditRunner;
class RoundDocument;

/** Stage 6: the contract profile tab of MonitoringView. */
class ProfileView : public QWidget
{
    Q_OBJECT

public:
    ProfileView(EditRunner *edits, DialogService *dialogs, QWidget *parent = nullptr);
    ~ProfileView() override;

    void setDocument(RoundDocument *document);
    /** Reads the round again. */
    void refresh();

private:
    EditRunner *m_edits;
    DialogService *m_dialogs;
    QPointer<RoundDocument> m_document;
};

} // namespace CoCommission
