// Renders the application icon (resources/icons/cocommission.svg) into the PNG sizes the
// freedesktop icon theme wants and into a Windows .ico. The results are committed under
// installer/icons/ and installer/windows/, so that building a package needs no SVG renderer;
// run the `installer_icons` target after changing the SVG.
//
//     rendericons SVG PNG_DIR ICO_FILE
//
// Uses Qt's SVG image-format plugin (libqt6svg6), so it needs no ImageMagick.

#include <QBuffer>
#include <QByteArray>
#include <QDataStream>
#include <QDir>
#include <QGuiApplication>
#include <QImage>
#include <QImageReader>
#include <QList>
#include <QSaveFile>
#include <QTextStream>

#include <optional>

namespace {

/** The sizes of the hicolor theme's apps folders we fill. */
constexpr int kPngSizes[] = {16, 22, 24, 32, 48, 64, 128, 256};
/** The sizes Windows picks from for the Explorer, the Start menu and the task bar. */
constexpr int kIcoSizes[] = {16, 24, 32, 48, 64, 128, 256};

std::optional<QImage> render(const QString &svg, int size)
{
    QImageReader reader(svg, "svg");
    reader.setScaledSize(QSize(size, size));
    QImage image = reader.read();
    if (image.isNull())
        return std::nullopt;
    return image.convertToFormat(QImage::Format_ARGB32);
}

QByteArray png(const QImage &image)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.commit();
}

/** An .ico holding each image as a PNG (readable by Windows Vista and later). */
QByteArray ico(const QList<QImage> &images)
{
    QList<QByteArray> pngs;
    for (const QImage &image : images)
        pngs.append(png(image));
    QByteArray bytes;
    QDataStream out(&bytes, QIODevice::WriteOnly);
    out.setByteOrder(QDataStream::LittleEndian);
    out << quint16(0) << quint16(1) << quint16(images.size()); // reserved, type 1 = icon, count
    quint32 offset = 6 + 16 * quint32(images.size());
    for (qsizetype i = 0; i < images.size(); ++i) {
        const int size = images.at(i).width();
        const quint8 side = size >= 256 ? 0 : quint8(size); // 0 means 256
        out << side << side << quint8(0) << quint8(0) << quint16(1) << quint16(32)
            << quint32(pngs.at(i).size()) << offset;
        offset += quint32(pngs.at(i).size());
    }
    for (const QByteArray &image : pngs)
        out.writeRawData(image.constData(), int(image.size()));
    return bytes;
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QTextStream err(stderr);
    const QStringList args = QGuiApplication::arguments();
    if (args.size() != 4) {
        err << "usage: rendericons SVG PNG_DIR ICO_FILE\n";
        return 2;
    }
    const QString &svg = args.at(1);
    const QDir pngDir(args.at(2));
    if (!pngDir.mkpath(QStringLiteral("."))) {
        err << "rendericons: cannot make " << pngDir.path() << '\n';
        return 1;
    }
    for (const int size : kPngSizes) {
        const std::optional<QImage> image = render(svg, size);
        const QString path = pngDir.filePath(QStringLiteral("%1x%1.png").arg(size));
        if (!image || !writeFile(path, png(*image))) {
            err << "rendericons: cannot render " << svg << " into " << path << '\n';
            return 1;
        }
    }
    QList<QImage> icoImages;
    for (const int size : kIcoSizes) {
        const std::optional<QImage> image = render(svg, size);
        if (!image) {
            err << "rendericons: cannot render " << svg << '\n';
            return 1;
        }
        icoImages.append(*image);
    }
    if (!writeFile(args.at(3), ico(icoImages))) {
        err << "rendericons: cannot write " << args.at(3) << '\n';
        return 1;
    }
    return 0;
}
