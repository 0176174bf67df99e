import Foundation

/// A regular-expression match expressed in Unicode-scalar offsets, with its capture groups.
struct PatternMatch {
    var start: Int
    var end: Int
    var text: String
    var groups: [String?]
}

/// Compiles patterns once and reports matches in scalar offsets (see ``Circumstance``).
struct PatternSet: Sendable {
    private let expressions: [NSRegularExpressionBox]

    init(_ patterns: [String]) {
        expressions = patterns.map { NSRegularExpressionBox(pattern: $0) }
    }

    func matches(in text: ScalarText) -> [PatternMatch] {
        expressions.flatMap { $0.matches(in: text) }
    }
}

/// `NSRegularExpression` is immutable after creation and documented as thread-safe for matching,
/// so sharing one across tasks is safe.
private struct NSRegularExpressionBox: @unchecked Sendable {
    let expression: NSRegularExpression

    init(pattern: String) {
        do {
            expression = try NSRegularExpression(pattern: pattern)
        } catch {
            preconditionFailure("invalid built-in pattern \(pattern): \(error)")
        }
    }

    func matches(in text: ScalarText) -> [PatternMatch] {
        let range = NSRange(location: 0, length: text.nsString.length)
        return expression.matches(in: text.string, range: range).map { result in
            let groups = (1..<max(result.numberOfRanges, 1)).map { index -> String? in
                let groupRange = result.range(at: index)
                return groupRange.location == NSNotFound ? nil : text.nsString.substring(with: groupRange)
            }
            let start = text.scalarOffset(utf16: result.range.location)
            let end = text.scalarOffset(utf16: result.range.location + result.range.length)
            return PatternMatch(start: start, end: end, text: text.nsString.substring(with: result.range), groups: groups)
        }
    }
}

/// A text with a UTF-16 → scalar offset table, so matches can be reported in scalar offsets.
struct ScalarText {
    let string: String
    let nsString: NSString
    let scalars: [Unicode.Scalar]
    private let scalarIndexOfUTF16: [Int]

    init(_ string: String) {
        self.string = string
        nsString = string as NSString
        scalars = Array(string.unicodeScalars)
        var table: [Int] = []
        table.reserveCapacity(nsString.length + 1)
        for (index, scalar) in scalars.enumerated() {
            table.append(index)
            if scalar.value > 0xFFFF { table.append(index) }
        }
        table.append(scalars.count)
        scalarIndexOfUTF16 = table
    }

    func scalarOffset(utf16 offset: Int) -> Int {
        scalarIndexOfUTF16[min(offset, scalarIndexOfUTF16.count - 1)]
    }

    /// The text between two scalar offsets, clamped to the text.
    func slice(_ start: Int, _ end: Int) -> String {
        let lower = max(0, start)
        let upper = min(scalars.count, end)
        guard lower < upper else { return "" }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars[lower..<upper])
        return String(result)
    }
}
