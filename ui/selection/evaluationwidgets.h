#pragma once

#include "ui/uiutil.h"

// Small pieces shared by the stage 5 tabs (scoring, moderation, results) and the assessor's pack
// window: tables that grow to their rows so that the page scrolls as one, plain text labels,
// and the words for scores, prices and lots. Presentation only: every figure comes from core.

#include "core/common/ids.h"

#include <QColor>
#include <QString>
#include <QStringList>

class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;
class QTableWidgetItem;
class QWidget;

namespace CoCommission {

class CriteriaTree;
struct Criterion;
struct Round;

namespace EvaluationUi {

/**
 * The shading of a flagged cell (a wide spread), always beside a word that says so: dark text
 * stays above 12:1 on it.
 */
inline const QColor kFlagBackground(0xff, 0xe3, 0xb3);
/** The shading of a blocked cell (a declared conflict), beside the word "Blocked". */
inline const QColor kBlockedBackground(0xe4, 0xe4, 0xe4);
/** The shading of an agreed cell, beside the word "Agreed". */
inline const QColor kAgreedBackground(0xdc, 0xf0, 0xdc);
/** Dark text for the shaded cells above, whatever the theme's text colour. */
inline const QColor kShadedText(0x1a, 0x1a, 0x1a);

// The pages' shared pieces, used unqualified by the stage 5 tabs.
using UiUtil::fitTableHeight;
using UiUtil::makeButton;
using UiUtil::makeTable;
using UiUtil::makeText;

/**
 * Keeps \a table's rows as tall as their wrapped text and the table as tall as its rows
 * whenever its width changes (wrapped rows can only be measured once the table is laid out).
 */
void keepRowsFitted(QTableWidget *table);
/** A read-only cell. */
QTableWidgetItem *cell(const QString &text, Qt::Alignment alignment = Qt::AlignLeft);
/** Gives \a item a shaded background with dark text. */
void shade(QTableWidgetItem *item, const QColor &background);

/** \a value in the user's locale with \a decimals decimals. */
QString number(double value, int decimals);
/** A score: whole numbers without decimals, others with at most two (3, 3.5, 3.67). */
QString scoreNumber(double value);
/** "£12,400,000". */
QString money(double value);

/** The descriptor of \a level of \a criterion's scale, or an empty string. */
QString levelDescriptor(const Criterion &criterion, int level);
/** "4 – Good", "Pass", "Fail", or "3.67" for a value between levels. */
QString scoreText(const Criterion &criterion, double score);
/**
 * Fills \a combo with the levels \a criterion is scored on (pass/fail: Pass, Fail), each with
 * its level as data and its descriptor as tooltip, and nothing chosen.
 */
void fillScoreCombo(QComboBox *combo, const Criterion &criterion);
/** "Local service integration › Housing and homelessness" below the top level, else the name. */
QString criterionLabel(const CriteriaTree &tree, const QString &id);

/**
 * The lot to show: \a requested when it is a CPA of the adopted plan, else the plan's first
 * CPA, else an invalid id.
 */
CpaId resolveLot(const Round &round, CpaId requested);
/** The name of \a lot in the adopted plan, or an empty string. */
QString lotName(const Round &round, CpaId lot);
/** An assessor's organisation in words: "DWP", or the name of the authority with that code. */
QString organisationName(const Round &round, const QString &organisation);

} // namespace EvaluationUi
} // namespace CoCommission
