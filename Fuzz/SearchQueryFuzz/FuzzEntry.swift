// libFuzzer entry for the query-language parser (compiled with Sources/Search/Parsing/*.swift only).

@_cdecl("LLVMFuzzerTestOneInput")
public func searchQueryFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let query = QueryParser.parse(text)
    precondition(query == QueryParser.parse(text), "parsing is deterministic")
    for clause in query.clauses {
        precondition(!clause.alternatives.isEmpty, "no empty clause")
    }
    for term in query.clauses.flatMap(\.alternatives) + query.excluded {
        precondition(!term.text.isEmpty, "no empty term")
        if case .text(let word) = term {
            precondition(!word.unicodeScalars.contains(" "), "plain terms hold no space")
        }
    }
    return 0
}
