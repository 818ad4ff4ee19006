#include <QTest>

// Placeholder while the tests are written.
class TestContractreport : public QObject
{
    Q_OBJECT
};

QTEST_GUILESS_MAIN(TestContractreport)
#include "tst_contractreport.moc"
