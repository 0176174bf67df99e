extension CalendarDate {
    /// Days since 1970-01-01 (negative before), by Howard Hinnant's `days_from_civil`; exact for every Gregorian date.
    var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The inverse of ``dayNumber`` (`civil_from_days`).
    init(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        self.init(uncheckedYear: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
    }

    /// The date `days` later (earlier when negative).
    public func adding(days: Int) -> CalendarDate { CalendarDate(dayNumber: dayNumber + days) }

    /// Whole days from this date to `other`: positive when `other` is later.
    public func days(until other: CalendarDate) -> Int { other.dayNumber - dayNumber }

    /// The day of the week.
    public var weekday: Weekday {
        // 1970-01-01 was a Thursday; Weekday's raw values run Monday = 1 … Sunday = 7.
        let offset = ((dayNumber % 7) + 7) % 7
        return Weekday(rawValue: (offset + 3) % 7 + 1)!
    }

    /// The date `months` later, counted as a statutory period in months.
    ///
    /// Neither 刑事诉讼法第一百零五条 nor the 人民检察院刑事诉讼规则 says how to count a month. The engine follows the only rule
    /// in the statute files, 最高人民法院关于适用《中华人民共和国刑事诉讼法》的解释第二百零二条第一款: a month runs from a day of
    /// this month to the same day of the next month; when the start day is the last day of its month it runs to the last
    /// day of the next month; when the same day does not exist it runs to the last day of the next month.
    /// For several months the target month is reached in one step (1月30日 + 2个月 = 3月30日), not month by month
    /// (which would give 3月31日 through 2月28日): the interpretation speaks of "下月同日", and the same day of the n-th
    /// month is the reading that keeps a two-month period equal to two one-month periods whenever that day exists.
    public func adding(months: Int) -> CalendarDate {
        let index = year * 12 + (month - 1) + months
        let targetYear = index / 12, targetMonth = index % 12 + 1
        let lastDay = Self.daysIn(month: targetMonth, year: targetYear)
        let targetDay = isLastDayOfMonth ? lastDay : min(day, lastDay)
        return CalendarDate(uncheckedYear: targetYear, month: targetMonth, day: targetDay)
    }

    /// The last day of a period that starts on this date, before any holiday rule.
    ///
    /// 刑事诉讼法第一百零五条第二款: the day on which the period starts is not counted, so a period of n days that starts on
    /// 3月1日 ends on 3月1日 + n; a period of months ends on the corresponding day (see ``adding(months:)``).
    /// - Throws: ``DeadlineError/invalidPeriod`` for a length that is not positive, and for an hour period, which needs a
    ///   time of day (``CalendarDateTime/end(of:)``).
    public func lastDay(of period: Period) throws -> CalendarDate {
        try period.validate()
        switch period {
        case .days(let n): return adding(days: n)
        case .months(let n): return adding(months: n)
        case .hours: throw DeadlineError.invalidPeriod("以时计算的期间需要起算的时刻")
        }
    }
}
