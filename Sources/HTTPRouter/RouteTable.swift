public import HTTPServer

struct Route: Sendable {
    let method: HTTPMethod
    let pattern: String
    let segments: [Segment]
    let bodyLimit: Int
    /// What the application attached to the route (its access rule, for one), handed to middleware with each request.
    let metadata: (any Sendable)?
    private(set) var handler: RouteHandler

    enum Segment: Sendable, Equatable {
        case literal(String)
        case parameter(String)
        case wildcard
    }

    init(method: HTTPMethod, pattern: String, bodyLimit: Int, metadata: (any Sendable)? = nil, handler: @escaping RouteHandler) {
        self.method = method
        self.pattern = pattern
        self.bodyLimit = bodyLimit
        self.metadata = metadata
        self.handler = handler
        segments = pattern.split(separator: "/").map { part in
            if part == "*" { return .wildcard }
            if part.hasPrefix(":") { return .parameter(String(part.dropFirst())) }
            return .literal(String(part))
        }
    }

    func with(handler: @escaping RouteHandler) -> Route {
        var copy = self
        copy.handler = handler
        return copy
    }

    var isStatic: Bool { !segments.contains { if case .literal = $0 { false } else { true } } }
}

/// Static paths in a dictionary (one hash lookup on the hot path), parameterised ones in a list tried in order of registration.
struct RouteTable: Sendable {
    enum Match {
        case found(Route, Parameters)
        case methodNotAllowed(Set<HTTPMethod>)
        case notFound
    }

    private var staticRoutes: [String: [HTTPMethod: Route]] = [:]
    private var dynamicRoutes: [Route] = []
    private(set) var all: [Route] = []

    /// Wraps every route's handler once (the middleware chain), so no closure is built per request.
    mutating func compose(_ wrap: (@escaping RouteHandler) -> RouteHandler) {
        all = all.map { $0.with(handler: wrap($0.handler)) }
        staticRoutes = staticRoutes.mapValues { byMethod in byMethod.mapValues { $0.with(handler: wrap($0.handler)) } }
        dynamicRoutes = dynamicRoutes.map { $0.with(handler: wrap($0.handler)) }
    }

    mutating func insert(_ route: Route) {
        all.append(route)
        if route.isStatic {
            staticRoutes[Self.normalise(route.pattern), default: [:]][route.method] = route
        } else {
            dynamicRoutes.append(route)
        }
    }

    func match(method: HTTPMethod, path: String) -> Match {
        let lookupMethod = method == .head ? HTTPMethod.get : method
        var allowed = Set<HTTPMethod>()
        if let byMethod = staticRoutes[Self.normalise(path)] {
            if let route = byMethod[lookupMethod] { return .found(route, Parameters()) }
            allowed.formUnion(byMethod.keys)
        }
        if !dynamicRoutes.isEmpty {
            let parts = path.split(separator: "/")
            for route in dynamicRoutes {
                guard let params = Self.bind(route.segments, to: parts) else { continue }
                if route.method == lookupMethod { return .found(route, params) }
                allowed.insert(route.method)
            }
        }
        if !allowed.isEmpty {
            if allowed.contains(.get) { allowed.insert(.head) }
            return .methodNotAllowed(allowed)
        }
        return .notFound
    }

    static func normalise(_ path: String) -> String {
        path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
    }

    /// Binds path parts to segments; parameter values are percent-decoded (a value that does not decode does not match).
    static func bind(_ segments: [Route.Segment], to parts: [Substring]) -> Parameters? {
        var values: [(String, String)] = []
        for (i, segment) in segments.enumerated() {
            switch segment {
            case .wildcard:
                let rest = parts[i...].joined(separator: "/")
                values.append(("*", rest))
                return Parameters(values)
            case .literal(let text):
                guard i < parts.count, parts[i] == text else { return nil }
            case .parameter(let name):
                guard i < parts.count, let value = PercentDecoding.decode(parts[i], plusIsSpace: false), !value.isEmpty else { return nil }
                values.append((name, value))
            }
        }
        return segments.count == parts.count ? Parameters(values) : nil
    }
}
