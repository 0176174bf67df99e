public import Foundation
import HTTPRouter
import Store

/// An audit event as the audit page shows it.
public struct AuditEventView: Sendable, Codable {
    public var sequence: Int64
    public var time: Date
    public var actorId: String
    public var actorName: String?
    public var action: String
    public var resourceType: String
    public var resourceId: String
    public var sourceAddress: String
}

public struct AuditEventFilter: Sendable {
    public var actor: String?
    public var action: String?
    public var resourceType: String?
    public var from: Date?
    public var to: Date?
    public var page = 1
    public var pageSize = 50

    public init(actor: String? = nil, action: String? = nil, resourceType: String? = nil, from: Date? = nil, to: Date? = nil, page: Int = 1, pageSize: Int = 50) {
        self.actor = actor
        self.action = action
        self.resourceType = resourceType
        self.from = from
        self.to = to
        self.page = page
        self.pageSize = pageSize
    }
}

extension IdentityService {
    /// Audit events newest first. `actor` matches a user id or username.
    public func auditEvents(matching filter: AuditEventFilter, by actor: Actor) async throws -> Page<AuditEventView> {
        guard AccessPolicy.can(actor, .auditRead, .auditLog) else { throw AccessDenied.error }
        var condition: SQLQuery = "1 = 1"
        if let who = filter.actor?.trimmingCharacters(in: .whitespaces), !who.isEmpty {
            condition = "\(condition) AND (a.actor_id = \(who) OR u.username = \(who.lowercased()))"
        }
        if let action = filter.action, !action.isEmpty { condition = "\(condition) AND a.action = \(action)" }
        if let type = filter.resourceType, !type.isEmpty { condition = "\(condition) AND a.resource_type = \(type)" }
        if let from = filter.from { condition = "\(condition) AND a.time >= \(from)" }
        if let to = filter.to { condition = "\(condition) AND a.time < \(to)" }
        let pageSize = min(max(filter.pageSize, 1), 200)
        let page = max(filter.page, 1)
        let from: SQLQuery = "FROM audit_events a LEFT JOIN users u ON u.id = a.actor_id WHERE \(condition)"
        let total = try await store.queryValue("SELECT count(*) \(from)", as: Int.self)
        let rows = try await store.query(
            """
            SELECT a.sequence, a.time, a.actor_id, u.display_name, a.action, a.resource_type, a.resource_id, a.source_address
            \(from) ORDER BY a.sequence DESC LIMIT \(pageSize) OFFSET \((page - 1) * pageSize)
            """)
        let items = try rows.map { row in
            AuditEventView(
                sequence: try row.decode(column: "sequence"), time: try row.decode(column: "time"), actorId: try row.decode(column: "actor_id"),
                actorName: try row.decode(column: "display_name"), action: try row.decode(column: "action"),
                resourceType: try row.decode(column: "resource_type"), resourceId: try row.decode(column: "resource_id"),
                sourceAddress: try row.decode(column: "source_address"))
        }
        return Page(items: items, total: total, page: page, pageSize: pageSize)
    }
}
