/// The length of a statutory period: 刑事诉讼法第一百零五条第一款 "期间以时、日、月计算".
public enum Period: Hashable, Sendable, Codable, CustomStringConvertible {
    case hours(Int)
    case days(Int)
    case months(Int)

    /// Refuses a zero or negative length: no statutory period is empty, so such a value is a data-entry error.
    func validate() throws {
        let length: Int
        switch self {
        case .hours(let n), .days(let n), .months(let n): length = n
        }
        guard length > 0 else { throw DeadlineError.invalidPeriod(description) }
    }

    /// `7日`, `1个月`, `24小时`.
    public var description: String {
        switch self {
        case .hours(let n): "\(n)小时"
        case .days(let n): "\(n)日"
        case .months(let n): "\(n)个月"
        }
    }
}
