#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;

namespace CoCommission {

class DialogService;
class EditRunner;
class NoticeBox;
class ProfileDeriveDialog;
class RoundDocument;

/**
 * Stage 6: the contract profile tab of MonitoringView. Shows the contract period and where the
 * profile came from, and sums it up: the four measures over the whole contract for each CPA and
 * group (with each CPA's and the programme's totals), and for each year of the contract. The
 * profile is derived from a payment scenario of the design (ProfileDeriveDialog, deriveProfile()),
 * imported from CSV (readProfileCsv()) or exported (writeProfileCsv()); a new profile is stored
 * whole with one Commands::setProfile() through the EditRunner.
 */
class ProfileView : public QWidget
{
    Q_OBJECT

public:
    /** Columns of groupTable(); the measures follow in monitoringMeasures() order. */
    enum GroupTableColumn { CpaColumn, GroupColumn, FirstMeasureColumn, GroupColumnCount = 6 };
    /** Columns of yearTable(); the measures follow in monitoringMeasures() order. */
    enum YearTableColumn { YearColumn, MonthsColumn, YearFirstMeasureColumn, YearColumnCount = 6 };

    ProfileView(EditRunner *edits, DialogService *dialogs, QWidget *parent = nullptr);
    ~ProfileView() override;

    void setDocument(RoundDocument *document);
    /** Reads the round again. */
    void refresh();

    /** Opens the dialog that derives the profile from a payment scenario. */
    bool derive();
    /** Asks for a CSV file and stores its profile as one undo step. */
    bool importCsv();
    /** Asks where to write the profile as CSV and writes it. */
    bool exportCsv();

    ProfileDeriveDialog *deriveDialog() const;
    QLabel *periodLabel() const { return m_periodLabel; }
    QLabel *sourceLabel() const { return m_sourceLabel; }
    NoticeBox *illustrativeNotice() const { return m_illustrativeNotice; }
    QTableWidget *groupTable() const { return m_groupTable; }
    QTableWidget *yearTable() const { return m_yearTable; }
    QPushButton *deriveButton() const { return m_deriveButton; }
    QPushButton *importButton() const { return m_importButton; }
    QPushButton *exportButton() const { return m_exportButton; }

private:
    void fillLabels();
    void fillGroups();
    void fillYears();
    void refreshState();
    QString whyFrozen() const;
    /** Derives from the dialog's choice and stores it; errors through the DialogService. */
    bool applyDerived();

    EditRunner *m_edits;
    DialogService *m_dialogs;
    QPointer<RoundDocument> m_document;
    QPointer<ProfileDeriveDialog> m_dialog;

    QLabel *m_periodLabel;
    QLabel *m_sourceLabel;
    NoticeBox *m_illustrativeNotice;
    QPushButton *m_deriveButton;
    QPushButton *m_importButton;
    QPushButton *m_exportButton;
    QLabel *m_groupHeading;
    QTableWidget *m_groupTable;
    QLabel *m_yearHeading;
    QTableWidget *m_yearTable;
};

} // namespace CoCommission
