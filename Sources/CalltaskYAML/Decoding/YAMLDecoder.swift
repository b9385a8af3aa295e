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
    public init() {}

    /// The result of one decode: the value (nil when decoding failed) and every diagnostic.
    public struct Result<Value> {
        public var value: Value?
        public var diagnostics: [Diagnostic]
        /// Paths whose values were dropped because they failed to decode.
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
        var tree = node
        var diagnostics: [Diagnostic] = []
        var removed: [FieldPath] = []
        for _ in 0..<64 {
            let tracker = KeyTracker()
            let decoder = NodeDecoder(node: tree, codingPath: [], tracker: tracker)
            let failure: DecodingError
            do {
                let value = try T(from: decoder)
                diagnostics += UnknownKeyFinder.find(in: tree, tracker: tracker, ignoringRootKeys: ignore)
                return Result(value: value, diagnostics: diagnostics, removedPaths: removed)
            } catch let error as DecodingError {
                failure = error
            } catch {
                diagnostics.append(Diagnostic(at: node.location, "\(error)"))
                break
            }
            var target: FieldPath
            if case .keyNotFound(let key, let context) = failure {
                let parent = FieldPath(codingPath: context.codingPath)
                if removed.contains(parent.appending(key.stringValue)) {
                    target = parent  // a required key we removed ourselves: drop its mapping instead
                } else {
                    diagnostics.append(Self.diagnostic(for: failure, root: tree))
                    target = parent
                }
            } else {
                diagnostics.append(Self.diagnostic(for: failure, root: tree))
                target = Self.failurePath(failure)
            }
            guard !target.isEmpty, let pruned = tree.removing(target) else { break }
            removed.append(target)
            tree = pruned
        }
        return Result(value: nil, diagnostics: diagnostics, removedPaths: removed)
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
            let (message, hint) = Self.splitHint(context.debugDescription)
            return Diagnostic(at: found.node.location, path: path, message, hint: hint)
        @unknown default:
            return Diagnostic(at: root.location, "\(error)")
        }
    }

    /// Messages may carry a hint after a `\u{1F}` separator (DecodingError has no hint field).
    static func splitHint(_ text: String) -> (String, String?) {
        let parts = text.split(separator: "\u{1F}", maxSplits: 1).map(String.init)
        return parts.count == 2 ? (parts[0], parts[1]) : (text, nil)
    }
}

/// Builds a decoding-error description that carries a hint for `Diagnostic.hint`.
public func decodingMessage(_ message: String, hint: String?) -> String {
    guard let hint else { return message }
    return message + "\u{1F}" + hint
}

/// Which keys each mapping was asked for, and which key nodes were used. Lives for one decode.
final class KeyTracker {
    struct Position: Hashable {
        var line: Int
        var column: Int
        init(_ location: SourceLocation) {
            line = location.line
            column = location.column
        }
    }

    var asked: [Position: Set<String>] = [:]
    var usedKeys: Set<Position> = []
    var wholeMappings: Set<Position> = []

    func ask(_ key: String, in mapping: YAMLNode) {
        asked[Position(mapping.location), default: []].insert(key)
    }
}

