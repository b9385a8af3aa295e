/// Decodes `Decodable` values from `YAMLNode` trees, so YAML specs decode into the same Codable models
/// as the API's JSON.
///
/// The decoder records which keys each mapping was asked for (`decode`, `decodeIfPresent`, `contains`),
/// as ArgumentParser records used origins. Keys nobody asked for are unknown keys, reported with the
/// closest key that was asked for.
///
/// ```swift
/// let result = YAMLDecoder().decode(TaskSpec.self, from: document.root)
/// ```
public struct YAMLDecoder: Sendable {
    /// Whether the document is a spec a person wrote (`SpecLoader` sets it): the models then read quoted
    /// values as text only, without the leniency they keep for the platform's JSON. Given to every model
    /// as `userInfo[YAMLDecoder.specInputKey] == true`.
    public var specInput: Bool

    public init(specInput: Bool = false) {
        self.specInput = specInput
    }

    /// The `userInfo` key of the spec-input flag. CalltaskModels imports nothing of ours, so it creates
    /// the same key from the same string: keep this string equal to `SpecInput.userInfoKey`'s
    /// (Sources/CalltaskModels/Values/SpecInput.swift).
    public static let specInputKey = CodingUserInfoKey(rawValue: "calltask.specInput")!

    /// The `userInfo` every decoder of one decode gives the models.
    private var userInfo: [CodingUserInfoKey: Any] { specInput ? [Self.specInputKey: true] : [:] }

    /// The result of one decode: the value (nil when decoding failed) and every diagnostic.
    public struct Result<Value> {
        public var value: Value?
        public var diagnostics: [Diagnostic]
        /// Paths whose values were dropped because they failed to decode, as paths of the document
        /// decoded (list indexes count the dropped items). `value` lacks them: to turn a path of `value`
        /// into the document's, use `FieldPath.restoringRemoved(_:)` with these.
        public var removedPaths: [FieldPath] = []
    }

    /// Decodes `type` from `node`, collecting every decoding failure and every unknown key as diagnostics.
    ///
    /// Codable stops at the first bad value, which would hide later problems and leave later keys
    /// "never asked for". So after a failure the offending value is removed from the tree and decoding
    /// runs again (a missing required key then removes its enclosing mapping), until it succeeds or
    /// nothing is left to remove. `removedPaths` lists what was dropped, so later checks can stay quiet
    /// about fields that already have an error.
    ///
    /// - Parameter ignoringRootKeys: root-level keys that are not part of the model (e.g. `x-` anchors).
    public func decode<T: Decodable>(
        _ type: T.Type,
        from node: YAMLNode,
        ignoringRootKeys ignore: (String) -> Bool = { _ in false }
    ) -> Result<T> {
        var tree = node.serial < 0 ? node.numbered() : node
        var diagnostics: [Diagnostic] = []
        var removed: [FieldPath] = []
        var hintBudget = 32  // probe decodes for shape hints, for the whole document
        for _ in 0..<64 {
            let tracker = KeyTracker(recordsAskedKeys: false, userInfo: userInfo)
            let failure: DecodingError
            do {
                let value = try T(from: NodeDecoder(node: tree, parent: nil, key: nil, tracker: tracker))
                diagnostics += Self.unknownKeys(in: tree, as: type, tracker: tracker, userInfo: userInfo, ignoringRootKeys: ignore)
                    .map { $0.restoringRemoved(removed) }
                return Result(value: value, diagnostics: diagnostics, removedPaths: removed)
            } catch let error as DecodingError {
                failure = error
            } catch {
                diagnostics.append(Diagnostic(at: node.location, "\(error)"))
                break
            }
            // Paths of `tree`, which is shorter than the document wherever a list item was dropped;
            // diagnostics and `removed` name the document's own paths (`restoringRemoved`).
            var target: FieldPath
            if case .keyNotFound(let key, let context) = failure {
                let parent = FieldPath(codingPath: context.codingPath)
                if removed.contains(parent.appending(key.stringValue).restoringRemoved(removed)) {
                    target = parent  // a required key we removed ourselves: drop its mapping instead
                } else {
                    diagnostics.append(Self.diagnostic(for: failure, root: tree).restoringRemoved(removed))
                    target = parent
                }
            } else {
                var diagnostic = Self.diagnostic(for: failure, root: tree)
                if diagnostic.hint == nil { diagnostic.hint = Self.shapeHint(for: failure, as: type, root: tree, budget: &hintBudget) }
                diagnostics.append(diagnostic.restoringRemoved(removed))
                target = Self.failurePath(failure)
            }
            guard !target.isEmpty, let pruned = tree.removing(target) else { break }
            removed.append(target.restoringRemoved(removed))
            tree = pruned
        }
        return Result(value: nil, diagnostics: diagnostics, removedPaths: removed)
    }

