// libFuzzer entry for the citation parser and Chinese numerals (compiled with Sources/Search/Parsing/*.swift only).

@_cdecl("LLVMFuzzerTestOneInput")
public func searchCitationFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let scalarCount = text.unicodeScalars.count
    let parser = CitationParser(extraNames: ["某某省禁毒条例": "某某省禁毒条例"])
    if let citation = parser.parseQuery(text) {
        precondition(citation.article.map { $0.number > 0 } ?? false, "a query citation names an article")
        precondition(citation.lawName?.isEmpty == false, "a query citation names a law")
        if let article = citation.article {
            precondition(ArticleNumber(label: article.label) == article, "labels round-trip")
        }
    }
    var previousEnd = 0
    for reference in parser.references(in: text) {
        precondition(reference.range.lowerBound >= 0 && reference.range.upperBound <= scalarCount, "range inside the text")
        precondition(!reference.range.isEmpty, "a reference covers some text")
        precondition(reference.range.upperBound >= previousEnd, "references come in order")
        previousEnd = reference.range.upperBound
    }
    if let value = ChineseNumeral.parse(text) {
        precondition(value >= 0 && value <= ChineseNumeral.maximum, "value in range")
        precondition(ChineseNumeral.parse(ChineseNumeral.format(value)) == value, "numerals round-trip")
    }
    return 0
}
