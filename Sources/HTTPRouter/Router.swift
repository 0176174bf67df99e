public import HTTPServer
public import Observability
import Synchronization

/// A route handler. Throw ``HTTPError`` for client-facing failures; anything else becomes a 500 with no detail.
public typealias RouteHandler = @Sendable (Request) async throws -> HTTPResponse

/// One entry of the route table, as documentation and the authorisation matrix see it.
public struct RouteDescription: Sendable, Hashable {
    public let method: HTTPMethod
    public let pattern: String
    public let bodyLimit: Int
}

/// Method + path routing with `:name` parameters and a trailing `*` wildcard, a middleware chain, and problem+json errors.
///
/// Routes are registered while wiring and frozen by ``freeze()`` before the server starts; lookups then take no lock.
public final class Router: HTTPResponder, @unchecked Sendable {
    // `@unchecked Sendable`: `table` and `middleware` are mutated only before `freeze()`, which is checked at run time;
    // after that they are read-only and shared freely.
    private var table = RouteTable()
    private var middleware: [any Middleware] = []
    private let frozen = Atomic<Bool>(false)
    public let logger: Logger
    public let defaultBodyLimit: Int

    public init(logger: Logger, defaultBodyLimit: Int = 1 << 20) {
        self.logger = logger
        self.defaultBodyLimit = defaultBodyLimit
    }

    /// - Parameter metadata: anything middleware should know about the route (see ``Request/routeMetadata``).
    public func add(
        _ method: HTTPMethod, _ pattern: String, bodyLimit: Int? = nil, metadata: (any Sendable)? = nil, _ handler: @escaping RouteHandler
    ) {
        precondition(!frozen.load(ordering: .relaxed), "routes are added before the server starts")
        table.insert(Route(method: method, pattern: pattern, bodyLimit: bodyLimit ?? defaultBodyLimit, metadata: metadata, handler: handler))
    }

    public func get(_ pattern: String, _ handler: @escaping RouteHandler) { add(.get, pattern, handler) }
    public func post(_ pattern: String, bodyLimit: Int? = nil, _ handler: @escaping RouteHandler) { add(.post, pattern, bodyLimit: bodyLimit, handler) }
    public func put(_ pattern: String, bodyLimit: Int? = nil, _ handler: @escaping RouteHandler) { add(.put, pattern, bodyLimit: bodyLimit, handler) }
    public func patch(_ pattern: String, bodyLimit: Int? = nil, _ handler: @escaping RouteHandler) { add(.patch, pattern, bodyLimit: bodyLimit, handler) }
    public func delete(_ pattern: String, _ handler: @escaping RouteHandler) { add(.delete, pattern, handler) }

    /// Adds middleware; the first added is the outermost.
    public func use(_ m: any Middleware) {
        precondition(!frozen.load(ordering: .relaxed), "middleware is added before the server starts")
        middleware.append(m)
    }

    /// Ends registration: composes each route's middleware chain once, then allows no more changes.
    public func freeze() {
        guard !frozen.load(ordering: .relaxed) else { return }
        let middleware = self.middleware
        table.compose { MiddlewareChain.compose(middleware, around: $0) }
        frozen.store(true, ordering: .relaxed)
    }

    public var routes: [RouteDescription] {
        table.all.map { RouteDescription(method: $0.method, pattern: $0.pattern, bodyLimit: $0.bodyLimit) }
    }

    // MARK: HTTPResponder

    public func bodyLimit(for head: HTTPRequestHead) -> Int {
        switch table.match(method: head.method, path: head.path) {
        case .found(let route, _): route.bodyLimit
        // No route: the 404/405 answer needs no body, so accept none beyond a small allowance.
        default: 64 * 1024
        }
    }

    public func respond(to http: HTTPRequest) async -> HTTPResponse {
        precondition(frozen.load(ordering: .relaxed), "call freeze() before serving: it builds the middleware chains")
        let id = RequestID.next()
        let match = table.match(method: http.method, path: http.path)
        let routePattern: String
        let parameters: Parameters
        let handler: RouteHandler
        var metadata: (any Sendable)?
        switch match {
        case .found(let route, let params):
            routePattern = route.pattern
            parameters = params
            metadata = route.metadata
            handler = route.handler  // already wrapped in the middleware chain by freeze()
        case .methodNotAllowed(let allowed):
            routePattern = "(unmatched)"
            parameters = Parameters()
            let allow = allowed.map(\.rawValue).sorted().joined(separator: ", ")
            handler = MiddlewareChain.compose(middleware) { _ in
                throw HTTPError(.methodNotAllowed, detail: "此地址不支持该请求方法。", headers: ["Allow": allow])
            }
        case .notFound:
            routePattern = "(unmatched)"
            parameters = Parameters()
            handler = MiddlewareChain.compose(middleware) { _ in throw HTTPError.notFound }
        }
        var request = Request(http: http, route: routePattern, parameters: parameters, id: id, logger: logger)
        request.routeMetadata = metadata
        do {
            return try await handler(request)
        } catch {
            return Router.errorResponse(error, request: request)
        }
    }

    /// Maps an error escaping the whole chain. Middleware normally does this earlier (``ErrorMiddleware``).
    static func errorResponse(_ error: any Error, request: Request) -> HTTPResponse {
        if let error = error as? HTTPError { return error.response(instance: request.id) }
        request.logger.error("unhandled error", ["error.type": String(reflecting: type(of: error)), "route": request.route])
        return HTTPError(.internalServerError, detail: "服务器内部错误，请稍后重试。如问题持续，请联系管理员并提供请求编号。")
            .response(instance: request.id)
    }
}
