#pragma once

#include <QString>

#include <optional>

namespace CoCommission {

/**
 * The devolution model of a round (seed 000, "How would this work in practice?"). The model
 * decides who must sign off each stage; see StageRules.
 */
enum class DevolutionModel {
    CoCommissioning = 1, ///< DWP leads; boroughs take part in all six stages and co-decide
    PartnershipDelivery =
        2,              ///< boroughs lead commissioning of DWP funding; DWP signs off key steps
    FullDevolution = 3, ///< a central-local agreement; authorities share risk and reward
};

/** Translated name, e.g. "Model 1: co-commissioning". */
QString modelName(DevolutionModel model);
/** The model with number \a number (1-3), or nullopt. */
std::optional<DevolutionModel> modelFromNumber(int number);
inline int modelNumber(DevolutionModel model)
{
    return int(model);
}

} // namespace CoCommission
