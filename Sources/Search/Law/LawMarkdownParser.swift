/// Parses the statute Markdown format of the shipped corpus.
///
/// Format: line 1 `# title`; metadata lines until `<!-- INFO END -->`; `##`/`###`/`####` headings for 编/章/节;
/// each article starts a line with `第X条` (Chinese numerals, `第X条之一` for inserted articles) and a space; later
/// paragraphs carry no marker; items start with （一）. Known source typos are accepted and reported as issues:
/// a space inside the label (`第一百二十八 条侦查…`), or a label without the space when its number is the expected next one.
public struct LawMarkdownParser: Sendable {
    /// Creates a parser.
    public init() {}

    /// Parses one document.
    /// - Parameter text: the whole Markdown file.
    /// - Returns: the document; lines that did not fit are in ``LawDocument/issues`` or ``LawDocument/looseParagraphs``.
    public func parse(_ text: String) -> LawDocument {
        var state = ParseState()
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = String(rawLine).trimmingSpaces()
            if line.isEmpty { continue }
            state.consume(line, lineNumber: lineNumber)
        }
        return state.finish()
    }
}

/// The line-by-line state of one parse.
private struct ParseState {
    enum Section { case title, metadata, body }

    var section = Section.title
    var document = LawDocument(title: "")
    var headings: [(level: Int, title: String)] = []
    var current: LawArticle?
    var seen: Set<ArticleNumber> = []

    mutating func consume(_ line: String, lineNumber: Int) {
        switch section {
        case .title:
            if line.hasPrefix("# ") {
                document.title = String(line.dropFirst(2)).trimmingSpaces()
                section = .metadata
                return
            }
            document.issues.append(LawParseIssue(kind: .missingTitle, line: lineNumber, text: line))
            section = .metadata
            consume(line, lineNumber: lineNumber)
        case .metadata:
            if line == "<!-- INFO END -->" {
                section = .body
            } else if line.hasPrefix("# "), let heading = parseHeading(line) {
                // A second top-level title names a part of a code split over files (民法典/总则.md: # 总则).
                headings = [heading]
            } else if line.hasPrefix("#") || articleStart(in: line, lineNumber: lineNumber, reportingTypos: false) != nil {
                // The body began without the marker: report it and read the line as body.
                document.issues.append(LawParseIssue(kind: .missingInfoEnd, line: lineNumber, text: line))
                section = .body
                consume(line, lineNumber: lineNumber)
            } else {
                document.metadata.append(line)
            }
        case .body:
            consumeBody(line, lineNumber: lineNumber)
        }
    }

    mutating func consumeBody(_ line: String, lineNumber: Int) {
        if let heading = parseHeading(line) {
            closeArticle()
            headings.removeAll { $0.level >= heading.level }
            headings.append(heading)
            return
        }
        if let start = articleStart(in: line, lineNumber: lineNumber, reportingTypos: true) {
            closeArticle()
            var article = LawArticle(
                number: start.article.number, suffix: start.article.suffix, headingPath: headings.map(\.title), line: lineNumber)
            if !start.rest.isEmpty { article.paragraphs.append(LawParagraph(text: start.rest)) }
            current = article
            return
        }
        guard var article = current else {
            document.looseParagraphs.append(.init(headingPath: headings.map(\.title), text: line, line: lineNumber))
            return
        }
        if isItem(line) {
            if article.paragraphs.isEmpty {
                document.issues.append(LawParseIssue(kind: .itemWithoutParagraph, line: lineNumber, text: line))
                article.paragraphs.append(LawParagraph(text: ""))
            }
            article.paragraphs[article.paragraphs.count - 1].items.append(line)
        } else {
            article.paragraphs.append(LawParagraph(text: line))
        }
        current = article
    }

    /// The label at the start of a line, with the text after it.
    mutating func articleStart(in line: String, lineNumber: Int, reportingTypos: Bool) -> (article: ArticleNumber, rest: String)? {
        guard line.unicodeScalars.first == "第" else { return nil }
        let scalars = Array(line.unicodeScalars)
        guard let match = ArticleLabelScanner.scan(scalars, from: 0, requireFirstCharacter: true) else { return nil }
        let spaceFollows = match.end == scalars.count || ScalarClass.isSpace(scalars[match.end])
        if !spaceFollows && !match.hadInnerSpace {
            // 第一款规定的… or 第二十条规定的… start ordinary paragraphs; accept a missing space only for the expected next article.
            guard let previous = current?.articleNumber ?? document.articles.last?.articleNumber,
                match.article == ArticleNumber(previous.number + 1) || match.article == ArticleNumber(previous.number, suffix: previous.suffix + 1)
            else { return nil }
            if reportingTypos { document.issues.append(LawParseIssue(kind: .missingSpaceAfterLabel, line: lineNumber, text: line)) }
        } else if match.hadInnerSpace, reportingTypos {
            document.issues.append(LawParseIssue(kind: .spaceInsideLabel, line: lineNumber, text: line))
        }
        let rest = String(String.UnicodeScalarView(scalars[match.end...])).trimmingSpaces()
        return (match.article, rest)
    }

    func parseHeading(_ line: String) -> (level: Int, title: String)? {
        guard line.hasPrefix("#") else { return nil }
        let level = line.prefix { $0 == "#" }.count
        let title = String(line.dropFirst(level)).trimmingSpaces()
        guard !title.isEmpty else { return nil }
        return (level, title)
    }

    /// Items begin with a parenthesised numeral: （一）, (一), or a circled figure.
    func isItem(_ line: String) -> Bool {
        guard let first = line.unicodeScalars.first else { return false }
        if first == "（" || first == "(" {
            let inner = line.unicodeScalars.dropFirst().prefix { ChineseNumeral.isNumeralCharacter($0) }
            let after = line.unicodeScalars.dropFirst(1 + inner.count).first
            return !inner.isEmpty && (after == "）" || after == ")")
        }
        return false
    }

    mutating func closeArticle() {
        guard let article = current else { return }
        current = nil
        if let previous = document.articles.last {
            if seen.contains(article.articleNumber) {
                document.issues.append(LawParseIssue(kind: .duplicateArticle, line: article.line, text: article.label))
            } else if article.articleNumber < previous.articleNumber {
                document.issues.append(LawParseIssue(kind: .outOfSequence, line: article.line, text: article.label))
            }
        }
        seen.insert(article.articleNumber)
        document.articles.append(article)
    }

    mutating func finish() -> LawDocument {
        closeArticle()
        if section != .body {
            document.issues.append(LawParseIssue(kind: .missingInfoEnd, line: 0, text: document.title))
        }
        return document
    }
}
