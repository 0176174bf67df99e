public import Deadlines
import Foundation
import HTTPRouter
import HTTPServer
public import Identity
import Store

extension CaseService {
    /// Recomputes a case's nearest deadline and stores it, so lists can filter and sort by it in SQL.
    func refreshDeadline(_ caseID: String, in tx: any SQLExecutor) async throws {
        guard let row = try await tx.queryFirst("\(unsafeRaw: CaseRow.select) WHERE c.id = \(caseID)") else { return }
        let record = try CaseRow(row: row)
        let holidays = try await HolidayCalendarStore.load(in: tx)
        let next = CaseDeadlines.next(CaseDeadlines.compute(record, persons: try await persons(caseID, today: today, in: tx), holidays: holidays, today: today))
        try await tx.execute("UPDATE cases SET next_deadline_on = \(next?.dueOn), next_deadline_kind = \(next?.kind) WHERE id = \(caseID)")
    }

    /// Recomputes every open case (after the holiday calendar changes, and once a day as measures run out).
    public func refreshAllDeadlines() async throws {
        let ids = try await store.query("SELECT id FROM cases WHERE stage NOT IN ('indictment', 'nonProsecution', 'conditionalNonProsecution')")
            .map { try $0.decode(column: "id", as: String.self) }
        for id in ids {
            try await store.withTransaction { tx in try await self.refreshDeadline(id, in: tx) }
        }
    }

    /// The holiday calendar: the years entered, each with its holidays and 调休 working days.
    public func holidayArrangements() async throws -> [HolidayCalendar.YearArrangement] {
        try await HolidayCalendarStore.load(in: store).arrangements.values.sorted { $0.year < $1.year }
    }

    /// Enters or replaces one year's arrangement (checked by the engine), then recomputes open cases' deadlines.
    public func saveHolidayArrangement(_ arrangement: HolidayCalendar.YearArrangement, by actor: Actor, context: AuditContext) async throws {
        try await store.withTransaction { tx in
            if try await tx.queryValue("SELECT count(*) FROM holiday_arrangements", as: Int.self) == 0 {
                // The shipped default lives only in code until the first edit; keep its years when another is added.
                for year in HolidayCalendar.china2026.arrangements.values where year.year != arrangement.year {
                    try await HolidayCalendarStore.save(year, by: "system", at: self.clock.now(), in: tx)
                }
            }
            try await HolidayCalendarStore.save(arrangement, by: actor.userID, at: self.clock.now(), in: tx)
            try await AuditLog.append(context.event("calendar.save", "holidayArrangement", String(arrangement.year)), in: tx)
        }
        try await refreshAllDeadlines()
    }
}
