public import Foundation

/// What happened, before it is placed in the chain.
public struct AuditEvent: Hashable, Sendable, Codable {
    /// When it happened (UTC). Rounded to the nearest millisecond: the canonical encoding writes milliseconds.
    public var time: Date
    public var actorID: String
    /// Verb, e.g. `case.read`, `user.login`.
    public var action: String
    public var resourceType: String
    public var resourceID: String
    /// Client address as seen by the server ("" when none).
    public var sourceAddress: String
    /// Extra facts as a JSON text, hashed byte for byte: store and return it verbatim.
    public var detailsJSON: String

    public init(
        time: Date, actorID: String, action: String, resourceType: String, resourceID: String, sourceAddress: String,
        detailsJSON: String = "{}"
    ) {
        self.time = AuditEventRecord.truncatedToMilliseconds(time)
        self.actorID = actorID
        self.action = action
        self.resourceType = resourceType
        self.resourceID = resourceID
        self.sourceAddress = sourceAddress
        self.detailsJSON = detailsJSON
    }
}

/// One row of the audit log: the event, its place in the chain, and the digests that link it.
public struct AuditEventRecord: Hashable, Sendable, Codable {
    /// 1 for the first record, then +1 per record with no gaps.
    public var sequence: UInt64
    public var event: AuditEvent
    /// Lower-case hex of the previous record's digest; 64 zeros for the first record.
    public var previousDigestHex: String
    /// Lower-case hex of SM3(previous digest bytes ‖ canonical bytes). See ``canonicalBytes``.
    public var digestHex: String

    public init(sequence: UInt64, event: AuditEvent, previousDigestHex: String, digestHex: String) {
        self.sequence = sequence
        self.event = event
        self.previousDigestHex = previousDigestHex
        self.digestHex = digestHex
    }

    static func truncatedToMilliseconds(_ date: Date) -> Date {
        Date(timeIntervalSince1970: Double(millisecondsSinceEpoch(date)) / 1000)
    }

    /// Nearest, not floor: `Date` keeps seconds since 2001 as a Double, so a whole-millisecond instant before that
    /// reads back a hair off, and flooring would move it to the previous millisecond.
    static func millisecondsSinceEpoch(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded())
    }
}
