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
        let loaded = ParallelSpecLoader.load(found.files)
        let diagnostics = found.diagnostics + loaded.diagnostics + Validator.validate(loaded.specs)
        var sources: [String: [UInt8]] = [:]
        for file in found.files { sources[file.path] = file.bytes }
        return SpecSet(specs: loaded.specs, diagnostics: Diagnostic.sortedByLocation(diagnostics), sources: sources,
                       hash: hash(of: found.files))
    }

    /// The hash of every file's path and bytes, each followed by a 0 byte, streamed file by file.
    static func hash(of files: [SourceFile]) -> String {
        var hasher = ContentHasher()
        for file in files {
            hasher.feed(bytes: Array(file.path.utf8))
            hasher.feed(byte: 0)
            hasher.feed(bytes: file.bytes)
            hasher.feed(byte: 0)
        }
        return hasher.hex
    }
}
