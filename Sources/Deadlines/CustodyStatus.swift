/// Whether the person the period concerns is held (在押) while it runs.
///
/// It decides the holiday rule of 刑事诉讼法第一百零五条第四款: a last day that is a 节假日 moves to the first working day
/// after it, "但犯罪嫌疑人、被告人或者罪犯在押期间，应当至期满之日为止，不得因节假日而延长" — a person in custody is never
/// held longer because offices are closed.
public enum CustodyStatus: String, Hashable, Sendable, Codable {
    /// 在押: detained (拘留) or arrested (逮捕) and held in a detention centre.
    case inCustody
    /// 未羁押: at liberty, on bail or under residential surveillance.
    case notInCustody

    /// Whether a last day on a holiday moves to the next working day.
    public var holidayExtensionApplies: Bool { self == .notInCustody }
}
