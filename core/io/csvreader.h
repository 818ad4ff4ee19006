#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringList>

class QCryptographicHash;
class QIODevice;

namespace CoCommission {

/**
 * Reads CSV records one at a time from a device, as RFC 4180 describes them: fields separated
 * by commas, optionally quoted, with "" for a quote inside a quoted field and line breaks
 * allowed inside quotes. A UTF-8 byte-order mark is skipped; LF and CRLF line ends both work.
 *
 * It is strict where a lenient reader would guess: a quoted field must be closed, and nothing
 * may follow its closing quote but a separator or the end of the line.
 *
 * It streams: memory stays proportional to one record, whatever the file's size. Line numbers
 * are those of the file (1-based), so that messages can name them.
 */
class CsvReader
{
public:
    explicit CsvReader(QIODevice *device);

    /**
     * Reads the next record. Returns false at the end of the input or on an error (see error()).
     * A blank line is a record with one empty field. The record's fields are then available
     * through fieldCount() and field() until the next call, without a copy per field.
     */
    bool next();
    qsizetype fieldCount() const { return m_ends.size(); }
    /** Field \a i of the current record, unquoted, as UTF-8 bytes. */
    QByteArrayView field(qsizetype i) const
    {
        const qsizetype begin = i == 0 ? 0 : m_ends.at(i - 1);
        return QByteArrayView(m_record.constData() + begin, m_ends.at(i) - begin);
    }
    QString fieldText(qsizetype i) const { return QString::fromUtf8(field(i)); }

    /** Feeds every byte read to \a hash too, so that a file is read once for both. */
    void setHash(QCryptographicHash *hash) { m_hash = hash; }

    /** Convenience: reads the next record as strings. */
    bool readRecord(QStringList &fields);

    /** The line on which the record last read starts. */
    qint64 recordLine() const { return m_recordLine; }
    /** Bytes consumed so far, for progress. */
    qint64 bytesRead() const { return m_bytesRead; }
    /** What stopped reading, if anything. */
    enum class Problem {
        None,
        UnclosedQuote,  ///< a quoted field runs to the end of the input
        TextAfterQuote, ///< a quoted field is followed by more text before the separator
    };
    Problem problem() const { return m_problem; }
    /** The line of the problem: where the unclosed quote opens, or where the stray text is. */
    qint64 problemLine() const { return m_problemLine; }
    /** A description of what stopped reading, naming the line, or empty. */
    QString error() const { return m_error; }

private:
    bool fill();

    void endField() { m_ends.append(m_record.size()); }

    QIODevice *m_device;
    QCryptographicHash *m_hash = nullptr;
    QByteArray m_buffer;
    QByteArray m_record;     // the current record's fields, back to back
    QList<qsizetype> m_ends; // end offset of each field in m_record
    qsizetype m_pos = 0;
    qint64 m_line = 1;
    qint64 m_recordLine = 0;
    qint64 m_bytesRead = 0;
    bool m_started = false;
    QString m_error;
    Problem m_problem = Problem::None;
    qint64 m_problemLine = 0;
};

} // namespace CoCommission
