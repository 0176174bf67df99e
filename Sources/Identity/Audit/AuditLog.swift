public import Foundation
public import Security
public import Store

/// The audit log in the store: appended in the caller's transaction, so an event exists exactly when its change does.
public enum AuditLog {
    /// Appends `event` after the current head. Call inside the transaction that makes the change being audited.
    @discardableResult
    public static func append(_ event: AuditEvent, in tx: any SQLExecutor) async throws -> AuditEventRecord {
        let head = try await tx.queryFirst("SELECT sequence, digest FROM audit_events ORDER BY sequence DESC LIMIT 1")
        let anchor = try head.map {
            AuditChain.Anchor(sequence: UInt64(try $0.decode(column: "sequence", as: Int64.self)), digestHex: try $0.decode(column: "digest"))
        } ?? .genesis
        let record = try AuditChain.record(event, after: anchor)
        try await tx.execute(
            """
            INSERT INTO audit_events (sequence, time, actor_id, action, resource_type, resource_id, source_address, details, previous_digest, digest)
            VALUES (\(Int64(record.sequence)), \(timestamp(event.time)), \(event.actorID), \(event.action), \(event.resourceType), \(event.resourceID),
                    \(event.sourceAddress), \(event.detailsJSON), \(record.previousDigestHex), \(record.digestHex))
            """)
        return record
    }

    /// Reads records in sequence order, `batchSize` at a time after `sequence`.
    public static func records(after sequence: UInt64, limit: Int, in executor: any SQLExecutor) async throws -> [AuditEventRecord] {
        let rows = try await executor.query(
            """
            SELECT sequence, time, actor_id, action, resource_type, resource_id, source_address, details, previous_digest, digest
            FROM audit_events WHERE sequence > \(Int64(sequence)) ORDER BY sequence LIMIT \(limit)
            """)
        return try rows.map(record(from:))
    }

    /// Walks the whole chain in batches and returns the first broken link, if any.
    public static func verify(in executor: any SQLExecutor, expectedHead: AuditChain.Anchor? = nil, batchSize: Int = 5000) async throws
        -> AuditChainVerification
    {
        var anchor = AuditChain.Anchor.genesis
        var verified = 0
        while true {
            let batch = try await records(after: anchor.sequence, limit: batchSize, in: executor)
            let isLast = batch.count < batchSize
            let result = AuditChain.verify(records: batch, startingAfter: anchor, expectedHead: isLast ? expectedHead : nil)
            verified += result.verifiedCount
            if let broken = result.firstBreak {
                return AuditChainVerification(verifiedCount: verified, lastVerified: result.lastVerified, firstBreak: broken)
            }
            anchor = result.lastVerified
            if isLast { return AuditChainVerification(verifiedCount: verified, lastVerified: anchor, firstBreak: nil) }
        }
    }

    /// The stored text of an event time, exact to the millisecond the digest covers. Formatting the `Date` directly
    /// can print the millisecond below, since a `Date` holds seconds since 2001 as a binary fraction.
    static func timestamp(_ date: Date) -> String {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded())
        let seconds = Date(timeIntervalSince1970: TimeInterval(milliseconds.quotientAndRemainder(dividingBy: 1000).quotient))
        let fraction = Int(((milliseconds % 1000) + 1000) % 1000)
        let whole = seconds.formatted(Date.ISO8601FormatStyle(timeZone: .gmt)).dropLast()  // drop "Z"
        let digits = String(fraction)
        return whole + "." + String(repeating: "0", count: 3 - digits.count) + digits + "Z"
    }

    static func record(from row: Row) throws -> AuditEventRecord {
        let event = AuditEvent(
            time: try row.decode(column: "time", as: Date.self), actorID: try row.decode(column: "actor_id"),
            action: try row.decode(column: "action"), resourceType: try row.decode(column: "resource_type"),
            resourceID: try row.decode(column: "resource_id"), sourceAddress: try row.decode(column: "source_address"),
            detailsJSON: try row.decode(column: "details"))
        return AuditEventRecord(
            sequence: UInt64(try row.decode(column: "sequence", as: Int64.self)), event: event,
            previousDigestHex: try row.decode(column: "previous_digest"), digestHex: try row.decode(column: "digest"))
    }
}