    /// The unknown keys of a successful decode. The fast decode only marks which keys were used; when a
    /// key was not, the (pure, deterministic) decode runs once more recording every key each mapping
    /// asked for, so the message can name the closest valid key.
    private static func unknownKeys<T: Decodable>(
        in tree: YAMLNode, as type: T.Type, tracker: KeyTracker, userInfo: [CodingUserInfoKey: Any],
        ignoringRootKeys ignore: (String) -> Bool
    ) -> [Diagnostic] {
        guard UnknownKeyFinder.hasUnknownKey(in: tree, tracker: tracker, ignoringRootKeys: ignore) else { return [] }
        let recorder = KeyTracker(recordsAskedKeys: true, userInfo: userInfo)
        _ = try? T(from: NodeDecoder(node: tree, parent: nil, key: nil, tracker: recorder))
        let places = KeyPlaces(type, tree: tree, recorder: recorder, ignoringRootKeys: ignore)
        return UnknownKeyFinder.find(in: tree, tracker: recorder, ignoringRootKeys: ignore, places: places)
    }

    /// For a mapping expected where a list or a scalar is written: the keys the mapping takes, found by
    /// probing (`KeyPlaces.keys`). "write it as a mapping: {da_status: [...]}" when it takes one key.
    private static func shapeHint<T: Decodable>(
        for error: DecodingError, as type: T.Type, root: YAMLNode, budget: inout Int
    ) -> String? {
        guard case .typeMismatch(let expected, let context) = error,
              ObjectIdentifier(expected) == ObjectIdentifier([String: Any].self), root.weight <= KeyPlaces.probeWeightLimit else { return nil }
        let path = FieldPath(codingPath: context.codingPath)
        let keys = KeyPlaces.keys(of: type, in: root, askedAt: path, budget: &budget).sorted()
        guard let first = keys.first else { return nil }
        if keys.count == 1 {
            let placeholder = root.node(at: path).node.elements != nil ? "[...]" : "..."
            return "write it as a mapping: {\(first): \(placeholder)}"
        }
        return "write it as a mapping of \(keys.joined(separator: ", "))"
    }

    private static func failurePath(_ error: DecodingError) -> FieldPath {
        switch error {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context),
             .keyNotFound(_, let context):
            return FieldPath(codingPath: context.codingPath)
        @unknown default:
            return FieldPath()
        }
    }

    /// Decodes `type` from `node`, throwing the first problem (for settings and other small files).
    public func decodeThrowing<T: Decodable>(_ type: T.Type, from node: YAMLNode) throws(Diagnostic) -> T {
        let result = decode(type, from: node)
        if let first = result.diagnostics.first(where: { $0.severity == .error }) { throw first }
        guard let value = result.value else { throw Diagnostic(at: node.location, "could not decode the document") }
        return value
    }

    /// Locates a `DecodingError` by walking its coding path through the tree.
    static func diagnostic(for error: DecodingError, root: YAMLNode) -> Diagnostic {
        switch error {
        case .keyNotFound(let key, let context):
            let path = FieldPath(codingPath: context.codingPath)
            let found = root.node(at: path)
            return Diagnostic(at: found.node.location, path: path.appending(key.stringValue),
                              "missing required key '\(key.stringValue)'")
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            let path = FieldPath(codingPath: context.codingPath)
            let found = root.node(at: path)
            // A model says what to write instead through the error's underlying error (its
            // `DecodingHint`, which this layer does not know by type): its description is the hint.
            let hint = context.underlyingError.map { String(describing: $0) }
            return Diagnostic(at: found.node.location, path: path, context.debugDescription, hint: hint)
        @unknown default:
            return Diagnostic(at: root.location, "\(error)")
        }
    }
}

