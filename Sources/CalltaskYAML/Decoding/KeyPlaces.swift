/// Where in a document each key belongs: for hints on a key written at the wrong level ("'pop_mode'
/// belongs under 'task_extras'") and on a value of the wrong shape ("write it as a mapping:
/// {da_status: [...]}").
///
/// The decoder knows no models, only which keys each mapping was asked for while a model decoded it
/// (`KeyTracker`). A mapping the document does not write was never asked anything, so its keys are
/// found by probing: decode once more with an empty mapping in its place and record what the model
/// asks of it. Probes run only when a document has an unknown key or a misshapen value, and are bounded.
struct KeyPlaces {
    /// The paths of the mappings that ask for each key (list indexes included).
    private(set) var places: [String: [FieldPath]] = [:]

    /// At most this many probe decodes per document, each a decode of the whole document.
    static let probeBudget = 96
    /// Documents larger than this (in nodes, aliases expanded) are not probed: a hint is not worth
    /// decoding a huge document dozens of times.
    static let probeWeightLimit = 5_000

    /// The places of every key the decode of `tree` as `type` asked for (`recorder` holds what it
    /// asked), plus the keys of mappings the document leaves out, one level below a written mapping.
    init<T: Decodable>(_ type: T.Type, tree: YAMLNode, recorder: KeyTracker, ignoringRootKeys ignore: (String) -> Bool) {
        var paths: [Int32: FieldPath] = [:]
        var absent: [(path: FieldPath, key: String)] = []
        Self.walk(tree, path: FieldPath(), isRoot: true, ignore: ignore) { node, path in
            guard paths[node.serial] == nil, let asked = recorder.asked[node.serial] else { return }
            paths[node.serial] = path
            let written = Set((node.pairs ?? []).compactMap { $0.key.scalar?.value })
            for key in asked.sorted() where !written.contains(key) && path.components.count < 2 {
                absent.append((path, key))
            }
        }
        for (serial, keys) in recorder.asked {
            guard let path = paths[serial] else { continue }
            for key in keys { places[key, default: []].append(path) }
        }
        var budget = tree.weight <= Self.probeWeightLimit ? Self.probeBudget : 0
        for (path, key) in absent where budget > 0 {
            let probed = path.appending(key)
            for asked in Self.keys(of: type, in: tree, askedAt: probed, budget: &budget) {
                places[asked, default: []].append(probed)
            }
        }
    }

    /// The keys a decode of `tree` as `type` asks of a mapping put at `path` (nothing when the model
    /// does not read a mapping there).
    ///
    /// It starts from an empty mapping. A model stops at its first missing required key, so each missing
    /// key is filled with the first of a few values that decodes (a number, text, a list, a mapping, a
    /// boolean) and the probe runs again, until the model reads the mapping through.
    static func keys<T: Decodable>(of type: T.Type, in tree: YAMLNode, askedAt path: FieldPath, budget: inout Int) -> Set<String> {
        let location = tree.node(at: path).node.location
        var pairs: [YAMLNode.Pair] = []
        var asked: Set<String> = []
        while budget > 0 {
            budget -= 1
            let (keys, failure) = probe(type, tree, path, YAMLNode(.mapping(pairs), at: location))
            asked.formUnion(keys)
            guard case .keyNotFound(let key, let context)? = failure, FieldPath(codingPath: context.codingPath) == path else {
                return asked
            }
            let candidates: [YAMLNode.Kind] = [
                .scalar(.init("0")), .scalar(.init("x", style: .doubleQuoted)), .sequence([]), .mapping([]), .scalar(.init("true")),
            ]
            var filled = false
            for candidate in candidates where budget > 0 {
                budget -= 1
                let pair = YAMLNode.Pair(key: YAMLNode(.scalar(.init(key.stringValue)), at: location), value: YAMLNode(candidate, at: location))
                let (_, next) = probe(type, tree, path, YAMLNode(.mapping(pairs + [pair]), at: location))
                if let next, failurePath(next).components.starts(with: path.appending(key.stringValue).components) { continue }
                pairs.append(pair)
                filled = true
                break
            }
            if !filled { return asked }
        }
        return asked
    }

    /// One probe decode: what it asked of the mapping at `path`, and how it failed.
    private static func probe<T: Decodable>(
        _ type: T.Type, _ tree: YAMLNode, _ path: FieldPath, _ mapping: YAMLNode
    ) -> (Set<String>, DecodingError?) {
        guard let probe = tree.setting(path, to: mapping)?.numbered() else { return ([], nil) }
        let serial = probe.node(at: path).node.serial
        let recorder = KeyTracker(recordsAskedKeys: true)
        do {
            _ = try T(from: NodeDecoder(node: probe, parent: nil, key: nil, tracker: recorder))
            return (recorder.asked[serial] ?? [], nil)
        } catch let error as DecodingError {
            return (recorder.asked[serial] ?? [], error)
        } catch {
            return (recorder.asked[serial] ?? [], nil)
        }
    }

