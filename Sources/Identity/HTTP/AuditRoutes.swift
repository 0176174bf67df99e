import Foundation
import HTTPRouter
import HTTPServer

/// The audit log for security auditors.
struct AuditRoutes {
    let identity: IdentityService

    func register(on routes: SecuredRoutes) {
        routes.add(.get, "/api/audit-events", .permission(.auditRead)) { (request: Request, auth: Authenticated) in
            let query = request.queryItems
            var filter = AuditEventFilter(actor: query["actor"], action: query["action"], resourceType: query["resourceType"])
            filter.from = try Self.date(query["from"], name: "from")
            filter.to = try Self.date(query["to"], name: "to")
            filter.page = try DirectoryRoutes.integer(query["page"], name: "page", default: 1)
            filter.pageSize = try DirectoryRoutes.integer(query["pageSize"], name: "pageSize", default: 50)
            return try JSONResponse.make(try await identity.auditEvents(matching: filter, by: auth.actor))
        }
    }

    /// ISO 8601 with time and zone (`2026-12-03T06:00:00Z`) or a plain date, taken as midnight in Asia/Shanghai.
    static func date(_ text: String?, name: String) throws(HTTPError) -> Date? {
        guard let text, !text.isEmpty else { return nil }
        if let date = try? Date.ISO8601FormatStyle().parse(text) { return date }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Shanghai")!
        let parts = text.split(separator: "-").compactMap { Int($0) }
        if parts.count == 3, let date = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2])) { return date }
        throw HTTPError.badRequest("参数 \(name) 须为日期（如 2026-12-03）或 ISO 8601 时间。", field: name)
    }
}
