public import HTTPServer

/// Code that runs around every route handler: it may change the request, answer itself, or change the response.
public protocol Middleware: Sendable {
    func handle(_ request: Request, next: @Sendable (Request) async throws -> HTTPResponse) async throws -> HTTPResponse
}

/// Builds the middleware chain around an endpoint, outermost first. Done once per route when the router is frozen.
enum MiddlewareChain {
    static func compose(_ middleware: [any Middleware], around endpoint: @escaping RouteHandler) -> RouteHandler {
        middleware.reversed().reduce(endpoint) { next, m in
            { request in try await m.handle(request, next: next) }
        }
    }
}
