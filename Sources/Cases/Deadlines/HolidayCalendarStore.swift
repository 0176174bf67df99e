import Deadlines
import Foundation
import Store

/// The holiday calendar in the store: one row per year holding that year's State Council arrangement as JSON.
/// With no row at all, the shipped 2026 arrangement applies (and is written on first start).
enum HolidayCalendarStore {
    static func load(in executor: any SQLExecutor) async throws -> HolidayCalendar {
        let rows = try await executor.query("SELECT arrangement FROM holiday_arrangements ORDER BY year")
        guard !rows.isEmpty else { return .china2026 }
        let decoder = JSONDecoder()
        var calendar = HolidayCalendar.weekendsOnly
        for row in rows {
            let text: String = try row.decode(column: "arrangement")
            calendar.set(try decoder.decode(HolidayCalendar.YearArrangement.self, from: Data(text.utf8)))
        }
        return calendar
    }

    static func save(_ arrangement: HolidayCalendar.YearArrangement, by actorID: String, at now: Date, in tx: any SQLExecutor) async throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let text = String(decoding: try encoder.encode(arrangement), as: UTF8.self)
        try await tx.execute("DELETE FROM holiday_arrangements WHERE year = \(arrangement.year)")
        try await tx.execute(
            "INSERT INTO holiday_arrangements (year, arrangement, updated_by, updated_at) VALUES (\(arrangement.year), \(text), \(actorID), \(now))")
    }
}
