public import Foundation
import HTTPRouter
import HTTPServer

/// Calendar days as the statute counts them: `YYYY-MM-DD` in Asia/Shanghai, validated.
public enum DayText {
    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Shanghai")!
        return calendar
    }()

    /// Today in Asia/Shanghai.
    public static func today(_ now: Date) -> String { format(now) }

    public static func format(_ date: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }

    /// The text itself when it is a real calendar day (no 2026-02-30), else a 400 naming `field`.
    static func validate(_ text: String, field: String) throws(HTTPError) -> String {
        let parts = text.split(separator: "-").map { Int($0) }
        guard text.count == 10, parts.count == 3, let year = parts[0], let month = parts[1], let day = parts[2], (1900...2200).contains(year),
            let date = calendar.date(from: DateComponents(year: year, month: month, day: day)), format(date) == text
        else {
            throw HTTPError(.badRequest, detail: "日期无效，请按 2026-12-03 的格式填写真实存在的日期。", code: "invalid-field", field: field)
        }
        return text
    }
}
