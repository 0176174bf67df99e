/// The outcome of ``AuditChain/verify(records:startingAfter:expectedHead:)``.
public struct AuditChainVerification: Hashable, Sendable {
    /// Records that verified before the first break (all of them when intact).
    public let verifiedCount: Int
    /// The last point of the chain that verified (the start anchor when none did).
    public let lastVerified: AuditChain.Anchor
    /// The first broken link, or nil when the chain is intact.
    public let firstBreak: AuditChainBreak?

    public init(verifiedCount: Int, lastVerified: AuditChain.Anchor, firstBreak: AuditChainBreak?) {
        self.verifiedCount = verifiedCount
        self.lastVerified = lastVerified
        self.firstBreak = firstBreak
    }

    public var isIntact: Bool { firstBreak == nil }
}

/// Where and why the chain breaks.
public struct AuditChainBreak: Hashable, Sendable, CustomStringConvertible {
    /// Why a link is broken. A struct with static members rather than a public enum, so reasons can be added (STYLE §6).
    public struct Reason: Hashable, Sendable, CustomStringConvertible {
        private enum Code: String, Sendable { case digestMismatch, previousMismatch, sequenceGap, outOfOrder, truncated, malformedDigest }
        private let code: Code

        /// The row's fields no longer hash to its digest: the row was edited.
        public static let digestMismatch = Reason(code: .digestMismatch)
        /// The row does not point at the row before it: a row was inserted or replaced with a recomputed digest.
        public static let previousMismatch = Reason(code: .previousMismatch)
        /// A sequence number is missing: rows were deleted (or the first rows, if the gap is at the start).
        public static let sequenceGap = Reason(code: .sequenceGap)
        /// Sequence numbers go backwards, repeat, or a missing one appears later: rows were reordered or duplicated.
        public static let outOfOrder = Reason(code: .outOfOrder)
        /// The chain stops before the trusted head: the newest rows were removed.
        public static let truncated = Reason(code: .truncated)
        /// A digest field is not 64 hex characters.
        public static let malformedDigest = Reason(code: .malformedDigest)

        public var description: String { code.rawValue }
    }

    /// The sequence number of the first record that fails (for `truncated`, the first missing one).
    public let sequence: UInt64
    public let reason: Reason
    /// Operator-facing explanation (no event content, which may hold personal data).
    public let detail: String

    public var description: String { "sequence \(sequence): \(reason) (\(detail))" }
}
