#pragma once

#include "core/common/result.h"
#include "core/round/round.h"

namespace CoCommission {

/**
 * The built-in London rounds, made from the reference facts shipped in the resources
 * (:/demo/authorities.csv): the 33 authorities with their GSS codes and the four sub-regional
 * partnerships of the 2017 Work and Health Programme in London.
 */
namespace LondonRound {

/** A new round for London: its authorities and partnerships, model 1, nothing decided. */
Result<Round> blank(const QString &title);

/**
 * The demo round: blank() plus an adopted plan of four CPAs aligned with the partnerships and
 * a dataset of illustrative needs figures (:/demo/needs_illustrative.csv), marked illustrative.
 */
Result<Round> demo();

/**
 * The demo round's illustrative tender for \a lot: the default criteria, three bids with
 * supply chains and integration evidence, a panel of three (one declared conflict), their
 * scores, bids opened and moderation open with one bid agreed. Every name is invented.
 */
Tender demoTender(const Cpa &lot);

/**
 * The demo round's illustrative design of services: six minimum service standards, two
 * directive conditions, seed 003's eligibility rules, three referral routes, three payment
 * groups estimated from the demo figures, two payment scenarios ("30% delivery fee" and "All
 * outcome") and six statements of intent. Every figure is invented.
 */
ServiceDesign demoDesign(const Round &round);

/**
 * The demo round's illustrative supply market: ten invented providers across the four
 * partnerships, a market engagement timeline and four timeline rules, one of them missed.
 */
SupplyMarket demoSupply(const Round &round);

/**
 * The demo round's illustrative monitoring (stage 6): a programme board of invented members
 * with three meetings (one not quorate), an actions and issues log with an overdue action,
 * the contract profile derived from the "30% delivery fee" scenario from the go-live month,
 * twelve monthly returns and one correction. Every name and figure is invented.
 */
Monitoring demoMonitoring(const Round &round);

} // namespace LondonRound
} // namespace CoCommission
