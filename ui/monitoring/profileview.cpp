#include "ui/monitoring/profileview.h"

#include "core/round/rounddocument.h"

#include <QLabel>
#include <QVBoxLayout>

namespace CoCommission {

// Placeholder while the tab is written.
ProfileView::ProfileView(EditRunner *edits, DialogService *dialogs, QWidget *parent)
    : QWidget(parent)
    , m_edits(edits)
    , m_dialogs(dialogs)
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Not built yet."), this));
}

ProfileView::~ProfileView() = default;

void ProfileView::setDocument(RoundDocument *document)
{
    m_document = document;
    refresh();
}

void ProfileView::refresh()
{}

} // namespace CoCommission
