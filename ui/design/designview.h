#pragma once

#include "ui/pagewidgets.h"

#include <QPointer>
#include <QWidget>

class QPushButton;
class QTabWidget;

namespace CoCommission {

class ContributionsView;
class DesignTab;
class DialogService;
class EditRunner;
class FinancialView;
class NoticeBox;
class PaymentView;
class ReferralView;
class RoundDocument;
class StandardsView;

/**
 * The stage 3 working screen, the design of services: notices about the design as a whole
 * (illustrative, with the way to start the round's own; why it cannot change) above a tab per
 * part: standards and conditions, eligibility and referral, the payment model, the financial
 * model and the local contributions.
 *
 * Design note: the view owns no design data. Each tab reads RoundDocument::round() and changes
 * the design whole through Commands::setDesign (see DesignTab); this container only passes on
 * the document and tells the financial tab when it is shown, since only then are the forecasts
 * worked out.
 */
class DesignView : public QWidget
{
    Q_OBJECT

public:
    DesignView(EditRunner *edits, DialogService *dialogs, QWidget *parent = nullptr);
    ~DesignView() override;

    void setDocument(RoundDocument *document);
    RoundDocument *document() const;

    /**
     * Asks for confirmation (DialogService::confirm) and replaces the illustrative design with
     * designTemplate() as one undo step; false when declined or refused.
     */
    bool startOwnDesign();

    QTabWidget *tabs() const { return m_tabs; }
    NoticeBox *illustrativeNotice() const { return m_illustrativeNotice; }
    QPushButton *startOwnButton() const { return m_startOwnButton; }
    NoticeBox *frozenNotice() const { return m_frozenNotice; }
    StandardsView *standardsView() const { return m_standards; }
    ReferralView *referralView() const { return m_referral; }
    PaymentView *paymentView() const { return m_payment; }
    FinancialView *financialView() const { return m_financial; }
    ContributionsView *contributionsView() const { return m_contributions; }

private:
    void refreshNotices();

    EditRunner *m_edits;
    DialogService *m_dialogs;
    QPointer<RoundDocument> m_document;

    QWidget *m_illustrativeRow;
    NoticeBox *m_illustrativeNotice;
    QPushButton *m_startOwnButton;
    NoticeBox *m_frozenNotice;
    PageTabWidget *m_tabs;
    StandardsView *m_standards;
    ReferralView *m_referral;
    PaymentView *m_payment;
    FinancialView *m_financial;
    ContributionsView *m_contributions;
    QList<DesignTab *> m_parts;
};

} // namespace CoCommission
