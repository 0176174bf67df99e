/// A parsed search query: clauses that must all match, each a list of alternatives, and terms that must not match.
///
/// `盗窃 数额较大` → two clauses; `抢劫 OR 抢夺` → one clause with two alternatives; `-单位` → excluded;
/// `"非法占有为目的"` → a phrase term.
public struct SearchQuery: Hashable, Sendable {
    /// One term of a query.
    public enum Term: Hashable, Sendable {
        /// Plain text: every word of it must appear in the article (in any order).
        case text(String)
        /// Quoted text: must appear as written, contiguous.
        case phrase(String)

        /// The term's text.
        public var text: String {
            switch self {
            case .text(let value), .phrase(let value): value
            }
        }
    }

    /// Alternatives of which at least one must match (`A OR B`).
    public struct Clause: Hashable, Sendable {
        /// The alternatives; never empty.
        public var alternatives: [Term]

        /// Creates a clause.
        public init(_ alternatives: [Term]) { self.alternatives = alternatives }
    }

    /// Every clause must match.
    public var clauses: [Clause]
    /// No excluded term may match.
    public var excluded: [Term]

    /// Creates a query.
    public init(clauses: [Clause] = [], excluded: [Term] = []) {
        self.clauses = clauses
        self.excluded = excluded
    }

    /// Whether the query asks for nothing.
    public var isEmpty: Bool { clauses.isEmpty }
}