extension Diagnostic {
    /// The diagnostic with its path read in the document rather than in the pruned tree.
    func restoringRemoved(_ removed: [FieldPath]) -> Diagnostic {
        guard !removed.isEmpty else { return self }
        var copy = self
        copy.path = path.restoringRemoved(removed)
        return copy
    }
}

/// The hint of a scalar the decoder itself refuses, carried as the `DecodingError`'s underlying error
/// (the models use their own `DecodingHint` the same way).
struct ScalarHint: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Which key nodes each decode used, and which mappings it read as keyed models, and the decode's
/// `userInfo` (every `NodeDecoder` of the decode shares the tracker). Lives for one decode.
///
/// Marks are kept by node number (`YAMLNode.serial`) in a flat array: no hashing on the hot path. The
/// keys each mapping asked for (for did-you-mean) are recorded only when `recordsAskedKeys` is on.
final class KeyTracker {
    private struct Marks: OptionSet {
        let rawValue: UInt8
        static let usedKey = Marks(rawValue: 1)
        static let keyed = Marks(rawValue: 2)
        static let whole = Marks(rawValue: 4)
    }

    let recordsAskedKeys: Bool
    let userInfo: [CodingUserInfoKey: Any]
    private var marks: [Marks] = []
    private(set) var asked: [Int32: Set<String>] = [:]

    init(recordsAskedKeys: Bool, userInfo: [CodingUserInfoKey: Any] = [:]) {
        self.recordsAskedKeys = recordsAskedKeys
        self.userInfo = userInfo
        marks.reserveCapacity(256)
    }

    private func mark(_ node: YAMLNode, _ mark: Marks) {
        let serial = Int(node.serial)
        guard serial >= 0 else { return }
        if serial >= marks.count { marks.append(contentsOf: repeatElement([], count: serial - marks.count + 1)) }
        marks[serial].insert(mark)
    }

    private func has(_ node: YAMLNode, _ mark: Marks) -> Bool {
        let serial = Int(node.serial)
        guard serial >= 0 else { return true }  // unnumbered: never reported
        return serial < marks.count && marks[serial].contains(mark)
    }

    func readAsKeyed(_ mapping: YAMLNode) {
        mark(mapping, .keyed)
        if recordsAskedKeys, asked[mapping.serial] == nil { asked[mapping.serial] = [] }
    }
    func readWhole(_ mapping: YAMLNode) { mark(mapping, .whole) }
    func use(_ key: YAMLNode) { mark(key, .usedKey) }
    func ask(_ key: String, in mapping: YAMLNode) {
        if recordsAskedKeys { asked[mapping.serial, default: []].insert(key) }
    }

    func isKeyed(_ mapping: YAMLNode) -> Bool { has(mapping, .keyed) }
    func isWhole(_ mapping: YAMLNode) -> Bool { has(mapping, .whole) }
    func isUsed(_ key: YAMLNode) -> Bool { has(key, .usedKey) }
}

/// Walks a decoded tree and reports the keys no model asked for.
enum UnknownKeyFinder {
    /// Whether any key of a keyed mapping went unused (cheap: no paths, no messages).
    static func hasUnknownKey(in root: YAMLNode, tracker: KeyTracker, ignoringRootKeys ignore: (String) -> Bool) -> Bool {
        var found = false
        walk(root, tracker: tracker, ignore: ignore) { _, _ in
            found = true
            return false
        }
        return found
    }

