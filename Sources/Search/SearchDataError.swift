/// A failure to read the data the search engine loads (law files, dictionaries, caches); the reason says which.
public struct SearchDataError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Why reading failed.
    public struct Reason: Hashable, Sendable, CustomStringConvertible {
        fileprivate let code: String
        /// The file or directory does not exist or cannot be read.
        public static let unreadable = Reason(code: "unreadable")
        /// The file is not UTF-8.
        public static let notUTF8 = Reason(code: "not-utf8")
        /// A binary cache is from another format version or is truncated.
        public static let invalidCache = Reason(code: "invalid-cache")
        public var description: String { code }
    }

    /// Why reading failed.
    public var reason: Reason
    /// The path concerned.
    public var path: String

    public var description: String { "\(reason): \(path)" }
}
