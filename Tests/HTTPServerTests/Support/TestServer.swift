import HTTPServer

/// Starts a server on a free port for one test and shuts it down afterwards.
func withTestServer<T>(
    configuration: HTTPServerConfiguration = HTTPServerConfiguration(port: 0, eventLoops: 1),
    responder: any HTTPResponder = echoResponder,
    _ body: (HTTPServer) async throws -> T
) async throws -> T {
    var configuration = configuration
    configuration.port = 0
    let server = HTTPServer(configuration: configuration, responder: responder)
    try server.start()
    do {
        let result = try await body(server)
        server.shutdown(gracePeriod: .seconds(2))
        await server.waitUntilStopped()
        return result
    } catch {
        server.shutdown(gracePeriod: .seconds(1))
        await server.waitUntilStopped()
        throw error
    }
}

/// Answers with the method, path and body it received, so tests can see what the server parsed.
let echoResponder = ClosureResponder(bodyLimit: 1024) { request in
    HTTPResponse(text: "\(request.method) \(request.path) \(String(decoding: request.body, as: UTF8.self))")
}
