#pragma once

// The provider register's CSV exchange (stage 4), for officers who keep the market in a
// spreadsheet. Reading never touches the round: it returns the providers, the caller merges
// them into the register (mergeProviders()) and stores the whole supply market with one
// RoundDocument::setSupply() call, so that a refused file changes nothing.

#include "core/common/result.h"
#include "core/round/supply.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace CoCommission {

struct Round;

/**
 * Reading and writing the register as CSV with the header
 * `name,sector,sme,specialisms,areas,contact`.
 *
 * Columns come in any order and any case; only name is required, and other columns are
 * ignored. Fields are trimmed, rows whose fields are all empty are skipped, and every row has
 * as many fields as the header.
 *
 * - name: required; unique in the file, compared without case.
 * - sector: a key (private, voluntary_community, public) or its English name ("Voluntary and
 *   community"), any case, "-" or a space standing for "_"; "vcs" and "voluntary" also mean the
 *   voluntary and community sector. Empty: private.
 * - sme: yes, no, true, false, 1 or 0, any case. Empty: no.
 * - specialisms: keys or English names of specialisms(), separated by ";"; listed once each.
 * - areas: separated by ";": GSS codes or names of the round's authorities, or names of CPAs
 *   of the adopted plan, which stand for their members; names in any case. Stored as GSS
 *   codes, each once, in the order given.
 * - contact: free text.
 *
 * A file is read whole or not at all: any problem refuses it, with up to kMaxProblems messages
 * naming the file, line and field.
 */
namespace ProviderCsv {

inline constexpr int kMaxProblems = 20;

/** How much a file may hold; a London register has hundreds of rows, not thousands. */
struct Limits
{
    qint64 maxBytes = 10 * 1024 * 1024;
    int maxRows = 100000; ///< data rows, the header not counted
};

/**
 * The providers in \a data, a CSV file called \a fileName in messages; \a round gives the
 * authorities and the adopted plan that areas name.
 */
Result<QList<Provider>> parse(const QByteArray &data, const QString &fileName, const Round &round,
                              const Limits &limits = {});

} // namespace ProviderCsv

/** ProviderCsv::parse() on the file at \a path, refused unread when it is over the size limit. */
Result<QList<Provider>> readProvidersCsv(const QString &path, const Round &round,
                                         const ProviderCsv::Limits &limits = {});

/**
 * The CSV text of \a providers: the header, one row per provider in order, sector and
 * specialisms as keys, sme as yes or no, areas as GSS codes; UTF-8 without a byte-order mark,
 * CRLF line ends. Reading it back gives \a providers again, for any register checkSupply()
 * accepts.
 */
QByteArray writeProvidersCsv(const QList<Provider> &providers);

/**
 * \a current with \a imported merged in: an imported provider replaces the current provider of
 * the same name (compared without case) where it stands; the others are appended in order.
 */
QList<Provider> mergeProviders(const QList<Provider> &current, const QList<Provider> &imported);

/** What importing a register file does to the supply market. */
struct ProviderImport
{
    SupplyMarket supply; ///< the market to store
    int added = 0;
    int updated = 0;
    int unchanged = 0;
    /** The register held invented organisations: the file replaced them whole. */
    bool replacedIllustrative = false;
};

/**
 * \a supply with \a imported taken in: into an illustrative register the file's providers
 * replace the invented ones whole (real and invented organisations never mix) and the register
 * stops being illustrative; otherwise they are merged (mergeProviders()).
 */
ProviderImport importProviders(const SupplyMarket &supply, const QList<Provider> &imported);

} // namespace CoCommission
