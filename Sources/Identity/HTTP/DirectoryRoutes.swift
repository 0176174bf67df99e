import Foundation
import HTTPRouter
import HTTPServer

/// Organisations, users and memberships: the administration pages' API.
struct DirectoryRoutes {
    let identity: IdentityService

    struct RoleView: Encodable {
        var role: Role
        var name: String
    }

    struct Items<T: Encodable>: Encodable { var items: [T] }

    struct OrganisationView: Encodable {
        var id: String
        var parentId: String?
        var kind: OrganisationKind
        var kindName: String
        var level: ProcuratorateLevel?
        var levelName: String?
        var name: String
        var abbreviation: String?
        var creditCode: String?
        var totpRoles: [Role]

        init(_ o: Organisation) {
            id = o.id
            parentId = o.parentID
            kind = o.kind
            kindName = o.kind.chineseName
            level = o.level
            levelName = o.level?.chineseName
            name = o.name
            abbreviation = o.abbreviation
            creditCode = o.creditCode
            totpRoles = o.totpRoles.map { $0 }.sorted { $0.rawValue < $1.rawValue }
        }
    }

    struct NewPassword: Decodable { var newPassword: String }
    struct CitizenIDView: Encodable { var citizenId: String? }

    func register(on routes: SecuredRoutes) {
        routes.add(.get, "/api/roles", .signedIn) { (_: Request, _: Authenticated) in
            try JSONResponse.make(Items(items: Role.allCases.map { RoleView(role: $0, name: $0.chineseName) }))
        }
        routes.add(.get, "/api/organisations", .permission(.organisationRead)) { (_: Request, _: Authenticated) in
            try JSONResponse.make(Items(items: try await identity.organisations().map(OrganisationView.init)))
        }
        routes.add(.post, "/api/organisations", .permission(.organisationManage), bodyLimit: 16 * 1024) { (request: Request, auth: Authenticated) in
            let input = try request.decode(NewOrganisation.self)
            let created = try await identity.createOrganisation(input, by: auth.actor, context: context(request, auth))
            return try JSONResponse.make(OrganisationView(created), status: .created)
        }
        routes.add(.patch, "/api/organisations/:id", .permission(.organisationManage), bodyLimit: 16 * 1024) { (request: Request, auth: Authenticated) in
            let changes = try request.decode(OrganisationChanges.self)
            let updated = try await identity.updateOrganisation(
                id: try request.parameters.require("id"), changes, by: auth.actor, context: context(request, auth))
            return try JSONResponse.make(OrganisationView(updated))
        }
        routes.add(.get, "/api/users", .permission(.userRead)) { (request: Request, auth: Authenticated) in
            let query = request.queryItems
            var filter = UserFilter(text: query["q"], organisationID: query["organisationId"]?.nilIfEmpty)
            if let role = query["role"]?.nilIfEmpty {
                guard let parsed = Role(rawValue: role) else { throw HTTPError.badRequest("未知角色：\(role)。", field: "role") }
                filter.role = parsed
            }
            if let status = query["status"]?.nilIfEmpty {
                guard let parsed = UserStatus(rawValue: status) else { throw HTTPError.badRequest("状态只能是 active 或 disabled。", field: "status") }
                filter.status = parsed
            }
            filter.page = try Self.integer(query["page"], name: "page", default: 1)
            filter.pageSize = try Self.integer(query["pageSize"], name: "pageSize", default: 20)
            return try JSONResponse.make(try await identity.users(matching: filter, by: auth.actor))
        }
        routes.add(.post, "/api/users", .permission(.userManage), bodyLimit: 16 * 1024) { (request: Request, auth: Authenticated) in
            let input = try request.decode(NewUser.self)
            return try JSONResponse.make(try await identity.createUser(input, by: auth.actor, context: context(request, auth)), status: .created)
        }
        routes.add(.get, "/api/users/:id", .permission(.userRead)) { (request: Request, auth: Authenticated) in
            try JSONResponse.make(try await identity.user(id: try request.parameters.require("id"), by: auth.actor, context: context(request, auth)))
        }
        routes.add(.patch, "/api/users/:id", .permission(.userManage), bodyLimit: 16 * 1024) { (request: Request, auth: Authenticated) in
            let changes = try request.decode(UserChanges.self)
            return try JSONResponse.make(
                try await identity.updateUser(id: try request.parameters.require("id"), changes, by: auth.actor, context: context(request, auth)))
        }
        routes.add(.post, "/api/users/:id/password", .permission(.userManage), bodyLimit: 16 * 1024) { (request: Request, auth: Authenticated) in
            let body = try request.decode(NewPassword.self)
            try await identity.resetPassword(
                userID: try request.parameters.require("id"), newPassword: body.newPassword, by: auth.actor, context: context(request, auth))
            return JSONResponse.noContent()
        }
        routes.add(.post, "/api/users/:id/memberships", .permission(.userManage), bodyLimit: 16 * 1024) { (request: Request, auth: Authenticated) in
            let input = try request.decode(MembershipInput.self)
            let created = try await identity.addMembership(
                userID: try request.parameters.require("id"), input, by: auth.actor, context: context(request, auth))
            return try JSONResponse.make(created, status: .created)
        }
        routes.add(.delete, "/api/users/:id/memberships/:membershipId", .permission(.userManage)) { (request: Request, auth: Authenticated) in
            try await identity.removeMembership(
                userID: try request.parameters.require("id"), membershipID: try request.parameters.require("membershipId"), by: auth.actor,
                context: context(request, auth))
            return JSONResponse.noContent()
        }
        routes.add(.post, "/api/users/:id/sessions/revoke", .permission(.userManage)) { (request: Request, auth: Authenticated) in
            try await identity.revokeSessions(userID: try request.parameters.require("id"), by: auth.actor, context: context(request, auth))
            return JSONResponse.noContent()
        }
        routes.add(.post, "/api/users/:id/citizen-id/reveal", .permission(.userRevealPersonalData)) { (request: Request, auth: Authenticated) in
            let value = try await identity.revealCitizenID(userID: try request.parameters.require("id"), by: auth.actor, context: context(request, auth))
            return try JSONResponse.make(CitizenIDView(citizenId: value))
        }
    }

    private func context(_ request: Request, _ auth: Authenticated) -> AuditContext {
        identity.auditContext(actorID: auth.actor.userID, sourceAddress: request.http.remoteAddress)
    }

    static func integer(_ text: String?, name: String, default value: Int) throws(HTTPError) -> Int {
        guard let text, !text.isEmpty else { return value }
        guard let number = Int(text), number >= 1 else { throw HTTPError.badRequest("参数 \(name) 须为正整数。", field: name) }
        return number
    }
}