    /// Every unknown key, located, with the closest key that was asked for (the tracker must record them).
    /// A key that belongs at another level says where (`places`), before any did-you-mean.
    static func find(
        in root: YAMLNode, tracker: KeyTracker, ignoringRootKeys ignore: (String) -> Bool, places: KeyPlaces? = nil
    ) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        walk(root, tracker: tracker, ignore: ignore) { pair, path in
            guard let key = pair.key.scalar?.value else { return true }
            let asked = tracker.asked[path.mapping.serial] ?? []
            let parent = FieldPath(path.components)
            let suggestion = Suggestion.closest(to: key, in: asked)
            let place = parent.isEmpty ? "" : " in '\(parent)'"
            diagnostics.append(Diagnostic(
                at: pair.key.location, path: parent.appending(key), "unknown key '\(key)'\(place)",
                hint: places?.hint(for: key, under: parent)
                    ?? suggestion.map { "did you mean '\($0)'?" }
                    ?? places?.suggestion(for: key, under: parent)
                    ?? "valid keys here: \(asked.sorted().joined(separator: ", "))"))
            return true
        }
        return diagnostics
    }

    /// Where the walk is: the path so far (pushed and popped, not copied) and the mapping being read.
    struct Position {
        var components: [FieldPath.Component] = []
        var mapping: YAMLNode
    }

    /// Calls `report` for each unknown key's pair, depth first, until it returns false.
    private static func walk(
        _ root: YAMLNode, tracker: KeyTracker, ignore: (String) -> Bool,
        report: (YAMLNode.Pair, Position) -> Bool
    ) {
        var position = Position(mapping: root)
        _ = visit(root, isRoot: true, tracker: tracker, ignore: ignore, position: &position, report: report)
    }

    private static func visit(
        _ node: YAMLNode, isRoot: Bool, tracker: KeyTracker, ignore: (String) -> Bool,
        position: inout Position, report: (YAMLNode.Pair, Position) -> Bool
    ) -> Bool {
        switch node.kind {
        case .scalar:
            return true
        case .sequence(let elements):
            for (index, element) in elements.enumerated() {
                position.components.append(.index(index))
                defer { position.components.removeLast() }
                guard visit(element, isRoot: false, tracker: tracker, ignore: ignore, position: &position, report: report) else { return false }
            }
            return true
        case .mapping(let pairs):
            guard tracker.isKeyed(node) else { return true }  // not decoded as a keyed model
            let whole = tracker.isWhole(node)
            for pair in pairs {
                guard let key = pair.key.scalar?.value else { continue }
                if isRoot && ignore(key) { continue }
                if whole || tracker.isUsed(pair.key) {
                    position.components.append(.key(key))
                    defer { position.components.removeLast() }
                    guard visit(pair.value, isRoot: false, tracker: tracker, ignore: ignore, position: &position, report: report) else { return false }
                    continue
                }
                let saved = position.mapping
                position.mapping = node
                defer { position.mapping = saved }
                guard report(pair, position) else { return false }
            }
            return true
        }
    }
}

/// A coding path as a linked list: a nested decoder adds one link instead of copying the whole path,
/// and the `[CodingKey]` array is built only when someone asks for it (errors, mostly).
final class CodingPathLink: Sendable {
    let parent: CodingPathLink?
    let key: any CodingKey

    init(parent: CodingPathLink?, key: any CodingKey) {
        self.parent = parent
        self.key = key
    }

    static func path(_ link: CodingPathLink?, then key: (any CodingKey)? = nil) -> [any CodingKey] {
        var keys: [any CodingKey] = key.map { [$0] } ?? []
        var current = link
        while let link = current {
            keys.append(link.key)
            current = link.parent
        }
        return keys.reversed()
    }

    /// The link for `parent` + `key` (no allocation when there is no key).
    static func extend(_ parent: CodingPathLink?, _ key: (any CodingKey)?) -> CodingPathLink? {
        guard let key else { return parent }
        return CodingPathLink(parent: parent, key: key)
    }
}

