#pragma once

// The sections each stage contributes to a board paper: its tables and charts, drawn from the
// round. Used by composer.cpp only. A stage without data gives one section that says so.
//
// stagesections_early.cpp: needs, priorities, design. stagesections_late.cpp: supply,
// selection, monitoring.

#include "core/paper/composer.h"

namespace CoCommission::Paper {

/**
 * The sections of \a stage for \a round, in order, each with its key ("needs.indicators",
 * ...), a title and level 1 or 2; exempt is left false (the composer marks exempt sections).
 * \a exemptByDefault of SectionInfo is reported by stageSectionInfo().
 */
QList<Section> stageSections(const Round &round, StageId stage);

/** The keys and titles stageSections() can give for \a stage, whether or not data exists. */
QList<SectionInfo> stageSectionInfo(StageId stage);

// One per stage (stageSections() dispatches to them).
QList<Section> needsSections(const Round &round);
QList<Section> prioritiesSections(const Round &round);
QList<Section> designSections(const Round &round);
QList<Section> supplySections(const Round &round);
QList<Section> selectionSections(const Round &round);
QList<Section> monitoringSections(const Round &round);

QList<SectionInfo> needsSectionInfo();
QList<SectionInfo> prioritiesSectionInfo();
QList<SectionInfo> designSectionInfo();
QList<SectionInfo> supplySectionInfo();
QList<SectionInfo> selectionSectionInfo();
QList<SectionInfo> monitoringSectionInfo();

/** Formatting shared by the stage sections: "£1,234,567", "12.5%", "1,234". */
QString formatMoney(double pounds);
QString formatPercent(double percent, int decimals = 1);
QString formatNumber(double value, int decimals = 0);

} // namespace CoCommission::Paper
