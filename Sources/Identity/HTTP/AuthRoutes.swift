import Foundation
import HTTPRouter
import HTTPServer
import Store

/// Sign-in (password, then TOTP when required), the current session, sign-out.
struct AuthRoutes {
    let identity: IdentityService

    struct Credentials: Decodable {
        var username: String
        var password: String
    }

    struct Code: Decodable { var code: String }

    func register(on routes: SecuredRoutes) {
        routes.add(.post, "/api/auth/sign-in", .public, bodyLimit: 16 * 1024) { request in
            let credentials = try request.decode(Credentials.self)
            let result = try await identity.signIn(
                username: credentials.username, password: credentials.password, sourceAddress: request.http.remoteAddress,
                previousToken: Cookies.value(named: AuthenticationMiddleware.cookieName, in: request.headers))
            return try await answer(result)
        }
        routes.add(.post, "/api/auth/totp", .pendingTOTP, bodyLimit: 4 * 1024) { request in
            guard let token = Cookies.value(named: AuthenticationMiddleware.cookieName, in: request.headers) else {
                throw IdentityService.notSignedIn
            }
            let code = try request.decode(Code.self)
            return try await answer(try await identity.completeTOTP(pendingToken: token, code: code.code, sourceAddress: request.http.remoteAddress))
        }
        routes.add(.get, "/api/auth/session", .signedIn) { (_: Request, auth: Authenticated) in
            try JSONResponse.make(try await sessionView(auth.actor, csrfToken: auth.csrfToken, expiresAt: auth.session.expiresAt))
        }
        routes.add(.post, "/api/auth/sign-out", .signedIn) { (request: Request, auth: Authenticated) in
            try await identity.signOut(sessionID: auth.sessionID, actorID: auth.actor.userID, sourceAddress: request.http.remoteAddress)
            return JSONResponse.noContent(headers: ["Set-Cookie": clearCookie])
        }
        routes.add(.post, "/api/auth/sign-out-everywhere", .signedIn) { (request: Request, auth: Authenticated) in
            try await identity.signOutEverywhere(actorID: auth.actor.userID, sourceAddress: request.http.remoteAddress)
            return JSONResponse.noContent(headers: ["Set-Cookie": clearCookie])
        }
    }

    private func answer(_ result: SignInResult) async throws -> HTTPResponse {
        switch result {
        case .signedIn(let token, let csrf, let actor):
            let expires = identity.clock.now().addingTimeInterval(identity.settings.sessionAbsoluteLifetime)
            let view = try await sessionView(actor, csrfToken: csrf, expiresAt: expires)
            return try JSONResponse.make(SignInAnswer(state: "signedIn", session: view), headers: ["Set-Cookie": cookie(token)])
        case .totpRequired(let token):
            return try JSONResponse.make(SignInAnswer(state: "totpRequired"), headers: ["Set-Cookie": cookie(token)])
        case .totpEnrollmentRequired(let token, let secret, let uri):
            return try JSONResponse.make(
                SignInAnswer(state: "totpEnrollmentRequired", secret: secret, uri: uri), headers: ["Set-Cookie": cookie(token)])
        }
    }

    private func sessionView(_ actor: Actor, csrfToken: String, expiresAt: Date) async throws -> SessionView {
        let enabled = try await identity.store.queryFirst("SELECT totp_secret FROM users WHERE id = \(actor.userID)")?
            .decode(column: "totp_secret", as: String?.self) != nil
        return SessionView(actor: actor, csrfToken: csrfToken, totpEnabled: enabled, expiresAt: expiresAt)
    }

    private func cookie(_ token: String) -> String {
        Cookies.setCookie(
            name: AuthenticationMiddleware.cookieName, value: token, maxAge: nil, secure: identity.settings.secureCookies, sameSite: .strict)
    }

    private var clearCookie: String {
        Cookies.setCookie(name: AuthenticationMiddleware.cookieName, value: "", maxAge: 0, secure: identity.settings.secureCookies, sameSite: .strict)
    }
}