/// A list index as a coding key. Holds only the number, so it fits an existential's inline buffer.
struct IndexKey: CodingKey {
    let index: Int
    init(_ index: Int) { self.index = index }
    init?(stringValue: String) { return nil }
    init?(intValue: Int) { self.init(intValue) }
    var stringValue: String { "Index \(index)" }
    var intValue: Int? { index }
}

struct NodeDecoder: Decoder {
    let node: YAMLNode
    /// The path of the container holding this value, and this value's key in it.
    let parent: CodingPathLink?
    let key: (any CodingKey)?
    let tracker: KeyTracker
    var codingPath: [any CodingKey] { CodingPathLink.path(parent, then: key) }
    var userInfo: [CodingUserInfoKey: Any] { tracker.userInfo }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard let pairs = node.pairs else {
            throw DecodingError.typeMismatch([String: Any].self, .init(
                codingPath: codingPath, debugDescription: "expected a mapping, found \(node.kindDescription)"))
        }
        tracker.readAsKeyed(node)
        return KeyedDecodingContainer(KeyedNodeContainer<Key>(
            node: node, pairs: pairs, path: CodingPathLink.extend(parent, key), tracker: tracker))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard let elements = node.elements else {
            throw DecodingError.typeMismatch([Any].self, .init(
                codingPath: codingPath, debugDescription: "expected a list, found \(node.kindDescription)"))
        }
        return UnkeyedNodeContainer(elements: elements, path: CodingPathLink.extend(parent, key), tracker: tracker)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        SingleNodeContainer(node: node, parent: parent, key: key, tracker: tracker)
    }
}

