/// Recognises citations: a whole query that is one (刑法第264条, 刑诉法174条, 《中华人民共和国刑事诉讼法》第一百七十四条第一款,
/// 刑法133条之一), and the references inside an article's text (依照本法第X条, 前款, 前两款, 第X条第X款, 刑法第X条、第Y条).
public struct CitationParser: Sendable {
    /// Name → full title: the abbreviations table plus any extra names (such as every title of the index).
    private let names: [String: String]
    private let longestName: Int

    /// Words that stand for the law a text belongs to (本法第X条, 本解释第X条 …).
    private static let selfReferences: Set<String> = ["本法", "本解释", "本规则", "本规定", "本条例", "本办法", "本决定", "本意见", "本细则"]
    private static let listSeparators: [String] = ["、", "和", "及", "以及", "或者", "或", "至", "到", "，"]

    /// Creates a parser.
    /// - Parameter extraNames: further names (full titles of indexed laws, mapped to themselves) recognised before 第X条.
    public init(extraNames: [String: String] = [:]) {
        var names = LawAbbreviations.table
        for (name, title) in extraNames where names[name] == nil { names[name] = title }
        self.names = names
        self.longestName = min(names.keys.map(\.unicodeScalars.count).max() ?? 0, 64)
    }

    /// Reads a whole query as one citation, or returns `nil` if it is not one.
    ///
    /// The law must be named (a known name, any 《…》 title, or a name ending in 法/条例/规则/解释/规定 before the number);
    /// 第 is optional (刑诉法174条), and so are 第X款 and 第X项. A known name followed by digits alone (刑法264) also counts.
    public func parseQuery(_ query: String) -> Citation? {
        let scalars = Array(query.unicodeScalars).filter { !ScalarClass.isSpace($0) }
        guard scalars.count >= 3, scalars.count <= 200 else { return nil }
        // Find where the number part starts: the first 第 or digit/numeral that is followed by a valid label running to the end.
        for start in 1..<scalars.count {
            guard let label = ArticleLabelScanner.scan(scalars, from: start, requireFirstCharacter: false) else { continue }
            var end = label.end
            var citation = Citation(article: label.article, range: 0..<scalars.count)
            readParagraphAndItem(scalars, &end, into: &citation)
            if end < scalars.count, scalars[end...].elementsEqual("的规定".unicodeScalars) || scalars[end...].elementsEqual("规定".unicodeScalars) {
                end = scalars.count
            }
            guard end == scalars.count else { continue }
            guard let name = lawName(String(String.UnicodeScalarView(scalars[0..<start]))) else { return nil }
            citation.lawName = name
            citation.lawTitle = names[name]
            return citation
        }
        return bareNumberCitation(scalars)
    }

    /// 刑法264, 刑诉法 174: a known law name (abbreviation or title) followed by ASCII digits only.
    private func bareNumberCitation(_ scalars: [Unicode.Scalar]) -> Citation? {
        guard let start = scalars.firstIndex(where: { ChineseNumeral.asciiDigit($0) != nil }), start > 0,
            scalars[start...].allSatisfy({ ChineseNumeral.asciiDigit($0) != nil }), scalars.count - start <= 4
        else { return nil }
        var name = String(String.UnicodeScalarView(scalars[0..<start]))
        if name.hasPrefix("《"), name.hasSuffix("》") { name = String(name.dropFirst().dropLast()) }
        guard let title = names[name], let number = ChineseNumeral.parse(String(String.UnicodeScalarView(scalars[start...]))), number > 0
        else { return nil }
        return Citation(lawName: name, lawTitle: title, article: ArticleNumber(number), range: 0..<scalars.count)
    }

