extension MessageDigest {
    /// Digest of a file's contents, read in 1 MiB chunks so large recordings never sit in memory whole.
    /// - Throws: ``SecurityError/invalidParameter`` when the file cannot be opened or read.
    public static func hash(_ algorithm: Algorithm, fileAt path: String) throws -> [UInt8] {
        var digest = MessageDigest(algorithm)
        try FileChunks.forEach(path: path) { digest.update($0) }
        return digest.finalize()
    }
}

/// SM3 one-shot helpers (GB/T 32905-2016). For incremental use, `MessageDigest(.sm3)`.
public enum SM3 {
    public static let byteCount = 32
    public static func hash(_ bytes: some Collection<UInt8>) -> [UInt8] { MessageDigest.hash(.sm3, bytes) }
    public static func hexDigest(_ bytes: some Collection<UInt8>) -> String { Hex.encode(hash(bytes)) }
    public static func hash(fileAt path: String) throws -> [UInt8] { try MessageDigest.hash(.sm3, fileAt: path) }
}

/// SHA-256 one-shot helpers (FIPS 180-4). For incremental use, `MessageDigest(.sha256)`.
public enum SHA256 {
    public static let byteCount = 32
    public static func hash(_ bytes: some Collection<UInt8>) -> [UInt8] { MessageDigest.hash(.sha256, bytes) }
    public static func hexDigest(_ bytes: some Collection<UInt8>) -> String { Hex.encode(hash(bytes)) }
    public static func hash(fileAt path: String) throws -> [UInt8] { try MessageDigest.hash(.sha256, fileAt: path) }
}
