#pragma once

#include <QString>

#include <array>
#include <optional>

namespace CoCommission {

/** The six stages of the procurement cycle, in order. */
enum class StageId {
    Needs,      ///< 1. assessing local needs
    Priorities, ///< 2. deciding the priorities for intervention
    Design,     ///< 3. design of services
    Supply,     ///< 4. shaping the structure of supply
    Selection,  ///< 5. selecting the provider
    Monitoring, ///< 6. monitoring and evaluating provision
};

inline constexpr std::array<StageId, 6> kAllStages = {StageId::Needs,     StageId::Priorities,
                                                      StageId::Design,    StageId::Supply,
                                                      StageId::Selection, StageId::Monitoring};

/** Where a stage stands. Only RoundDocument::signOff() moves a stage to SignedOff. */
enum class StageStatus {
    NotStarted,
    InProgress,
    ReadyForSignOff,
    SignedOff,
};

/** 1-based position of the stage in the cycle. */
inline int stageNumber(StageId stage)
{
    return int(stage) + 1;
}
/** Stable key used in the project file and on the command line ("needs", "priorities", ...). */
QString stageKey(StageId stage);
std::optional<StageId> stageFromKey(const QString &key);
/** Translated title, e.g. "Assessing local needs". */
QString stageTitle(StageId stage);

QString statusKey(StageStatus status);
std::optional<StageStatus> statusFromKey(const QString &key);
/** Translated status, e.g. "Ready for sign-off". */
QString statusName(StageStatus status);

} // namespace CoCommission
