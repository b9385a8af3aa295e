public import CalltaskCore
public import CalltaskYAML

/// The specs of a run, loaded and validated, with the sources kept for rendering snippets.
public struct SpecSet: Sendable {
    public var specs: [LoadedSpec]
    public var diagnostics: [Diagnostic]
    public var sources: [String: [UInt8]]
    /// A hash of every spec file's path and bytes (saved plans are bound to it).
    public var hash: String

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// Reads, loads and validates the specs under `paths`. Never touches the network.
    public static func load(_ paths: [String]) -> SpecSet {
        let found = SpecFiles.read(paths)
        let loaded = SpecLoader.load(found.files)
        let diagnostics = found.diagnostics + loaded.diagnostics + Validator.validate(loaded.specs)
        var sources: [String: [UInt8]] = [:]
        for file in found.files { sources[file.path] = file.bytes }
        return SpecSet(specs: loaded.specs, diagnostics: Diagnostic.sortedByLocation(diagnostics), sources: sources,
                       hash: hash(of: found.files))
    }

    /// The hash of every file's path and bytes, each followed by a 0 byte, in one buffer built once.
    static func hash(of files: [SourceFile]) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(files.reduce(0) { $0 + $1.path.utf8.count + $1.bytes.count + 2 })
        for file in files {
            bytes.append(contentsOf: file.path.utf8)
            bytes.append(0)
            bytes.append(contentsOf: file.bytes)
            bytes.append(0)
        }
        return ContentHash.hex(of: bytes)
    }
}
