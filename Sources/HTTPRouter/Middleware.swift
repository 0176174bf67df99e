public import HTTPServer

/// Code that runs around every route handler: it may change the request, answer itself, or change the response.
public protocol Middleware: Sendable {
    func handle(_ request: Request, next: @Sendable (Request) async throws -> HTTPResponse) async throws -> HTTPResponse
}

/// Runs the middleware list outermost-first, ending at the route's handler.
struct MiddlewareChain: Sendable {
    let middleware: [any Middleware]
    let endpoint: RouteHandler

    func run(_ request: Request) async throws -> HTTPResponse {
        try await run(request, from: 0)
    }

    private func run(_ request: Request, from index: Int) async throws -> HTTPResponse {
        if index == middleware.count { return try await endpoint(request) }
        return try await middleware[index].handle(request) { next in try await self.run(next, from: index + 1) }
    }
}
