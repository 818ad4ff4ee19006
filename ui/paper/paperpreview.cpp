#include "ui/paper/paperpreview.h"

#include "core/paper/composer.h"
#include "core/paper/paperdocument.h"
#include "core/paper/paperwriter.h"
#include "core/round/round.h"
#include "core/round/rounddocument.h"
#include "ui/uiutil.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHash>
#include <QKeyEvent>
#include <QLabel>
#include <QPaintEvent>
#include <QPainter>
#include <QScrollArea>
#include <QScrollBar>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace CoCommission {

namespace {

constexpr int kMargin = 16; // around the pages, in pixels
constexpr int kGap = 16;    // between pages
constexpr int kShadow = 4;  // the shadow's offset
constexpr qreal kZoomStep = 1.25;
constexpr qreal kMinZoom = 0.25;
constexpr qreal kMaxZoom = 4.0;
/** A page at 100 %: A4's 595 points at 96 pixels per inch. */
constexpr qreal kPageWidth100 = 595.0 * 96.0 / 72.0;

} // namespace

/**
 * The pages of a layout, one under the other, centred, each with a shadow. Pages are drawn
 * (and kept) only when they are first painted, so a long paper opens as fast as a short one.
 */
class PaperPageCanvas : public QWidget
{
public:
    explicit PaperPageCanvas(QWidget *parent)
        : QWidget(parent)
    {
        setAttribute(Qt::WA_OpaquePaintEvent);
    }

    void setPages(const Paper::PageLayout *layout, int pageWidth)
    {
        m_layout = layout;
        m_pageWidth = std::max(pageWidth, 50);
        m_images.clear();
        const int pages = layout ? layout->pageCount() : 0;
        const int height = pages > 0 ? kMargin + pages * (pageHeight() + kGap) - kGap + kMargin : 0;
        setFixedSize(pages > 0 ? m_pageWidth + 2 * kMargin + kShadow : 0, height);
        update();
    }

    int pageWidth() const { return m_pageWidth; }
    int pageHeight() const
    {
        const QSizeF size = Paper::PageLayout::pageSizePoints();
        return qRound(m_pageWidth * size.height() / size.width());
    }
    int pageTop(int index) const { return kMargin + index * (pageHeight() + kGap); }
    /** The page whose area holds \a y (between pages: the one above). */
    int pageAt(int y) const
    {
        const int pages = m_layout ? m_layout->pageCount() : 0;
        if (pages == 0)
            return -1;
        return std::clamp((y - kMargin + kGap / 2) / (pageHeight() + kGap), 0, pages - 1);
    }

protected:
    void paintEvent(QPaintEvent *event) override
    {
        QPainter painter(this);
        painter.fillRect(event->rect(), QColor(0x80, 0x80, 0x80));
        if (!m_layout)
            return;
        const int left = (width() - kShadow - m_pageWidth) / 2;
        const qreal ratio = devicePixelRatioF();
        for (int i = 0; i < m_layout->pageCount(); ++i) {
            const QRect page(left, pageTop(i), m_pageWidth, pageHeight());
            if (!page.adjusted(0, 0, kShadow, kShadow).intersects(event->rect()))
                continue;
            painter.fillRect(page.translated(kShadow, kShadow), QColor(0x40, 0x40, 0x40));
            auto it = m_images.find(i);
            if (it == m_images.end()) {
                QImage image = m_layout->pageImage(i, qRound(m_pageWidth * ratio));
                image.setDevicePixelRatio(ratio);
                it = m_images.insert(i, image);
            }
            painter.fillRect(page, Qt::white);
            painter.drawImage(page.topLeft(), *it);
        }
    }

private:
    const Paper::PageLayout *m_layout = nullptr;
    int m_pageWidth = 600;
    QHash<int, QImage> m_images;
};

