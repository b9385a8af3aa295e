public import CalltaskCore
public import CalltaskYAML
import Foundation

/// The specs of a run, loaded and validated, with the sources kept for rendering snippets.
public struct SpecSet: Sendable {
    public var specs: [LoadedSpec]
    public var diagnostics: [Diagnostic]
    public var sources: [String: [UInt8]]
    /// A hash of every spec file's normalized path and bytes (saved plans are bound to it).
    public var hash: String
    /// Every spec file by normalized path (`SpecPath.normalize`), sorted, with the hash of its bytes.
    public var files: [SpecFileDigest]

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// Reads, loads and validates the specs under `paths`. Never touches the network. No spec at all is
    /// an error naming the paths (`hasErrors`), as is a directory without spec files.
    ///
    /// - Parameter workingDirectory: what relative paths are relative to, for the hash: the same files
    ///   named as `examples/`, `./examples` or by their absolute path hash the same.
    public static func load(_ paths: [String], workingDirectory: String = FileManager.default.currentDirectoryPath) -> SpecSet {
        let found = SpecFiles.read(paths)
        let loaded = ParallelSpecLoader.load(found.files)
        var diagnostics = found.diagnostics + loaded.diagnostics + Validator.validate(loaded.specs)
        if loaded.specs.isEmpty, !diagnostics.contains(where: { $0.severity == .error }) {
            // Files that hold no task (only comments, or empty documents): as empty as a wrong path.
            diagnostics.append(Diagnostic(at: nil, "no task specs in \(paths.joined(separator: ", "))",
                                          hint: "a spec file holds one task per YAML document, starting with 'name: ...'"))
        }
        var sources: [String: [UInt8]] = [:]
        for file in found.files { sources[file.path] = file.bytes }
        let (hash, files) = digest(of: found.files, workingDirectory: workingDirectory)
        return SpecSet(specs: loaded.specs, diagnostics: Diagnostic.sortedByLocation(diagnostics), sources: sources,
                       hash: hash, files: files)
    }

    /// Per file, its normalized path and the hash of its bytes, sorted by path; and the hash of them
    /// all (every normalized path and the file's bytes, each followed by a 0 byte, in that order).
    static func digest(of files: [SourceFile], workingDirectory: String) -> (hash: String, files: [SpecFileDigest]) {
        let named = files.map { (path: SpecPath.normalize($0.path, workingDirectory: workingDirectory), bytes: $0.bytes) }
            .sorted { $0.path < $1.path }
        var hasher = ContentHasher()
        var digests: [SpecFileDigest] = []
        for file in named {
            hasher.feed(bytes: Array(file.path.utf8))
            hasher.feed(byte: 0)
            hasher.feed(bytes: file.bytes)
            hasher.feed(byte: 0)
            digests.append(SpecFileDigest(path: file.path, bytes: file.bytes))
        }
        return (hasher.hex, digests)
    }
}
