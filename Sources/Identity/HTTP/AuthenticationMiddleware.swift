import Foundation
public import HTTPRouter
public import HTTPServer
import Observability
import Security

/// The single gate in front of every route: reads the route's ``AccessRule`` (registered with it by ``SecuredRoutes``),
/// resolves the session cookie, checks the CSRF token on state-changing requests and the rule's permission, then hands
/// the actor to the handler. A route registered without a rule is refused (deny by default).
public struct AuthenticationMiddleware: Middleware {
    public static let cookieName = "jianwu_session"
    public static let csrfHeader = "X-CSRF-Token"

    let identity: IdentityService

    public init(identity: IdentityService) {
        self.identity = identity
    }

    public func handle(_ request: Request, next: @Sendable (Request) async throws -> HTTPResponse) async throws -> HTTPResponse {
        // Unmatched paths fall through to the router's own 404/405.
        if request.route == "(unmatched)" { return try await next(request) }
        guard let rule = request.routeMetadata as? AccessRule else {
            request.logger.error("route has no access rule", ["route": request.route])
            throw AccessDenied.error
        }
        let unsafe = !(request.method == .get || request.method == .head || request.method == .options)
        if unsafe { try Self.checkOrigin(request) }
        if rule == .public { return try await next(request) }

        guard let token = Cookies.value(named: Self.cookieName, in: request.headers),
            let session = try await identity.session(forToken: token)
        else { throw IdentityService.notSignedIn }
        switch (rule, session.state) {
        case (.pendingTOTP, .totp): break
        case (.pendingTOTP, .active), (_, .totp): throw IdentityService.notSignedIn
        default: break
        }
        if unsafe && rule == .signedInSameOrigin && request.headers["Origin"] == nil {
            throw HTTPError(.forbidden, detail: "请求缺少来源信息，已拒绝。", code: "origin-missing")
        }
        if unsafe && rule != .pendingTOTP && rule != .signedInSameOrigin {
            guard let sent = request.headers[Self.csrfHeader] else {
                throw HTTPError(.forbidden, detail: "请求缺少安全令牌，请刷新页面后重试。", code: "csrf-token-missing")
            }
            guard ConstantTime.equals(sent, session.csrfToken) else {
                throw HTTPError(.forbidden, detail: "安全令牌无效，请刷新页面后重试。", code: "csrf-token-invalid")
            }
        }
        guard let actor = try await identity.loadActor(userID: session.userID) else { throw IdentityService.notSignedIn }
        if case .permission(let permission) = rule, !actor.permissions.contains(permission) { throw AccessDenied.error }
        var request = request
        request.storage[Authenticated.self] = Authenticated(actor: actor, session: session)
        return try await next(request)
    }

    /// A state-changing request that names another origin is refused: SameSite cookies stop most cross-site
    /// requests, this stops the rest (and login CSRF, which has no session to carry a token).
    static func checkOrigin(_ request: Request) throws(HTTPError) {
        guard let origin = request.headers["Origin"] else { return }
        let host = request.headers["Host"] ?? ""
        let originHost = origin.split(separator: "/", omittingEmptySubsequences: true).dropFirst().first.map(String.init) ?? ""
        guard origin != "null", originHost == host else {
            throw HTTPError(.forbidden, detail: "拒绝来自其他站点的请求。", code: "cross-origin-request")
        }
    }
}
