/// The audit log's hash-chain rule, pure: building the next record and verifying a run of records.
///
/// Each record's digest is SM3(previous digest ‖ canonical bytes) (see ``AuditEventRecord/canonicalBytes``), so
/// editing, deleting, inserting or reordering a row breaks the chain from that row on. A hash chain has no key:
/// someone able to rewrite the whole table can recompute every digest. Verify against a head (last sequence and
/// digest) kept outside the database — a signed checkpoint — to catch that and a truncated tail.
public enum AuditChain {
    /// The "previous digest" of the first record: 32 zero bytes.
    public static let genesisDigest = [UInt8](repeating: 0, count: 32)
    public static let genesisDigestHex = Hex.encode(genesisDigest)

    /// The next record after `previous` (nil for the very first record), with sequence and digests filled in.
    /// - Throws: ``SecurityError/invalidEncoding`` when `previous.digestHex` is not 64 hex characters: appending to
    ///   a damaged head would hide the damage.
    public static func record(_ event: AuditEvent, after previous: AuditEventRecord?) throws -> AuditEventRecord {
        try record(event, after: previous.map { Anchor(sequence: $0.sequence, digestHex: $0.digestHex) } ?? .genesis)
    }

    /// The next record after the chain's head, given as an anchor (only its sequence and digest feed the next link).
    public static func record(_ event: AuditEvent, after head: Anchor) throws -> AuditEventRecord {
        var record = AuditEventRecord(sequence: head.sequence + 1, event: event, previousDigestHex: head.digestHex, digestHex: "")
        let previousDigest = try Hex.decode(record.previousDigestHex)
        guard previousDigest.count == genesisDigest.count else { throw SecurityError.invalidEncoding.with(detail: "previous digest length") }
        record.digestHex = Hex.encode(record.computedDigest(previousDigest: previousDigest))
        return record
    }

    /// A point of the chain trusted from elsewhere: where verification starts, or where it must end.
    public struct Anchor: Hashable, Sendable {
        public var sequence: UInt64
        public var digestHex: String

        public init(sequence: UInt64, digestHex: String) {
            self.sequence = sequence
            self.digestHex = digestHex
        }

        /// Before the first record: sequence 0, genesis digest.
        public static let genesis = Anchor(sequence: 0, digestHex: AuditChain.genesisDigestHex)
    }

    /// Checks records in the order given (as read, ordered by sequence).
    /// - Parameters:
    ///   - records: a contiguous run of the chain.
    ///   - start: the trusted point just before `records[0]`; ``Anchor/genesis`` for a whole-log check.
    ///   - expectedHead: the trusted last record (a checkpoint); when given, a chain ending anywhere else is `truncated`.
    /// - Returns: how many records verified and, if any, the first broken link.
    public static func verify(
        records: [AuditEventRecord], startingAfter start: Anchor = .genesis, expectedHead: Anchor? = nil
    ) -> AuditChainVerification {
        let presentSequences = Set(records.map(\.sequence))
        var previous = start
        for (index, record) in records.enumerated() {
            if let problem = linkProblem(record, previous: previous, presentSequences: presentSequences) {
                return AuditChainVerification(verifiedCount: index, lastVerified: previous, firstBreak: problem)
            }
            previous = Anchor(sequence: record.sequence, digestHex: record.digestHex)
        }
        if let expectedHead, expectedHead != previous {
            let missingFrom = previous.sequence + 1
            let problem = AuditChainBreak(
                sequence: missingFrom, reason: .truncated,
                detail: "chain ends at sequence \(previous.sequence), the trusted head is sequence \(expectedHead.sequence)")
            return AuditChainVerification(verifiedCount: records.count, lastVerified: previous, firstBreak: problem)
        }
        return AuditChainVerification(verifiedCount: records.count, lastVerified: previous, firstBreak: nil)
    }

    private static func linkProblem(_ record: AuditEventRecord, previous: Anchor, presentSequences: Set<UInt64>) -> AuditChainBreak? {
        let expected = previous.sequence + 1
        if record.sequence != expected {
            // A missing sequence that turns up later in the input means rows were reordered, not deleted.
            let reordered = record.sequence < expected || presentSequences.contains(expected)
            return AuditChainBreak(
                sequence: record.sequence, reason: reordered ? .outOfOrder : .sequenceGap,
                detail: "expected sequence \(expected), found \(record.sequence)")
        }
        guard record.previousDigestHex.lowercased() == previous.digestHex.lowercased() else {
            return AuditChainBreak(
                sequence: record.sequence, reason: .previousMismatch, detail: "previous digest does not match sequence \(previous.sequence)")
        }
        guard let previousDigest = try? Hex.decode(previous.digestHex), previousDigest.count == 32,
            let claimed = try? Hex.decode(record.digestHex), claimed.count == 32
        else {
            return AuditChainBreak(sequence: record.sequence, reason: .malformedDigest, detail: "digest is not 64 hex characters")
        }
        guard ConstantTime.equals(record.computedDigest(previousDigest: previousDigest), claimed) else {
            return AuditChainBreak(sequence: record.sequence, reason: .digestMismatch, detail: "recomputed digest differs: the row was changed")
        }
        return nil
    }
}
