public import HTTPServer

/// Reading the `Cookie` request header and writing `Set-Cookie` (RFC 6265).
public enum Cookies {
    /// The value of the cookie `name` from the request's `Cookie` headers, or nil.
    public static func value(named name: String, in headers: HTTPHeaders) -> String? {
        for header in headers.values(for: "Cookie") {
            for pair in header.split(separator: ";") {
                let trimmed = pair.drop { $0 == " " }
                guard let equals = trimmed.firstIndex(of: "=") else { continue }
                if trimmed[..<equals] == name { return String(trimmed[trimmed.index(after: equals)...]) }
            }
        }
        return nil
    }

    public enum SameSite: String, Sendable { case strict = "Strict", lax = "Lax" }

    /// A `Set-Cookie` value; `maxAge` nil makes a session cookie, 0 deletes the cookie.
    public static func setCookie(
        name: String, value: String, path: String = "/", maxAge: Int?, httpOnly: Bool = true, secure: Bool, sameSite: SameSite
    ) -> String {
        var parts = ["\(name)=\(value)", "Path=\(path)"]
        if let maxAge { parts.append("Max-Age=\(maxAge)") }
        if httpOnly { parts.append("HttpOnly") }
        if secure { parts.append("Secure") }
        parts.append("SameSite=\(sameSite.rawValue)")
        return parts.joined(separator: "; ")
    }
}
