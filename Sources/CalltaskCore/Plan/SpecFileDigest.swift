/// One spec file a plan was made from: its path, normalized (`SpecPath.normalize`), and a hash of its
/// bytes. A saved plan lists them, so `apply --plan` can say which file changed, was added or removed.
public struct SpecFileDigest: Codable, Hashable, Sendable {
    public var path: String
    /// `ContentHasher` of the file's bytes, 16 hex digits.
    public var hash: String

    public init(path: String, hash: String) {
        self.path = path
        self.hash = hash
    }

    /// The digest of a file's bytes.
    public init(path: String, bytes: [UInt8]) {
        var hasher = ContentHasher()
        hasher.feed(bytes: bytes)
        self.init(path: path, hash: hasher.hex)
    }

    /// What differs between the files a plan was made from and the files now, each list sorted.
    public static func differences(from saved: [SpecFileDigest], to now: [SpecFileDigest])
        -> (changed: [String], added: [String], removed: [String]) {
        var before: [String: String] = [:]
        for file in saved { before[file.path] = file.hash }
        var after: [String: String] = [:]
        for file in now { after[file.path] = file.hash }
        let changed = after.filter { path, hash in before[path].map { $0 != hash } ?? false }.map(\.key).sorted()
        let added = after.keys.filter { before[$0] == nil }.sorted()
        let removed = before.keys.filter { after[$0] == nil }.sorted()
        return (changed, added, removed)
    }
}

/// How a spec file's path is spelled in saved plans, whatever spelling the command line used.
public enum SpecPath {
    /// `path` made absolute against `workingDirectory`, with `.`, `..` and repeated `/` resolved
    /// lexically (symbolic links are not followed), then made relative to `workingDirectory` when it
    /// lies under it. `examples/a.yaml`, `./examples/a.yaml`, `examples//a.yaml` and
    /// `/work/repo/examples/a.yaml` (from `/work/repo`) all become `examples/a.yaml`.
    public static func normalize(_ path: String, workingDirectory: String) -> String {
        let base = components(workingDirectory.hasPrefix("/") ? workingDirectory : "/" + workingDirectory)
        let full = components(path.hasPrefix("/") ? path : workingDirectory + "/" + path)
        if full.count > base.count, Array(full.prefix(base.count)) == base {
            return full.dropFirst(base.count).joined(separator: "/")
        }
        return "/" + full.joined(separator: "/")
    }

    /// The components of an absolute path after resolving `.`, `..` and empty ones (`..` at the root stays at the root).
    private static func components(_ absolute: String) -> [String] {
        var out: [String] = []
        for part in absolute.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..": if !out.isEmpty { out.removeLast() }
            default: out.append(String(part))
            }
        }
        return out
    }
}
