import Foundation
@testable import Sentencing
import Testing

/// Charge suggestion on short facts written for these tests (none is taken from the dev cases).
struct ChargeSuggesterTests {
    private let suggester: ChargeSuggester

    init() throws {
        suggester = try ChargeSuggester.bundled()
    }

    /// Neighbouring charges, each with a fact that states the element which separates it from the others.
    static let neighbours: [(charge: String, fact: String)] = [
        ("盗窃", "被告人趁被害人熟睡之机，从其床头秘密窃取现金2000元。"),
        ("抢夺", "被告人驾驶摩托车尾随被害人，趁其不备一把夺走其挎包后驾车逃离，包内有现金1500元。"),
        ("抢劫", "被告人持刀威胁被害人，逼其交出手机和现金800元后逃离。"),
        ("诈骗", "被告人谎称能帮被害人的孩子办理入学手续，虚构事实骗取被害人人民币5万元。"),
        ("侵占", "被害人外出前将一部笔记本电脑交由被告人代为保管，被告人将其变卖，被害人索要时拒不退还。"),
        ("职务侵占", "被告人系某物流公司仓管员，利用其管理仓库的职务便利，将公司存放的电缆私自变卖，所得款项占为己有。"),
        ("窃取、收买、非法提供信用卡信息", "被告人在其经营的加油站刷卡机上安装侧录器，窃取顾客的银行卡信息共计50条。"),
        ("信用卡诈骗", "被告人持信用卡透支消费，经发卡银行两次催收后超过三个月仍未归还，透支本金3万元。"),
        ("掩饰、隐瞒犯罪所得、犯罪所得收益", "被告人明知他人送来的电动车系盗窃所得，仍以每辆300元的价格予以收购后转卖。"),
        ("故意伤害", "被告人因邻里纠纷用木棍击打被害人头部，致其颅骨骨折，经鉴定为轻伤一级。"),
        ("寻衅滋事", "被告人酒后在街头无故拦截过往行人，随意殴打两名路人，致一人轻微伤。"),
        ("聚众斗殴", "被告人因生意纠纷纠集十余人手持砍刀、钢管，与对方一伙人在广场约架互殴。"),
        ("妨害公务", "民警依法处警时，被告人拒不配合，撕扯民警衣领并用拳头殴打民警面部，阻碍民警执行职务。"),
        ("交通肇事", "被告人驾驶小型轿车超速行驶，与横穿道路的行人相撞，致其当场死亡，经交警认定被告人负事故全部责任。"),
        ("危险驾驶", "被告人饮酒后驾驶小型轿车在道路上行驶，被交警查获，经检测其血液酒精含量为156mg/100ml。"),
        ("受贿", "被告人系某区住建局局长，利用职务上的便利为某建筑公司承揽工程提供帮助，收受该公司负责人送给的现金20万元。"),
        ("非国家工作人员受贿", "被告人系某民营电器公司采购经理，利用职务便利，在采购中收受供货商给予的回扣8万元归个人所有。"),
        ("盗伐林木", "被告人未经林业主管部门许可，擅自砍伐村集体所有的杉木林，立木蓄积12立方米。"),
        ("滥伐林木", "被告人未办理林木采伐许可证，在自己承包的林地内砍伐杨树，立木蓄积30立方米。"),
        ("走私、贩卖、运输、制造毒品", "被告人以300元的价格将0.5克甲基苯丙胺贩卖给吸毒人员李某。"),
        ("非法持有毒品", "民警从被告人随身携带的背包内查获甲基苯丙胺25克。"),
        ("容留他人吸毒", "被告人在其租住的房间内，先后三次容留他人吸食甲基苯丙胺。"),
        ("失火", "被告人在山上烧荒时未采取防火措施，火势蔓延引发森林火灾，过火面积30亩。"),
        ("放火", "被告人因与邻居发生矛盾，深夜将汽油泼洒在邻居家门口并用打火机点燃，烧毁房屋两间。"),
        ("猥亵儿童", "被告人将邻居家8岁的女孩带至其家中，用手抚摸其阴部。"),
        ("强制猥亵、侮辱妇女", "被告人在公交车上强行搂抱一名成年女子并抚摸其胸部，被害人挣脱后报警。"),
        ("假冒注册商标", "被告人未经商标注册人许可，在其加工厂内生产白酒并贴上他人注册商标标识。"),
        ("销售假冒注册商标的商品", "被告人明知是假冒注册商标的运动鞋，仍从他人处购进后在其网店销售，销售金额8万元。"),
    ]

    @Test func plainTheftInASupermarketRanksTheftFirst() {
        let fact = "公诉机关指控：2019年5月12日，被告人王某在超市内窃取他人手机一部，价值人民币3723元。"
        let first = suggester.suggest(fact).first
        #expect(first?.name == "盗窃")
        #expect(first?.article == "第二百六十四条")
    }

    @Test(arguments: neighbours)
    func neighbouringChargesAreToldApart(charge: String, fact: String) {
        let names = suggester.suggest(fact).map(\.name)
        #expect(names.first == charge, "ranked \(names)")
    }

    @Test(arguments: neighbours)
    func evidenceWordsOccurInTheFact(charge: String, fact: String) {
        for suggestion in suggester.suggest(fact, limit: 5) {
            for word in suggestion.evidence {
                #expect(fact.contains(word), "\(suggestion.name): \(word)")
            }
        }
    }

    @Test func aPriorConvictionDoesNotNameTheCharge() {
        let fact = "被告人张某曾因盗窃罪于2015年3月被判处有期徒刑一年，2016年刑满释放。2019年6月，被告人张某因琐事持刀将被害人刺伤，经鉴定为轻伤二级。"
        let suggestions = suggester.suggest(fact)
        #expect(suggestions.first?.name == "故意伤害")
        #expect(suggestions.first { $0.name == "盗窃" }?.evidence.contains("盗窃") != true)
    }

    @Test func theListOfEvidenceSupportsNoCharge() {
        let fact = "被告人李某酒后在饭店无故殴打服务员，致其轻微伤。上述事实，有证人王某的证言、扣押清单、刑事判决书、辨认笔录等证据证实。"
        let names = suggester.suggest(fact, limit: 3).map(\.name)
        #expect(names.first == "寻衅滋事")
        #expect(!names.contains("拒不执行判决、裁定"))
    }

    @Test func aBirthDateShowsTheVictimIsAChild() throws {
        let fact = "2018年7月，被告人在其家中多次用手摸被害人刘某（女，2010年3月5日出生）的下体。"
        let first = try #require(suggester.suggest(fact).first)
        #expect(first.name == "猥亵儿童")
        #expect(first.evidence.contains("2010年3月5日出生"))
    }

    @Test func aChargeNameInsideALongerOneDoesNotCount() {
        let fact = "被告人在其经营的店铺内销售假冒注册商标的商品，销售金额6万元。"
        let names = suggester.suggest(fact).map(\.name)
        #expect(names.first == "销售假冒注册商标的商品", "ranked \(names)")
        #expect(!suggester.names("假冒注册商标", in: fact))
        #expect(suggester.names("假冒注册商标", in: "被告人生产假冒注册商标的白酒后，又在店内销售假冒注册商标的商品。"))
    }

    @Test func everyProfileBelongsToACharge() throws {
        let profiles = try ChargeProfile.bundled()
        let charges = Set(try LawArticleCatalog.bundled().charges.map(\.charge))
        #expect(profiles.count >= 200)
        #expect(Set(profiles.keys).subtracting(charges).isEmpty)
    }
}