/// Walks a decoded tree and reports the keys no model asked for.
enum UnknownKeyFinder {
    static func find(in root: YAMLNode, tracker: KeyTracker, ignoringRootKeys ignore: (String) -> Bool) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        visit(root, path: FieldPath(), isRoot: true, tracker: tracker, ignore: ignore, into: &diagnostics)
        return diagnostics
    }

    private static func visit(
        _ node: YAMLNode, path: FieldPath, isRoot: Bool, tracker: KeyTracker,
        ignore: (String) -> Bool, into diagnostics: inout [Diagnostic]
    ) {
        switch node.kind {
        case .scalar:
            return
        case .sequence(let elements):
            for (index, element) in elements.enumerated() {
                visit(element, path: path.appending(index: index), isRoot: false, tracker: tracker, ignore: ignore, into: &diagnostics)
            }
        case .mapping(let pairs):
            let position = KeyTracker.Position(node.location)
            guard let asked = tracker.asked[position] else { return }  // not decoded as a keyed model
            let whole = tracker.wholeMappings.contains(position)
            for pair in pairs {
                guard let key = pair.key.scalar?.value else { continue }
                if isRoot && ignore(key) { continue }
                if whole || tracker.usedKeys.contains(KeyTracker.Position(pair.key.location)) || asked.contains(key) {
                    visit(pair.value, path: path.appending(key), isRoot: false, tracker: tracker, ignore: ignore, into: &diagnostics)
                    continue
                }
                let suggestion = Suggestion.closest(to: key, in: asked)
                let place = path.isEmpty ? "" : " in '\(path)'"
                diagnostics.append(Diagnostic(
                    at: pair.key.location, path: path.appending(key), "unknown key '\(key)'\(place)",
                    hint: suggestion.map { "did you mean '\($0)'?" }
                        ?? "valid keys here: \(asked.sorted().joined(separator: ", "))"))
            }
        }
    }
}

struct IndexKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(_ index: Int) {
        stringValue = "Index \(index)"
        intValue = index
    }
    init?(stringValue: String) { return nil }
    init?(intValue: Int) { self.init(intValue) }
}

struct NodeDecoder: Decoder {
    let node: YAMLNode
    let codingPath: [any CodingKey]
    let tracker: KeyTracker
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard let pairs = node.pairs else {
            throw DecodingError.typeMismatch([String: Any].self, .init(
                codingPath: codingPath, debugDescription: "expected a mapping, found \(node.kindDescription)"))
        }
        tracker.asked[KeyTracker.Position(node.location), default: []].formUnion([String]())
        return KeyedDecodingContainer(KeyedNodeContainer<Key>(node: node, pairs: pairs, codingPath: codingPath, tracker: tracker))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard let elements = node.elements else {
            throw DecodingError.typeMismatch([Any].self, .init(
                codingPath: codingPath, debugDescription: "expected a list, found \(node.kindDescription)"))
        }
        return UnkeyedNodeContainer(elements: elements, codingPath: codingPath, tracker: tracker)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        SingleNodeContainer(node: node, codingPath: codingPath, tracker: tracker)
    }
}

struct KeyedNodeContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let node: YAMLNode
    let pairs: [YAMLNode.Pair]
    let codingPath: [any CodingKey]
    let tracker: KeyTracker
    /// Key → index of its pair, built once, so each lookup is one hash instead of a scan.
    let index: [String: Int]

    init(node: YAMLNode, pairs: [YAMLNode.Pair], codingPath: [any CodingKey], tracker: KeyTracker) {
        self.node = node
        self.pairs = pairs
        self.codingPath = codingPath
        self.tracker = tracker
        var index: [String: Int] = [:]
        index.reserveCapacity(pairs.count)
        for (offset, pair) in pairs.enumerated() {
            if let key = pair.key.scalar?.value, index[key] == nil { index[key] = offset }
        }
        self.index = index
    }

    var allKeys: [Key] {
        tracker.wholeMappings.insert(KeyTracker.Position(node.location))
        return pairs.compactMap { $0.key.scalar.flatMap { Key(stringValue: $0.value) } }
    }

    private func pair(for key: Key) -> YAMLNode.Pair? {
        tracker.ask(key.stringValue, in: node)
        guard let offset = index[key.stringValue] else { return nil }
        let pair = pairs[offset]
        tracker.usedKeys.insert(KeyTracker.Position(pair.key.location))
        return pair
    }

    func contains(_ key: Key) -> Bool { pair(for: key) != nil }

    func decodeNil(forKey key: Key) throws -> Bool {
        guard let pair = pair(for: key) else { return true }
        guard let scalar = pair.value.scalar else { return false }
        return ScalarResolver.resolve(scalar, tag: pair.value.tag) == .null
    }

    /// The value node for `key`, or nil when the key is absent or its value is null: one lookup.
    private func present(_ key: Key) -> YAMLNode? {
        guard let pair = pair(for: key) else { return nil }
        if let scalar = pair.value.scalar, ScalarResolver.resolve(scalar, tag: pair.value.tag) == .null { return nil }
        return pair.value
    }

    private func single(_ value: YAMLNode, _ key: Key) -> SingleNodeContainer {
        SingleNodeContainer(node: value, codingPath: codingPath + [key], tracker: tracker)
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let value = present(key) else { return nil }
        return try T(from: NodeDecoder(node: value, codingPath: codingPath + [key], tracker: tracker))
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
        guard let pair = pair(for: key) else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "missing key '\(key.stringValue)'"))
        }
        return try T(from: NodeDecoder(node: pair.value, codingPath: codingPath + [key], tracker: tracker))
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        guard let pair = pair(for: key) else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "missing key '\(key.stringValue)'"))
        }
        return try NodeDecoder(node: pair.value, codingPath: codingPath + [key], tracker: tracker).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        guard let pair = pair(for: key) else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "missing key '\(key.stringValue)'"))
        }
        return try NodeDecoder(node: pair.value, codingPath: codingPath + [key], tracker: tracker).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder { NodeDecoder(node: node, codingPath: codingPath, tracker: tracker) }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        guard let pair = pair(for: key) else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "missing key '\(key.stringValue)'"))
        }
        return NodeDecoder(node: pair.value, codingPath: codingPath + [key], tracker: tracker)
    }
}

