public import CalltaskModels
public import CalltaskYAML

/// Matches specs to live tasks: by `uuid` when the spec has one, else by exact name.
public enum Matcher {
    public struct Result: Sendable {
        /// Spec index → live task.
        public var matches: [(spec: LoadedSpec, live: LiveTask)]
        public var unmatched: [UnmatchedSpec]
        /// The specs of `unmatched`, in the same order.
        public var unmatchedSpecs: [LoadedSpec]
        public var unmanaged: [UnmanagedTask]
        /// Ambiguous names: errors located at the spec.
        public var diagnostics: [Diagnostic]
    }

    public static func match(_ specs: [LoadedSpec], live: [LiveTask]) -> Result {
        // Indices into `live`, not copies: a `LiveTask` is large, and each is copied once, into `matches`.
        var byUUID: [String: Int] = [:]
        var byName: [String: Int] = [:]
        /// Names more than one live task carries: every index, in list order.
        var shared: [String: [Int]] = [:]
        byUUID.reserveCapacity(live.count)
        byName.reserveCapacity(live.count)
        for index in live.indices {
            byUUID[live[index].uuid] = index
            guard let name = live[index].name else { continue }
            if let first = byName.updateValue(index, forKey: name) {
                byName[name] = first
                shared[name, default: [first]].append(index)
            }
        }
        var matches: [(spec: LoadedSpec, live: LiveTask)] = []
        matches.reserveCapacity(specs.count)
        var unmatched: [UnmatchedSpec] = []
        var unmatchedSpecs: [LoadedSpec] = []
        var diagnostics: [Diagnostic] = []
        var used: Set<String> = []
        used.reserveCapacity(specs.count)
        /// Live uuid → the index in `specs` of the first spec that resolved to it.
        var claimedBy: [String: Int] = [:]
        claimedBy.reserveCapacity(specs.count)
        /// Two specs that resolve to one live task (one by uuid, one by name) would both plan an update
        /// of it, and every apply would flip it between them: an error naming both places.
        func claim(_ specIndex: Int, live index: Int) -> Bool {
            let uuid = live[index].uuid
            if let first = claimedBy[uuid] {
                let spec = specs[specIndex]
                let other = specs[first]
                let path = FieldPath(keys: spec.spec.uuid == nil ? "name" : "uuid")
                let otherPath = FieldPath(keys: other.spec.uuid == nil ? "name" : "uuid")
                diagnostics.append(Diagnostic(
                    at: spec.location(of: path), path: path,
                    "this spec and the one at \(other.location(of: otherPath)) both resolve to the live task \(uuid)"
                        + " ('\(live[index].name ?? "")'); each apply would undo the other",
                    hint: "keep one spec per task: delete or merge one of the two",
                    notes: [.init(location: other.location(of: otherPath), message: "the other spec of this task")]))
                return false
            }
            claimedBy[uuid] = specIndex
            return true
        }
        var names: [String]?  // the live names, for suggestions; gathered once, when first needed
        func unmatchedSpec(_ spec: LoadedSpec, name: String) -> UnmatchedSpec {
            let candidates = names ?? live.compactMap(\.name)
            names = candidates
            unmatchedSpecs.append(spec)
            return UnmatchedSpec(name: name, uuid: spec.spec.uuid, source: spec.location.description,
                                 closest: Suggestion.nearest(to: name, in: candidates, count: 3))
        }
        for (specIndex, spec) in specs.enumerated() {
            let name = spec.spec.config.name ?? ""
            if let uuid = spec.spec.uuid {
                if let index = byUUID[uuid] {
                    if claim(specIndex, live: index) { matches.append((spec, live[index])) }
                    used.insert(uuid)
                } else {
                    unmatched.append(unmatchedSpec(spec, name: name))
                }
                continue
            }
            if let candidates = shared[name] {
                let path = FieldPath(keys: "name")
                diagnostics.append(Diagnostic(
                    at: spec.location(of: path), path: path,
                    "the name '\(name)' matches \(candidates.count) live tasks: " + candidates.map { live[$0].uuid }.joined(separator: ", "),
                    hint: "add 'uuid:' with the task's id to say which one this spec manages"))
            } else if let index = byName[name] {
                if claim(specIndex, live: index) { matches.append((spec, live[index])) }
                used.insert(live[index].uuid)
            } else {
                unmatched.append(unmatchedSpec(spec, name: name))
            }
        }
        var unmanaged: [UnmanagedTask] = []
        for index in live.indices where !used.contains(live[index].uuid) {
            unmanaged.append(UnmanagedTask(uuid: live[index].uuid, name: live[index].name ?? ""))
        }
        return Result(matches: matches, unmatched: unmatched, unmatchedSpecs: unmatchedSpecs, unmanaged: unmanaged, diagnostics: diagnostics)
    }

    /// Whether `spec`/`live` is named by one of `selectors` (a name or a uuid).
    public static func selected(name: String?, uuid: String?, by selectors: [String]) -> Bool {
        selectors.contains { $0 == name || $0 == uuid }
    }
}
