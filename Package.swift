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
        // Case assistant (issue 8): fact extraction, charge suggestion, sentencing guidelines.
        .target(name: "CaseFacts", swiftSettings: strictSettings),
        .target(
            name: "Sentencing",
            dependencies: ["CaseFacts"],
            resources: [.process("Resources")],
            swiftSettings: strictSettings
        ),
        .executableTarget(name: "AssistantBench", dependencies: ["Sentencing", "CaseFacts"], swiftSettings: strictSettings),
        .testTarget(name: "CaseFactsTests", dependencies: ["CaseFacts"], swiftSettings: strictSettings),
        .testTarget(name: "SentencingTests", dependencies: ["Sentencing", "CaseFacts"], swiftSettings: strictSettings),
    ]
)
