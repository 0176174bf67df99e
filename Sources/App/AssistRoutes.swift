import CaseFacts
import Foundation
import HTTPRouter
import HTTPServer
import Identity
import Sentencing

/// `POST /api/assist`: the case assistant for the panel on a case page — charges, articles, circumstances and the
/// sentencing recommendation for a fact text, recomputed with the prosecutor's corrections.
struct AssistRoutes {
    let assistant: CaseAssistant?

    struct Input: Decodable {
        var fact: String
        var charge: String?
        var circumstances: [Circumstance]?
    }

    func register(on routes: SecuredRoutes) {
        routes.add(.post, "/api/assist", .permission(.caseManage), bodyLimit: 128 * 1024) { (request: Request, _: Authenticated) in
            guard let assistant else {
                throw HTTPError(.serviceUnavailable, detail: "智能辅助的量刑数据未能加载，请联系管理员查看服务日志。", code: "assistant-unavailable")
            }
            let input = try request.decode(Input.self)
            let fact = input.fact.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !fact.isEmpty else { throw HTTPError.badRequest("请填写案情事实。", field: "fact") }
            guard fact.count <= 20_000 else { throw HTTPError.badRequest("案情事实不能超过 20000 字。", field: "fact") }
            let charge = input.charge?.trimmingCharacters(in: .whitespaces)
            let result = assistant.assist(fact: fact, charge: charge?.isEmpty == false ? charge : nil, circumstances: input.circumstances)
            return try JSONResponse.make(result)
        }
    }
}