struct KeyedNodeContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let node: YAMLNode
    let pairs: [YAMLNode.Pair]
    /// The pairs' keys, read out once: a lookup then compares strings in place instead of copying
    /// each pair (two nodes, several references) as it scans.
    let names: [String?]
    let path: CodingPathLink?
    let tracker: KeyTracker

    init(node: YAMLNode, pairs: [YAMLNode.Pair], path: CodingPathLink?, tracker: KeyTracker) {
        self.node = node
        self.pairs = pairs
        self.names = pairs.map { $0.key.scalar?.value }
        self.path = path
        self.tracker = tracker
    }

    var codingPath: [any CodingKey] { CodingPathLink.path(path) }

    var allKeys: [Key] {
        tracker.readWhole(node)
        return names.compactMap { $0.flatMap(Key.init(stringValue:)) }
    }

    /// The pair for `key`. Spec mappings hold a few dozen keys at most, so a scan of short strings
    /// beats building a hash table per mapping.
    private func pair(for key: Key) -> YAMLNode.Pair? {
        let name = key.stringValue
        tracker.ask(name, in: node)
        // Keys match byte for byte (as JSON keys do): no Unicode normalisation on every comparison.
        let count = name.utf8.count
        guard let offset = names.firstIndex(where: { candidate in
            guard let candidate, candidate.utf8.count == count else { return false }
            return candidate.utf8.elementsEqual(name.utf8)
        }) else { return nil }
        tracker.use(pairs[offset].key)
        return pairs[offset]
    }

    func contains(_ key: Key) -> Bool { pair(for: key) != nil }

    func decodeNil(forKey key: Key) throws -> Bool {
        guard let pair = pair(for: key) else { return true }
        return pair.value.isNull
    }

    /// The value node for `key`, or nil when the key is absent: one lookup.
    ///
    /// A key written without a value (`maximumcall:`, `remark: ~`) is an error, not an absent key: it is
    /// nearly always a value forgotten, and the JSON Schema refuses null too. Leaving the key out is how
    /// a document says "not set".
    private func present(_ key: Key) throws -> YAMLNode? {
        guard let pair = pair(for: key) else { return nil }
        guard !pair.value.isNull else {
            throw DecodingError.valueNotFound(Any.self, .init(
                codingPath: codingPath + [key], debugDescription: "'\(key.stringValue)' has no value",
                underlyingError: ScalarHint("write a value, or leave the key out")))
        }
        return pair.value
    }

    private func single(_ value: YAMLNode, _ key: Key) -> SingleNodeContainer {
        SingleNodeContainer(node: value, parent: path, key: key, tracker: tracker)
    }

    private func missing(_ key: Key) -> DecodingError {
        DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "missing key '\(key.stringValue)'"))
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let value = try present(key) else { return nil }
        return try T(from: NodeDecoder(node: value, parent: path, key: key, tracker: tracker))
    }
    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try present(key).map { try single($0, key).decode(type) } }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try present(key).map { try single($0, key).decode(type) } }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { try present(key).map { try single($0, key).decode(type) } }
    func decodeIfPresent(_ type: Float.Type, forKey key: Key) throws -> Float? { try present(key).map { try single($0, key).decode(type) } }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try present(key).map { try single($0, key).decode(type) } }
    func decodeIfPresent(_ type: Int8.Type, forKey key: Key) throws -> Int8? { try present(key).map { try single($0, key).decode(type) } }
    func decodeIfPresent(_ type: Int16.Type, forKey key: Key) throws -> Int16? { try present(key).map { try single($0, key).decode(type) } }
    func decodeIfPresent(_ type: Int32.Type, forKey key: Key) throws -> Int32? { try present(key).map { try single($0, key).decode(type) } }
    func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? { try present(key).map { try single($0, key).decode(type) } }
    func decodeIfPresent(_ type: UInt.Type, forKey key: Key) throws -> UInt? { try present(key).map { try single($0, key).decode(type) } }
    func decodeIfPresent(_ type: UInt8.Type, forKey key: Key) throws -> UInt8? { try present(key).map { try single($0, key).decode(type) } }
    func decodeIfPresent(_ type: UInt16.Type, forKey key: Key) throws -> UInt16? { try present(key).map { try single($0, key).decode(type) } }
    func decodeIfPresent(_ type: UInt32.Type, forKey key: Key) throws -> UInt32? { try present(key).map { try single($0, key).decode(type) } }
    func decodeIfPresent(_ type: UInt64.Type, forKey key: Key) throws -> UInt64? { try present(key).map { try single($0, key).decode(type) } }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        guard let pair = pair(for: key) else { throw missing(key) }
        return try T(from: NodeDecoder(node: pair.value, parent: path, key: key, tracker: tracker))
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        guard let pair = pair(for: key) else { throw missing(key) }
        return try NodeDecoder(node: pair.value, parent: path, key: key, tracker: tracker).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        guard let pair = pair(for: key) else { throw missing(key) }
        return try NodeDecoder(node: pair.value, parent: path, key: key, tracker: tracker).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder { NodeDecoder(node: node, parent: path, key: nil, tracker: tracker) }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        guard let pair = pair(for: key) else { throw missing(key) }
        return NodeDecoder(node: pair.value, parent: path, key: key, tracker: tracker)
    }
}

struct UnkeyedNodeContainer: UnkeyedDecodingContainer {
    let elements: [YAMLNode]
    let path: CodingPathLink?
    let tracker: KeyTracker
    var currentIndex = 0

    init(elements: [YAMLNode], path: CodingPathLink?, tracker: KeyTracker) {
        self.elements = elements
        self.path = path
        self.tracker = tracker
    }

    var codingPath: [any CodingKey] { CodingPathLink.path(path) }
    var count: Int? { elements.count }
    var isAtEnd: Bool { currentIndex >= elements.count }

    private mutating func next() throws -> NodeDecoder {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(Any.self, .init(
                codingPath: CodingPathLink.path(path, then: IndexKey(currentIndex)), debugDescription: "the list has no more elements"))
        }
        let decoder = NodeDecoder(node: elements[currentIndex], parent: path, key: IndexKey(currentIndex), tracker: tracker)
        currentIndex += 1
        return decoder
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, elements[currentIndex].isNull else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try T(from: next()) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try next().container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { try next().unkeyedContainer() }

    mutating func superDecoder() throws -> any Decoder { try next() }
}

struct SingleNodeContainer: SingleValueDecodingContainer {
    let node: YAMLNode
    let parent: CodingPathLink?
    let key: (any CodingKey)?
    let tracker: KeyTracker

