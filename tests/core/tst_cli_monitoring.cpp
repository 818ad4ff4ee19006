#include <QTest>

// Placeholder while the tests are written.
class TestCliMonitoring : public QObject
{
    Q_OBJECT
};

QTEST_GUILESS_MAIN(TestCliMonitoring)
#include "tst_cli_monitoring.moc"
