#include "ui/monitoring/boardview.h"

#include "core/round/rounddocument.h"

#include <QLabel>
#include <QVBoxLayout>

namespace CoCommission {

// Placeholder while the tab is written.
BoardView::BoardView(EditRunner *edits, DialogService *dialogs, QWidget *parent)
    : QWidget(parent)
    , m_edits(edits)
    , m_dialogs(dialogs)
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Not built yet."), this));
}

BoardView::~BoardView() = default;

void BoardView::setDocument(RoundDocument *document)
{
    m_document = document;
    refresh();
}

void BoardView::refresh()
{}

} // namespace CoCommission
