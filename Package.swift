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
        // ICU word break (Debian libicu-dev), only to compare segmentation; its own target, without Foundation (see c-libraries.md).
        .systemLibrary(name: "CICU", pkgConfig: "icu-uc", providers: [.apt(["libicu-dev"])]),
        .target(name: "SearchICU", dependencies: ["CICU"], swiftSettings: strictSettings),
        // Benchmark driver for bench/knowledge (full corpus, recall@5/MRR, latency, segmentation against ICU).
        .executableTarget(name: "KnowledgeBench", dependencies: ["Search", "SearchICU"], swiftSettings: strictSettings),
    ]
)
