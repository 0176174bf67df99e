extension TOTP {
    /// The `otpauth://totp/…` URI that authenticator apps scan from a QR code (Key Uri Format):
    /// `otpauth://totp/<issuer>:<account>?secret=<base32>&issuer=<issuer>&algorithm=SHA1&digits=6&period=30`.
    /// Issuer and account are percent-encoded as UTF-8, so Chinese names such as 检务云 survive.
    public func provisioningURI(issuer: String, account: String) -> String {
        let label = Self.percentEncode(issuer) + ":" + Self.percentEncode(account)
        return "otpauth://totp/\(label)?secret=\(Base32.encode(secret))&issuer=\(Self.percentEncode(issuer))"
            + "&algorithm=\(hash)&digits=\(digits)&period=\(period)"
    }

    /// Percent-encodes everything except RFC 3986 unreserved characters (ALPHA / DIGIT / "-" / "." / "_" / "~").
    static func percentEncode(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "%" + Hex.encode([byte]).uppercased()
            }
        }
        return out
    }
}
