import CLibPQ
import Store

/// Turns a libpq text-format result into rows, choosing the storage class from each column's type OID.
enum PostgresRowReader {
    static func rows(of result: OpaquePointer, columns: Row.Columns) -> [Row] {
        let rowCount = PQntuples(result)
        let columnCount = PQnfields(result)
        guard rowCount > 0 else { return [] }
        let types = (0..<columnCount).map { PQftype(result, $0) }
        var rows: [Row] = []
        rows.reserveCapacity(Int(rowCount))
        for rowIndex in 0..<rowCount {
            var values: [SQLValue] = []
            values.reserveCapacity(Int(columnCount))
            for column in 0..<columnCount {
                if PQgetisnull(result, rowIndex, column) == 1 {
                    values.append(.null)
                    continue
                }
                let length = Int(PQgetlength(result, rowIndex, column))
                let bytes = UnsafeRawPointer(PQgetvalue(result, rowIndex, column)!)
                let buffer = UnsafeRawBufferPointer(start: bytes, count: length)
                values.append(value(buffer, type: types[Int(column)]))
            }
            rows.append(Row(columns: columns, values: values))
        }
        return rows
    }

    private static func value(_ buffer: UnsafeRawBufferPointer, type: UInt32) -> SQLValue {
        let text = String(decoding: buffer, as: UTF8.self)
        switch type {
        case 16:  // boolean: 't' / 'f'
            return .integer(text == "t" ? 1 : 0)
        case 20, 21, 23, 26:  // int8, int2, int4, oid
            return Int64(text).map { .integer($0) } ?? .text(text)
        case 700, 701:  // float4, float8
            return Double(text).map { .real($0) } ?? .text(text)
        case 17:  // bytea, hex output: \x0a1b…
            return .blob(hexBytes(buffer))
        default:
            return .text(text)
        }
    }

    private static func hexBytes(_ buffer: UnsafeRawBufferPointer) -> [UInt8] {
        guard buffer.count >= 2 else { return [] }
        var bytes: [UInt8] = []
        bytes.reserveCapacity((buffer.count - 2) / 2)
        var index = 2
        while index + 1 < buffer.count {
            bytes.append(nibble(buffer[index]) << 4 | nibble(buffer[index + 1]))
            index += 2
        }
        return bytes
    }

    private static func nibble(_ ascii: UInt8) -> UInt8 {
        switch ascii {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): ascii - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): ascii - UInt8(ascii: "a") + 10
        default: ascii - UInt8(ascii: "A") + 10
        }
    }
}
