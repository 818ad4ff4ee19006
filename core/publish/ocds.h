#pragma once

// Open Contracting Data Standard 1.1 export: the round's planning, tender, awards and
// contracts as an OCDS release package (https://standard.open-contracting.org/1.1/).

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace CoCommission {

struct Round;

namespace Ocds {

/** The ocid prefix used for the round's contracting processes ("ocds-" + registered prefix). */
QString ocidPrefix();

/** The round's contracting process id: ocidPrefix() + "-" + the round's uuid. */
QString ocid(const Round &round);

/** The URL of the OCDS Lots extension the package declares (tender.lots, relatedLot(s)). */
QString lotsExtensionUrl();

/** A stable party id from an organisation's name: lower case, runs of other characters "-". */
QString slug(const QString &name);

/**
 * An OCDS 1.1 release package for \a round, published at \a publishedAt: one release of the
 * round's single contracting process (ocid()), dated \a publishedAt and tagged with what the
 * round has reached. It holds planning (the Local Labour Market Agreements and datasets as
 * needsAssessment documents, the budget from the stage 3 financial model of the contract
 * profile's payment scenario, else the first), the tender once a plan is adopted (lots = its
 * CPAs, items with relatedLot, award criteria, the stage 4 timeline), parties with roles (DWP,
 * the partnerships' lead authorities, bidders with the UK details.scale / details.vcse from
 * the provider register), one award per lot with a signed or recommended winner ("active"
 * once every party signed, else "pending") and its contract with implementation milestones.
 * No field is an empty string or array. Validates against release-package-schema.json 1.1.5.
 */
QJsonObject releasePackage(const Round &round, const QDateTime &publishedAt);

/** releasePackage() as indented UTF-8 JSON. */
QByteArray releasePackageJson(const Round &round, const QDateTime &publishedAt);

} // namespace Ocds
} // namespace CoCommission
