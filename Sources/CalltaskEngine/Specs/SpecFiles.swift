public import CalltaskCore
public import CalltaskYAML
import Foundation

/// Finds and reads spec files: the I/O half of loading (`SpecLoader` is the pure half).
///
/// Directories are searched recursively for `*.yaml` and `*.yml` in a stable (sorted) order, skipping
/// hidden directories (`.git`, `.github`, ...) and the settings file `calltask.yaml`.
public enum SpecFiles {
    public struct Found: Sendable {
        public var files: [SourceFile]
        public var diagnostics: [Diagnostic]
    }

    /// Reads every spec file under `paths` (files or directories), with an error for each unreadable one
    /// and for each directory that holds no spec file.
    public static func read(_ paths: [String], maxFileBytes: Int = YAMLLimits.default.maxFileBytes) -> Found {
        var files: [SourceFile] = []
        var diagnostics: [Diagnostic] = []
        // A file named twice (`examples/` and `./examples/a.yaml`) is read once.
        var seen: Set<String> = []
        let workingDirectory = FileManager.default.currentDirectoryPath
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                diagnostics.append(Diagnostic(at: nil, "no such file or directory: \(path)", hint: "check the path"))
                continue
            }
            let candidates = isDirectory.boolValue ? yamlFiles(under: path) : [path]
            if candidates.isEmpty {
                // A wrong path in CI must not pass as "0 specs, nothing to do".
                diagnostics.append(Diagnostic(at: nil, "no spec files (*.yaml, *.yml) in \(path)",
                                              hint: "check the path; hidden directories and calltask.yaml are not read"))
            }
            for candidate in candidates where seen.insert(SpecPath.normalize(candidate, workingDirectory: workingDirectory)).inserted {
                switch readFile(candidate, maxFileBytes: maxFileBytes) {
                case .success(let bytes): files.append(SourceFile(path: candidate, bytes: bytes))
                case .failure(let diagnostic): diagnostics.append(diagnostic)
                }
            }
        }
        return Found(files: files, diagnostics: diagnostics)
    }

    /// One file's bytes, or why it cannot be used. The size comes from the open handle (one seek), not
    /// from `attributesOfItem`, which builds a dictionary of every attribute per file.
    static func readFile(_ path: String, maxFileBytes: Int) -> Result<[UInt8], Diagnostic> {
        let start = SourceLocation(file: path, line: 1, column: 1)
        guard let handle = FileHandle(forReadingAtPath: path) else {
            return .failure(Diagnostic(at: start, "cannot read the file", hint: "check its permissions"))
        }
        defer { try? handle.close() }
        do {
            let size = try handle.seekToEnd()
            if size > UInt64(maxFileBytes) {
                return .failure(Diagnostic(at: start, "file is \(size) bytes, above the limit of \(maxFileBytes) bytes",
                                           hint: "split the tasks into several files"))
            }
            try handle.seek(toOffset: 0)
            return .success([UInt8](try handle.readToEnd() ?? Data()))
        } catch {
            return .failure(Diagnostic(at: start, "cannot read the file: \(error.localizedDescription)",
                                       hint: "check that it is a regular file you can read"))
        }
    }

    /// `*.yaml` and `*.yml` under `directory`, sorted, skipping hidden directories and `calltask.yaml`.
    static func yamlFiles(under directory: String) -> [String] {
        var out: [String] = []
        var pending = [directory]
        let manager = FileManager.default
        while let current = pending.popLast() {
            guard let entries = try? manager.contentsOfDirectory(atPath: current) else { continue }
            for entry in entries.sorted() {
                if entry.hasPrefix(".") { continue }
                let full = current.hasSuffix("/") ? current + entry : current + "/" + entry
                var isDirectory: ObjCBool = false
                guard manager.fileExists(atPath: full, isDirectory: &isDirectory) else { continue }
                if isDirectory.boolValue {
                    pending.append(full)
                } else if (entry.hasSuffix(".yaml") || entry.hasSuffix(".yml")), entry != "calltask.yaml", entry != "calltask.yml" {
                    out.append(full)
                }
            }
        }
        return out.sorted()
    }
}
