// swift-tools-version:6.2
//
// calltask's benchmarks: a NESTED package, so that Yams (the comparison) never enters the product's graph.
//
// Why symlinks instead of `.package(path: "..")`: the root package exports only its two executables as
// products, and a dependent package can import only products. Rather than add library products to the
// root manifest for the benchmarks' sake, `Sources/CLibYAML`, `Sources/CalltaskYAML`, `Sources/CalltaskModels`
// and `Sources/CalltaskCore` here are symlinks to the root's folders: the benchmarks compile exactly the
// product's sources, with the product's settings, in release mode, in their own `.build`.
//
// Two executables, because Yams compiles its own libyaml (`CYaml`) into any binary that links it:
// - `calltask-bench`: corpus generator, our loader, the bare libyaml event scan, diff in memory (no Yams);
// - `yams-bench`: Yams decoding the same files into the same `TaskSpec` Codable models.
// `scripts/bench.sh` checks with `nm` that calltask-bench holds no Yams symbol.
import PackageDescription

let settings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "calltask-benchmarks",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "calltask-bench", targets: ["calltask-bench"]),
        .executable(name: "yams-bench", targets: ["yams-bench"]),
    ],
    dependencies: [
        // The comparison only; never a dependency of the product (root Package.swift).
        .package(url: "https://github.com/jpsim/Yams.git", exact: "6.2.2"),
    ],
    targets: [
        // The product's own modules (symlinks to ../Sources/...).
        .systemLibrary(name: "CLibYAML", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]),
        .target(name: "CalltaskYAML", dependencies: ["CLibYAML"], swiftSettings: settings),
        .target(name: "CalltaskModels", swiftSettings: settings),
        .target(name: "CalltaskCore", dependencies: ["CalltaskYAML", "CalltaskModels"], swiftSettings: settings),
        // Timing, file reading and result lines shared by both executables (no dependencies).
        .target(name: "BenchSupport", swiftSettings: settings),
        .executableTarget(
            name: "calltask-bench",
            dependencies: ["BenchSupport", "CalltaskCore", "CalltaskYAML", "CalltaskModels", "CLibYAML"],
            swiftSettings: settings
        ),
        .executableTarget(
            name: "yams-bench",
            dependencies: ["BenchSupport", "CalltaskModels", .product(name: "Yams", package: "Yams")],
            swiftSettings: settings
        ),
    ]
)
