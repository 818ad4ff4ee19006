#include "core/io/csvreader.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QIODevice>

namespace CoCommission {

namespace {
constexpr qint64 kChunk = 1 << 20;
}

CsvReader::CsvReader(QIODevice *device)
    : m_device(device)
{}

bool CsvReader::fill()
{
    if (m_pos > 0) {
        m_buffer.remove(0, m_pos);
        m_pos = 0;
    }
    const QByteArray more = m_device->read(kChunk);
    if (more.isEmpty())
        return false;
    if (m_hash)
        m_hash->addData(more);
    m_buffer.append(more);
    return true;
}

bool CsvReader::readRecord(QStringList &fields)
{
    fields.clear();
    if (!next())
        return false;
    for (qsizetype i = 0; i < fieldCount(); ++i)
        fields.append(fieldText(i));
    return true;
}

bool CsvReader::next()
{
    m_record.clear();
    m_ends.clear();
    if (!m_started) {
        m_started = true;
        fill();
        if (m_buffer.startsWith("\xEF\xBB\xBF"))
            m_pos = 3;
    }
    if (m_pos >= m_buffer.size() && !fill())
        return false;

    m_recordLine = m_line;
    qsizetype fieldStart = 0; // where the current field starts in m_record
    bool quoted = false;      // inside a quoted field
    bool wasQuoted = false;   // the current field began with a quote
    bool afterQuote = false;  // a quoted field has just closed
    qint64 quoteLine = 0;     // where the open quote started
    for (;;) {
        if (m_pos >= m_buffer.size() && !fill()) {
            // End of input: the record ends here, unless a quote is still open.
            if (quoted) {
                m_problem = Problem::UnclosedQuote;
                m_problemLine = quoteLine;
                m_error = QCoreApplication::translate("CoCommission::CsvReader",
                                                      "a quoted field that starts on line %1 "
                                                      "never ends: the file may be truncated")
                              .arg(quoteLine);
                return false;
            }
            endField();
            return true;
        }
        const char *data = m_buffer.constData();
        const qsizetype size = m_buffer.size();
        if (afterQuote) {
            const char next = data[m_pos];
            if (next != ',' && next != '\r' && next != '\n') {
                m_problem = Problem::TextAfterQuote;
                m_problemLine = m_line;
                m_error = QCoreApplication::translate("CoCommission::CsvReader",
                                                      "line %1: unexpected text after a closing "
                                                      "quote")
                              .arg(m_line);
                return false;
            }
            afterQuote = false;
        }
        if (!quoted) {
            // Fast path: copy a run of ordinary bytes at once.
            qsizetype run = m_pos;
            while (run < size) {
                const char ch = data[run];
                if (ch == ',' || ch == '"' || ch == '\r' || ch == '\n')
                    break;
                ++run;
            }
            if (run > m_pos) {
                m_record.append(data + m_pos, run - m_pos);
                m_bytesRead += run - m_pos;
                m_pos = run;
                continue;
            }
        }
        const char c = data[m_pos++];
        ++m_bytesRead;
        if (quoted) {
            if (c == '"') {
                if (m_pos >= m_buffer.size())
                    fill();
                if (m_pos < m_buffer.size() && m_buffer.at(m_pos) == '"') {
                    m_record.append('"');
                    ++m_pos;
                    ++m_bytesRead;
                } else {
                    quoted = false;
                    afterQuote = true;
                }
            } else {
                if (c == '\n')
                    ++m_line;
                m_record.append(c);
            }
            continue;
        }
        switch (c) {
        case ',':
            endField();
            fieldStart = m_record.size();
            wasQuoted = false;
            break;
        case '"':
            if (m_record.size() == fieldStart && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
                quoteLine = m_line;
            } else {
                m_record.append(c); // a stray quote inside an unquoted field is kept as text
            }
            break;
        case '\r':
            break; // CRLF: the LF ends the record
        case '\n':
            ++m_line;
            endField();
            return true;
        }
    }
}

} // namespace CoCommission
