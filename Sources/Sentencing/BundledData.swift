public import Foundation

/// Reads the tables and texts that ship inside the `Sentencing` resource bundle (copied from `Data/sentencing`
/// and `Data/labels` at build time), so the assistant needs no data directory at run time.
public enum BundledData {
    /// The bytes of a shipped file, e.g. `data(named: "guideline-2021", extension: "json")`.
    public static func data(named name: String, extension fileExtension: String) throws -> Data {
        guard let url = Bundle.module.url(forResource: name, withExtension: fileExtension) else {
            throw SentencingDataError.missingResource("\(name).\(fileExtension)")
        }
        return try Data(contentsOf: url)
    }

    /// Decodes a shipped JSON file.
    public static func decode<Value: Decodable>(_ type: Value.Type, named name: String) throws -> Value {
        try JSONDecoder().decode(type, from: data(named: name, extension: "json"))
    }
}

/// Raised when shipped data is missing or inconsistent.
public struct SentencingDataError: Error, CustomStringConvertible, Sendable {
    private enum Code: Sendable { case missingResource, invalidTable }
    private let code: Code
    /// What was wrong, for logs and tests.
    public let detail: String

    private init(_ code: Code, _ detail: String) {
        self.code = code
        self.detail = detail
    }

    public static func missingResource(_ name: String) -> Self { Self(.missingResource, name) }
    public static func invalidTable(_ reason: String) -> Self { Self(.invalidTable, reason) }

    public var isMissingResource: Bool { code == .missingResource }
    public var description: String { "sentencing data: \(detail)" }
}
