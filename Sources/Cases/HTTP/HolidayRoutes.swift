import Deadlines
import Foundation
import HTTPRouter
import HTTPServer
import Identity

/// `/api/holidays`: the calendar statutory deadlines count with (weekends built in, holidays and 调休 per year).
struct HolidayRoutes {
    let cases: CaseService

    struct HolidayInput: Codable {
        var name: String
        var first: String
        var last: String
    }

    struct ArrangementInput: Codable {
        var holidays: [HolidayInput]
        var workingDays: [String]
        var source: String
    }

    struct ArrangementView: Encodable {
        var year: Int
        var holidays: [HolidayInput]
        var workingDays: [String]
        var source: String
    }

    struct Items: Encodable { var items: [ArrangementView] }

    func register(on routes: SecuredRoutes) {
        routes.add(.get, "/api/holidays", .signedIn) { (_: Request, _: Authenticated) in
            let items = try await cases.holidayArrangements().map { arrangement in
                ArrangementView(
                    year: arrangement.year,
                    holidays: arrangement.holidays.map { HolidayInput(name: $0.name, first: $0.first.description, last: $0.last.description) },
                    workingDays: arrangement.workingDays.sorted().map(\.description), source: arrangement.source)
            }
            return try JSONResponse.make(Items(items: items))
        }
        routes.add(.put, "/api/holidays/:year", .permission(.calendarManage), bodyLimit: 64 * 1024) { (request: Request, auth: Authenticated) in
            let year = try request.parameters.require("year", as: Int.self)
            guard (2000...2100).contains(year) else { throw HTTPError.badRequest("年份须在 2000–2100 之间。", field: "year") }
            let input = try request.decode(ArrangementInput.self)
            let arrangement: HolidayCalendar.YearArrangement
            do {
                let holidays = try input.holidays.map {
                    try HolidayCalendar.Holiday(name: $0.name.trimmingCharacters(in: .whitespaces), first: CalendarDate($0.first), last: CalendarDate($0.last))
                }
                arrangement = try HolidayCalendar.YearArrangement(
                    year: year, holidays: holidays, workingDays: Set(try input.workingDays.map { try CalendarDate($0) }),
                    source: input.source.trimmingCharacters(in: .whitespacesAndNewlines))
            } catch let error as DeadlineError {
                throw HTTPError.badRequest(error.message + "。", field: "holidays")
            }
            guard !arrangement.source.isEmpty else { throw HTTPError.badRequest("请填写依据（国务院办公厅通知的标题和日期）。", field: "source") }
            try await cases.saveHolidayArrangement(
                arrangement, by: auth.actor, context: AuditContext(actorID: auth.actor.userID, sourceAddress: request.http.remoteAddress, clock: cases.clock))
            return JSONResponse.noContent()
        }
    }
}
