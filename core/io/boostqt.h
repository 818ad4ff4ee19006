#pragma once

// Boost.Serialization for the Qt and project types the archives of core/io share (stage-gate
// snapshots, assessor packs). A private header: include it only from .cpp files under core/io,
// so that the domain headers stay free of Boost.
//
// The encodings below are frozen: snapshots stored in round files are read with them, so a
// change here is a change of the snapshot and pack formats.

#include "core/common/ids.h"

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

#include <boost/serialization/split_free.hpp>
#include <boost/serialization/string.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <utility>

namespace CoCommission::ArchiveIo {

/** Thrown while loading when an archive holds a value no archive we write can hold. */
struct DamagedArchive
{};

/** No list in a round has anywhere near this many elements; a larger count is a damaged archive. */
inline constexpr std::size_t kMaxElements = 50'000'000;

/**
 * Checks the element count of a list about to be loaded: over kMaxElements it is damage. An
 * archive type can bound its lists tighter, for instance by a budget for the whole archive, by
 * offering `void takeElements(std::size_t count)` that throws DamagedArchive.
 */
template<class Archive>
void checkElementCount(Archive &ar, std::size_t count)
{
    if constexpr (requires { ar.takeElements(count); })
        ar.takeElements(count);
    else if (count > kMaxElements)
        throw DamagedArchive{};
}

} // namespace CoCommission::ArchiveIo

namespace boost::serialization {

// A QString travels as its UTF-8 bytes.
template<class Archive>
void save(Archive &ar, const QString &s, unsigned int)
{
    const std::string utf8 = s.toStdString();
    ar << utf8;
}
template<class Archive>
void load(Archive &ar, QString &s, unsigned int)
{
    std::string utf8;
    ar >> utf8;
    s = QString::fromStdString(utf8);
}
template<class Archive>
void serialize(Archive &ar, QString &s, unsigned int version)
{
    split_free(ar, s, version);
}

// A QDateTime travels as ISO 8601 UTC with milliseconds; an invalid one as an empty string.
template<class Archive>
void save(Archive &ar, const QDateTime &t, unsigned int)
{
    const QString text = t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
    ar << text;
}
template<class Archive>
void load(Archive &ar, QDateTime &t, unsigned int)
{
    QString text;
    ar >> text;
    t = QDateTime::fromString(text, Qt::ISODateWithMs);
}
template<class Archive>
void serialize(Archive &ar, QDateTime &t, unsigned int version)
{
    split_free(ar, t, version);
}

// A QDate travels as ISO 8601 (yyyy-MM-dd); an invalid one as an empty string.
template<class Archive>
void save(Archive &ar, const QDate &d, unsigned int)
{
    const QString text = d.isValid() ? d.toString(Qt::ISODate) : QString();
    ar << text;
}
template<class Archive>
void load(Archive &ar, QDate &d, unsigned int)
{
    QString text;
    ar >> text;
    d = QDate::fromString(text, Qt::ISODate);
}
template<class Archive>
void serialize(Archive &ar, QDate &d, unsigned int version)
{
    split_free(ar, d, version);
}

template<class Archive>
void save(Archive &ar, const QByteArray &bytes, unsigned int)
{
    const std::string raw = bytes.toStdString();
    ar << raw;
}
template<class Archive>
void load(Archive &ar, QByteArray &bytes, unsigned int)
{
    std::string raw;
    ar >> raw;
    bytes = QByteArray(raw.data(), qsizetype(raw.size()));
}
template<class Archive>
void serialize(Archive &ar, QByteArray &bytes, unsigned int version)
{
    split_free(ar, bytes, version);
}

// An optional number travels as a flag and the value (0 when absent).
template<class Archive>
void optionalField(Archive &ar, std::optional<double> &value)
{
    bool present = value.has_value();
    double raw = value.value_or(0);
    ar &present &raw;
    value = present ? std::optional(raw) : std::nullopt;
}

// A list travels as its count and its items. The count is checked before anything is read, and
// nothing is reserved from it: a damaged count runs into the end of the archive instead.
template<class Archive, class T>
void save(Archive &ar, const QList<T> &list, unsigned int)
{
    const std::size_t count = std::size_t(list.size());
    ar << count;
    for (const T &item : list)
        ar << item;
}
template<class Archive, class T>
void load(Archive &ar, QList<T> &list, unsigned int)
{
    std::size_t count = 0;
    ar >> count;
    CoCommission::ArchiveIo::checkElementCount(ar, count);
    list.clear();
    for (std::size_t i = 0; i < count; ++i) {
        T item;
        ar >> item;
        list.append(std::move(item));
    }
}
template<class Archive, class T>
void serialize(Archive &ar, QList<T> &list, unsigned int version)
{
    split_free(ar, list, version);
}

template<class Archive, class Tag>
void save(Archive &ar, const CoCommission::TypedId<Tag> &id, unsigned int)
{
    const qint64 value = id.value();
    ar << value;
}
template<class Archive, class Tag>
void load(Archive &ar, CoCommission::TypedId<Tag> &id, unsigned int)
{
    qint64 value = 0;
    ar >> value;
    id = CoCommission::TypedId<Tag>(value);
}
template<class Archive, class Tag>
void serialize(Archive &ar, CoCommission::TypedId<Tag> &id, unsigned int version)
{
    split_free(ar, id, version);
}

// Enumerations travel as ints, checked against their range on load.
template<class Archive, class Enum>
void enumField(Archive &ar, Enum &value, int first, int last)
{
    int raw = int(value);
    ar &raw;
    if (raw < first || raw > last)
        throw CoCommission::ArchiveIo::DamagedArchive{};
    value = Enum(raw);
}

} // namespace boost::serialization
