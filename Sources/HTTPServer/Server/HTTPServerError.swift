import Glibc

/// Errors of the server itself (binding, system calls) and of writing to a connection that has gone.
public struct HTTPServerError: Error, Sendable, CustomStringConvertible {
    enum Code: Sendable, Equatable {
        case system(String, Int32)
        case connectionClosed
        case declaredLengthExceeded
        case invalidAddress(String)
    }

    let code: Code

    static func system(_ call: String, _ errno: Int32) -> HTTPServerError { HTTPServerError(code: .system(call, errno)) }
    static func invalidAddress(_ host: String) -> HTTPServerError { HTTPServerError(code: .invalidAddress(host)) }

    /// The client went away or the server is shutting down; a streaming producer should stop.
    public static let connectionClosed = HTTPServerError(code: .connectionClosed)

    /// A streamed body tried to write past the Content-Length it declared; the surplus was not sent.
    public static let declaredLengthExceeded = HTTPServerError(code: .declaredLengthExceeded)

    public var isConnectionClosed: Bool { code == .connectionClosed }

    /// The errno of a failed system call, if that is what this is.
    public var systemErrno: Int32? {
        if case .system(_, let e) = code { return e }
        return nil
    }

    public var description: String {
        switch code {
        case .system(let call, let e): "\(call) failed: \(String(cString: strerror(e)))"
        case .connectionClosed: "connection closed"
        case .declaredLengthExceeded: "streamed body exceeds its declared Content-Length"
        case .invalidAddress(let host): "'\(host)' is not an IPv4 or IPv6 address"
        }
    }
}
