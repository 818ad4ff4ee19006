#include "core/io/assessorpack.h"

#include "core/commands/documentcommand.h"
#include "core/io/boostqt.h"
#include "core/io/boosttender.h"
#include "core/round/round.h"
#include "core/round/rounddocument.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QSet>
#include <QUuid>

#include <boost/archive/archive_exception.hpp>
#include <boost/archive/text_iarchive.hpp>
#include <boost/archive/text_oarchive.hpp>
#include <boost/serialization/version.hpp>

// The input archive below is a text_iarchive whose strings and lists are bounded; its template
// members are instantiated here, as Boost instantiates them for text_iarchive in its library.
#include <boost/archive/impl/archive_serializer_map.ipp>
#include <boost/archive/impl/basic_text_iarchive.ipp>
#include <boost/archive/impl/text_iarchive_impl.ipp>

#include <cmath>
#include <sstream>
#include <string>

namespace CoCommission::ArchiveIo {

/**
 * Reads what boost::archive::text_oarchive writes, refusing before allocating anything for it any
 * string longer than the payload it reads from (Boost's own text_iarchive sizes a string from its
 * length field, so a forged length would make it allocate gigabytes), and any list that would
 * take the elements of all the archive's lists past a budget (so that a payload of tiny elements
 * cannot make the reader allocate many times its size).
 */
class PackTextIArchive : public boost::archive::text_iarchive_impl<PackTextIArchive>
{
    using Base = boost::archive::text_iarchive_impl<PackTextIArchive>;
    friend class boost::archive::detail::interface_iarchive<PackTextIArchive>;
    friend class boost::archive::basic_text_iarchive<PackTextIArchive>;
    friend class boost::archive::load_access;

public:
    PackTextIArchive(std::istream &stream, std::size_t maxString, std::size_t elementBudget)
        : Base(stream, 0)
        , m_maxString(maxString)
        , m_elementBudget(elementBudget)
    {
        init();
    }

    /** Takes \a count elements from the budget; throws DamagedArchive when it has not enough. */
    void takeElements(std::size_t count)
    {
        if (count > m_elementBudget)
            throw DamagedArchive{};
        m_elementBudget -= count;
    }

protected:
    template<class T>
    void load(T &t)
    {
        Base::load(t);
    }
    void load(std::string &s)
    {
        std::size_t size = 0;
        *this->This() >> size;
        if (size > m_maxString)
            throw DamagedArchive{};
        is.get(); // the space between the length and the bytes
        s.resize(size);
        if (size > 0 && !is.read(s.data(), std::streamsize(size)))
            throw boost::archive::archive_exception(
                boost::archive::archive_exception::input_stream_error);
    }

private:
    std::size_t m_maxString;
    std::size_t m_elementBudget;
};

} // namespace CoCommission::ArchiveIo

namespace boost::archive {
template class detail::archive_serializer_map<CoCommission::ArchiveIo::PackTextIArchive>;
template class basic_text_iarchive<CoCommission::ArchiveIo::PackTextIArchive>;
template class text_iarchive_impl<CoCommission::ArchiveIo::PackTextIArchive>;
} // namespace boost::archive

namespace boost::serialization {

template<class Archive>
void serialize(Archive &ar, CoCommission::PackBid &b, unsigned int)
{
    ar &b.id &b.bidder &b.lotName &b.price &b.integrationPlan &b.supplyChain &b.integration;
}
template<class Archive>
void serialize(Archive &ar, CoCommission::AssessorPack &p, unsigned int)
{
    ar &p.packId &p.roundUuid &p.roundTitle &p.illustrative &p.assessor &p.createdAt &p.criteria;
    enumField(ar, p.priceFormula, 0, 1);
    ar &p.bidders &p.bids &p.declarations &p.scores;
}
template<class Archive>
void serialize(Archive &ar, CoCommission::PackReturn &r, unsigned int)
{
    ar &r.packId &r.roundUuid &r.assessor &r.packCreatedAt &r.savedAt &r.declarations &r.scores;
}

} // namespace boost::serialization

