// swift-tools-version:6.2
import PackageDescription

let settings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "calltask",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "calltask", targets: ["calltask"]),
        .executable(name: "calltask-sim", targets: ["calltask-sim"]),
    ],
    dependencies: [
        // The command line.
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        // Logging at the edges (client, command line, simulator).
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        // The HTTP client that talks to the platform.
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        // The local simulator of the platform's task API.
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        // Already in the graph through AsyncHTTPClient and Hummingbird; declared because the client
        // (NIOCore, NIOHTTP1) and the simulator (NIOCore, ServiceLifecycle) import them directly.
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
    ],
    targets: [
        // Debian's libyaml (libyaml-dev), found through pkg-config; no vendored parser.
        .systemLibrary(
            name: "CLibYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        .target(name: "CalltaskYAML", dependencies: ["CLibYAML"], swiftSettings: settings),
        .target(name: "CalltaskModels", swiftSettings: settings),
        .target(name: "CalltaskCore", dependencies: ["CalltaskYAML", "CalltaskModels"], swiftSettings: settings),
        .target(
            name: "CalltaskClient",
            dependencies: [
                "CalltaskModels",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: settings
        ),
        .target(
            name: "CalltaskEngine",
            dependencies: ["CalltaskCore", "CalltaskClient", "CalltaskModels", "CalltaskYAML"],
            swiftSettings: settings
        ),
        // The simulator is the platform as its docs describe it, written from the docs alone: it depends
        // on no calltask target, so that a mistake in calltask's models is not repeated here
        // (scripts/check-imports.sh holds it to that).
        .target(
            name: "CalltaskSimulator",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: settings
        ),
        .executableTarget(
            name: "calltask",
            dependencies: [
                "CalltaskEngine", "CalltaskCore", "CalltaskClient", "CalltaskYAML",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: settings
        ),
        .executableTarget(
            name: "calltask-sim",
            dependencies: [
                "CalltaskSimulator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            swiftSettings: settings
        ),
        // Test helpers (MarkedYAML, assertSnapshot); a regular target, used only by tests.
        .target(
            name: "CalltaskTestSupport",
            dependencies: ["CalltaskYAML"],
            path: "Sources/CalltaskTestSupport",
            swiftSettings: settings
        ),
        .testTarget(
            name: "CalltaskYAMLTests",
            dependencies: ["CalltaskYAML", "CalltaskTestSupport"],
            swiftSettings: settings
        ),
        .testTarget(
            name: "CalltaskCoreTests",
            dependencies: ["CalltaskCore", "CalltaskYAML", "CalltaskModels", "CalltaskTestSupport"],
            exclude: ["Fixtures", "Snapshots"],
            swiftSettings: settings
        ),
        .testTarget(
            name: "CalltaskSimulatorTests",
            dependencies: [
                "CalltaskSimulator",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: settings
        ),
        // The API client and settings, against the real simulator over loopback; also where the
        // simulator's answers are read with calltask's models (two independent readings of the docs).
        .testTarget(
            name: "CalltaskClientTests",
            dependencies: [
                "CalltaskClient", "CalltaskModels", "CalltaskSimulator", "CalltaskEngine", "CalltaskCore", "CalltaskYAML",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: settings
        ),
        .testTarget(
            name: "CalltaskModelsTests",
            dependencies: ["CalltaskModels"],
            exclude: ["Fixtures"],
            swiftSettings: settings
        ),
        // Plan and apply against the simulator, in-process, over loopback.
        .testTarget(
            name: "CalltaskEngineTests",
            dependencies: [
                "CalltaskEngine", "CalltaskCore", "CalltaskClient", "CalltaskModels", "CalltaskSimulator", "CalltaskYAML",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: settings
        ),
        // End to end: runs the BUILT `calltask` and `calltask-sim` executables as child processes.
        // The executables are dependencies only so that building the tests builds them too.
        .testTarget(
            name: "CalltaskCLITests",
            dependencies: ["calltask", "calltask-sim"],
            swiftSettings: settings
        ),
    ]
)
