/// Shortcuts over ``SQLExecutor/query(_:)`` for the common shapes of a result.
extension SQLExecutor {
    /// The first row, or `nil` when there is none.
    public func queryFirst(_ query: SQLQuery) async throws -> Row? {
        try await self.query(query).first
    }

    /// The first row; throws ``StoreError/Reason/notFound`` when there is none.
    public func queryOne(_ query: SQLQuery) async throws -> Row {
        guard let row = try await self.query(query).first else {
            throw StoreError(.notFound, message: "the query returned no row", sql: query.description)
        }
        return row
    }

    /// Every row decoded as `T` (see ``Row/decode(_:)``).
    public func query<T: Decodable>(_ query: SQLQuery, as type: T.Type) async throws -> [T] {
        try await self.query(query).map { try $0.decode(type) }
    }

    /// The first column of the first row as `T`; throws ``StoreError/Reason/notFound`` when there is no row.
    ///
    /// ```swift
    /// let count = try await store.queryValue("SELECT count(*) FROM cases", as: Int.self)
    /// ```
    public func queryValue<T: SQLValueConvertible>(_ query: SQLQuery, as type: T.Type = T.self) async throws -> T {
        try await queryOne(query).decode(at: 0, as: type)
    }
}
