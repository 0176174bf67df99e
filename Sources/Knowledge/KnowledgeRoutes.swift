import Foundation
public import HTTPRouter
import HTTPServer
public import Identity
import Search

/// `/api/knowledge`: search, article view with its citations both ways, and the state of the knowledge base.
public struct KnowledgeRoutes: Sendable {
    let knowledge: KnowledgeBase

    public init(knowledge: KnowledgeBase) { self.knowledge = knowledge }

    struct Hit: Encodable {
        var lawId: String
        var lawTitle: String
        var articleLabel: String
        /// `264`, or `133-1` for 第一百三十三条之一: the article's path segment.
        var article: String
        var headingPath: [String]
        /// nil for a citation hit, which ranks above every scored hit.
        var score: Double?
        var match: String
        var snippet: String
        /// UTF-16 offsets into `snippet`, as the browser counts.
        var highlights: [[Int]]

        init(_ hit: SearchHit) {
            lawId = hit.lawID
            lawTitle = hit.lawTitle
            articleLabel = hit.articleLabel
            article = hit.article.suffix == 0 ? String(hit.article.number) : "\(hit.article.number)-\(hit.article.suffix)"
            headingPath = hit.headingPath
            score = hit.displayScore
            match = hit.match.rawValue
            snippet = hit.snippet.text
            highlights = hit.snippet.highlights.map { [$0.lowerBound, $0.upperBound] }
        }
    }

    struct Results: Encodable {
        var query: String
        var items: [Hit]
    }

    struct Article: Encodable {
        var lawId: String
        var lawTitle: String
        var articleLabel: String
        var article: String
        var headingPath: [String]
        var text: String
        var cites: [Hit]
        var citedBy: [Hit]
    }

    struct Status: Encodable {
        var state: String
        var documents: Int
        var articles: Int
        var detail: String?
    }

    public func register(on routes: SecuredRoutes) {
        routes.add(.get, "/api/knowledge/search", .signedIn) { (request: Request, _: Authenticated) in
            let query = request.queryItems
            let text = (query["q"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty else { throw HTTPError.badRequest("请输入检索词。", field: "q") }
            guard text.count <= 200 else { throw HTTPError.badRequest("检索词不能超过 200 个字。", field: "q") }
            let limit = min(max(Int(query["limit"] ?? "") ?? 20, 1), 100)
            var filters = SearchFilters()
            if let law = query["law"], !law.isEmpty { filters.lawIDs = [law] }
            if let category = query["category"], !category.isEmpty { filters.categories = [category] }
            if let level = query["level"], !level.isEmpty { filters.levels = [level] }
            switch query["validity"] ?? "" {
            case "", "any": break
            case "current": filters.validity = .currentOnly
            case "expired": filters.validity = .expiredOnly
            default: throw HTTPError.badRequest("时效性只能是 current、expired 或 any。", field: "validity")
            }
            let index = try readyIndex()
            return try JSONResponse.make(Results(query: text, items: index.search(text, filters: filters, limit: limit).map(Hit.init)))
        }
        routes.add(.get, "/api/knowledge/laws/:lawId/articles/:article", .signedIn) { (request: Request, _: Authenticated) in
            let index = try readyIndex()
            guard let number = Self.articleNumber(try request.parameters.require("article")),
                let document = index.document(lawID: try request.parameters.require("lawId"), article: number),
                let hit = index.articleHit(document: document)
            else { throw HTTPError(.notFound, detail: "没有找到该法条。", code: "not-found") }
            let graph = knowledge.graph
            let cites = graph?.articlesCited(by: document).compactMap { index.articleHit(document: $0) }.map(Hit.init) ?? []
            let citedBy = graph?.articlesCiting(document).prefix(50).compactMap { index.articleHit(document: $0) }.map(Hit.init) ?? []
            let view = Hit(hit)
            return try JSONResponse.make(
                Article(
                    lawId: view.lawId, lawTitle: view.lawTitle, articleLabel: view.articleLabel, article: view.article, headingPath: view.headingPath,
                    text: index.articleText(document: document), cites: cites, citedBy: Array(citedBy)))
        }
        routes.add(.get, "/api/knowledge/status", .signedIn) { (_: Request, _: Authenticated) in
            let documents = try await knowledge.documentCount()
            let status: Status
            switch knowledge.state {
            case .empty: status = Status(state: "empty", documents: documents, articles: 0)
            case .preparing: status = Status(state: "preparing", documents: documents, articles: 0)
            case .ready(let index, _): status = Status(state: "ready", documents: documents, articles: index.articleCount)
            case .failed(let reason): status = Status(state: "failed", documents: documents, articles: 0, detail: reason)
            }
            return try JSONResponse.make(status)
        }
    }

    private func readyIndex() throws(HTTPError) -> SearchIndex {
        switch knowledge.state {
        case .ready(let index, _): return index
        case .failed: throw HTTPError(.serviceUnavailable, detail: "法律知识库加载失败，请联系管理员查看服务日志。", code: "knowledge-unavailable")
        case .empty, .preparing:
            throw HTTPError(
                .serviceUnavailable, detail: "法律知识库正在准备中（首次启动需导入法律法规，约一分钟），请稍后再试。", code: "knowledge-preparing",
                headers: ["Retry-After": "10"])
        }
    }

    /// `264` or `133-1`.
    static func articleNumber(_ text: String) -> ArticleNumber? {
        let parts = text.split(separator: "-")
        guard let number = parts.first.flatMap({ Int($0) }), number > 0, parts.count <= 2 else { return nil }
        let suffix = parts.count == 2 ? Int(parts[1]) : 0
        guard let suffix, suffix >= 0 else { return nil }
        return ArticleNumber(number, suffix: suffix)
    }
}
