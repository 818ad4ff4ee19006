#pragma once

// How the board tab and the actions tab open a dialog that adds or changes one entry of the
// programme board (a member, a meeting, an action): the same wiring for all three.

#include "core/monitoring/monitoringcheck.h"
#include "core/round/rounddocument.h"

#include <QCoreApplication>
#include <QDialog>
#include <QPointer>

namespace CoCommission::BoardDialog {

/**
 * Opens \a dialog window-modal (not exec(): nothing waits on it, so the window stays
 * scriptable), deleted when closed and held in \a slot while open. Each edit in it is checked
 * by applying it with \a change to a copy of \a document's board and running checkBoard();
 * on OK, \a accepted runs.
 */
template<class Dialog, class Change, class Accepted>
void open(QObject *owner, Dialog *dialog, QPointer<Dialog> &slot,
          const QPointer<RoundDocument> &document, Change change, Accepted accepted)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    slot = dialog;
    QObject::connect(dialog, &QDialog::finished, owner, [&slot] { slot = nullptr; });
    dialog->setValidator([&document, change](const auto &entry) {
        if (!document)
            return QCoreApplication::translate("CoCommission::BoardDialog",
                                               "The round was closed.");
        ProgrammeBoard board = document->round().monitoring.board;
        change(board, entry);
        return checkBoard(board).errorMessage();
    });
    QObject::connect(dialog, &QDialog::accepted, owner, accepted);
    dialog->open();
}

} // namespace CoCommission::BoardDialog
