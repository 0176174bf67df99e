/// Short names prosecutors use for laws and interpretations, mapped to the full titles the corpus uses.
///
/// Names not listed here still resolve when `中华人民共和国` + name or the name itself is a title in the index.
public enum LawAbbreviations {
    /// Alias → full title.
    public static let table: [String: String] = {
        var table: [String: String] = [:]
        for (title, aliases) in entries {
            table[title] = title
            for alias in aliases { table[alias] = title }
        }
        return table
    }()

    /// The full title for a name, if it is a known alias or title.
    public static func fullTitle(for name: String) -> String? { table[name] }

    private static let prc = "中华人民共和国"
    private static let entries: [(String, [String])] = [
        (prc + "刑法", ["刑法", "刑法典"]),
        (prc + "刑事诉讼法", ["刑事诉讼法", "刑诉法", "刑诉"]),
        ("人民检察院刑事诉讼规则", ["刑诉规则", "高检规则", "检察院刑事诉讼规则", "高检刑诉规则"]),
        ("最高人民法院关于适用《中华人民共和国刑事诉讼法》的解释", ["高法解释", "刑诉法解释", "刑诉解释", "最高法刑诉解释", "刑事诉讼法解释"]),
        (prc + "民法典", ["民法典"]),
        (prc + "宪法", ["宪法"]),
        (prc + "民事诉讼法", ["民事诉讼法", "民诉法"]),
        (prc + "行政诉讼法", ["行政诉讼法", "行诉法"]),
        (prc + "律师法", ["律师法"]),
        (prc + "检察官法", ["检察官法"]),
        (prc + "法官法", ["法官法"]),
        (prc + "人民检察院组织法", ["人民检察院组织法", "检察院组织法"]),
        (prc + "人民法院组织法", ["人民法院组织法", "法院组织法"]),
        (prc + "监察法", ["监察法"]),
        (prc + "治安管理处罚法", ["治安管理处罚法", "治安处罚法"]),
        (prc + "道路交通安全法", ["道路交通安全法", "道交法"]),
        (prc + "禁毒法", ["禁毒法"]),
        (prc + "未成年人保护法", ["未成年人保护法", "未保法"]),
        (prc + "预防未成年人犯罪法", ["预防未成年人犯罪法", "预未法"]),
        (prc + "反恐怖主义法", ["反恐怖主义法", "反恐法"]),
        (prc + "网络安全法", ["网络安全法", "网安法"]),
        (prc + "行政处罚法", ["行政处罚法"]),
        (prc + "国家赔偿法", ["国家赔偿法"]),
        (prc + "传染病防治法", ["传染病防治法"]),
        (prc + "突发事件应对法", ["突发事件应对法"]),
        (prc + "反有组织犯罪法", ["反有组织犯罪法"]),
        (prc + "社区矫正法", ["社区矫正法"]),
        (prc + "公司法", ["公司法"]),
        (prc + "刑法修正案（十一）", ["刑法修正案十一", "刑修十一"]),
        (prc + "刑法修正案（十二）", ["刑法修正案十二", "刑修十二"]),
    ]
}
