// swift-tools-version: 6.1
import PackageDescription

/// Every target opts into the same language checks (STYLE.md §2).
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "Jianwu",
    platforms: [.macOS(.v15)],
    products: [],
    targets: [
        // Search engine: law parser, segmenter, index, citations. `Parsing/` compiles on its own (stdlib only) for fuzzing.
        .target(name: "Search", swiftSettings: strictSettings),
        .testTarget(name: "SearchTests", dependencies: ["Search"], swiftSettings: strictSettings),
        // Benchmark driver for bench/knowledge (full corpus, recall@5/MRR, latency).
        .executableTarget(name: "KnowledgeBench", dependencies: ["Search"], swiftSettings: strictSettings),
    ]
)
