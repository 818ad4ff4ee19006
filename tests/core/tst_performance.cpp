#include <QTest>

// Placeholder while the tests are written.
class TestPerformance : public QObject
{
    Q_OBJECT
};

QTEST_GUILESS_MAIN(TestPerformance)
#include "tst_performance.moc"
