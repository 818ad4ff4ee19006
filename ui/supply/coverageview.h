#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;
class QTableWidget;

namespace CoCommission {

class RoundDocument;

/**
 * The coverage tab of the stage 4 screen: how many specialist providers of the register serve
 * each priority group in each CPA of the adopted plan (supplyCoverage()), with the gaps marked
 * in words and colour, the providers of each cell in its tooltip, a table of what each CPA has
 * (providers serving, voluntary and community share, SME share) and the gaps as sentences.
 * Read only: it follows the register, the adopted plan and the priorities.
 */
class CoverageView : public QWidget
{
    Q_OBJECT

public:
    /** The matrix's first column; the CPAs follow in the adopted plan's order. */
    enum { GroupColumn = 0 };
    enum CpaColumn { CpaNameColumn, ProvidersColumn, VoluntaryColumn, SmeColumn, CpaColumnCount };

    explicit CoverageView(QWidget *parent = nullptr);
    ~CoverageView() override;

    void setDocument(RoundDocument *document);
    void refresh();

    QTableWidget *matrixTable() const { return m_matrix; }
    QTableWidget *cpaTable() const { return m_cpaTable; }
    QLabel *introLabel() const { return m_intro; }
    QLabel *gapsLabel() const { return m_gapsLabel; }
    QLabel *noPlanLabel() const { return m_noPlanLabel; }

private:
    QPointer<RoundDocument> m_document;
    QLabel *m_noPlanLabel;
    QLabel *m_intro;
    QTableWidget *m_matrix;
    QLabel *m_cpaHeading;
    QTableWidget *m_cpaTable;
    QLabel *m_gapsHeading;
    QLabel *m_gapsLabel;
};

} // namespace CoCommission
