import Foundation

/// Unpadded base64url (RFC 4648 §5), the form used in URLs and cookies.
public enum Base64URL {
    public static func encode(_ bytes: some Sequence<UInt8>) -> String {
        Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Decodes unpadded or padded base64url; throws ``SecurityError/invalidEncoding`` otherwise.
    public static func decode(_ text: String) throws -> [UInt8] {
        var standard = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while standard.utf8.count % 4 != 0 { standard.append("=") }
        guard let data = Data(base64Encoded: standard) else { throw SecurityError.invalidEncoding.with(detail: "not base64url") }
        return [UInt8](data)
    }
}
