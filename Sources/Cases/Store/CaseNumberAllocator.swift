import Store

/// Issues case numbers (案号) per procuratorate, business code and year: 宁鼓检刑诉〔2026〕12号.
///
/// The counter row is incremented in the caller's transaction, so a number exists only if the case that takes it
/// commits: no gaps from failed creations, and no duplicates because concurrent transactions on the same counter
/// serialise (SQLite's single writer; PostgreSQL's serialisable retry).
enum CaseNumberAllocator {
    static func next(organisationID: String, abbreviation: String, businessCode: String, year: Int, in tx: any SQLExecutor) async throws -> String {
        try await tx.execute(
            """
            INSERT INTO case_number_counters (organisation_id, business_code, year, last_serial) VALUES (\(organisationID), \(businessCode), \(year), 0)
            ON CONFLICT (organisation_id, business_code, year) DO NOTHING
            """)
        try await tx.execute(
            """
            UPDATE case_number_counters SET last_serial = last_serial + 1
            WHERE organisation_id = \(organisationID) AND business_code = \(businessCode) AND year = \(year)
            """)
        let serial = try await tx.queryValue(
            """
            SELECT last_serial FROM case_number_counters
            WHERE organisation_id = \(organisationID) AND business_code = \(businessCode) AND year = \(year)
            """, as: Int.self)
        return format(abbreviation: abbreviation, businessCode: businessCode, year: year, serial: serial)
    }

    static func format(abbreviation: String, businessCode: String, year: Int, serial: Int) -> String {
        "\(abbreviation)检\(businessCode)〔\(year)〕\(serial)号"
    }
}
