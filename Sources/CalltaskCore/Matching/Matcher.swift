public import CalltaskModels
public import CalltaskYAML

/// Matches specs to live tasks: by `uuid` when the spec has one, else by exact name.
public enum Matcher {
    public struct Result: Sendable {
        /// Spec index → live task.
        public var matches: [(spec: LoadedSpec, live: LiveTask)]
        public var unmatched: [UnmatchedSpec]
        public var unmanaged: [UnmanagedTask]
        /// Ambiguous names: errors located at the spec.
        public var diagnostics: [Diagnostic]
    }

    public static func match(_ specs: [LoadedSpec], live: [LiveTask]) -> Result {
        var byUUID: [String: LiveTask] = [:]
        var byName: [String: [LiveTask]] = [:]
        for task in live {
            byUUID[task.uuid] = task
            if let name = task.name { byName[name, default: []].append(task) }
        }
        var matches: [(spec: LoadedSpec, live: LiveTask)] = []
        var unmatched: [UnmatchedSpec] = []
        var diagnostics: [Diagnostic] = []
        var used: Set<String> = []
        let names = live.compactMap(\.name)
        for spec in specs {
            let name = spec.spec.config.name ?? ""
            if let uuid = spec.spec.uuid {
                if let task = byUUID[uuid] {
                    matches.append((spec, task))
                    used.insert(task.uuid)
                } else {
                    unmatched.append(UnmatchedSpec(name: name, uuid: uuid, source: spec.location.description,
                                                   closest: Suggestion.nearest(to: name, in: names, count: 3)))
                }
                continue
            }
            let candidates = byName[name] ?? []
            switch candidates.count {
            case 1:
                matches.append((spec, candidates[0]))
                used.insert(candidates[0].uuid)
            case 0:
                unmatched.append(UnmatchedSpec(name: name, uuid: nil, source: spec.location.description,
                                               closest: Suggestion.nearest(to: name, in: names, count: 3)))
            default:
                let path = FieldPath(keys: "name")
                diagnostics.append(Diagnostic(
                    at: spec.location(of: path), path: path,
                    "the name '\(name)' matches \(candidates.count) live tasks: " + candidates.map(\.uuid).joined(separator: ", "),
                    hint: "add 'uuid:' with the task's id to say which one this spec manages"))
            }
        }
        let unmanaged = live.filter { !used.contains($0.uuid) }.map { UnmanagedTask(uuid: $0.uuid, name: $0.name ?? "") }
        return Result(matches: matches, unmatched: unmatched, unmanaged: unmanaged, diagnostics: diagnostics)
    }

    /// Whether `spec`/`live` is named by one of `selectors` (a name or a uuid).
    public static func selected(name: String?, uuid: String?, by selectors: [String]) -> Bool {
        selectors.contains { $0 == name || $0 == uuid }
    }
}
