// swift-tools-version:6.1
import PackageDescription

/// lagotui: a terminal billing browser for Lago. The module graph follows ../shared/DESIGN.md:
/// lagotui → LagotuiCommands → TerminalUI → BrowserModel → PageCache → LagoAPI → CCurl,
/// and lago-sandbox → LagoSandbox (which never imports LagoAPI: two readings of the spec).
let package = Package(
    name: "lagotui",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "lagotui", targets: ["lagotui"]),
        .executable(name: "lago-sandbox", targets: ["lago-sandbox"]),
        .library(name: "LagoAPI", targets: ["LagoAPI"]),
        .library(name: "LagoSandbox", targets: ["LagoSandbox"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .systemLibrary(name: "CCurl", path: "Sources/CCurl"),
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        /// The commit and build date `scripts/package` stamps into the release binary.
        .target(name: "CBuildStamp"),
        .target(
            name: "LagoAPI",
            dependencies: ["CCurl", .product(name: "Logging", package: "swift-log")]
        ),
        .target(
            name: "PageCache",
            dependencies: ["LagoAPI", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .target(name: "BrowserModel", dependencies: ["LagoAPI", "PageCache"]),
        .target(name: "TerminalUI", dependencies: ["BrowserModel", "LagoAPI", "CNcursesw"]),
        .target(
            name: "LagoSandbox",
            dependencies: [.product(name: "FlyingFox", package: "FlyingFox")]
        ),
        .target(
            name: "LagotuiCommands",
            dependencies: [
                "LagoAPI", "PageCache", "BrowserModel", "TerminalUI", "LagoSandbox", "CBuildStamp",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(name: "lagotui", dependencies: ["LagotuiCommands"]),
        .executableTarget(
            name: "lagotui-bench",
            dependencies: [
                "LagotuiCommands", "TerminalUI", "BrowserModel", "PageCache", "LagoAPI", "LagoSandbox",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        /// Shared test support: a scripted fake transport and an in-process sandbox harness.
        .target(name: "LagoTesting", dependencies: ["LagoAPI", "LagoSandbox", "BrowserModel"], path: "Tests/Support/LagoTesting"),
        .executableTarget(
            name: "lago-sandbox",
            dependencies: [
                "LagoSandbox",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "LagoAPITests",
            dependencies: ["LagoAPI", "LagoSandbox", "LagoTesting", .product(name: "Yams", package: "Yams"), .product(name: "FlyingFox", package: "FlyingFox")]
        ),
        .testTarget(name: "PageCacheTests", dependencies: ["LagoTesting", "PageCache", "LagoAPI", "LagoSandbox"]),
        .testTarget(name: "BrowserModelTests", dependencies: ["LagoTesting", "BrowserModel", "PageCache", "LagoAPI", "LagoSandbox"]),
        .testTarget(name: "TerminalUITests", dependencies: ["LagoTesting", "TerminalUI", "BrowserModel", "CNcursesw", "LagoSandbox", "LagoAPI", "PageCache"]),
        .testTarget(
            name: "LagoSandboxTests",
            dependencies: ["LagoSandbox", .product(name: "Yams", package: "Yams")]
        ),
        /// Includes the real-network suites (nginx, tinyproxy, openssl started on loopback; issue 18).
        .testTarget(
            name: "LagotuiCommandsTests",
            dependencies: ["LagoTesting", "LagotuiCommands", "LagoSandbox", "LagoAPI", "BrowserModel", "PageCache"]
        ),
        .testTarget(name: "EndToEndTests", dependencies: ["LagoTesting", "LagoSandbox"]),
        /// Reliability and security: faults, hostile input, terminal safety, secrets (issue 9).
        .testTarget(
            name: "ReliabilityTests",
            dependencies: ["LagoTesting", "LagoAPI", "PageCache", "BrowserModel", "TerminalUI", "LagotuiCommands", "LagoSandbox"]
        ),
    ]
)
