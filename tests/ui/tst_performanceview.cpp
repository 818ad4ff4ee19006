#include <QTest>

// Placeholder while the tests are written.
class TestPerformanceview : public QObject
{
    Q_OBJECT
};

QTEST_MAIN(TestPerformanceview)
#include "tst_performanceview.moc"
