import Foundation

/// Per-test scratch files under the system temporary directory.
enum TemporaryFiles {
    static func directory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("jianwu-security-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func write(_ bytes: [UInt8], named name: String, in directory: String? = nil) throws -> String {
        let path = (try directory ?? Self.directory()) + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }
}
