extension HolidayCalendar {
    /// One year's State Council holiday arrangement (国务院办公厅关于某年部分节假日安排的通知).
    public struct YearArrangement: Hashable, Sendable {
        public let year: Int
        /// The runs of days off (放假调休), e.g. 国庆节 10月1日至7日.
        public let holidays: [Holiday]
        /// Weekend days that are working days (调休上班), e.g. 2026年10月10日（周六）.
        public let workingDays: Set<CalendarDate>
        /// Where the dates come from, for the person who checks them: the notice's title and date.
        public let source: String

        /// - Throws: ``DeadlineError/invalidHolidayArrangement`` when a date lies outside `year`, a holiday ends before it
        ///   starts or has no name, or a working day is not a Saturday or Sunday or falls inside a holiday. Checking this
        ///   catches the usual typing mistakes when the procuratorate enters next year's notice.
        public init(year: Int, holidays: [Holiday], workingDays: Set<CalendarDate>, source: String) throws {
            for holiday in holidays {
                guard holiday.first.year == year, holiday.last.year == year else {
                    throw DeadlineError.invalidHolidayArrangement("\(holiday.name)的日期不在\(year)年内")
                }
            }
            for day in workingDays.sorted() {
                guard day.year == year else { throw DeadlineError.invalidHolidayArrangement("调休上班日\(day.chineseText)不在\(year)年内") }
                guard day.weekday.isWeekend else {
                    throw DeadlineError.invalidHolidayArrangement("调休上班日\(day.chineseText)是\(day.weekday.chineseName)，本来就是工作日")
                }
                if let holiday = holidays.first(where: { $0.contains(day) }) {
                    throw DeadlineError.invalidHolidayArrangement("调休上班日\(day.chineseText)落在\(holiday.name)假期内")
                }
            }
            self.year = year
            self.holidays = holidays
            self.workingDays = workingDays
            self.source = source
        }

        func holiday(on date: CalendarDate) -> Holiday? { holidays.first { $0.contains(date) } }
    }

    /// A run of consecutive days off for one festival.
    public struct Holiday: Hashable, Sendable, Codable {
        /// `元旦`, `春节`, `国庆节`…
        public let name: String
        public let first: CalendarDate
        public let last: CalendarDate

        /// - Throws: ``DeadlineError/invalidHolidayArrangement`` when the name is empty or `last` is before `first`.
        public init(name: String, first: CalendarDate, last: CalendarDate) throws {
            guard !name.isEmpty else { throw DeadlineError.invalidHolidayArrangement("假期名称为空") }
            guard first <= last else {
                throw DeadlineError.invalidHolidayArrangement("\(name)的结束日\(last.chineseText)早于开始日\(first.chineseText)")
            }
            self.name = name
            self.first = first
            self.last = last
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            try self.init(
                name: container.decode(String.self, forKey: .name), first: container.decode(CalendarDate.self, forKey: .first),
                last: container.decode(CalendarDate.self, forKey: .last))
        }

        public func contains(_ date: CalendarDate) -> Bool { first <= date && date <= last }
    }
}

extension HolidayCalendar.YearArrangement: Codable {
    private enum CodingKeys: String, CodingKey { case year, holidays, workingDays, source }

    /// Decoding runs the same checks as the initialiser, so stored data edited by hand cannot bypass them.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            year: container.decode(Int.self, forKey: .year), holidays: container.decode([HolidayCalendar.Holiday].self, forKey: .holidays),
            workingDays: Set(container.decode([CalendarDate].self, forKey: .workingDays)), source: container.decode(String.self, forKey: .source))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(year, forKey: .year)
        try container.encode(holidays, forKey: .holidays)
        try container.encode(workingDays.sorted(), forKey: .workingDays)
        try container.encode(source, forKey: .source)
    }
}