    var codingPath: [any CodingKey] { CodingPathLink.path(parent, then: key) }

    private var resolved: ScalarResolver.Value? { node.scalar.map { ScalarResolver.resolve($0, tag: node.tag) } }

    private func mismatch<T>(_ type: T.Type, _ expected: String, hint: String? = nil) -> DecodingError {
        DecodingError.typeMismatch(type, .init(
            codingPath: codingPath, debugDescription: "expected \(expected), found \(node.kindDescription)",
            underlyingError: hint.map(ScalarHint.init)))
    }

    /// A quoted number or boolean where one is expected: text, as the README says. The models say the
    /// same for the fields they read themselves (`SpecInput`).
    private func quoted<T>(_ type: T.Type, _ expected: String, _ text: String) -> DecodingError {
        DecodingError.typeMismatch(type, .init(
            codingPath: codingPath, debugDescription: "expected \(expected), found the quoted text '\(text)'",
            underlyingError: ScalarHint("remove the quotes: quoted values are text")))
    }

    func decodeNil() -> Bool { node.isNull }

    func decode(_ type: Bool.Type) throws -> Bool {
        switch resolved {
        case .bool(let value): return value
        case .string(let text) where ScalarResolver.isYAML11Bool(text):
            throw mismatch(type, "true or false", hint: "YAML 1.2 reads '\(text)' as text; write true or false")
        case .string(let text) where node.scalar?.isPlain == false && (text == "true" || text == "false"):
            throw quoted(type, "true or false", text)
        default: throw mismatch(type, "true or false")
        }
    }

    /// Text is a string scalar: quoted, or plain and neither a number nor a boolean (YAML 1.2 core), as a
    /// JSON decoder takes only a JSON string. `name: 123` is the number 123, so it is not text.
    func decode(_ type: String.Type) throws -> String {
        guard let scalar = node.scalar, !node.isNull else { throw mismatch(type, "text") }
        // Only a plain scalar starting like a number or a boolean can resolve to one.
        if scalar.isPlain || node.tag != nil, let first = scalar.value.utf8.first, Self.mayResolve(first) {
            switch resolved {
            case .bool?, .int?, .float?:
                throw mismatch(type, "text", hint: "quote it if it is meant as text: \"\(scalar.value)\"")
            default:
                break
            }
        }
        return scalar.value
    }

    private static func mayResolve(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."),
             UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"):
            return true
        default:
            return false
        }
    }

    func decode(_ type: Double.Type) throws -> Double {
        switch resolved {
        case .int(let value): return Double(value)
        case .float(let value): return value
        default: throw mismatch(type, "a number")
        }
    }

    func decode(_ type: Float.Type) throws -> Float { Float(try decode(Double.self)) }

    func decode(_ type: Int.Type) throws -> Int { try integer(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try integer(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try integer(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try integer(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try integer(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try integer(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try integer(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try integer(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try integer(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try integer(type) }

    private func integer<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
        switch resolved {
        case .int(let value):
            guard let exact = T(exactly: value) else {
                throw DecodingError.dataCorrupted(.init(codingPath: codingPath, debugDescription: "the number \(value) is out of range (\(T.min)...\(T.max))"))
            }
            return exact
        case .string(let text) where node.scalar?.isPlain == true && ScalarResolver.looksLikeInteger(text):
            throw DecodingError.dataCorrupted(.init(codingPath: codingPath, debugDescription: "the number \(text) is out of range (\(T.min)...\(T.max))"))
        case .float(let value):
            throw DecodingError.typeMismatch(type, .init(codingPath: codingPath, debugDescription: "expected a whole number, found \(value)"))
        case .string(let text) where node.scalar?.isPlain == false && ScalarResolver.parseInt(text) != nil:
            throw quoted(type, "a number", text)
        default:
            throw mismatch(type, "a whole number")
        }
    }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try T(from: NodeDecoder(node: node, parent: parent, key: key, tracker: tracker))
    }
}
