import Observability

/// JSON helpers for the router's own small documents.
enum JSONText {
    static func quote(_ s: String) -> String { JSONString.quote(s) }
}
