#include <QTest>

// Placeholder while the tests are written.
class TestReturncsv : public QObject
{
    Q_OBJECT
};

QTEST_GUILESS_MAIN(TestReturncsv)
#include "tst_returncsv.moc"