struct UnkeyedNodeContainer: UnkeyedDecodingContainer {
    let elements: [YAMLNode]
    let codingPath: [any CodingKey]
    let tracker: KeyTracker
    var currentIndex = 0

    init(elements: [YAMLNode], codingPath: [any CodingKey], tracker: KeyTracker) {
        self.elements = elements
        self.codingPath = codingPath
        self.tracker = tracker
    }

    var count: Int? { elements.count }
    var isAtEnd: Bool { currentIndex >= elements.count }

    private mutating func next() throws -> NodeDecoder {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(Any.self, .init(codingPath: codingPath + [IndexKey(currentIndex)], debugDescription: "the list has no more elements"))
        }
        let decoder = NodeDecoder(node: elements[currentIndex], codingPath: codingPath + [IndexKey(currentIndex)], tracker: tracker)
        currentIndex += 1
        return decoder
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, let scalar = elements[currentIndex].scalar,
              ScalarResolver.resolve(scalar, tag: elements[currentIndex].tag) == .null else { return false }
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
    let codingPath: [any CodingKey]
    let tracker: KeyTracker

    private var resolved: ScalarResolver.Value? { node.scalar.map { ScalarResolver.resolve($0, tag: node.tag) } }

    private func mismatch<T>(_ type: T.Type, _ expected: String, hint: String? = nil) -> DecodingError {
        DecodingError.typeMismatch(type, .init(
            codingPath: codingPath,
            debugDescription: decodingMessage("expected \(expected), found \(node.kindDescription)", hint: hint)))
    }

    func decodeNil() -> Bool { resolved == .null }

    func decode(_ type: Bool.Type) throws -> Bool {
        switch resolved {
        case .bool(let value): return value
        case .string(let text) where ScalarResolver.isYAML11Bool(text):
            throw mismatch(type, "true or false", hint: "YAML 1.2 reads '\(text)' as text; write true or false")
        default: throw mismatch(type, "true or false")
        }
    }

    func decode(_ type: String.Type) throws -> String {
        guard let scalar = node.scalar else { throw mismatch(type, "text") }
        if resolved == .null { throw mismatch(type, "text") }
        return scalar.value
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
            throw mismatch(type, "a number", hint: "remove the quotes: quoted values are text")
        default:
            throw mismatch(type, "a whole number")
        }
    }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try T(from: NodeDecoder(node: node, codingPath: codingPath, tracker: tracker))
    }
}
