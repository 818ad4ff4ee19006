#include <QTest>

// Placeholder while the tests are written.
class TestMonitoringdocument : public QObject
{
    Q_OBJECT
};

QTEST_GUILESS_MAIN(TestMonitoringdocument)
#include "tst_monitoringdocument.moc"