    private static func failurePath(_ error: DecodingError) -> FieldPath {
        switch error {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context), .keyNotFound(_, let context):
            return FieldPath(codingPath: context.codingPath)
        @unknown default:
            return FieldPath()
        }
    }

    /// "'pop_mode' belongs under 'task_extras'", "... at the top level", or nil when `key` belongs
    /// nowhere but `parent`.
    func hint(for key: String, under parent: FieldPath) -> String? {
        whereabouts(of: key, besides: parent).map { "'\(key)' belongs \($0)" }
    }

    /// The closest key of another place, for a key both misspelt and misplaced: "did you mean
    /// 'redial_interval'? It belongs under 'task_extras'".
    func suggestion(for key: String, under parent: FieldPath) -> String? {
        let here = Self.shape(parent)
        let candidates = places.filter { _, paths in paths.contains { Self.shape($0) != here } }.map(\.key)
        guard let best = Suggestion.closest(to: key, in: candidates),
              let whereabouts = whereabouts(of: best, besides: parent) else { return nil }
        return "did you mean '\(best)'? It belongs \(whereabouts)"
    }

    /// "under 'task_extras'", "at the top level", "in each item of 'task_extras.line'" (up to three,
    /// joined by "or"), for the places of `key` other than `parent`.
    private func whereabouts(of key: String, besides parent: FieldPath) -> String? {
        let here = Self.shape(parent)
        var shapes: [String] = []
        for path in places[key] ?? [] {
            let shape = Self.shape(path)
            if shape != here, !shapes.contains(shape) { shapes.append(shape) }
        }
        guard !shapes.isEmpty else { return nil }
        return shapes.sorted().prefix(3).map { shape in
            shape.isEmpty ? "at the top level"
                : shape.hasSuffix("[]") ? "in each item of '\(shape.dropLast(2))'" : "under '\(shape)'"
        }.joined(separator: " or ")
    }

    /// A path with its list indexes dropped: `task_extras.line[]` for every line.
    static func shape(_ path: FieldPath) -> String {
        var out = ""
        for component in path.components {
            switch component {
            case .key(let key): out += (out.isEmpty ? "" : ".") + key
            case .index: out += "[]"
            }
        }
        return out
    }

    /// Visits every mapping under `node` with its path, skipping ignored root keys.
    private static func walk(
        _ node: YAMLNode, path: FieldPath, isRoot: Bool, ignore: (String) -> Bool, visit: (YAMLNode, FieldPath) -> Void
    ) {
        switch node.kind {
        case .scalar:
            return
        case .sequence(let elements):
            for (index, element) in elements.enumerated() {
                walk(element, path: path.appending(index: index), isRoot: false, ignore: ignore, visit: visit)
            }
        case .mapping(let pairs):
            visit(node, path)
            for pair in pairs {
                guard let key = pair.key.scalar?.value, !(isRoot && ignore(key)) else { continue }
                walk(pair.value, path: path.appending(key), isRoot: false, ignore: ignore, visit: visit)
            }
        }
    }
}

extension YAMLNode {
    /// A copy with `node` at `path`: the value of an existing key or item is replaced, a missing last
    /// key is added. Nil when the path does not lead through mappings and lists that exist.
    func setting(_ path: FieldPath, to node: YAMLNode) -> YAMLNode? {
        guard let first = path.components.first else { return node }
        let rest = FieldPath(Array(path.components.dropFirst()))
        var copy = self
        switch (first, kind) {
        case (.key(let key), .mapping(var pairs)):
            if let index = pairs.lastIndex(where: { $0.key.scalar?.value == key }) {
                guard let child = pairs[index].value.setting(rest, to: node) else { return nil }
                pairs[index].value = child
            } else {
                guard rest.isEmpty else { return nil }
                pairs.append(Pair(key: YAMLNode(.scalar(Scalar(key)), at: location), value: node))
            }
            copy.kind = .mapping(pairs)
        case (.index(let index), .sequence(var elements)):
            guard elements.indices.contains(index), let child = elements[index].setting(rest, to: node) else { return nil }
            elements[index] = child
            copy.kind = .sequence(elements)
        default:
            return nil
        }
        return copy
    }
}
