import Foundation

/// The fields of an argon2id PHC string `$argon2id$v=19$m=…,t=…,p=…$<salt b64>$<hash b64>`
/// (PHC string format; base64 without padding as libargon2 writes it).
struct PHCString: Sendable {
    let parameters: PasswordHasher.Parameters
    let saltByteCount: Int
    let hashByteCount: Int

    init(parsing text: String) throws {
        let fields = text.split(separator: "$", omittingEmptySubsequences: false)
        // "", "argon2id", "v=19", "m=…,t=…,p=…", salt, hash
        guard fields.count == 6, fields[0].isEmpty else { throw Self.malformed("expected 5 '$'-separated fields") }
        guard fields[1] == "argon2id" else { throw Self.malformed("algorithm is not argon2id") }
        guard fields[2] == "v=19" else { throw Self.malformed("argon2 version is not 19") }
        var costs: [Substring: UInt32] = [:]
        for pair in fields[3].split(separator: ",") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, let value = UInt32(parts[1]), value > 0 else { throw Self.malformed("bad cost \(pair)") }
            costs[parts[0]] = value
        }
        guard costs.count == 3, let m = costs["m"], let t = costs["t"], let p = costs["p"] else {
            throw Self.malformed("costs must be m, t and p")
        }
        guard let salt = Self.decodeUnpaddedBase64(fields[4]), salt >= 8,
            let hash = Self.decodeUnpaddedBase64(fields[5]), hash >= 4
        else { throw Self.malformed("salt or hash is not base64 of a valid length") }
        parameters = PasswordHasher.Parameters(memoryKiB: m, iterations: t, parallelism: p)
        saltByteCount = salt
        hashByteCount = hash
    }

    /// Decoded length of unpadded standard base64, or nil when it is not valid base64.
    private static func decodeUnpaddedBase64(_ field: Substring) -> Int? {
        var padded = String(field)
        while padded.utf8.count % 4 != 0 { padded.append("=") }
        return Data(base64Encoded: padded)?.count
    }

    private static func malformed(_ why: String) -> SecurityError { SecurityError.malformedPasswordHash.with(detail: why) }
}