PaperPreview::PaperPreview(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("paperPreview"));
    setAccessibleName(tr("Print preview"));

    m_versionCombo = new QComboBox(this);
    m_versionCombo->setObjectName(QStringLiteral("paperVersionCombo"));
    m_versionCombo->setAccessibleName(tr("Version of the paper"));
    m_versionCombo->addItem(tr("Full paper"), int(Paper::Version::Full));
    m_versionCombo->addItem(tr("Public version"), int(Paper::Version::Public));
    m_versionCombo->addItem(tr("Exempt appendix"), int(Paper::Version::ExemptAppendix));
    m_versionCombo->setToolTip(
        tr("Full paper: for the board. Public version: exempt sections left out. Exempt "
           "appendix: only the exempt sections."));
    auto *versionLabel = new QLabel(tr("&Version:"), this);
    versionLabel->setBuddy(m_versionCombo);
    connect(m_versionCombo, &QComboBox::currentIndexChanged, this, [this] {
        markOutOfDate();
        emit versionChanged();
    });

    const auto tool = [this](const QString &text, const QString &name, const QString &accessible,
                             const QKeySequence &shortcut) {
        auto *b = new QToolButton(this);
        b->setText(text);
        b->setObjectName(name);
        b->setAccessibleName(accessible);
        b->setShortcut(shortcut);
        b->setToolTip(tr("%1 (%2)").arg(accessible, shortcut.toString(QKeySequence::NativeText)));
        b->setFocusPolicy(Qt::StrongFocus);
        return b;
    };
    m_zoomOutButton = tool(tr("−"), QStringLiteral("zoomOutButton"), tr("Zoom out"),
                           QKeySequence(QKeySequence::ZoomOut));
    m_zoomInButton = tool(tr("+"), QStringLiteral("zoomInButton"), tr("Zoom in"),
                          QKeySequence(QKeySequence::ZoomIn));
    m_fitButton = tool(tr("Fit width"), QStringLiteral("fitWidthButton"), tr("Fit to width"),
                       QKeySequence(Qt::CTRL | Qt::Key_0));
    m_fitButton->setCheckable(true);
    m_fitButton->setChecked(true);
    connect(m_zoomOutButton, &QToolButton::clicked, this, &PaperPreview::zoomOut);
    connect(m_zoomInButton, &QToolButton::clicked, this, &PaperPreview::zoomIn);
    connect(m_fitButton, &QToolButton::clicked, this, &PaperPreview::fitWidth);

    m_pageLabel = new QLabel(this);
    m_pageLabel->setObjectName(QStringLiteral("pageLabel"));
    m_pageLabel->setAccessibleName(tr("Page shown"));

    auto *bar = new QHBoxLayout;
    bar->setSpacing(6);
    bar->addWidget(versionLabel);
    bar->addWidget(m_versionCombo);
    bar->addStretch(1);
    bar->addWidget(m_pageLabel);
    bar->addSpacing(12);
    bar->addWidget(m_zoomOutButton);
    bar->addWidget(m_zoomInButton);
    bar->addWidget(m_fitButton);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("previewMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();

    m_scroll = new QScrollArea(this);
    m_scroll->setObjectName(QStringLiteral("previewScroll"));
    m_scroll->setAccessibleName(tr("Pages of the paper"));
    m_scroll->setAccessibleDescription(
        tr("The paper as it prints. The arrow and Page keys scroll; Home and End go to the "
           "first and the last page."));
    m_scroll->setFocusPolicy(Qt::StrongFocus);
    m_scroll->setWidgetResizable(false);
    m_scroll->setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    m_scroll->setBackgroundRole(QPalette::Dark);
    QPalette grey = m_scroll->palette();
    grey.setColor(QPalette::Dark, QColor(0x80, 0x80, 0x80));
    m_scroll->setPalette(grey);
    m_canvas = new PaperPageCanvas(m_scroll);
    m_canvas->setObjectName(QStringLiteral("previewPages"));
    m_scroll->setWidget(m_canvas);
    m_scroll->installEventFilter(this);
    connect(m_scroll->verticalScrollBar(), &QScrollBar::valueChanged, this,
            &PaperPreview::updatePageLabel);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addLayout(bar);
    layout->addWidget(m_message);
    layout->addWidget(m_scroll, 1);

    m_timer = new QTimer(this);
    m_timer->setSingleShot(true);
    m_timer->setInterval(kDelayMs);
    connect(m_timer, &QTimer::timeout, this, &PaperPreview::updateNow);

    setTabOrder(m_versionCombo, m_zoomOutButton);
    setTabOrder(m_zoomOutButton, m_zoomInButton);
    setTabOrder(m_zoomInButton, m_fitButton);
    setTabOrder(m_fitButton, m_scroll);
    updatePageLabel();
}

PaperPreview::~PaperPreview()
{
    m_canvas->setPages(nullptr, m_canvas->pageWidth());
}

void PaperPreview::setDocument(RoundDocument *document)
{
    if (m_document == document)
        return;
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    m_paper = 0;
    if (m_document)
        connect(m_document, &RoundDocument::roundChanged, this, &PaperPreview::markOutOfDate);
    markOutOfDate();
}

RoundDocument *PaperPreview::document() const
{
    return m_document;
}

