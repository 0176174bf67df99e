/// One fact found in a case text, with the span it came from.
///
/// Offsets count Unicode scalars from the start of the text (a Python `str` index; the same as a
/// JavaScript index for Chinese text, which has no characters outside the BMP).
public struct Circumstance: Codable, Sendable, Hashable {
    /// What was found.
    public var kind: CircumstanceKind
    /// First scalar of the matched text.
    public var start: Int
    /// One past the last scalar of the matched text.
    public var end: Int
    /// The matched text itself.
    public var text: String
    /// The numeric value when the fact is a quantity: 元 for amounts, grams for drugs, years for ages,
    /// a count for counts, the grade for injuries and disabilities, mg/100ml for blood alcohol.
    public var value: Double?
    /// A detail such as the drug's name or the injury's severity (轻伤, 重伤).
    public var detail: String?

    public init(kind: CircumstanceKind, start: Int, end: Int, text: String, value: Double? = nil, detail: String? = nil) {
        self.kind = kind
        self.start = start
        self.end = end
        self.text = text
        self.value = value
        self.detail = detail
    }
}
