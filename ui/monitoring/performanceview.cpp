#include "ui/monitoring/performanceview.h"

#include "core/round/rounddocument.h"

#include <QLabel>
#include <QVBoxLayout>

namespace CoCommission {

// Placeholder while the tab is written.
PerformanceView::PerformanceView(EditRunner *edits, DialogService *dialogs, QWidget *parent)
    : QWidget(parent)
    , m_edits(edits)
    , m_dialogs(dialogs)
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Not built yet."), this));
}

PerformanceView::~PerformanceView() = default;

void PerformanceView::setDocument(RoundDocument *document)
{
    m_document = document;
    refresh();
}

void PerformanceView::refresh()
{}

} // namespace CoCommission
