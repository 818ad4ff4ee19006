#pragma once

// The GUI tests' main window: shown, with a round opened through it as File › Open would.

#include "ui/dialogservice.h"
#include "ui/mainwindow.h"

#include <QSize>
#include <QString>

#include <memory>

namespace CoCommission::TestSupport {

/**
 * A main window given \a dialogs, shown (at \a size when valid), with the round at \a path
 * opened through it; null when the round did not open (the dialogs hold why).
 */
inline std::unique_ptr<MainWindow> openMainWindow(DialogService *dialogs, const QString &path,
                                                  const QSize &size = {})
{
    auto window = std::make_unique<MainWindow>(dialogs);
    if (size.isValid())
        window->resize(size);
    window->show();
    if (!window->openFile(path))
        return {};
    return window;
}

} // namespace CoCommission::TestSupport
