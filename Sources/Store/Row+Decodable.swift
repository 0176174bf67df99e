/// Decoding whole rows into `Decodable` types: each stored property is read from the column of the same name.
extension Row {
    /// Decodes the row as `T`, reading each property from the column named like its coding key.
    ///
    /// ```swift
    /// struct CaseSummary: Decodable { var id: Int64; var title: String; var closedAt: Date? }
    /// let summaries = try await store.query("SELECT id, title, closed_at AS \"closedAt\" FROM cases", as: CaseSummary.self)
    /// ```
    /// Supported property types are those conforming to ``SQLValueConvertible`` (and their optionals).
    public func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try T(from: RowDecoder(row: self))
    }
}

/// A `Decoder` over one row: a keyed container whose keys are column names.
private struct RowDecoder: Decoder {
    let row: Row
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(RowContainer<Key>(row: row))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        throw StoreError(.typeMismatch, message: "a row decodes only into a keyed type")
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        throw StoreError(.typeMismatch, message: "a row decodes only into a keyed type")
    }
}

private struct RowContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let row: Row
    var codingPath: [any CodingKey] { [] }
    var allKeys: [Key] { row.columns.names.compactMap { Key(stringValue: $0) } }

    func contains(_ key: Key) -> Bool { row[key.stringValue] != nil }

    func decodeNil(forKey key: Key) throws -> Bool {
        row[key.stringValue] == nil || row[key.stringValue] == .null
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        guard let convertible = type as? any SQLValueConvertible.Type else {
            throw StoreError(.typeMismatch, message: "\(T.self) (property \"\(key.stringValue)\") is not a column type")
        }
        // Opens the existential so `decode(column:as:)` gets a concrete type.
        func read<C: SQLValueConvertible>(_ convertibleType: C.Type) throws -> T {
            // Force cast is safe: `C` is `T` itself, recovered from the existential above.
            try row.decode(column: key.stringValue, as: convertibleType) as! T
        }
        return try read(convertible)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        throw StoreError(.typeMismatch, message: "nested values are not columns (\"\(key.stringValue)\")")
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        throw StoreError(.typeMismatch, message: "nested values are not columns (\"\(key.stringValue)\")")
    }

    func superDecoder() throws -> any Decoder { RowDecoder(row: row) }
    func superDecoder(forKey key: Key) throws -> any Decoder { RowDecoder(row: row) }
}
