import Foundation
public import HTTPRouter
import HTTPServer
public import Identity

/// `/api/cases`: the case list and page, registration, stages, people and measures, team and lawyers.
public struct CaseRoutes: Sendable {
    let cases: CaseService
    let reminders: DeadlineReminders?

    public init(cases: CaseService, reminders: DeadlineReminders? = nil) {
        self.cases = cases
        self.reminders = reminders
    }

    struct Items<T: Encodable>: Encodable { var items: [T] }
    struct Note: Decodable { var note: String? }
    struct EndMeasure: Decodable { var endsOn: String }
    struct LawyerInput: Decodable { var lawyerId: String }
    struct CitizenIDView: Encodable { var citizenId: String? }
    struct MoveFile: Decodable {
        var volume: Int
        var position: Int
    }

    public func register(on routes: SecuredRoutes) {
        registerDossier(on: routes)
        HolidayRoutes(cases: cases).register(on: routes)
        routes.add(.get, "/api/cases", .permission(.caseRead)) { (request: Request, auth: Authenticated) in
            try JSONResponse.make(try await cases.list(try Self.filter(request.queryItems), by: auth.actor))
        }
        routes.add(.post, "/api/cases", .permission(.caseManage), bodyLimit: 64 * 1024) { (request: Request, auth: Authenticated) in
            let input = try request.decode(NewCase.self)
            return try JSONResponse.make(await afterChange(try await cases.create(input, by: auth.actor, context: context(request, auth))), status: .created)
        }
        routes.add(.get, "/api/cases/charges", .permission(.caseRead)) { (_: Request, _: Authenticated) in
            try JSONResponse.make(Items(items: cases.charges.entries))
        }
        routes.add(.get, "/api/cases/:id", .permission(.caseRead)) { (request: Request, auth: Authenticated) in
            try JSONResponse.make(try await cases.detail(try request.parameters.require("id"), by: auth.actor, context: context(request, auth)))
        }
        routes.add(.patch, "/api/cases/:id", .permission(.caseManage), bodyLimit: 64 * 1024) { (request: Request, auth: Authenticated) in
            let changes = try request.decode(CaseChanges.self)
            return try JSONResponse.make(
                await afterChange(try await cases.update(try request.parameters.require("id"), changes, by: auth.actor, context: context(request, auth))))
        }
        routes.add(.post, "/api/cases/:id/transitions", .permission(.caseManage), bodyLimit: 16 * 1024) { (request: Request, auth: Authenticated) in
            let input = try request.decode(TransitionInput.self)
            return try JSONResponse.make(
                await afterChange(try await cases.transition(try request.parameters.require("id"), input, by: auth.actor, context: context(request, auth))))
        }
        routes.add(.post, "/api/cases/:id/extensions", .permission(.caseManage), bodyLimit: 16 * 1024) { (request: Request, auth: Authenticated) in
            let note = try request.decode(Note.self)
            return try JSONResponse.make(
                await afterChange(
                    try await cases.extendProsecutionReview(
                        try request.parameters.require("id"), note: note.note, by: auth.actor, context: context(request, auth))))
        }
        routes.add(.post, "/api/cases/:id/persons", .permission(.caseManage), bodyLimit: 16 * 1024) { (request: Request, auth: Authenticated) in
            let input = try request.decode(NewPerson.self)
            return try JSONResponse.make(
                try await cases.addPerson(try request.parameters.require("id"), input, by: auth.actor, context: context(request, auth)), status: .created)
        }
        routes.add(.post, "/api/cases/:id/persons/:personId/citizen-id/reveal", .permission(.caseManage)) { (request: Request, auth: Authenticated) in
            let value = try await cases.revealCitizenID(
                try request.parameters.require("id"), personID: try request.parameters.require("personId"), by: auth.actor,
                context: context(request, auth))
            return try JSONResponse.make(CitizenIDView(citizenId: value))
        }
        routes.add(.post, "/api/cases/:id/persons/:personId/measures", .permission(.caseManage), bodyLimit: 16 * 1024) {
            (request: Request, auth: Authenticated) in
            let input = try request.decode(NewMeasure.self)
            return try JSONResponse.make(
                await afterChange(
                    try await cases.addMeasure(
                        try request.parameters.require("id"), personID: try request.parameters.require("personId"), input, by: auth.actor,
                        context: context(request, auth))), status: .created)
        }
        routes.add(.patch, "/api/cases/:id/measures/:measureId", .permission(.caseManage), bodyLimit: 16 * 1024) { (request: Request, auth: Authenticated) in
            let input = try request.decode(EndMeasure.self)
            return try JSONResponse.make(
                await afterChange(
                    try await cases.endMeasure(
                        try request.parameters.require("id"), measureID: try request.parameters.require("measureId"), on: input.endsOn, by: auth.actor,
                        context: context(request, auth))))
        }
        routes.add(.get, "/api/cases/:id/candidates", .permission(.caseManage)) { (request: Request, auth: Authenticated) in
            try JSONResponse.make(try await cases.candidates(try request.parameters.require("id"), by: auth.actor))
        }
        routes.add(.post, "/api/cases/:id/team", .permission(.caseManage), bodyLimit: 16 * 1024) { (request: Request, auth: Authenticated) in
            let input = try request.decode(TeamMemberInput.self)
            return try JSONResponse.make(
                try await cases.setTeamMember(try request.parameters.require("id"), input, by: auth.actor, context: context(request, auth)))
        }
        routes.add(.post, "/api/cases/:id/lawyers", .permission(.caseManage), bodyLimit: 16 * 1024) { (request: Request, auth: Authenticated) in
            let input = try request.decode(LawyerInput.self)
            return try JSONResponse.make(
                try await cases.bindLawyer(try request.parameters.require("id"), lawyerID: input.lawyerId, by: auth.actor, context: context(request, auth)))
        }
        routes.add(.delete, "/api/cases/:id/lawyers/:lawyerId", .permission(.caseManage)) { (request: Request, auth: Authenticated) in
            try JSONResponse.make(
                try await cases.unbindLawyer(
                    try request.parameters.require("id"), lawyerID: try request.parameters.require("lawyerId"), by: auth.actor,
                    context: context(request, auth)))
        }
    }

