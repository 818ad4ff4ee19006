#include <QTest>

// Placeholder while the tests are written.
class TestMonitoringview : public QObject
{
    Q_OBJECT
};

QTEST_MAIN(TestMonitoringview)
#include "tst_monitoringview.moc"
