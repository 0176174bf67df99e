import Foundation
import Testing

@testable import Sentencing

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

    /// Common charges, each in one plain fact of the kind an indictment states.
    static let common: [(charge: String, fact: String)] = [
        ("故意杀人", "被告人因怀疑妻子有外遇，趁其熟睡之机用菜刀朝其颈部连砍数刀，致其当场死亡。"),
        ("强奸", "被告人将醉酒的被害人带至宾馆房间，不顾其反抗，强行与其发生性关系。"),
        ("敲诈勒索", "被告人以在网上公布被害人的不雅照片相威胁，先后向被害人索要人民币3万元。"),
        ("非法拘禁", "被告人为索要欠款，将债务人关在出租屋内两天两夜，期间派人看守，不让其离开。"),
        ("绑架", "被告人将一名小学生骗上车后带至郊外，打电话向其父母勒索赎金50万元。"),
        ("开设赌场", "被告人在其经营的茶楼内摆放赌博机供他人赌博，从中非法获利3万元。"),
        ("赌博", "被告人以营利为目的，多次组织十余人在其家中以“炸金花”的方式聚众赌博，抽头渔利2000元。"),
        ("非法经营", "被告人未取得烟草专卖零售许可证，从外地购进卷烟在其超市销售，经营数额12万元。"),
        ("贪污", "被告人系某镇财政所会计，利用职务上的便利，采用虚列支出的手段套取财政资金15万元归个人所有。"),
        ("挪用公款", "被告人系某县国土局出纳，利用职务上的便利，将公款20万元借给朋友做生意，超过三个月未还。"),
        ("挪用资金", "被告人系某私营公司出纳，利用职务上的便利，将公司资金10万元转入个人账户用于炒股，三个月后归还。"),
        ("行贿", "被告人为承揽某区教育局的校舍改造工程，先后送给该局局长现金30万元。"),
        ("合同诈骗", "被告人以其控制的公司名义与被害单位签订钢材购销合同，收到预付款50万元后即关闭公司逃匿。"),
        ("非法吸收公众存款", "被告人未经有关部门批准，以投资养殖项目为名，承诺月息3%，向社会不特定人员吸收资金共计300万元。"),
        ("集资诈骗", "被告人以非法占有为目的，虚构投资项目，以高额回报为诱饵向社会公众非法集资500万元，所得款项大部分用于个人挥霍。"),
        ("拒不支付劳动报酬", "被告人承包建筑工程后拖欠32名农民工工资共计45万元，经人社部门责令支付后仍拒不支付，并逃匿。"),
        ("污染环境", "被告人在未取得危险废物经营许可证的情况下，将电镀厂产生的含铬废液直接倾倒在厂区外的水沟内。"),
        ("非法采矿", "被告人未取得采矿许可证，擅自在河道内用挖掘机开采河砂共计3000立方米。"),
        ("伪造、变造、买卖国家机关公文、证件、印章", "被告人通过网络联系他人伪造了一本机动车驾驶证，并在驾驶车辆时使用。"),
        ("引诱、容留、介绍卖淫", "被告人在其经营的足浴店内，容留三名女子向嫖客提供卖淫服务，每次收取嫖资200元。"),
        ("制作、复制、出版、贩卖、传播淫秽物品牟利", "被告人以牟利为目的，建立淫秽网站，向注册会员收取会员费，网站内有淫秽视频500余个。"),
        ("非法持有、私藏枪支、弹药", "民警在被告人家中查获一支自制火药枪，经鉴定具有致伤力，认定为枪支。"),
        ("重大责任事故", "被告人作为施工队负责人，在高空作业时未督促工人佩戴安全带，违反安全管理规定，致一名工人从脚手架坠落死亡。"),
        ("过失致人死亡", "被告人与被害人发生争执时推了被害人一把，被害人后仰摔倒，头部撞地，经抢救无效死亡。"),
        ("拒不执行判决、裁定", "法院判决被告人偿还原告借款20万元，判决生效后被告人有能力执行而拒不执行，并将名下车辆转移给他人。"),
        ("窝藏、包庇", "被告人明知其表弟因抢劫被公安机关网上追逃，仍将其藏匿在自己家中长达两个月，帮助其逃避抓捕。"),
        ("虚开增值税专用发票、用于骗取出口退税、抵扣税款发票", "被告人在无真实货物交易的情况下，让他人为其公司虚开增值税专用发票20份，价税合计200万元，并已申报抵扣税款。"),
        ("生产、销售假药", "被告人在无药品经营许可证的情况下，从网上购进无批准文号的“降糖胶囊”并对外销售，经认定为假药。"),
        ("生产、销售有毒、有害食品", "被告人在生猪饲养过程中，在饲料中添加盐酸克伦特罗并将生猪出售。"),
        ("非法捕捞水产品", "被告人在禁渔期内，驾驶渔船在长江水域使用电鱼设备捕捞，捕获鱼类30公斤。"),
        ("非法占用农用地", "被告人未经批准，擅自在承包的耕地上建设厂房，非法占用耕地8亩，致使耕地种植条件严重毁坏。"),
        ("交通肇事", "被告人驾驶货车在国道上行驶时，未注意观察前方路况，撞倒一名骑电动车的老人，后驾车逃逸，老人经抢救无效死亡。"),
        ("非法行医", "被告人未取得医生执业资格，在其开设的诊所内为患者输液治疗，致一名患者死亡。"),
        ("抢劫", "被告人在深夜的巷子里用匕首抵住被害人，抢走其钱包和手机。"),
        ("诈骗", "被告人冒充某银行客服人员给被害人打电话，谎称其账户存在风险，骗得被害人将8万元转入其指定账户。"),
        ("故意毁坏财物", "被告人因与邻居有矛盾，用砖头将邻居停放在路边的轿车车窗全部砸碎，经鉴定修复费用8000元。"),
        ("聚众斗殴", "被告人与他人因争夺工程发生矛盾，双方各纠集二十余人持刀棍在工地斗殴，造成多人受伤。"),
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

    @Test(arguments: common)
    func commonChargesAreRecognised(charge: String, fact: String) {
        let names = suggester.suggest(fact).map(\.name)
        #expect(names.first == charge, "ranked \(names)")
    }

    @Test(arguments: neighbours + common)
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
