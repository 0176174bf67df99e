/// Extracts amounts, counts, injuries, drugs, ages and the sentencing circumstances from Chinese case text.
///
/// Rules only, no model: every pattern is listed in this file's extensions and pinned by a test.
/// ```swift
/// let facts = FactExtractor().extract("盗窃人民币3723元，案发后自首。")
/// // [amount 3723 (3..<12), surrender (16..<18)]
/// ```
public struct FactExtractor: Sendable {
    public init() {}

    /// Returns every fact found in `text`, ordered by position.
    public func extract(_ text: String) -> [Circumstance] {
        let scalarText = ScalarText(text)
        var found: [Circumstance] = []
        found += amounts(in: scalarText)
        found += counts(in: scalarText)
        found += injuries(in: scalarText)
        found += drugs(in: scalarText)
        found += ages(in: scalarText)
        found += bloodAlcohol(in: scalarText)
        found += phraseCircumstances(in: scalarText)
        return found.sorted { ($0.start, $0.end, $0.kind.rawValue) < ($1.start, $1.end, $1.kind.rawValue) }
    }
}

/// Patterns shared by the extractor's parts.
enum Patterns {
    static let arabicNumber = "[0-9０-９]+(?:,[0-9]{3})*(?:[.．][0-9０-９]+)?"
    static let chineseNumber = "[\(ChineseNumber.chineseNumeralCharacters)]+"
    static let number = "(?:\(arabicNumber)|\(chineseNumber))"
}
