extension HolidayCalendar {
    /// 国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）, as published by 新华社 on 4 November 2025.
    ///
    /// Checked against several independent reprints of the notice's full text (光明网, 央广网, 哈尔滨广播电视台, 中山日报);
    /// the weekdays the notice prints in brackets are checked again by `HolidayCalendarTests`.
    public static let china2026Arrangement: YearArrangement = {
        func day(_ month: Int, _ day: Int) -> CalendarDate { CalendarDate(uncheckedYear: 2026, month: month, day: day) }
        func holiday(_ name: String, _ first: CalendarDate, _ last: CalendarDate) -> Holiday {
            // The literal dates below exist and are in order; a failure here is a typing mistake caught by the first test.
            try! Holiday(name: name, first: first, last: last)
        }
        return try! YearArrangement(
            year: 2026,
            holidays: [
                holiday("元旦", day(1, 1), day(1, 3)),  // 1月1日（周四）至3日（周六），1月4日（周日）上班
                holiday("春节", day(2, 15), day(2, 23)),  // 2月15日（周日）至23日（周一），2月14日（周六）、2月28日（周六）上班
                holiday("清明节", day(4, 4), day(4, 6)),  // 4月4日（周六）至6日（周一）
                holiday("劳动节", day(5, 1), day(5, 5)),  // 5月1日（周五）至5日（周二），5月9日（周六）上班
                holiday("端午节", day(6, 19), day(6, 21)),  // 6月19日（周五）至21日（周日）
                holiday("中秋节", day(9, 25), day(9, 27)),  // 9月25日（周五）至27日（周日）
                holiday("国庆节", day(10, 1), day(10, 7)),  // 10月1日（周四）至7日（周三），9月20日（周日）、10月10日（周六）上班
            ],
            workingDays: [day(1, 4), day(2, 14), day(2, 28), day(5, 9), day(9, 20), day(10, 10)],
            source: "国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）")
    }()

    /// Weekends plus the 2026 arrangement: the default a new procuratorate starts from, to be extended year by year.
    public static let china2026 = HolidayCalendar([china2026Arrangement])
}