namespace CoCommission {

namespace {

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("CoCommission::AssessorPack", text, disambiguation, n);
}

using ArchiveIo::DamagedArchive;

enum class Kind { Pack, Return };

// The first line of each kind of file; also the kind named inside the payload.
const QByteArray kPackMagic = QByteArrayLiteral("CoCommission assessor pack");
const QByteArray kReturnMagic = QByteArrayLiteral("CoCommission assessor return");
const std::string kPackTag = "assessor-pack";
const std::string kReturnTag = "assessor-return";
// Header lines are short; a longer line means the file is not one of ours.
constexpr qsizetype kMaxHeaderLine = 128;

QByteArray magic(Kind kind)
{
    return kind == Kind::Pack ? kPackMagic : kReturnMagic;
}

std::string tag(Kind kind)
{
    return kind == Kind::Pack ? kPackTag : kReturnTag;
}

QString fileName(const QString &path)
{
    return QFileInfo(path).fileName();
}

QString notOurs(Kind kind, const QString &path)
{
    return kind == Kind::Pack
               ? tr("%1 is not a CoCommission assessor pack.").arg(fileName(path))
               : tr("%1 is not a CoCommission assessor's return.").arg(fileName(path));
}

QString damaged(const QString &path, const QString &why)
{
    return tr("%1 is damaged: %2").arg(fileName(path), why);
}

QString truncated(const QString &path, qint64 held, qint64 expected)
{
    return tr("%1 is incomplete: it holds %2 of its %3 bytes. Copy it again from where it came "
              "from.")
        .arg(fileName(path))
        .arg(held)
        .arg(expected);
}

QString sha256Hex(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

QByteArray envelope(Kind kind, const QByteArray &payload)
{
    QByteArray out = magic(kind);
    out += "\nformat " + QByteArray::number(kPackFormatVersion);
    out += "\nlength " + QByteArray::number(payload.size());
    out += "\nsha256 " + sha256Hex(payload).toLatin1();
    out += '\n';
    out += payload;
    return out;
}

template<class T>
Result<QByteArray> archived(Kind kind, const T &value)
{
    try {
        std::ostringstream stream;
        {
            boost::archive::text_oarchive archive(stream);
            const std::string kindTag = tag(kind);
            const int version = kPackFormatVersion;
            archive << kindTag << version << value;
        }
        const std::string bytes = stream.str();
        return QByteArray(bytes.data(), qsizetype(bytes.size()));
    } catch (const std::exception &e) {
        return Error{
            tr("The archive could not be made (%1).").arg(QString::fromLocal8Bit(e.what()))};
    }
}

template<class T>
Status writeFile(Kind kind, const QString &path, const T &value)
{
    const Result<QByteArray> payload = archived(kind, value);
    if (!payload)
        return payload.error();
    const QByteArray bytes = envelope(kind, *payload);
    // Never write what could not be read back.
    if (bytes.size() > kMaxPackFileBytes)
        return Error{tr("%1 would be larger than an assessor pack may be (%2 MB), so it was not "
                        "written.")
                         .arg(fileName(path))
                         .arg(kMaxPackFileBytes / (1024 * 1024))};
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error{tr("Could not write %1: %2").arg(fileName(path), file.errorString())};
    if (file.write(bytes) != bytes.size() || !file.commit())
        return Error{tr("Could not write %1: %2").arg(fileName(path), file.errorString())};
    return {};
}

enum class LineRead { Ok, Truncated, TooLong };

/**
 * Reads the header line starting at \a pos into \a line and sets \a pos past its newline; a
 * line without a newline is Truncated (\a line holds what there is), one too long is TooLong.
 */
LineRead readLine(const QByteArray &bytes, qsizetype &pos, QByteArray &line)
{
    const qsizetype end = bytes.indexOf('\n', pos);
    if (end < 0) {
        if (bytes.size() - pos > kMaxHeaderLine)
            return LineRead::TooLong;
        line = bytes.mid(pos);
        return LineRead::Truncated;
    }
    if (end - pos > kMaxHeaderLine)
        return LineRead::TooLong;
    line = bytes.mid(pos, end - pos);
    pos = end + 1;
    return LineRead::Ok;
}

/** The number after \a key in "key N", or -1. */
qint64 headerNumber(const QByteArray &line, const QByteArray &key)
{
    if (!line.startsWith(key + ' '))
        return -1;
    const QByteArray digits = line.mid(key.size() + 1);
    if (digits.isEmpty() || digits.size() > 18)
        return -1;
    for (char c : digits) {
        if (c < '0' || c > '9')
            return -1;
    }
    return digits.toLongLong();
}

/**
 * The checked payload of the file at \a path, which must be of \a kind: everything the header
 * promises is checked before the payload is handed to Boost.
 */
Result<QByteArray> readPayload(Kind kind, const QString &path)
{
    const QFileInfo info(path);
    if (info.exists() && !info.isFile())
        return Error{tr("%1 is not a file.").arg(fileName(path))};
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{tr("Could not open %1: %2").arg(fileName(path), file.errorString())};
    const qint64 size = file.size();
    if (size == 0)
        return Error{kind == Kind::Pack
                         ? tr("%1 is empty: it is not an assessor pack.").arg(fileName(path))
                         : tr("%1 is empty: it is not an assessor's return.").arg(fileName(path))};
    if (size > kMaxPackFileBytes)
        return Error{tr("%1 is %2 MB, larger than any assessor pack or return can be (%3 MB), so "
                        "it was not read.")
                         .arg(fileName(path))
                         .arg(QString::number(double(size) / (1024 * 1024), 'f', 1))
                         .arg(kMaxPackFileBytes / (1024 * 1024))};
    const QByteArray bytes = file.read(size);
    if (bytes.size() != size)
        return Error{tr("Could not read %1: %2").arg(fileName(path), file.errorString())};

    qsizetype pos = 0;
    QByteArray line;
    const LineRead first = readLine(bytes, pos, line);
    const Kind other = kind == Kind::Pack ? Kind::Return : Kind::Pack;
    if (first == LineRead::Truncated &&
        (magic(kind).startsWith(line) || magic(other).startsWith(line)))
        return Error{tr("%1 is incomplete: it ends in its header.").arg(fileName(path))};
    if (first != LineRead::Ok)
        return Error{notOurs(kind, path)};
    if (line == magic(other))
        return Error{kind == Kind::Pack
                         ? tr("%1 is an assessor's return, not a pack: import it into the round "
                              "instead.")
                               .arg(fileName(path))
                         : tr("%1 is an assessor pack, not a return: the assessor scores the pack "
                              "and saves a return, and the return is what is imported.")
                               .arg(fileName(path))};
    if (line != magic(kind))
        return Error{notOurs(kind, path)};

    // The format line comes next in every format, so that a newer file is recognised as such.
    const LineRead second = readLine(bytes, pos, line);
    if (second == LineRead::Truncated)
        return Error{tr("%1 is incomplete: it ends in its header.").arg(fileName(path))};
    const qint64 format = second == LineRead::Ok ? headerNumber(line, "format") : -1;
    if (format < 1)
        return Error{damaged(path, tr("its header gives no format version."))};
    if (format > kPackFormatVersion)
        return Error{tr("%1 was written by a newer version of CoCommission (pack format %2; this "
                        "version reads up to %3). Update CoCommission to read it.")
                         .arg(fileName(path))
                         .arg(format)
                         .arg(kPackFormatVersion)};

    const LineRead third = readLine(bytes, pos, line);
    const QByteArray lengthLine = line;
    const LineRead fourth = third == LineRead::Ok ? readLine(bytes, pos, line) : third;
    if (third == LineRead::Truncated || fourth == LineRead::Truncated)
        return Error{tr("%1 is incomplete: it ends in its header.").arg(fileName(path))};
    const qint64 length = third == LineRead::Ok ? headerNumber(lengthLine, "length") : -1;
    const QByteArray checksum = line.startsWith("sha256 ") ? line.mid(7) : QByteArray();
    if (length < 0 || fourth != LineRead::Ok || checksum.size() != 64)
        return Error{damaged(path, tr("its header cannot be read."))};

    const qint64 held = bytes.size() - pos;
    if (held < length)
        return Error{truncated(path, held, length)};
    if (held > length)
        return Error{damaged(
            path, tr("it has %n unexpected byte(s) after its end.", nullptr, int(held - length)))};
    const QByteArray payload = bytes.mid(pos);
    if (sha256Hex(payload).toLatin1() != checksum)
        return Error{tr("%1 has been altered or damaged since it was written: its checksum does "
                        "not match its contents.")
                         .arg(fileName(path))};
    return payload;
}

template<class T>
Result<T> unarchive(Kind kind, const QString &path, const QByteArray &payload)
{
    try {
        std::istringstream stream(std::string(payload.constData(), std::size_t(payload.size())));
        ArchiveIo::PackTextIArchive archive(stream, std::size_t(payload.size()),
                                            std::size_t(kMaxPackElements));
        std::string kindTag;
        int version = 0;
        archive >> kindTag;
        if (kindTag != tag(kind))
            return Error{damaged(path, tr("its contents are not those of its kind of file."))};
        archive >> version;
        if (version != kPackFormatVersion)
            return Error{damaged(path, tr("its header and its contents disagree on the format."))};
        T value;
        archive >> value;
        value.formatVersion = version;
        return value;
    } catch (const boost::archive::archive_exception &e) {
        if (e.code == boost::archive::archive_exception::unsupported_version ||
            e.code == boost::archive::archive_exception::unsupported_class_version)
            return Error{tr("%1 was written by a newer version of CoCommission, whose archive "
                            "format this version cannot read. Update CoCommission to read it.")
                             .arg(fileName(path))};
        return Error{tr("%1 is damaged and cannot be read (%2).")
                         .arg(fileName(path), QString::fromLocal8Bit(e.what()))};
    } catch (const DamagedArchive &) {
        return Error{damaged(path, tr("it holds an impossible value."))};
    } catch (const std::exception &e) {
        return Error{
            tr("%1 cannot be read (%2).").arg(fileName(path), QString::fromLocal8Bit(e.what()))};
    }
}

/** Why \a score cannot stand for a bid against \a criterion, or "". */
QString scoreProblem(const Criterion &criterion, const QString &bidId, double score,
                     const QString &comment)
{
    if (criterion.type == CriterionType::PassFail) {
        if (score != 0 && score != 1)
            return tr("The score of bid \"%1\" for the pass/fail criterion \"%2\" must be 1 "
                      "(pass) or 0 (fail), not %3.")
                .arg(bidId, criterion.id, QString::number(score));
    } else if (!std::isfinite(score) || score < 0 || score > criterion.scale.maxScore) {
        return tr("The score of bid \"%1\" for \"%2\" must be between 0 and %3, not %4.")
            .arg(bidId, criterion.id)
            .arg(criterion.scale.maxScore)
            .arg(QString::number(score));
    }
    if (score != std::floor(score))
        return tr("The score of bid \"%1\" for \"%2\" must be one of the scale's levels, a "
                  "whole number from 0 to %3, not %4.")
            .arg(bidId, criterion.id)
            .arg(criterion.scale.maxScore)
            .arg(QString::number(score));
    if (comment.trimmed().isEmpty())
        return tr("The score of bid \"%1\" for \"%2\" needs a comment giving its reason.")
            .arg(bidId, criterion.id);
    return {};
}

/** Why \a pack cannot be scored, or "": the consistency a pack from makePack() has. */
QString packProblem(const AssessorPack &pack)
{
    if (pack.packId.isEmpty() || pack.roundUuid.isEmpty() || pack.assessor.name.isEmpty())
        return tr("it does not say which pack, round or assessor it is for.");
    const Result<CriteriaTree> tree = CriteriaTree::fromList(pack.criteria);
    if (!tree)
        return tr("its criteria are not valid (%1)").arg(tree.errorMessage());
    const QSet<QString> bidders(pack.bidders.cbegin(), pack.bidders.cend());
    if (bidders.size() != pack.bidders.size() || bidders.contains(QString()))
        return tr("it names a bidder twice or without a name.");
    QSet<QString> bids;
    for (const PackBid &bid : pack.bids) {
        if (bid.id.isEmpty() || bids.contains(bid.id) || !bidders.contains(bid.bidder))
            return tr("its bid \"%1\" is repeated or has an unknown bidder.").arg(bid.id);
        bids.insert(bid.id);
    }
    QSet<QString> declared;
    for (const ConflictDeclaration &d : pack.declarations) {
        if (d.assessor != pack.assessor.name)
            return tr("it holds a declaration of another assessor (\"%1\").").arg(d.assessor);
        if (!bidders.contains(d.bidder) || declared.contains(d.bidder))
            return tr("its declaration about \"%1\" is repeated or names an unknown bidder.")
                .arg(d.bidder);
        declared.insert(d.bidder);
    }
    QSet<std::pair<QString, QString>> scored;
    for (const IndividualScore &s : pack.scores) {
        if (s.assessor != pack.assessor.name)
            return tr("it holds a score of another assessor (\"%1\").").arg(s.assessor);
        if (!bids.contains(s.bidId) || !tree->isScored(s.criterionId) ||
            scored.contains({s.bidId, s.criterionId}))
            return tr("its score of bid \"%1\" for \"%2\" is repeated or names an unknown bid or "
                      "criterion.")
                .arg(s.bidId, s.criterionId);
        scored.insert({s.bidId, s.criterionId});
    }
    return {};
}

/** Why \a packReturn is not one an assessor's desktop writes, or "". */
QString returnProblem(const PackReturn &packReturn)
{
    if (packReturn.packId.isEmpty() || packReturn.roundUuid.isEmpty() ||
        packReturn.assessor.isEmpty())
        return tr("it does not say which pack, round or assessor it is for.");
    QSet<QString> declared;
    for (const ConflictDeclaration &d : packReturn.declarations) {
        if (d.assessor != packReturn.assessor)
            return tr("it is the return of \"%1\" but holds a declaration of \"%2\".")
                .arg(packReturn.assessor, d.assessor);
        if (declared.contains(d.bidder))
            return tr("it holds two declarations about \"%1\".").arg(d.bidder);
        declared.insert(d.bidder);
    }
    QSet<std::pair<QString, QString>> scored;
    for (const IndividualScore &s : packReturn.scores) {
        if (s.assessor != packReturn.assessor)
            return tr("it is the return of \"%1\" but holds a score of \"%2\".")
                .arg(packReturn.assessor, s.assessor);
        if (scored.contains({s.bidId, s.criterionId}))
            return tr("it holds two scores of bid \"%1\" for \"%2\".").arg(s.bidId, s.criterionId);
        scored.insert({s.bidId, s.criterionId});
    }
    return {};
}

QString lotName(const Round &round, CpaId lot)
{
    if (const Cpa *cpa = round.adoptedCpa(lot))
        return cpa->name;
    for (const CpaPlan &plan : round.plans) {
        for (const Cpa &cpa : plan.cpas) {
            if (cpa.id == lot)
                return cpa.name;
        }
    }
    return {};
}

/** Merging a return: redo puts the merged tender in place, undo the tender as it was. */
class MergePackReturn : public DocumentCommand
{
public:
    MergePackReturn(RoundDocument *document, const Tender &before, const Tender &after,
                    const QString &assessor)
        : DocumentCommand(document)
        , m_before(before)
        , m_after(after)
    {
        setText(
            QCoreApplication::translate("Undo Commands", "Merge the scores of %1").arg(assessor));
    }

    void redo() override { record(m_document->replaceTender(m_after)); }
    void undo() override { record(m_document->replaceTender(m_before)); }

private:
    Tender m_before;
    Tender m_after;
};

} // namespace

Result<AssessorPack> makePack(const Round &round, const QString &assessorName)
{
    const Tender &tender = round.tender;
    if (round.uuid.isEmpty())
        return Error{tr("The round has no identity to give its packs; open it with this version "
                        "of CoCommission first.")};
    const Assessor *assessor = tender.assessor(assessorName);
    if (!assessor)
        return Error{tr("\"%1\" is not on the assessment panel of this round.").arg(assessorName)};
    if (!tender.bidsOpened())
        return Error{tr("The bids are not open yet: packs are made once the bids are opened and "
                        "the criteria locked.")};
    if (tender.moderationOpen())
        return Error{tr("Moderation is open: individual scores are locked, so no pack can be "
                        "made.")};
    if (const Result<CriteriaTree> tree = CriteriaTree::fromList(tender.criteria); !tree)
        return Error{tr("The criteria are not valid: %1").arg(tree.errorMessage())};
    if (tender.bids.isEmpty())
        return Error{tr("The round has no bids to score.")};

    AssessorPack pack;
    pack.packId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    pack.roundUuid = round.uuid;
    pack.roundTitle = round.title;
    pack.illustrative = tender.illustrative;
    pack.assessor = *assessor;
    pack.createdAt = QDateTime::currentDateTimeUtc();
    pack.criteria = tender.criteria;
    pack.priceFormula = tender.priceFormula;
    for (const ConflictDeclaration &d : tender.conflicts) {
        if (d.assessor == assessorName)
            pack.declarations.append(d);
    }
    QSet<QString> inPack;
    for (const TenderBid &bid : tender.bids) {
        if (!pack.bidders.contains(bid.bidder))
            pack.bidders.append(bid.bidder);
        // A conflicted assessor does not see the bidder's bids.
        const ConflictDeclaration *declared = tender.conflict(assessorName, bid.bidder);
        if (declared && declared->conflicted)
            continue;
        pack.bids.append({bid.id, bid.bidder, lotName(round, bid.lot), bid.price,
                          bid.integrationPlan, bid.supplyChain, bid.integration});
        inPack.insert(bid.id);
    }
    for (const IndividualScore &s : tender.scores) {
        if (s.assessor == assessorName && inPack.contains(s.bidId))
            pack.scores.append(s);
    }
    return pack;
}

Status writePack(const QString &path, const AssessorPack &pack)
{
    return writeFile(Kind::Pack, path, pack);
}

Result<AssessorPack> readPack(const QString &path)
{
    const Result<QByteArray> payload = readPayload(Kind::Pack, path);
    if (!payload)
        return payload.error();
    Result<AssessorPack> pack = unarchive<AssessorPack>(Kind::Pack, path, *payload);
    if (!pack)
        return pack;
    if (const QString problem = packProblem(*pack); !problem.isEmpty())
        return Error{damaged(path, problem)};
    return pack;
}

Status writeReturn(const QString &path, const PackReturn &packReturn)
{
    return writeFile(Kind::Return, path, packReturn);
}

Result<PackReturn> readReturn(const QString &path)
{
    const Result<QByteArray> payload = readPayload(Kind::Return, path);
    if (!payload)
        return payload.error();
    Result<PackReturn> packReturn = unarchive<PackReturn>(Kind::Return, path, *payload);
    if (!packReturn)
        return packReturn;
    if (const QString problem = returnProblem(*packReturn); !problem.isEmpty())
        return Error{damaged(path, problem)};
    return packReturn;
}

Result<PackMergeSummary> mergeReturn(RoundDocument &document, const PackReturn &packReturn)
{
    const Round &round = document.round();
    const Tender &before = round.tender;
    if (const QString why = document.whyNotEditable(); !why.isEmpty())
        return Error{why};
    if (const QString why = document.whyTenderFrozen(); !why.isEmpty())
        return Error{why};
    if (const QString problem = returnProblem(packReturn); !problem.isEmpty())
        return Error{tr("The return cannot be merged: %1").arg(problem)};
    if (round.uuid.isEmpty() || packReturn.roundUuid != round.uuid)
        return Error{tr("The return is for another round (%1), not this one: it was not "
                        "merged.")
                         .arg(packReturn.roundUuid)};
    const QString &name = packReturn.assessor;
    if (!before.assessor(name))
        return Error{tr("The return is from \"%1\", who is not on the assessment panel of this "
                        "round: it was not merged.")
                         .arg(name)};
    if (!before.bidsOpened())
        return Error{tr("The bids are not open: the return was not merged.")};
    if (before.moderationOpen())
        return Error{tr("Moderation is open and individual scores are locked: the return of "
                        "\"%1\" was not merged.")
                         .arg(name)};
    const Result<CriteriaTree> tree = CriteriaTree::fromList(before.criteria);
    if (!tree)
        return Error{tr("The criteria are not valid: %1").arg(tree.errorMessage())};

    PackMergeSummary summary;
    summary.assessor = name;
    summary.packId = packReturn.packId;
    Tender after = before;

    QSet<QString> bidders;
    for (const TenderBid &bid : before.bids)
        bidders.insert(bid.bidder);
    for (const ConflictDeclaration &d : packReturn.declarations) {
        if (!bidders.contains(d.bidder))
            return Error{tr("The return declares about \"%1\", who has no bid in this round: it "
                            "was not merged.")
                             .arg(d.bidder)};
        if (d.conflicted && d.note.trimmed().isEmpty())
            return Error{tr("The return declares a conflict with \"%1\" without saying what the "
                            "interest is: it was not merged.")
                             .arg(d.bidder)};
        if (d.conflicted) {
            ++summary.conflicts;
            // The round keeps no score of a conflicted assessor for the bidder's bids.
            for (const IndividualScore &s : before.scores) {
                const TenderBid *bid = before.bid(s.bidId);
                if (s.assessor == name && bid && bid->bidder == d.bidder)
                    return Error{tr("The return declares a conflict with \"%1\", but the round "
                                    "holds scores of \"%2\" for its bids; the evaluation lead "
                                    "must withdraw them first. The return was not merged.")
                                     .arg(d.bidder, name)};
            }
        }
        const auto it = std::find_if(after.conflicts.begin(), after.conflicts.end(),
                                     [&](const ConflictDeclaration &c) {
                                         return c.assessor == name && c.bidder == d.bidder;
                                     });
        if (it == after.conflicts.end()) {
            after.conflicts.append(d);
            ++summary.newDeclarations;
        } else if (it->conflicted == d.conflicted && it->note == d.note) {
            ++summary.unchangedDeclarations;
        } else if (it->conflicted && !d.conflicted) {
            return Error{tr("The return withdraws the conflict with \"%1\" that the round "
                            "records for \"%2\": it was not merged.")
                             .arg(d.bidder, name)};
        } else {
            *it = d;
            ++summary.changedDeclarations;
        }
    }

    for (const IndividualScore &s : packReturn.scores) {
        const TenderBid *bid = before.bid(s.bidId);
        if (!bid)
            return Error{
                tr("The return scores an unknown bid \"%1\": it was not merged.").arg(s.bidId)};
        if (!tree->isScored(s.criterionId))
            return Error{tr("The return scores bid \"%1\" for \"%2\", which is not a criterion "
                            "the panel scores: it was not merged.")
                             .arg(s.bidId, s.criterionId)};
        if (const QString problem =
                scoreProblem(tree->criterion(s.criterionId), s.bidId, s.score, s.comment);
            !problem.isEmpty())
            return Error{tr("%1 The return was not merged.").arg(problem)};
        const ConflictDeclaration *declared = after.conflict(name, bid->bidder);
        if (!declared)
            return Error{tr("The return scores bid \"%1\" but \"%2\" has declared neither a "
                            "conflict with \"%3\" nor none: it was not merged.")
                             .arg(s.bidId, name, bid->bidder)};
        if (declared->conflicted)
            return Error{tr("The return scores bid \"%1\" but \"%2\" has declared a conflict "
                            "with \"%3\": it was not merged.")
                             .arg(s.bidId, name, bid->bidder)};
        const auto it =
            std::find_if(after.scores.begin(), after.scores.end(), [&](const IndividualScore &o) {
                return o.assessor == name && o.bidId == s.bidId && o.criterionId == s.criterionId;
            });
        if (it == after.scores.end()) {
            after.scores.append(s);
            ++summary.newScores;
        } else if (it->score == s.score && it->comment == s.comment) {
            ++summary.unchangedScores;
        } else {
            *it = s;
            ++summary.replacedScores;
        }
    }

    for (const CriteriaChange &change : before.criteriaChanges) {
        if (packReturn.packCreatedAt.isValid() && change.changedAt > packReturn.packCreatedAt) {
            summary.notes.append(
                tr("The criteria changed after the pack was made (%1: %2); the "
                   "scores were checked against the criteria as they are now.")
                    .arg(change.changedAt.toUTC().toString(Qt::ISODate), change.summary));
            break;
        }
    }

    if (!summary.changedAnything())
        return summary;
    if (Status s = pushCommand(&document, new MergePackReturn(&document, before, after, name)); !s)
        return s.error();
    return summary;
}

// --- PackSession -----------------------------------------------------------------------------

PackSession::PackSession(const AssessorPack &pack, CriteriaTree tree)
    : m_pack(pack)
    , m_tree(std::move(tree))
    , m_declarations(pack.declarations)
    , m_scores(pack.scores)
{}

Result<PackSession> PackSession::start(const AssessorPack &pack)
{
    if (const QString problem = packProblem(pack); !problem.isEmpty())
        return Error{tr("The pack cannot be scored: %1").arg(problem)};
    return PackSession(pack, *CriteriaTree::fromList(pack.criteria));
}

QStringList PackSession::scoredCriteria() const
{
    return m_tree.scoredLeaves();
}

const ConflictDeclaration *PackSession::declaration(const QString &bidder) const
{
    for (const ConflictDeclaration &d : m_declarations) {
        if (d.bidder == bidder)
            return &d;
    }
    return nullptr;
}

Status PackSession::declare(const QString &bidder, bool conflicted, const QString &note)
{
    if (!m_pack.bidders.contains(bidder))
        return Error{tr("\"%1\" has no bid in this round.").arg(bidder)};
    if (conflicted && note.trimmed().isEmpty())
        return Error{tr("Say what the interest in \"%1\" is.").arg(bidder)};
    if (conflicted) {
        for (const IndividualScore &s : m_scores) {
            const auto bid = std::find_if(m_pack.bids.cbegin(), m_pack.bids.cend(),
                                          [&](const PackBid &b) { return b.id == s.bidId; });
            if (bid != m_pack.bids.cend() && bid->bidder == bidder)
                return Error{tr("You have scored bids of \"%1\": withdraw those scores before "
                                "declaring a conflict.")
                                 .arg(bidder)};
        }
    } else {
        for (const ConflictDeclaration &d : m_pack.declarations) {
            if (d.bidder == bidder && d.conflicted)
                return Error{tr("The round records your conflict with \"%1\"; only the "
                                "evaluation lead can withdraw it.")
                                 .arg(bidder)};
        }
    }
    ConflictDeclaration d{m_pack.assessor.name, bidder, conflicted,
                          conflicted ? note.trimmed() : QString(), QDateTime::currentDateTimeUtc()};
    for (ConflictDeclaration &existing : m_declarations) {
        if (existing.bidder == bidder) {
            if (existing.conflicted != d.conflicted || existing.note != d.note)
                existing = d;
            return {};
        }
    }
    m_declarations.append(d);
    return {};
}

const IndividualScore *PackSession::score(const QString &bidId, const QString &criterionId) const
{
    for (const IndividualScore &s : m_scores) {
        if (s.bidId == bidId && s.criterionId == criterionId)
            return &s;
    }
    return nullptr;
}

QString PackSession::whyNotScorable(const QString &bidId) const
{
    const auto bid = std::find_if(m_pack.bids.cbegin(), m_pack.bids.cend(),
                                  [&](const PackBid &b) { return b.id == bidId; });
    if (bid == m_pack.bids.cend())
        return tr("The pack holds no bid \"%1\".").arg(bidId);
    const ConflictDeclaration *d = declaration(bid->bidder);
    if (!d)
        return tr("Declare whether you have a conflict of interest with \"%1\" before scoring "
                  "its bids.")
            .arg(bid->bidder);
    if (d->conflicted)
        return tr("You declared a conflict of interest with \"%1\", so you cannot score its "
                  "bids.")
            .arg(bid->bidder);
    return {};
}

Status PackSession::setScore(const QString &bidId, const QString &criterionId, double value,
                             const QString &comment)
{
    if (const QString why = whyNotScorable(bidId); !why.isEmpty())
        return Error{why};
    if (!m_tree.contains(criterionId))
        return Error{tr("The pack has no criterion \"%1\".").arg(criterionId)};
    if (!m_tree.isScored(criterionId))
        return Error{
            m_tree.criterion(criterionId).type == CriterionType::Price
                ? tr("\"%1\" is scored from the price; it takes no score.").arg(criterionId)
                : tr("\"%1\" is a group; score its sub-criteria instead.").arg(criterionId)};
    if (const QString problem = scoreProblem(m_tree.criterion(criterionId), bidId, value, comment);
        !problem.isEmpty())
        return Error{problem};
    IndividualScore s{m_pack.assessor.name,           bidId, criterionId, value, comment.trimmed(),
                      QDateTime::currentDateTimeUtc()};
    for (IndividualScore &existing : m_scores) {
        if (existing.bidId == bidId && existing.criterionId == criterionId) {
            if (existing.score != s.score || existing.comment != s.comment)
                existing = s;
            return {};
        }
    }
    m_scores.append(s);
    return {};
}

void PackSession::clearScore(const QString &bidId, const QString &criterionId)
{
    m_scores.removeIf(
        [&](const IndividualScore &s) { return s.bidId == bidId && s.criterionId == criterionId; });
}

int PackSession::missingScores() const
{
    const QStringList leaves = scoredCriteria();
    int missing = 0;
    for (const PackBid &bid : m_pack.bids) {
        const ConflictDeclaration *d = declaration(bid.bidder);
        if (d && d->conflicted)
            continue;
        for (const QString &leaf : leaves) {
            if (!score(bid.id, leaf))
                ++missing;
        }
    }
    return missing;
}

PackReturn PackSession::makeReturn() const
{
    PackReturn r;
    r.packId = m_pack.packId;
    r.roundUuid = m_pack.roundUuid;
    r.assessor = m_pack.assessor.name;
    r.packCreatedAt = m_pack.createdAt;
    r.savedAt = QDateTime::currentDateTimeUtc();
    r.declarations = m_declarations;
    r.scores = m_scores;
    return r;
}

} // namespace CoCommission
