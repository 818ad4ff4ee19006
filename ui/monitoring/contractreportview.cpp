#include "ui/monitoring/contractreportview.h"

#include "core/round/rounddocument.h"

#include <QLabel>
#include <QVBoxLayout>

namespace CoCommission {

// Placeholder while the tab is written.
ContractReportView::ContractReportView(EditRunner *edits, DialogService *dialogs, QWidget *parent)
    : QWidget(parent)
    , m_edits(edits)
    , m_dialogs(dialogs)
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Not built yet."), this));
}

ContractReportView::~ContractReportView() = default;

void ContractReportView::setDocument(RoundDocument *document)
{
    m_document = document;
    refresh();
}

void ContractReportView::refresh()
{}

} // namespace CoCommission
