import Foundation
import HTTPServer

// The bare HTTP core answering "Hello, world!" (13 bytes) to every request: the peer of nginx's `return 200`.
let port = Int(CommandLine.arguments.dropFirst().first ?? "") ?? 8081
let body = Array("Hello, world!".utf8)
let responder = ClosureResponder { _ in HTTPResponse(status: .ok, headers: ["Content-Type": "text/plain"], body: .bytes(body)) }
let server = HTTPServer(configuration: HTTPServerConfiguration(port: port), responder: responder)
do {
    try server.start()
} catch {
    FileHandle.standardError.write(Data("bench server: \(error)\n".utf8))
    exit(1)
}
signal(SIGTERM, SIG_IGN)
let stop = DispatchSource.makeSignalSource(signal: SIGTERM, queue: .global())
stop.setEventHandler { server.shutdown(gracePeriod: .seconds(1)) }
stop.resume()
await server.waitUntilStopped()
