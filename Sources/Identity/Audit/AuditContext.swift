public import Foundation
public import Security

/// Who is acting and from where, for the audit events a request writes.
public struct AuditContext: Sendable {
    public var actorID: String
    public var sourceAddress: String
    public var clock: any WallClock

    public init(actorID: String, sourceAddress: String, clock: any WallClock = SystemClock()) {
        self.actorID = actorID
        self.sourceAddress = sourceAddress
        self.clock = clock
    }

    /// An event by this actor. `details` must hold no personal data: the audit log is read by auditors, not owners.
    public func event(_ action: String, _ resourceType: String, _ resourceID: String, details: [String: String] = [:]) -> AuditEvent {
        AuditEvent(
            time: clock.now(), actorID: actorID, action: action, resourceType: resourceType, resourceID: resourceID,
            sourceAddress: sourceAddress, detailsJSON: Self.json(details))
    }

    /// Sorted keys, so the same facts always hash the same.
    static func json(_ details: [String: String]) -> String {
        guard !details.isEmpty else { return "{}" }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? String(decoding: encoder.encode(details), as: UTF8.self)) ?? "{}"
    }
}
