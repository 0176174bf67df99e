/// Appends fixed-width values, strings and raw arrays to a byte buffer (little-endian, as the machine stores them).
struct BinaryWriter {
    private(set) var bytes: [UInt8] = []

    mutating func write<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func write(_ value: Double) { write(value.bitPattern) }

    mutating func write(_ string: String) {
        write(UInt32(string.utf8.count))
        bytes.append(contentsOf: string.utf8)
    }

    mutating func write(_ string: String?) {
        write(UInt8(string == nil ? 0 : 1))
        if let string { write(string) }
    }

    /// A count, then the elements' raw bytes.
    mutating func write<T: FixedWidthInteger>(array: [T]) {
        write(UInt64(array.count))
        array.withUnsafeBytes { bytes.append(contentsOf: $0) }
    }
}

/// Reads what ``BinaryWriter`` wrote, checking every length against the buffer.
struct BinaryReader {
    private let bytes: UnsafeRawBufferPointer
    private var offset = 0
    private let failure: SearchDataError

    init(_ bytes: UnsafeRawBufferPointer, failure: SearchDataError) {
        self.bytes = bytes
        self.failure = failure
    }

    var isAtEnd: Bool { offset == bytes.count }

    mutating func read<T: FixedWidthInteger>(_: T.Type = T.self) throws -> T {
        guard offset + MemoryLayout<T>.size <= bytes.count else { throw failure }
        let value = bytes.loadUnaligned(fromByteOffset: offset, as: T.self)
        offset += MemoryLayout<T>.size
        return T(littleEndian: value)
    }

    mutating func readInt() throws -> Int {
        let value: Int64 = try read()
        guard value >= 0, value <= Int64(Int32.max) * 64 else { throw failure }
        return Int(value)
    }

    mutating func readString() throws -> String {
        let count = Int(try read(UInt32.self))
        guard offset + count <= bytes.count else { throw failure }
        defer { offset += count }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + count)]), as: UTF8.self)
    }

    mutating func readOptionalString() throws -> String? {
        try read(UInt8.self) == 0 ? nil : try readString()
    }

    mutating func readArray<T: FixedWidthInteger>(of _: T.Type) throws -> [T] {
        let count = Int(clamping: try read(UInt64.self))
        let size = count.multipliedReportingOverflow(by: MemoryLayout<T>.stride)
        guard !size.overflow, offset + size.partialValue <= bytes.count else { throw failure }
        let start = offset
        offset += size.partialValue
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[start..<(start + size.partialValue)]))
            initialized = count
        }
    }
}
