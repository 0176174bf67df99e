import Foundation

/// Reads a file in fixed-size chunks so large recordings are hashed and signed without loading them whole.
enum FileChunks {
    static let chunkSize = 1 << 20

    static func forEach(path: String, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw SecurityError.invalidParameter.with(detail: "cannot open file: \(path)")
        }
        defer { try? handle.close() }
        while true {
            let chunk: Data?
            do {
                chunk = try handle.read(upToCount: chunkSize)
            } catch {
                throw SecurityError.invalidParameter.with(detail: "cannot read file: \(path)")
            }
            guard let chunk, !chunk.isEmpty else { return }
            try chunk.withUnsafeBytes { try body($0) }
        }
    }
}
