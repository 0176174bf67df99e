import CLibPQ
import Foundation
import Store

/// Bound values in libpq's form: text for numbers and strings (type left to the server, so `'1'` fits an
/// `integer`, a `boolean` or a `text` column alike), binary `bytea` for blobs, NULL pointers for NULL.
struct PostgresParameters {
    /// Parameter type OIDs: 0 lets the server infer, 17 is `bytea`.
    let types: [UInt32]
    private let payloads: [[UInt8]?]

    private static let byteaOID: UInt32 = 17

    init(_ bindings: [SQLValue]) {
        var types: [UInt32] = []
        var payloads: [[UInt8]?] = []
        types.reserveCapacity(bindings.count)
        payloads.reserveCapacity(bindings.count)
        for value in bindings {
            switch value {
            case .null:
                types.append(0)
                payloads.append(nil)
            case .integer(let integer):
                types.append(0)
                payloads.append(Array(String(integer).utf8) + [0])
            case .real(let real):
                types.append(0)
                payloads.append(Array("\(real)".utf8) + [0])
            case .text(let text):
                types.append(0)
                payloads.append(Array(text.utf8) + [0])
            case .blob(let bytes):
                types.append(Self.byteaOID)
                payloads.append(bytes)
            }
        }
        self.types = types
        self.payloads = payloads
    }

    /// Calls `body` with the value, length and format arrays `PQexecPrepared` wants, valid during the call.
    func withArrays<T>(
        _ body: (UnsafePointer<UnsafePointer<CChar>?>?, UnsafePointer<Int32>?, UnsafePointer<Int32>?) -> T
    ) -> T {
        var buffers: [UnsafeMutableRawPointer?] = []
        buffers.reserveCapacity(payloads.count)
        defer { buffers.forEach { $0?.deallocate() } }
        var lengths: [Int32] = []
        var formats: [Int32] = []
        for (index, payload) in payloads.enumerated() {
            guard let payload else {
                buffers.append(nil)
                lengths.append(0)
                formats.append(0)
                continue
            }
            let buffer = UnsafeMutableRawPointer.allocate(byteCount: max(payload.count, 1), alignment: 1)
            payload.withUnsafeBytes { buffer.copyMemory(from: $0.baseAddress ?? UnsafeRawPointer(buffer), byteCount: $0.count) }
            buffers.append(buffer)
            let isBinary = types[index] == Self.byteaOID
            lengths.append(Int32(payload.count))
            formats.append(isBinary ? 1 : 0)
        }
        let values: [UnsafePointer<CChar>?] = buffers.map { $0.map { UnsafePointer($0.assumingMemoryBound(to: CChar.self)) } }
        return values.withUnsafeBufferPointer { valuePointers in
            lengths.withUnsafeBufferPointer { lengthPointers in
                formats.withUnsafeBufferPointer { formatPointers in
                    body(valuePointers.baseAddress, lengthPointers.baseAddress, formatPointers.baseAddress)
                }
            }
        }
    }
}
