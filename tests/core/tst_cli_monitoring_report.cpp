#include <QTest>

// Placeholder while the tests are written.
class TestCliMonitoringReport : public QObject
{
    Q_OBJECT
};

QTEST_GUILESS_MAIN(TestCliMonitoringReport)
#include "tst_cli_monitoring_report.moc"
