#include "ui/monitoring/actionsview.h"

#include "core/round/rounddocument.h"

#include <QLabel>
#include <QVBoxLayout>

namespace CoCommission {

// Placeholder while the tab is written.
ActionsView::ActionsView(EditRunner *edits, DialogService *dialogs, QWidget *parent)
    : QWidget(parent)
    , m_edits(edits)
    , m_dialogs(dialogs)
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Not built yet."), this));
}

ActionsView::~ActionsView() = default;

void ActionsView::setDocument(RoundDocument *document)
{
    m_document = document;
    refresh();
}

void ActionsView::refresh()
{}

} // namespace CoCommission
