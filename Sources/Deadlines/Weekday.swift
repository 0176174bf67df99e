/// A day of the week, Monday first as in China.
public enum Weekday: Int, Hashable, Sendable, Codable, CaseIterable {
    case monday = 1, tuesday, wednesday, thursday, friday, saturday, sunday

    /// Saturday and Sunday are rest days unless a holiday arrangement makes them working days (调休).
    public var isWeekend: Bool { self == .saturday || self == .sunday }

    /// `周一` … `周日`, as the State Council notices write them.
    public var chineseName: String { ["周一", "周二", "周三", "周四", "周五", "周六", "周日"][rawValue - 1] }
}
