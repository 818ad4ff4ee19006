#pragma once

// The GUI tests' fixture: the demo round in a file of its own, opened with a non-interactive
// DialogService and an EditRunner, as the main window would give them to a view.

#include "core/round/londonround.h"
#include "core/round/rounddocument.h"
#include "tests/support/testsupport.h"
#include "ui/dialogservice.h"
#include "ui/editrunner.h"

#include <QCoreApplication>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>

namespace CoCommission::TestSupport {

struct DemoRound
{
    std::unique_ptr<QTemporaryDir> dir;
    QString path;
    std::unique_ptr<DialogService> dialogs;
    std::unique_ptr<RoundDocument> document;
    std::unique_ptr<EditRunner> edits;

    /** Settings and the demo round under ~/.qttest, named for the tests (initTestCase()). */
    static void setUpApplication()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("CoCommission"));
        QCoreApplication::setApplicationName(QStringLiteral("CoCommissionTest"));
    }

    /**
     * Closes the round open before, then writes the demo round, changed by \a change, to
     * \a fileName in a new folder and opens it (read-only when asked). False, with a warning,
     * when that fails. Close the view that uses the round first.
     */
    bool open(const std::function<void(Round &)> &change = {},
              const QString &fileName = QStringLiteral("demo.cocom"), bool readOnly = false)
    {
        close();
        dialogs = std::make_unique<DialogService>();
        dialogs->setInteractive(false);
        dir = std::make_unique<QTemporaryDir>();
        Result<Round> demo = LondonRound::demo();
        if (!dir->isValid() || !demo) {
            qWarning("No demo round: %s", qPrintable(demo.errorMessage()));
            return false;
        }
        if (change)
            change(*demo);
        path = createRoundFile(dir->filePath(fileName), *demo);
        if (path.isEmpty())
            return false;
        ProjectFile::Options options;
        options.readOnly = readOnly;
        auto opened = RoundDocument::open(path, options, QStringLiteral("tester"));
        if (!opened) {
            qWarning("%s", qPrintable(opened.errorMessage()));
            return false;
        }
        document = std::move(*opened);
        edits = std::make_unique<EditRunner>(dialogs.get(), nullptr);
        edits->setDocument(document.get());
        return true;
    }

    /** Closes the round and removes its folder. Close the view that uses it first. */
    void close()
    {
        edits.reset();
        document.reset();
        dialogs.reset();
        dir.reset();
    }
};

} // namespace CoCommission::TestSupport