    /// Finds every reference inside a text (an article's paragraphs), in order.
    public func references(in text: String) -> [Citation] {
        let scalars = Array(text.unicodeScalars)
        var found: [Citation] = []
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "第", let citation = referenceAtOrdinal(scalars, index, previous: found.last) {
                found.append(citation)
                index = citation.range.upperBound
            } else if scalar == "前", let citation = relativeReference(scalars, index) {
                found.append(citation)
                index = citation.range.upperBound
            } else {
                index += 1
            }
        }
        return found
    }

    // MARK: - Pieces

    /// The law name of a query prefix: 《…》 stripped, 中华人民共和国 kept when it names a title.
    private func lawName(_ raw: String) -> String? {
        var name = raw
        if name.hasPrefix("《"), name.hasSuffix("》") { name = String(name.dropFirst().dropLast()) }
        guard !name.isEmpty, name.unicodeScalars.count <= 100, !name.contains("《") || name.contains("》") else { return nil }
        if names[name] != nil || raw.hasPrefix("《") { return name }
        let endings = ["法", "条例", "规则", "解释", "规定", "办法", "决定", "意见", "法典"]
        guard endings.contains(where: { name.hasSuffix($0) }), name.unicodeScalars.allSatisfy(ScalarClass.isIdeograph) else { return nil }
        return name
    }

    private func referenceAtOrdinal(_ scalars: [Unicode.Scalar], _ index: Int, previous: Citation?) -> Citation? {
        if let label = ArticleLabelScanner.scan(scalars, from: index, requireFirstCharacter: true), !label.hadInnerSpace {
            var end = label.end
            var citation = Citation(article: label.article)
            readParagraphAndItem(scalars, &end, into: &citation)
            let (name, nameStart) = nameBefore(scalars, index, previous: previous)
            citation.lawName = name
            citation.lawTitle = name.flatMap { names[$0] }
            citation.range = nameStart..<end
            return citation
        }
        // 第X款 / 第X项 alone: the current article.
        var end = index
        var citation = Citation()
        readParagraphAndItem(scalars, &end, into: &citation)
        guard end > index else { return nil }
        citation.range = index..<end
        return citation
    }

    /// The law named just before position `index`, with where the name starts.
    private func nameBefore(_ scalars: [Unicode.Scalar], _ index: Int, previous: Citation?) -> (String?, Int) {
        if index > 0, scalars[index - 1] == "》", let open = scalars[..<(index - 1)].lastIndex(of: "《"), index - 1 - open <= 100 {
            return (String(String.UnicodeScalarView(scalars[(open + 1)..<(index - 1)])), open)
        }
        if index >= 2 {
            for length in [2, 3] where index >= length {
                let word = String(String.UnicodeScalarView(scalars[(index - length)..<index]))
                if Self.selfReferences.contains(word) { return (nil, index - length) }
            }
        }
        var length = min(longestName, index)
        while length >= 2 {
            let word = String(String.UnicodeScalarView(scalars[(index - length)..<index]))
            if names[word] != nil { return (word, index - length) }
            length -= 1
        }
        // 刑法第X条、第Y条: a list keeps the law of its first member.
        if let previous, previous.article != nil {
            let between = String(String.UnicodeScalarView(scalars[previous.range.upperBound..<index]))
            if Self.listSeparators.contains(between) { return (previous.lawName, index) }
        }
        return (nil, index)
    }

    /// 前款, 前两款, 前三款, 前条.
    private func relativeReference(_ scalars: [Unicode.Scalar], _ index: Int) -> Citation? {
        var cursor = index + 1
        var count = 1
        if cursor < scalars.count, let value = ChineseNumeral.digitValue(scalars[cursor]), value > 1 {
            count = value
            cursor += 1
        }
        guard cursor < scalars.count else { return nil }
        if scalars[cursor] == "款" {
            return Citation(precedingCount: count, range: index..<(cursor + 1))
        }
        if scalars[cursor] == "条", count == 1 {
            return Citation(precedingCount: 1, isPrecedingArticle: true, range: index..<(cursor + 1))
        }
        return nil
    }

    /// Reads `第X款` and `第X项` (or `X款`) after an article label.
    private func readParagraphAndItem(_ scalars: [Unicode.Scalar], _ end: inout Int, into citation: inout Citation) {
        for (unit, apply) in [("款", { (c: inout Citation, v: Int) in c.paragraph = v }), ("项", { (c: inout Citation, v: Int) in c.item = v })] {
            var cursor = end
            if cursor < scalars.count, scalars[cursor] == "第" { cursor += 1 }
            let start = cursor
            while cursor < scalars.count, cursor - start < 6, ArticleLabelScanner.isNumberCharacter(scalars[cursor]) { cursor += 1 }
            guard cursor > start, cursor < scalars.count, String(scalars[cursor]) == unit,
                let value = ChineseNumeral.parse(String(String.UnicodeScalarView(scalars[start..<cursor]))), value > 0
            else { continue }
            apply(&citation, value)
            end = cursor + 1
        }
    }
}
