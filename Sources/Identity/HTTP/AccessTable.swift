public import HTTPRouter
public import HTTPServer
import Synchronization

/// Registers routes together with their ``AccessRule``, so no route can exist without one, and answers
/// "which rule guards this route?" for ``AuthenticationMiddleware`` and the route × role matrix test.
public final class SecuredRoutes: Sendable {
    public let router: Router
    private let rules = Mutex<[String: AccessRule]>([:])

    public init(router: Router) { self.router = router }

    public func add(_ method: HTTPMethod, _ pattern: String, _ rule: AccessRule, bodyLimit: Int? = nil, _ handler: @escaping RouteHandler) {
        rules.withLock { $0[Self.key(method, pattern)] = rule }
        // The rule travels with the route, so the gate reads it without a lookup per request.
        router.add(method, pattern, bodyLimit: bodyLimit, metadata: rule, handler)
    }

    /// A route whose handler needs the signed-in actor.
    public func add(
        _ method: HTTPMethod, _ pattern: String, _ rule: AccessRule, bodyLimit: Int? = nil,
        _ handler: @escaping @Sendable (Request, Authenticated) async throws -> HTTPResponse
    ) {
        add(method, pattern, rule, bodyLimit: bodyLimit) { request in
            guard let authenticated = request.storage[Authenticated.self] else { throw IdentityService.notSignedIn }
            return try await handler(request, authenticated)
        }
    }

    public func rule(_ method: HTTPMethod, _ pattern: String) -> AccessRule? {
        rules.withLock { $0[Self.key(method, pattern)] }
    }

    private static func key(_ method: HTTPMethod, _ pattern: String) -> String { method.rawValue + " " + pattern }
}

/// The signed-in user and their session, attached to the request by ``AuthenticationMiddleware``.
public struct Authenticated: Sendable, RequestStorageKey {
    public typealias Value = Authenticated
    public let actor: Actor
    let session: SessionRecord

    public var csrfToken: String { session.csrfToken }
    public var sessionID: String { session.id }
}
