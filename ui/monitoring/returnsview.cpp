#include "ui/monitoring/returnsview.h"

#include "core/round/rounddocument.h"

#include <QLabel>
#include <QVBoxLayout>

namespace CoCommission {

// Placeholder while the tab is written.
ReturnsView::ReturnsView(EditRunner *edits, DialogService *dialogs, QWidget *parent)
    : QWidget(parent)
    , m_edits(edits)
    , m_dialogs(dialogs)
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Not built yet."), this));
}

ReturnsView::~ReturnsView() = default;

void ReturnsView::setDocument(RoundDocument *document)
{
    m_document = document;
    refresh();
}

void ReturnsView::refresh()
{}

} // namespace CoCommission
