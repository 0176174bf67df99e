import HTTPRouter
import HTTPServer

/// The signed-in user's own account: password and authenticator.
struct AccountRoutes {
    let identity: IdentityService

    struct PasswordChange: Decodable {
        var currentPassword: String
        var newPassword: String
    }

    struct Code: Decodable { var code: String }

    struct Enrollment: Encodable {
        var secret: String
        var uri: String
    }

    func register(on routes: SecuredRoutes) {
        routes.add(.post, "/api/me/password", .signedIn, bodyLimit: 16 * 1024) { (request: Request, auth: Authenticated) in
            let change = try request.decode(PasswordChange.self)
            try await identity.changeOwnPassword(
                actor: auth.actor, current: change.currentPassword, new: change.newPassword, keepSessionID: auth.sessionID,
                context: identity.auditContext(actorID: auth.actor.userID, sourceAddress: request.http.remoteAddress))
            return JSONResponse.noContent()
        }
        routes.add(.post, "/api/me/totp/setup", .signedIn) { (request: Request, auth: Authenticated) in
            let enrolment = try await identity.beginOwnTOTPEnrollment(
                actor: auth.actor, context: identity.auditContext(actorID: auth.actor.userID, sourceAddress: request.http.remoteAddress))
            return try JSONResponse.make(Enrollment(secret: enrolment.secret, uri: enrolment.uri))
        }
        routes.add(.post, "/api/me/totp/confirm", .signedIn, bodyLimit: 4 * 1024) { (request: Request, auth: Authenticated) in
            let code = try request.decode(Code.self)
            try await identity.confirmOwnTOTPEnrollment(
                actor: auth.actor, code: code.code, context: identity.auditContext(actorID: auth.actor.userID, sourceAddress: request.http.remoteAddress))
            return JSONResponse.noContent()
        }
    }
}
