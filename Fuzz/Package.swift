// swift-tools-version:6.2
// libFuzzer targets for calltask. A package of its own, so the root package's build graph never sees
// them: they only build with `-sanitize=fuzzer` (see scripts/fuzz.sh and docs in RELIABILITY.md).
//
// The pure targets they exercise (CLibYAML, CalltaskYAML, CalltaskModels, CalltaskCore) are compiled
// from the root package's own sources through the symlinks in Shared/, so this package has no remote
// dependencies and resolves offline.
import PackageDescription

let package = Package(
    name: "calltask-fuzz",
    targets: [
        .systemLibrary(name: "CLibYAML", path: "Shared/CLibYAML", pkgConfig: "yaml-0.1"),
        .target(name: "CalltaskYAML", dependencies: ["CLibYAML"], path: "Shared/CalltaskYAML"),
        .target(name: "CalltaskModels", path: "Shared/CalltaskModels"),
        .target(name: "CalltaskCore", dependencies: ["CalltaskYAML", "CalltaskModels"], path: "Shared/CalltaskCore"),
        // Load + validate (+ render the diagnostics) of one YAML spec file.
        .executableTarget(name: "FuzzSpecLoader", dependencies: ["CalltaskCore", "CalltaskYAML", "CalltaskModels"]),
        // Decoding one list-page answer, as the client reads it, then normalizing every task.
        .executableTarget(name: "FuzzListPage", dependencies: ["CalltaskCore", "CalltaskModels"]),
    ]
)
