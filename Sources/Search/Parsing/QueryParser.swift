/// Parses the search box's query language into a ``SearchQuery``; it never fails.
///
/// - Spaces separate terms, all required (`A B` = A AND B).
/// - `OR` (upper case) or `|` between two terms makes them alternatives; OR binds tighter than the implicit AND,
///   so `A B OR C` means A AND (B OR C).
/// - A leading `-` (or `－`) excludes a term: `-单位`. A lone `-` is ignored.
/// - Double quotes (`"…"`, `“…”`, `「…」`) make a phrase; an unclosed quote runs to the end of the query.
/// - Stray operators (a leading or trailing OR, an OR next to an excluded term) are ignored rather than rejected.
public enum QueryParser {
    private enum Lexeme: Equatable {
        case term(SearchQuery.Term, excluded: Bool)
        case or
    }

    /// Parses a query string.
    public static func parse(_ query: String) -> SearchQuery {
        var result = SearchQuery()
        var pendingOr = false
        for lexeme in lex(query) {
            switch lexeme {
            case .or:
                pendingOr = !result.clauses.isEmpty
            case .term(let term, excluded: true):
                result.excluded.append(term)
                pendingOr = false
            case .term(let term, excluded: false):
                if pendingOr {
                    result.clauses[result.clauses.count - 1].alternatives.append(term)
                } else {
                    result.clauses.append(SearchQuery.Clause([term]))
                }
                pendingOr = false
            }
        }
        return result
    }

    private static func isQuoteOpen(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar {
        case "\"": "\""
        case "“": "”"
        case "「": "」"
        case "”": "”"  // some input methods produce the closing mark on both sides
        default: nil
        }
    }

    private static func lex(_ query: String) -> [Lexeme] {
        let scalars = Array(query.unicodeScalars)
        var lexemes: [Lexeme] = []
        var index = 0
        while index < scalars.count {
            if ScalarClass.isSpace(scalars[index]) {
                index += 1
                continue
            }
            var excluded = false
            if scalars[index] == "-" || scalars[index] == "－" {
                excluded = true
                index += 1
                if index == scalars.count || ScalarClass.isSpace(scalars[index]) { continue }
            }
            if let close = isQuoteOpen(scalars[index]) {
                let start = index + 1
                var end = start
                while end < scalars.count, scalars[end] != close, !(close == "\"" && scalars[end] == "”") { end += 1 }
                let text = String(String.UnicodeScalarView(scalars[start..<end])).trimmingSpaces()
                if !text.isEmpty { lexemes.append(.term(.phrase(text), excluded: excluded)) }
                index = min(end + 1, scalars.count)
                continue
            }
            let start = index
            while index < scalars.count, !ScalarClass.isSpace(scalars[index]), isQuoteOpen(scalars[index]) == nil { index += 1 }
            let word = String(String.UnicodeScalarView(scalars[start..<index]))
            if !excluded, word == "OR" || word == "|" {
                lexemes.append(.or)
            } else {
                lexemes.append(.term(.text(word), excluded: excluded))
            }
        }
        return lexemes
    }
}
