#include "ui/selection/evaluationwidgets.h"

#include "core/evaluation/criteria.h"
#include "core/round/round.h"
#include "ui/uiutil.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QResizeEvent>
#include <QScrollBar>
#include <QTableWidget>

#include <cmath>

namespace CoCommission::EvaluationUi {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("CoCommission::EvaluationUi", text);
}

} // namespace

namespace {

/** Fits the rows of the table it watches whenever the table is resized. */
class RowFitter : public QObject
{
public:
    explicit RowFitter(QTableWidget *table)
        : QObject(table)
        , m_table(table)
    {
        table->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == m_table && event->type() == QEvent::Resize &&
            static_cast<QResizeEvent *>(event)->oldSize().width() !=
                static_cast<QResizeEvent *>(event)->size().width()) {
            // Once the table has handled the resize: its columns take their new widths then.
            QMetaObject::invokeMethod(
                this,
                [this] {
                    m_table->resizeRowsToContents();
                    fitTableHeight(m_table);
                },
                Qt::QueuedConnection);
        }
        return QObject::eventFilter(watched, event);
    }

private:
    QTableWidget *m_table;
};

} // namespace

void keepRowsFitted(QTableWidget *table)
{
    table->setWordWrap(true);
    new RowFitter(table);
}

QTableWidgetItem *cell(const QString &text, Qt::Alignment alignment)
{
    auto *item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    item->setTextAlignment(alignment | Qt::AlignVCenter);
    return item;
}

void shade(QTableWidgetItem *item, const QColor &background)
{
    item->setBackground(background);
    item->setForeground(kShadedText);
}

QString number(double value, int decimals)
{
    return UiUtil::numberLocale().toString(value, 'f', decimals);
}

QString scoreNumber(double value)
{
    if (std::abs(value - std::round(value)) < 1e-9)
        return number(std::round(value), 0);
    QString text = number(value, 2);
    const QChar point = UiUtil::numberLocale().decimalPoint().at(0);
    if (text.endsWith(QLatin1Char('0')) && text.contains(point))
        text.chop(1);
    return text;
}

QString money(double value)
{
    return QStringLiteral("\u00a3") + number(value, 0);
}

QString levelDescriptor(const Criterion &criterion, int level)
{
    if (criterion.type == CriterionType::PassFail)
        return level == 1 ? tr("Pass") : tr("Fail");
    return criterion.scale.descriptors.value(level);
}

QString scoreText(const Criterion &criterion, double score)
{
    if (criterion.type == CriterionType::PassFail)
        return score >= 0.5 ? tr("Pass") : tr("Fail");
    const bool whole = std::abs(score - std::round(score)) < 1e-9;
    const QString descriptor =
        whole ? levelDescriptor(criterion, int(std::round(score))) : QString();
    if (descriptor.isEmpty())
        return scoreNumber(score);
    return tr("%1 \u2013 %2").arg(scoreNumber(score), descriptor);
}

void fillScoreCombo(QComboBox *combo, const Criterion &criterion)
{
    combo->clear();
    if (criterion.type == CriterionType::PassFail) {
        combo->addItem(tr("Pass"), 1);
        combo->setItemData(0, tr("The bid meets the requirement"), Qt::ToolTipRole);
        combo->addItem(tr("Fail"), 0);
        combo->setItemData(1, tr("The bid does not meet the requirement: it is eliminated"),
                           Qt::ToolTipRole);
    } else {
        for (int level = 0; level <= criterion.scale.maxScore; ++level) {
            combo->addItem(scoreText(criterion, level), level);
            const QString descriptor = levelDescriptor(criterion, level);
            if (!descriptor.isEmpty())
                combo->setItemData(level, descriptor, Qt::ToolTipRole);
        }
    }
    combo->setCurrentIndex(-1);
}

QString criterionLabel(const CriteriaTree &tree, const QString &id)
{
    if (!tree.contains(id))
        return id;
    const Criterion &c = tree.criterion(id);
    if (c.parentId.isEmpty() || !tree.contains(c.parentId))
        return c.name;
    return tr("%1 \u203a %2").arg(tree.criterion(c.parentId).name, c.name);
}

CpaId resolveLot(const Round &round, CpaId requested)
{
    const CpaPlan *plan = round.adoptedPlan();
    if (!plan || plan->cpas.isEmpty())
        return {};
    if (requested.isValid() && round.adoptedCpa(requested))
        return requested;
    return plan->cpas.first().id;
}

QString lotName(const Round &round, CpaId lot)
{
    const Cpa *cpa = round.adoptedCpa(lot);
    return cpa ? cpa->name : QString();
}

QString organisationName(const Round &round, const QString &organisation)
{
    for (const Authority &a : round.authorities) {
        if (a.gssCode == organisation)
            return a.name;
    }
    return organisation;
}

} // namespace CoCommission::EvaluationUi
