import CPangoCairo
public import Foundation

/// A simple paginated A4 document: paragraphs of Chinese text laid out with pango (line wrapping between any two
/// characters, as Chinese needs), split across pages line by line, with a footer drawn on every page once the page
/// count is known. Rendered to PDF with cairo; fonts are the system's Noto CJK (fonts-noto-cjk).
public struct PagedDocument: Sendable {
    public struct Paragraph: Sendable {
        public enum Style: Sendable { case title, heading, body, small }
        public enum Alignment: Sendable { case left, center, right }

        public var text: String
        public var style: Style
        public var alignment: Alignment
        /// Extra space above, in points.
        public var spaceBefore: Double
        /// Keep with the next paragraph where possible (a label and its signature image).
        public var keepWithNext: Bool

        public init(_ text: String, style: Style = .body, alignment: Alignment = .left, spaceBefore: Double = 6, keepWithNext: Bool = false) {
            self.text = text
            self.style = style
            self.alignment = alignment
            self.spaceBefore = spaceBefore
            self.keepWithNext = keepWithNext
        }
    }

    /// What the footer of one page may draw.
    public struct FooterContext {
        let cairo: OpaquePointer
        public let page: Int
        public let pageCount: Int
        public let width: Double
        public let top: Double

        /// Text at `x`, `y` (top-left), in the small style.
        public func text(_ text: String, x: Double, y: Double, width: Double, alignment: Paragraph.Alignment = .left) {
            PagedDocument.drawText(text, style: .small, alignment: alignment, x: x, y: y, width: width, cairo: cairo)
        }

        /// A PNG scaled to fit `width`×`height` at `x`, `y`; false when the bytes are not a PNG.
        @discardableResult
        public func image(png: [UInt8], x: Double, y: Double, width: Double, height: Double) -> Bool {
            PagedDocument.drawPNG(png, x: x, y: y, width: width, height: height, cairo: cairo)
        }
    }

    public var paragraphs: [Paragraph]
    /// Space kept free at the bottom of every page for the footer (signatures, page numbers).
    public var footerHeight: Double
    public var footer: @Sendable (FooterContext) -> Void

    public static let pageWidth = 595.2756
    public static let pageHeight = 841.8898
    public static let marginX = 70.0
    public static let marginTop = 64.0
    public static let marginBottom = 40.0

    public init(paragraphs: [Paragraph], footerHeight: Double = 40, footer: @escaping @Sendable (FooterContext) -> Void = { _ in }) {
        self.paragraphs = paragraphs
        self.footerHeight = footerHeight
        self.footer = footer
    }

    /// The text of each page as laid out (for a terminal that shows the pages before they are signed).
    public struct Rendering: Sendable {
        public var pdf: [UInt8]
        public var pageTexts: [String]
    }

    public enum RenderError: Error, CustomStringConvertible {
        case cairo(String)
        public var description: String {
            switch self { case .cairo(let status): "cairo could not write the PDF (\(status))" }
        }
    }

    /// Lays out and renders the document.
    public func render() throws -> Rendering {
        let file = FileManager.default.temporaryDirectory.appending(path: "jianwu-\(UUID().uuidString).pdf")
        defer { try? FileManager.default.removeItem(at: file) }
        guard let surface = cairo_pdf_surface_create(file.path, Self.pageWidth, Self.pageHeight), let cairo = cairo_create(surface) else {
            throw RenderError.cairo("surface")
        }
        let bodyWidth = Self.pageWidth - 2 * Self.marginX
        // Pass 1: lay every paragraph out and place its lines on pages.
        var layouts: [OpaquePointer] = []
        defer { for layout in layouts { jw_object_unref(UnsafeMutableRawPointer(layout)) } }
        var pages: [[(layout: OpaquePointer, line: UnsafeMutablePointer<PangoLayoutLine>, x: Double, baseline: Double, text: String)]] = [[]]
        var y = Self.marginTop
        let bottom = Self.pageHeight - Self.marginBottom - footerHeight
        for (index, paragraph) in paragraphs.enumerated() {
            let layout = Self.layout(paragraph.text, style: paragraph.style, alignment: paragraph.alignment, width: bodyWidth, cairo: cairo)
            layouts.append(layout)
            let lines = Self.lines(of: layout)
            let height = lines.last.map { $0.bottom } ?? 0
            y += paragraph.spaceBefore
            // A short paragraph that would straddle a page, or a kept pair, starts on a new page.
            let nextHeight = paragraph.keepWithNext && index + 1 < paragraphs.count ? 40.0 : 0
            if y + min(height, 3 * (lines.first?.height ?? 0)) + nextHeight > bottom && y > Self.marginTop + paragraph.spaceBefore {
                pages.append([])
                y = Self.marginTop
            }
            var offset = y
            var firstTop = 0.0
            for line in lines {
                if offset + line.bottom - firstTop > bottom {
                    pages.append([])
                    firstTop = line.top
                    offset = Self.marginTop
                }
                pages[pages.count - 1].append((layout, line.line, Self.marginX + line.x, offset + line.baseline - firstTop, line.text))
                y = offset + line.bottom - firstTop
            }
        }
        // Pass 2: draw.
        for (number, page) in pages.enumerated() {
            cairo_set_source_rgb(cairo, 0, 0, 0)
            for placed in page {
                cairo_move_to(cairo, placed.x, placed.baseline)
                pango_cairo_show_layout_line(cairo, placed.line)
            }
            cairo_save(cairo)
            footer(FooterContext(cairo: cairo, page: number + 1, pageCount: pages.count, width: Self.pageWidth, top: bottom + 8))
            cairo_restore(cairo)
            cairo_show_page(cairo)
        }
        cairo_destroy(cairo)
        cairo_surface_finish(surface)
        let status = cairo_surface_status(surface)
        cairo_surface_destroy(surface)
        guard status == CAIRO_STATUS_SUCCESS else { throw RenderError.cairo(String(cString: cairo_status_to_string(status))) }
        return Rendering(pdf: [UInt8](try Data(contentsOf: file)), pageTexts: pages.map { $0.map(\.text).joined(separator: "\n") })
    }

