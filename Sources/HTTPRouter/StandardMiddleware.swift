public import HTTPServer
public import Observability
import Synchronization

/// Turns thrown errors into problem+json responses inside the chain, so logging and metrics see the real status.
public struct ErrorMiddleware: Middleware {
    public init() {}
    public func handle(_ request: Request, next: @Sendable (Request) async throws -> HTTPResponse) async throws -> HTTPResponse {
        do {
            return try await next(request)
        } catch {
            return Router.errorResponse(error, request: request)
        }
    }
}

/// Echoes the request id as `X-Request-Id` so a user can quote it and an operator can find the log lines.
public struct RequestIDMiddleware: Middleware {
    public init() {}
    public func handle(_ request: Request, next: @Sendable (Request) async throws -> HTTPResponse) async throws -> HTTPResponse {
        var response = try await next(request)
        response.headers.set(name: "X-Request-Id", value: request.id)
        return response
    }
}

/// Records each request in the metrics and writes an access-log line (method, route pattern, status, duration, id).
/// Query strings, bodies and headers are never logged: they can hold personal data.
public struct AccessLogMiddleware: Middleware {
    let metrics: Metrics

    public init(metrics: Metrics) { self.metrics = metrics }

    public func handle(_ request: Request, next: @Sendable (Request) async throws -> HTTPResponse) async throws -> HTTPResponse {
        let start = ContinuousClock.now
        let response: HTTPResponse
        do {
            response = try await next(request)
        } catch {
            response = Router.errorResponse(error, request: request)
        }
        let elapsed = start.duration(to: .now)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        metrics.record(method: request.method.rawValue, route: request.route, status: response.status.code, seconds: seconds)
        if request.logs(at: .info) {
            request.logger.info("request", [
                "http.method": request.method.rawValue, "http.route": request.route, "http.status": String(response.status.code),
                "http.duration_ms": String(Int(seconds * 1000)),
            ])
        }
        return response
    }
}

/// Security headers for every response (OWASP secure headers). The CSP allows only same-origin resources:
/// the product serves its own scripts, styles and fonts and must work without internet.
public struct SecurityHeadersMiddleware: Middleware {
    let fields: [HTTPHeaders.Field]

    public init(behindTLS tls: Bool = false) {
        var fields: [HTTPHeaders.Field] = [
            ("X-Content-Type-Options", "nosniff"),
            ("X-Frame-Options", "DENY"),
            ("Referrer-Policy", "same-origin"),
            ("Permissions-Policy", "geolocation=(), camera=(self), microphone=(self), display-capture=(self)"),
            ("Cross-Origin-Opener-Policy", "same-origin"),
        ]
        if tls { fields.append(("Strict-Transport-Security", "max-age=31536000")) }
        self.fields = fields
    }

    /// For documents shown inside the product's own pages (a PDF or recording in an `<iframe>`): framing by this
    /// origin only.
    public static let embeddableHeaders: HTTPHeaders = ["X-Frame-Options": "SAMEORIGIN", "Content-Security-Policy": "frame-ancestors 'self'"]

    static let contentSecurityPolicy = "default-src 'self'; img-src 'self' data: blob:; media-src 'self' blob:; "
        + "connect-src 'self'; style-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'"

    public func handle(_ request: Request, next: @Sendable (Request) async throws -> HTTPResponse) async throws -> HTTPResponse {
        var response = try await next(request)
        if !response.headers.contains("Content-Security-Policy") {
            response.headers.add(name: "Content-Security-Policy", value: Self.contentSecurityPolicy)
        }
        // A handler may set its own (a PDF shown in a same-origin frame sends X-Frame-Options: SAMEORIGIN).
        for field in fields where !response.headers.contains(field.name) { response.headers.add(name: field.name, value: field.value) }
        return response
    }
}