    func registerDossier(on routes: SecuredRoutes) {
        routes.add(.get, "/api/cases/:id/files", .permission(.caseRead)) { (request: Request, auth: Authenticated) in
            try JSONResponse.make(Items(items: try await cases.files(try request.parameters.require("id"), by: auth.actor)))
        }
        routes.add(.post, "/api/cases/:id/files", .permission(.caseManage), bodyLimit: CaseService.maximumUploadBytes) {
            (request: Request, auth: Authenticated) in
            let query = request.queryItems
            let volume = try Self.positive(query["volume"], name: "volume") ?? 1
            let view = try await cases.upload(
                try request.parameters.require("id"), bytes: request.body, declaredType: request.headers["Content-Type"],
                title: query["title"] ?? "", volume: volume, by: auth.actor, context: context(request, auth))
            return try JSONResponse.make(view, status: .created)
        }
        routes.add(.get, "/api/cases/:id/files/:fileId", .permission(.caseRead)) { (request: Request, auth: Authenticated) in
            let (view, bytes) = try await cases.download(
                try request.parameters.require("id"), fileID: try request.parameters.require("fileId"), by: auth.actor, context: context(request, auth))
            let suffix = view.contentType == "application/pdf" ? "pdf" : view.contentType == "image/png" ? "png" : "jpg"
            let name = (view.title + "." + suffix).addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "file.\(suffix)"
            let disposition = request.queryItems["download"] == "1" ? "attachment" : "inline"
            var headers = SecurityHeadersMiddleware.embeddableHeaders
            headers.set(name: "Content-Type", value: view.contentType)
            headers.set(name: "Content-Disposition", value: "\(disposition); filename*=UTF-8''\(name)")
            headers.set(name: "Cache-Control", value: "no-store")
            headers.set(name: "X-Content-SM3", value: view.sm3)
            return HTTPResponse(status: .ok, headers: headers, body: .bytes(bytes))
        }
        routes.add(.patch, "/api/cases/:id/files/:fileId", .permission(.caseManage), bodyLimit: 4 * 1024) { (request: Request, auth: Authenticated) in
            let move = try request.decode(MoveFile.self)
            return try JSONResponse.make(
                Items(
                    items: try await cases.moveFile(
                        try request.parameters.require("id"), fileID: try request.parameters.require("fileId"), volume: move.volume,
                        position: move.position, by: auth.actor, context: context(request, auth))))
        }
    }

    static func positive(_ text: String?, name: String) throws(HTTPError) -> Int? {
        guard let text, !text.isEmpty else { return nil }
        guard let value = Int(text), value >= 1 else { throw HTTPError.badRequest("参数 \(name) 须为正整数。", field: name) }
        return value
    }

    /// Reminds the team at once when a change brings a deadline near (the periodic run catches the rest). A failure to
    /// notify must not turn a committed change into an error.
    private func afterChange(_ detail: CaseDetail) async -> CaseDetail {
        _ = try? await reminders?.run(caseID: detail.summary.id)
        return detail
    }

    private func context(_ request: Request, _ auth: Authenticated) -> AuditContext {
        AuditContext(actorID: auth.actor.userID, sourceAddress: request.http.remoteAddress, clock: cases.clock)
    }

    static func filter(_ query: [String: String]) throws(HTTPError) -> CaseFilter {
        var filter = CaseFilter(text: query["q"], charge: query["charge"]?.nilIfEmpty, leadProsecutorID: query["prosecutorId"]?.nilIfEmpty)
        if let stage = query["stage"]?.nilIfEmpty {
            guard let parsed = CaseStage(rawValue: stage) else { throw HTTPError.badRequest("未知的案件阶段：\(stage)。", field: "stage") }
            filter.stage = parsed
        }
        if let custody = query["custody"]?.nilIfEmpty {
            guard custody == "true" || custody == "false" else { throw HTTPError.badRequest("custody 只能是 true 或 false。", field: "custody") }
            filter.inCustody = custody == "true"
        }
        if let deadline = query["deadline"]?.nilIfEmpty {
            guard let parsed = CaseFilter.DeadlineFilter(rawValue: deadline) else {
                throw HTTPError.badRequest("deadline 只能是 overdue 或 attention。", field: "deadline")
            }
            filter.deadline = parsed
        }
        for (name, keyPath) in [("page", \CaseFilter.page), ("pageSize", \CaseFilter.pageSize)] {
            guard let text = query[name]?.nilIfEmpty else { continue }
            guard let value = Int(text), value >= 1 else { throw HTTPError.badRequest("参数 \(name) 须为正整数。", field: name) }
            filter[keyPath: keyPath] = value
        }
        return filter
    }
}
