/// A remote session's life: booked → confirmed → admitted → live → ended → transcriptSigned → sealed, or refused,
/// cancelled, noShow on the way.
public enum SessionState: String, CaseIterable, Sendable, Codable {
    case booked, confirmed, refused, admitted, live, ended, transcriptSigned, sealed, cancelled, noShow

    public var chineseName: String {
        switch self {
        case .booked: "待确认"
        case .confirmed: "已确认"
        case .refused: "已拒绝"
        case .admitted: "已提人"
        case .live: "进行中"
        case .ended: "已结束"
        case .transcriptSigned: "笔录已签名"
        case .sealed: "已封存"
        case .cancelled: "已取消"
        case .noShow: "未进行"
        }
    }

    /// States that hold the room, the suspect and the prosecutor for the slot.
    static let occupying: [SessionState] = [.booked, .confirmed, .admitted, .live]
}

/// What happens to a session, who may do it, and where it leads.
public enum SessionAction: String, CaseIterable, Sendable, Codable {
    /// The detention officer accepts the booking.
    case confirm
    /// The detention officer declines it, with a reason.
    case refuse
    /// The officer has brought the suspect to the room and checked their identity (提人、核验身份).
    case admit
    /// The prosecutor starts the interrogation.
    case start
    case end
    /// Either side calls it off before it starts, with a reason.
    case cancel
    /// It did not take place, with a reason.
    case noShow

    public var chineseName: String {
        switch self {
        case .confirm: "确认预约"
        case .refuse: "拒绝预约"
        case .admit: "提人并核验身份"
        case .start: "开始讯问"
        case .end: "结束讯问"
        case .cancel: "取消预约"
        case .noShow: "登记未进行"
        }
    }

    /// Who acts: the host side (detention officer) or the booking side (prosecutor and team).
    enum Side { case host, booker, either }

    var rule: (from: Set<SessionState>, to: SessionState, side: Side, needsReason: Bool) {
        switch self {
        case .confirm: ([.booked], .confirmed, .host, false)
        case .refuse: ([.booked], .refused, .host, true)
        case .admit: ([.confirmed], .admitted, .host, false)
        case .start: ([.admitted], .live, .booker, false)
        case .end: ([.live], .ended, .booker, false)
        case .cancel: ([.booked, .confirmed], .cancelled, .either, true)
        case .noShow: ([.confirmed, .admitted], .noShow, .either, true)
        }
    }
}
