import CaseFacts
import Testing

struct PhraseExtractionTests {
    private let extractor = FactExtractor()

    private func kinds(in text: String) -> Set<CircumstanceKind> {
        Set(extractor.extract(text).map(\.kind))
    }

    @Test(arguments: [
        ("被告人案发后主动投案，系自首", CircumstanceKind.surrender), ("到案后如实供述自己的罪行", .confession), ("有坦白情节", .confession),
        ("被告人当庭自愿认罪", .courtPlea), ("被告人对指控的事实无异议", .courtPlea), ("检举他人犯罪，有立功表现", .meritoriousService),
        ("有重大立功表现", .majorMeritoriousService), ("案发后退赃5000元", .restitution), ("已退赔被害人全部损失", .restitution),
        ("积极赔偿被害人经济损失并取得谅解", .compensationAndForgiveness), ("已赔偿被害人损失", .compensation), ("取得了被害人的谅解", .forgiveness),
        ("双方达成刑事和解", .reconciliation), ("自愿认罪认罚", .pleaLeniency), ("签署了认罪认罚具结书", .pleaLeniency),
        ("被告人系累犯", .recidivism), ("有前科", .priorRecord), ("曾因盗窃被判处有期徒刑六个月", .priorRecord),
        ("系犯罪未遂", .attempt), ("在共同犯罪中起次要作用，系从犯", .accessory), ("系胁从犯", .coercedAccomplice),
        ("疫情防控期间哄抬物价", .epidemicPeriod), ("羁押期间表现良好", .custodyConduct), ("避免特别严重后果发生", .majorConfession),
        ("已满十六周岁不满十八周岁", .minor), ("已满七十五周岁", .elderly), ("被告人系聋哑人", .deafMuteOrBlind),
        ("被害人系未成年人", .vulnerableVictim), ("入户盗窃", .burglary), ("携带凶器抢夺", .armed), ("在公交车上扒窃", .pickpocketing),
        ("肇事后逃逸", .flight), ("负事故全部责任", .responsibility), ("实施电信网络诈骗", .telecomFraud),
    ])
    func recognisesNamedCircumstances(text: String, kind: CircumstanceKind) {
        #expect(kinds(in: text).contains(kind))
    }

    @Test(arguments: [
        ("被告人不构成自首", CircumstanceKind.surrender), ("被告人无前科", .priorRecord), ("没有立功表现", .meritoriousService),
        ("辩护人所提自首不成立", .surrender), ("不属于累犯", .recidivism),
    ])
    func skipsNegatedCircumstances(text: String, kind: CircumstanceKind) {
        #expect(!kinds(in: text).contains(kind))
    }

    @Test func negationInAnEarlierClauseDoesNotCount() {
        #expect(kinds(in: "无异议，系自首").contains(.surrender))
    }

    @Test func readsMinorAgeBracket() {
        let minor = extractor.extract("犯罪时已满十四周岁不满十六周岁").first { $0.kind == .minor }
        #expect(minor?.value == 14)
    }

    @Test func readsResponsibilityShare() {
        let share = extractor.extract("经认定，被告人负事故主要责任。").first { $0.kind == .responsibility }
        #expect(share?.detail == "主要")
    }

    @Test func majorMeritoriousServiceIsNotAlsoOrdinary() {
        let found = kinds(in: "有重大立功表现")
        #expect(!found.contains(.meritoriousService))
    }
}
