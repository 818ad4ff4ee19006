#include <QTest>

// Placeholder while the tests are written.
class TestProfile : public QObject
{
    Q_OBJECT
};

QTEST_GUILESS_MAIN(TestProfile)
#include "tst_profile.moc"