void PaperPreview::setPaper(qint64 id)
{
    if (m_paper == id)
        return;
    m_paper = id;
    markOutOfDate();
}

Paper::Version PaperPreview::version() const
{
    return Paper::Version(m_versionCombo->currentData().toInt());
}

void PaperPreview::setVersion(Paper::Version version)
{
    m_versionCombo->setCurrentIndex(m_versionCombo->findData(int(version)));
}

int PaperPreview::pageCount()
{
    updateNow();
    return m_layout ? m_layout->pageCount() : 0;
}

int PaperPreview::currentPage() const
{
    return std::max(0, m_canvas->pageAt(m_scroll->verticalScrollBar()->value() +
                                        m_scroll->viewport()->height() / 3));
}

void PaperPreview::showPage(int index)
{
    m_scroll->verticalScrollBar()->setValue(m_canvas->pageTop(index) - kMargin / 2);
    updatePageLabel();
}

bool PaperPreview::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_scroll && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Home || key == Qt::Key_End) {
            showPage(key == Qt::Key_Home ? 0 : std::max(0, pageCount() - 1));
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void PaperPreview::markOutOfDate()
{
    m_outOfDate = true;
    if (isVisible())
        m_timer->start();
}

void PaperPreview::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_outOfDate)
        m_timer->start();
}

void PaperPreview::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    if (m_fitWidth && m_layout && m_canvas->pageWidth() != fitZoomWidth())
        applyZoom();
}

void PaperPreview::updateNow()
{
    m_timer->stop();
    if (!m_outOfDate)
        return;
    m_outOfDate = false;
    recompute();
}

void PaperPreview::recompute()
{
    const int page = currentPage();
    m_canvas->setPages(nullptr, m_canvas->pageWidth());
    m_layout.reset();
    m_composed.reset();

    const BoardPaper *paper = m_document ? m_document->round().paper(m_paper) : nullptr;
    if (!paper) {
        m_message->setText(m_document ? tr("Choose a paper, or make a new one, to see it here.")
                                      : QString());
        m_message->setVisible(m_document);
        updatePageLabel();
        return;
    }
    m_composed = std::make_unique<Paper::Document>(
        Paper::composePaper(m_document->round(), *paper, version()));
    m_layout = std::make_unique<Paper::PageLayout>(*m_composed);
    m_message->setVisible(m_layout->pageCount() == 0);
    m_message->setText(tr("This version of the paper has no pages."));
    applyZoom();
    showPage(std::min(page, std::max(0, m_layout->pageCount() - 1)));
}

int PaperPreview::fitZoomWidth() const
{
    const int scrollBar = m_scroll->verticalScrollBar()->sizeHint().width();
    return std::max(100, m_scroll->viewport()->width() - 2 * kMargin - kShadow -
                             (m_scroll->verticalScrollBar()->isVisible() ? 0 : scrollBar));
}

void PaperPreview::applyZoom()
{
    if (m_fitWidth)
        m_zoom = fitZoomWidth() / kPageWidth100;
    const int width = qRound(kPageWidth100 * m_zoom);
    const int page = currentPage();
    m_canvas->setPages(m_layout.get(), width);
    if (m_layout && m_layout->pageCount() > 0)
        showPage(std::min(page, m_layout->pageCount() - 1));
    m_zoomOutButton->setEnabled(m_zoom > kMinZoom);
    m_zoomInButton->setEnabled(m_zoom < kMaxZoom);
    m_fitButton->setChecked(m_fitWidth);
    updatePageLabel();
}

void PaperPreview::setZoom(qreal zoom, bool fitWidth)
{
    m_zoom = std::clamp(zoom, kMinZoom, kMaxZoom);
    m_fitWidth = fitWidth;
    applyZoom();
}

void PaperPreview::zoomIn()
{
    setZoom(m_zoom * kZoomStep, false);
}

void PaperPreview::zoomOut()
{
    setZoom(m_zoom / kZoomStep, false);
}

void PaperPreview::fitWidth()
{
    setZoom(m_zoom, true);
}

void PaperPreview::updatePageLabel()
{
    const int pages = m_layout ? m_layout->pageCount() : 0;
    const QString zoom = tr("%1 %").arg(qRound(m_zoom * 100));
    if (pages == 0) {
        m_pageLabel->setText(tr("No pages"));
        return;
    }
    m_pageLabel->setText(tr("Page %1 of %2 · %3").arg(currentPage() + 1).arg(pages).arg(zoom));
}

} // namespace CoCommission
