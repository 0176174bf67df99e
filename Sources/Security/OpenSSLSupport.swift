import CCrypto

/// Small helpers shared by the OpenSSL-backed types.
enum OpenSSLSupport {
    /// Drains OpenSSL's thread-local error queue into one line, so one failure's errors do not leak into the next call.
    static func drainErrors() -> String {
        var messages: [String] = []
        while true {
            let code = ERR_get_error()
            if code == 0 { break }
            var buffer = [CChar](repeating: 0, count: 256)
            ERR_error_string_n(code, &buffer, buffer.count)
            messages.append(String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        return messages.joined(separator: "; ")
    }

    /// A library failure carrying whatever OpenSSL said about it.
    static func failure(_ operation: String) -> SecurityError {
        let queued = drainErrors()
        return SecurityError.cryptoLibraryFailure.with(detail: queued.isEmpty ? operation : "\(operation): \(queued)")
    }

    /// Calls `body` with a pointer to `bytes` that is never nil, even for empty input (OpenSSL rejects some nil buffers).
    static func withNonNullBytes<R>(_ bytes: some Collection<UInt8>, _ body: (UnsafePointer<UInt8>, Int) throws -> R) rethrows -> R {
        let array = Array(bytes)
        if array.isEmpty {
            var placeholder: UInt8 = 0
            return try body(&placeholder, 0)
        }
        return try array.withUnsafeBufferPointer { try body($0.baseAddress!, $0.count) }
    }

    /// Copies the contents of a memory BIO into a byte array.
    static func contents(of bio: OpaquePointer) -> [UInt8] {
        var data: UnsafeMutablePointer<CChar>?
        let length = jianwu_bio_mem_data(bio, &data)
        guard length > 0, let data else { return [] }
        return data.withMemoryRebound(to: UInt8.self, capacity: length) { Array(UnsafeBufferPointer(start: $0, count: length)) }
    }
}
