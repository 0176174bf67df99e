import Foundation
public import HTTPRouter
import HTTPServer
public import Identity
public import Media

/// `/api/detention-centres/:id/rooms` and `/api/remote-sessions`: rooms, bookings, the calendar and each step.
public struct RemoteSessionRoutes: Sendable {
    let sessions: RemoteSessionService
    let media: MediaTokens
    let janus: JanusClient

    public init(sessions: RemoteSessionService, media: MediaTokens, janus: JanusClient) {
        self.sessions = sessions
        self.media = media
        self.janus = janus
    }

    struct Items<T: Encodable>: Encodable { var items: [T] }
    struct ActionInput: Decodable {
        var action: SessionAction
        var reason: String?
    }

    public func register(on routes: SecuredRoutes) {
        routes.add(.get, "/api/detention-centres/:id/rooms", .signedIn) { (request: Request, _: Authenticated) in
            try JSONResponse.make(Items(items: try await sessions.rooms(detentionCentreID: try request.parameters.require("id"))))
        }
        routes.add(.post, "/api/detention-centres/:id/rooms", .permission(.roomManage), bodyLimit: 8 * 1024) { (request: Request, auth: Authenticated) in
            let input = try request.decode(NewRoom.self)
            return try JSONResponse.make(
                try await sessions.createRoom(detentionCentreID: try request.parameters.require("id"), input, by: auth.actor, context: context(request, auth)),
                status: .created)
        }
        routes.add(.get, "/api/remote-sessions", .signedIn) { (request: Request, auth: Authenticated) in
            let query = request.queryItems
            let from = try Self.instant(query["from"], field: "from") ?? Date().addingTimeInterval(-86_400)
            let to = try Self.instant(query["to"], field: "to") ?? from.addingTimeInterval(8 * 86_400)
            return try JSONResponse.make(Items(items: try await sessions.calendar(from: from, to: to, by: auth.actor)))
        }
        routes.add(.post, "/api/remote-sessions", .permission(.sessionBook), bodyLimit: 8 * 1024) { (request: Request, auth: Authenticated) in
            let input = try request.decode(NewBooking.self)
            return try JSONResponse.make(try await sessions.book(input, by: auth.actor, context: context(request, auth)), status: .created)
        }
        routes.add(.get, "/api/statistics/remote-sessions", .permission(.caseRead)) { (request: Request, auth: Authenticated) in
            let query = request.queryItems
            let to = try Self.instant(query["to"], field: "to") ?? Date()
            let from = try Self.instant(query["from"], field: "from") ?? to.addingTimeInterval(-365 * 86_400)
            let grouping = query["groupBy"] ?? "organisation"
            guard let groupBy = SessionStatisticsGrouping(rawValue: grouping) else {
                throw HTTPError.badRequest("groupBy 只能是 organisation、kind 或 month。", field: "groupBy")
            }
            return try JSONResponse.make(Items(items: try await sessions.statistics(from: from, to: to, groupBy: groupBy, by: auth.actor)))
        }
        routes.add(.get, "/api/remote-sessions/:id", .signedIn) { (request: Request, auth: Authenticated) in
            try JSONResponse.make(try await sessions.session(try request.parameters.require("id"), by: auth.actor))
        }
        routes.add(.post, "/api/remote-sessions/:id/media", .signedIn) { (request: Request, auth: Authenticated) in
            try JSONResponse.make(
                try await sessions.mediaGrant(try request.parameters.require("id"), by: auth.actor, media: media, janus: janus))
        }
        routes.add(.get, "/api/remote-sessions/:id/transcript", .signedIn) { (request: Request, auth: Authenticated) in
            let version = try request.queryItems["version"].map { text throws(HTTPError) -> Int in
                guard let value = Int(text), value >= 1 else { throw HTTPError.badRequest("version 须为正整数。", field: "version") }
                return value
            }
            return try JSONResponse.make(try await sessions.transcript(try request.parameters.require("id"), version: version, by: auth.actor))
        }
        routes.add(.put, "/api/remote-sessions/:id/transcript", .signedIn, bodyLimit: 1 << 20) { (request: Request, auth: Authenticated) in
            let save = try request.decode(TranscriptSave.self)
            return try JSONResponse.make(
                try await sessions.saveTranscript(try request.parameters.require("id"), save, by: auth.actor, context: context(request, auth)))
        }
        routes.add(.get, "/api/remote-sessions/:id/recording", .signedIn) { (request: Request, auth: Authenticated) in
            let (bytes, seal) = try await sessions.recording(try request.parameters.require("id"), by: auth.actor, context: context(request, auth))
            let digest = (try? JSONDecoder().decode([String: String].self, from: Data(seal.utf8)))?["digestHex"] ?? ""
            var headers = SecurityHeadersMiddleware.embeddableHeaders
            headers.set(name: "Content-Type", value: "video/webm")
            headers.set(name: "Cache-Control", value: "no-store")
            headers.set(name: "X-Content-SM3", value: digest)
            return HTTPResponse(status: .ok, headers: headers, body: .bytes(bytes))
        }
        routes.add(.get, "/api/remote-sessions/:id/transcript/pages", .signedIn) { (request: Request, auth: Authenticated) in
            try JSONResponse.make(try await sessions.transcriptPages(try request.parameters.require("id"), by: auth.actor))
        }
        routes.add(.post, "/api/remote-sessions/:id/transcript/signatures", .signedIn, bodyLimit: 1 << 20) { (request: Request, auth: Authenticated) in
            let input = try request.decode(SignatureInput.self)
            return try JSONResponse.make(try await sessions.sign(try request.parameters.require("id"), input, by: auth.actor, context: context(request, auth)))
        }
        routes.add(.get, "/api/remote-sessions/:id/transcript/pdf", .signedIn) { (request: Request, auth: Authenticated) in
            let pdf = try await sessions.transcriptPDF(try request.parameters.require("id"), by: auth.actor, context: context(request, auth))
            var headers = SecurityHeadersMiddleware.embeddableHeaders
            headers.set(name: "Content-Type", value: "application/pdf")
            headers.set(name: "Cache-Control", value: "no-store")
            return HTTPResponse(status: .ok, headers: headers, body: .bytes(pdf))
        }
        routes.add(.post, "/api/remote-sessions/:id/actions", .signedIn, bodyLimit: 8 * 1024) { (request: Request, auth: Authenticated) in
            let input = try request.decode(ActionInput.self)
            return try JSONResponse.make(
                try await sessions.act(try request.parameters.require("id"), input.action, reason: input.reason, by: auth.actor, context: context(request, auth)))
        }
    }

    private func context(_ request: Request, _ auth: Authenticated) -> AuditContext {
        AuditContext(actorID: auth.actor.userID, sourceAddress: request.http.remoteAddress, clock: sessions.clock)
    }

    static func instant(_ text: String?, field: String) throws(HTTPError) -> Date? {
        guard let text, !text.isEmpty else { return nil }
        guard let date = try? Date.ISO8601FormatStyle().parse(text) else {
            throw HTTPError.badRequest("参数 \(field) 须为 ISO 8601 时间（如 2026-12-03T01:30:00Z）。", field: field)
        }
        return date
    }
}