    // MARK: - pango

    static func fontDescription(_ style: Paragraph.Style) -> String {
        switch style {
        case .title: "Noto Serif CJK SC Bold 20"
        case .heading: "Noto Serif CJK SC Bold 13"
        case .body: "Noto Serif CJK SC 12"
        case .small: "Noto Sans CJK SC 9"
        }
    }

    static func layout(_ text: String, style: Paragraph.Style, alignment: Paragraph.Alignment, width: Double, cairo: OpaquePointer) -> OpaquePointer {
        let layout = pango_cairo_create_layout(cairo)!
        let font = pango_font_description_from_string(fontDescription(style))
        pango_layout_set_font_description(layout, font)
        pango_font_description_free(font)
        pango_layout_set_width(layout, Int32(width * Double(PANGO_SCALE)))
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
        pango_layout_set_line_spacing(layout, style == .body ? 1.5 : 1.2)
        pango_layout_set_alignment(
            layout, alignment == .center ? PANGO_ALIGN_CENTER : alignment == .right ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT)
        pango_layout_set_text(layout, text, -1)
        return layout
    }

    struct Line {
        var line: UnsafeMutablePointer<PangoLayoutLine>
        /// Offset from the left edge: centred and right-aligned lines start further in.
        var x: Double
        var top: Double
        var bottom: Double
        var baseline: Double
        var height: Double { bottom - top }
        var text: String
    }

    static func lines(of layout: OpaquePointer) -> [Line] {
        guard let iterator = pango_layout_get_iter(layout) else { return [] }
        defer { pango_layout_iter_free(iterator) }
        let bytes = Array(String(cString: pango_layout_get_text(layout)).utf8)
        var result: [Line] = []
        repeat {
            var ink = PangoRectangle()
            var logical = PangoRectangle()
            pango_layout_iter_get_line_extents(iterator, &ink, &logical)
            guard let line = pango_layout_iter_get_line(iterator) else { continue }
            let start = Int(line.pointee.start_index)
            let length = Int(line.pointee.length)
            let text = start + length <= bytes.count ? String(decoding: bytes[start..<(start + length)], as: UTF8.self) : ""
            let scale = Double(PANGO_SCALE)
            result.append(
                Line(
                    line: line, x: Double(logical.x) / scale, top: Double(logical.y) / scale, bottom: Double(logical.y + logical.height) / scale,
                    baseline: Double(pango_layout_iter_get_baseline(iterator)) / scale, text: text))
        } while pango_layout_iter_next_line(iterator) != 0
        return result
    }

    static func drawText(_ text: String, style: Paragraph.Style, alignment: Paragraph.Alignment, x: Double, y: Double, width: Double, cairo: OpaquePointer) {
        let layout = layout(text, style: style, alignment: alignment, width: width, cairo: cairo)
        defer { jw_object_unref(UnsafeMutableRawPointer(layout)) }
        cairo_move_to(cairo, x, y)
        pango_cairo_show_layout(cairo, layout)
    }

    static func drawPNG(_ png: [UInt8], x: Double, y: Double, width: Double, height: Double, cairo: OpaquePointer) -> Bool {
        guard png.starts(with: [0x89, 0x50, 0x4E, 0x47]) else { return false }
        let file = FileManager.default.temporaryDirectory.appending(path: "jianwu-image-\(UUID().uuidString).png")
        defer { try? FileManager.default.removeItem(at: file) }
        guard (try? Data(png).write(to: file)) != nil, let image = cairo_image_surface_create_from_png(file.path) else { return false }
        defer { cairo_surface_destroy(image) }
        guard cairo_surface_status(image) == CAIRO_STATUS_SUCCESS else { return false }
        let imageWidth = Double(cairo_image_surface_get_width(image))
        let imageHeight = Double(cairo_image_surface_get_height(image))
        guard imageWidth > 0, imageHeight > 0 else { return false }
        let scale = min(width / imageWidth, height / imageHeight)
        cairo_save(cairo)
        cairo_translate(cairo, x, y)
        cairo_scale(cairo, scale, scale)
        cairo_set_source_surface(cairo, image, 0, 0)
        cairo_paint(cairo)
        cairo_restore(cairo)
        return true
    }
}
