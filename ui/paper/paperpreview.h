#pragma once

// The print preview of a board paper. Composing and laying out a paper takes about a tenth of
// a second, so the preview recomputes only while it is visible, and then a moment after the
// last change (a debounce), never on every keystroke.

#include <QPointer>
#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QScrollArea;
class QTimer;
class QToolButton;

namespace CoCommission {

class RoundDocument;

namespace Paper {
struct Document;
class PageLayout;
enum class Version;
} // namespace Paper

class PaperPageCanvas;

/**
 * The pages of one stored board paper as they print (Paper::composePaper() laid out by
 * Paper::PageLayout), one under the other on a grey background with a shadow, with zoom in,
 * zoom out and fit to width, a "Page X of Y" indicator and a choice of version (full paper,
 * public version, exempt appendix).
 *
 * The preview follows the document: every roundChanged() marks it out of date, and it is
 * recomputed kDelayMs later when it is visible (at once when it is shown after a change).
 */
class PaperPreview : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kDelayMs = 150;

    explicit PaperPreview(QWidget *parent = nullptr);
    ~PaperPreview() override;

    void setDocument(RoundDocument *document);
    RoundDocument *document() const;
    /** Shows the stored paper \a id (0: none). */
    void setPaper(qint64 id);
    qint64 paper() const { return m_paper; }

    Paper::Version version() const;
    void setVersion(Paper::Version version);

    /** Pages laid out (0 when there is no paper); brings the preview up to date first. */
    int pageCount();
    /** The page at the top of the view, 0-based. */
    int currentPage() const;
    /** Scrolls to page \a index (0-based). */
    void showPage(int index);
    /** The width of a page on screen over its width at 100 % (96 dpi). */
    qreal zoom() const { return m_zoom; }
    bool fitsWidth() const { return m_fitWidth; }
    void zoomIn();
    void zoomOut();
    void fitWidth();
    /** Composes and lays out the paper now if it is out of date (tests; the timer otherwise). */
    void updateNow();
    /** Whether a recompute is due. */
    bool isOutOfDate() const { return m_outOfDate; }

    QComboBox *versionCombo() const { return m_versionCombo; }
    QToolButton *zoomInButton() const { return m_zoomInButton; }
    QToolButton *zoomOutButton() const { return m_zoomOutButton; }
    QToolButton *fitWidthButton() const { return m_fitButton; }
    QLabel *pageLabel() const { return m_pageLabel; }
    QLabel *messageLabel() const { return m_message; }
    QScrollArea *scrollArea() const { return m_scroll; }

signals:
    void versionChanged();

protected:
    void showEvent(QShowEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    /** Home and End on the pages go to the first and the last page. */
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void markOutOfDate();
    void recompute();
    void applyZoom();
    void updatePageLabel();
    void setZoom(qreal zoom, bool fitWidth);
    int fitZoomWidth() const;

    QPointer<RoundDocument> m_document;
    qint64 m_paper = 0;
    bool m_outOfDate = true;
    qreal m_zoom = 1.0;
    bool m_fitWidth = true;

    std::unique_ptr<Paper::Document> m_composed; // outlives m_layout, which reads it
    std::unique_ptr<Paper::PageLayout> m_layout;

    QTimer *m_timer;
    QComboBox *m_versionCombo;
    QToolButton *m_zoomOutButton;
    QToolButton *m_zoomInButton;
    QToolButton *m_fitButton;
    QLabel *m_pageLabel;
    QLabel *m_message;
    QScrollArea *m_scroll;
    PaperPageCanvas *m_canvas;
};

} // namespace CoCommission
