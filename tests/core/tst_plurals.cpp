// English plural forms (core/common/plurals.h): the marks "(s)", "(es)" and "(ies)" resolved
// by count, only in messages that carry one.

#include "core/common/plurals.h"

#include <QCoreApplication>
#include <QTest>

using namespace CoCommission;

class TestPlurals : public QObject
{
    Q_OBJECT

private slots:
    void resolve_data();
    void resolve();
    void installedTranslatorReadsCounts();
    void installingTwiceInstallsOnce();
};

void TestPlurals::resolve_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("n");
    QTest::addColumn<QString>("expected");
    const QString bids = QStringLiteral("%n bid(s) in %1 lot(s)");
    QTest::newRow("one") << bids << 1 << QStringLiteral("%n bid in %1 lot");
    QTest::newRow("two") << bids << 2 << QStringLiteral("%n bids in %1 lots");
    QTest::newRow("none is plural") << bids << 0 << QStringLiteral("%n bids in %1 lots");
    const QString areas = QStringLiteral("%n authority(ies) have no area");
    QTest::newRow("ies, one") << areas << 1 << QStringLiteral("%n authority have no area");
    QTest::newRow("ies, many") << areas << 33 << QStringLiteral("%n authorities have no area");
    const QString matches = QStringLiteral("%n match(es).");
    QTest::newRow("es, one") << matches << 1 << QStringLiteral("%n match.");
    QTest::newRow("es, many") << matches << 4 << QStringLiteral("%n matches.");
    QTest::newRow("no count") << bids << -1 << bids;
    QTest::newRow("a note in brackets stays")
        << QStringLiteral("%n row(s) (see notes)") << 3 << QStringLiteral("%n rows (see notes)");
    QTest::newRow("other brackets")
        << QStringLiteral("A (scored) bid") << 1 << QStringLiteral("A (scored) bid");
}

void TestPlurals::resolve()
{
    QFETCH(QString, text);
    QFETCH(int, n);
    QFETCH(QString, expected);
    QCOMPARE(EnglishPlurals::resolve(text, n), expected);
}

void TestPlurals::installedTranslatorReadsCounts()
{
    const char *context = "CoCommission::CommandLine";
    const char *wrote = "Wrote an OCDS release package with %n release(s) to %1.";
    // Without the translator Qt prints the marks.
    QCOMPARE(QCoreApplication::translate(context, wrote, nullptr, 1),
             QStringLiteral("Wrote an OCDS release package with 1 release(s) to %1."));
    installTranslations();
    QCOMPARE(QCoreApplication::translate(context, wrote, nullptr, 1),
             QStringLiteral("Wrote an OCDS release package with 1 release to %1."));
    QCOMPARE(QCoreApplication::translate(context, wrote, nullptr, 12),
             QStringLiteral("Wrote an OCDS release package with 12 releases to %1."));
    // A message without a count keeps its marks: there is nothing to choose by.
    QCOMPARE(QCoreApplication::translate(context, "Name the stage(s) the paper covers."),
             QStringLiteral("Name the stage(s) the paper covers."));
}

void TestPlurals::installingTwiceInstallsOnce()
{
    installTranslations();
    installTranslations();
    // QCoreApplication: qApp would be a QGuiApplication cast of it, wrong in a guiless test.
    QCOMPARE(QCoreApplication::instance()
                 ->findChildren<EnglishPlurals *>(QString(), Qt::FindDirectChildrenOnly)
                 .size(),
             1);
}

QTEST_GUILESS_MAIN(TestPlurals)
#include "tst_plurals.moc"
