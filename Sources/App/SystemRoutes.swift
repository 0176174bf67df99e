import Foundation
import HTTPRouter
import HTTPServer
import Identity
import Observability

/// Operational routes: health, metrics and the API description.
struct SystemRoutes {
    let metrics: Metrics

    func register(on routes: SecuredRoutes) {
        routes.add(.get, "/healthz", .public) { _ in
            HTTPResponse(contentType: "application/json", body: Array(#"{"status":"ok","version":"\#(JianwuVersion.current)"}"#.utf8))
        }
        routes.add(.get, "/metrics", .public) { _ in
            HTTPResponse(contentType: "text/plain; version=0.0.4; charset=utf-8", body: Array(metrics.prometheusText().utf8))
        }
        let openAPI = OpenAPIDocument.bytes
        routes.add(.get, "/api/openapi.json", .public) { _ in
            guard let openAPI else { throw HTTPError(.internalServerError, detail: "API 描述文件缺失。") }
            return HTTPResponse(contentType: "application/json", body: openAPI)
        }
    }
}

/// The OpenAPI 3.1 document shipped with the product (Sources/App/Resources/openapi.json).
public enum OpenAPIDocument {
    public static let bytes: [UInt8]? = {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json"), let data = try? Data(contentsOf: url) else { return nil }
        return [UInt8](data)
    }()
}

public enum JianwuVersion {
    public static let current = "0.1.0"
}
