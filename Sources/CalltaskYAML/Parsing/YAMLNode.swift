/// A YAML node with the place it came from.
///
/// Value type and `Sendable`. Aliases are resolved while the tree is built: an alias becomes a copy of
/// its anchor's node (cheap: arrays share storage), and `<<` merge keys are expanded into the mapping
/// that holds them, each merged pair keeping its own marks.
public struct YAMLNode: Sendable {
    /// How a scalar was written; quoted scalars are never numbers, booleans or null.
    public enum ScalarStyle: Sendable, Hashable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    public struct Scalar: Sendable, Hashable {
        public var value: String
        public var style: ScalarStyle
        public init(_ value: String, style: ScalarStyle = .plain) {
            self.value = value
            self.style = style
        }
        public var isPlain: Bool { style == .plain }
    }

    public struct Pair: Sendable {
        public var key: YAMLNode
        public var value: YAMLNode
        /// True for pairs brought in by a `<<` merge key.
        public var isMerged: Bool

        public init(key: YAMLNode, value: YAMLNode, isMerged: Bool = false) {
            self.key = key
            self.value = value
            self.isMerged = isMerged
        }
    }

    public enum Kind: Sendable {
        case scalar(Scalar)
        case sequence([YAMLNode])
        case mapping([Pair])
    }

    public var kind: Kind
    /// Where the node starts.
    public var location: SourceLocation
    /// The explicit tag, if any (`!!str`, `!custom`).
    public var tag: String?
    /// Number of nodes in this subtree once aliases are expanded (the alias-bomb budget counts these).
    public var weight: Int
    /// The node's number in its document, in parse order (an alias shares its anchor's number); -1 for a
    /// node built by hand. The decoder records which keys were used by number, not by hashing places.
    public internal(set) var serial: Int32

    public init(_ kind: Kind, at location: SourceLocation, tag: String? = nil, weight: Int = 1) {
        self.init(kind, at: location, tag: tag, weight: weight, serial: -1)
    }

    init(_ kind: Kind, at location: SourceLocation, tag: String?, weight: Int, serial: Int32) {
        self.kind = kind
        self.location = location
        self.tag = tag
        self.weight = weight
        self.serial = serial
    }

    public var scalar: Scalar? {
        if case .scalar(let scalar) = kind { return scalar }
        return nil
    }

    public var pairs: [Pair]? {
        if case .mapping(let pairs) = kind { return pairs }
        return nil
    }

    public var elements: [YAMLNode]? {
        if case .sequence(let elements) = kind { return elements }
        return nil
    }

    /// Whether this is a scalar that resolves to null (`~`, `null`, an empty value).
    public var isNull: Bool {
        guard case .scalar(let scalar) = kind else { return false }
        return ScalarResolver.isNull(scalar, tag: tag)
    }

    /// The value for a scalar key in a mapping node.
    public subscript(key: String) -> YAMLNode? {
        pairs?.first { $0.key.scalar?.value == key }?.value
    }

    /// A short description of what kind of node this is, for messages ("a mapping", "the string 'x'").
    public var kindDescription: String {
        switch kind {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar(let scalar):
            switch ScalarResolver.resolve(scalar, tag: tag) {
            case .null: return "null"
            case .bool(let value): return "the boolean \(value)"
            case .int(let value): return "the number \(value)"
            case .float(let value): return "the number \(value)"
            case .string(let value): return "the string '\(value.count > 40 ? String(value.prefix(40)) + "…" : value)'"
            }
        }
    }
}

extension YAMLNode {
    /// A copy whose nodes are numbered 0, 1, 2, … depth first, for trees built by hand.
    func numbered() -> YAMLNode {
        var next: Int32 = 0
        return numbered(&next)
    }

    private func numbered(_ next: inout Int32) -> YAMLNode {
        var copy = self
        copy.serial = next
        next += 1
        switch kind {
        case .scalar:
            break
        case .sequence(let elements):
            copy.kind = .sequence(elements.map { $0.numbered(&next) })
        case .mapping(let pairs):
            copy.kind = .mapping(pairs.map { YAMLNode.Pair(key: $0.key.numbered(&next), value: $0.value.numbered(&next), isMerged: $0.isMerged) })
        }
        return copy
    }

    /// Finds the node at a path, for locating decoding and validation errors.
    ///
    /// Returns the deepest node reached, so a missing key is located at its enclosing mapping.
    public func node(at path: FieldPath) -> (node: YAMLNode, keyNode: YAMLNode?, complete: Bool) {
        var current = self
        var keyNode: YAMLNode?
        for component in path.components {
            switch (component, current.kind) {
            case (.key(let key), .mapping(let pairs)):
                guard let pair = pairs.last(where: { $0.key.scalar?.value == key }) else {
                    return (current, nil, false)
                }
                keyNode = pair.key
                current = pair.value
            case (.index(let index), .sequence(let elements)):
                guard elements.indices.contains(index) else { return (current, nil, false) }
                keyNode = nil
                current = elements[index]
            default:
                return (current, nil, false)
            }
        }
        return (current, keyNode, true)
    }

    /// A copy without the value at `path` (the pair for a key, the element for an index), or nil when
    /// the path does not lead anywhere.
    public func removing(_ path: FieldPath) -> YAMLNode? {
        guard let first = path.components.first else { return nil }
        let rest = FieldPath(Array(path.components.dropFirst()))
        var copy = self
        switch (first, kind) {
        case (.key(let key), .mapping(var pairs)):
            guard let index = pairs.lastIndex(where: { $0.key.scalar?.value == key }) else { return nil }
            if rest.isEmpty {
                pairs.remove(at: index)
            } else {
                guard let child = pairs[index].value.removing(rest) else { return nil }
                pairs[index].value = child
            }
            copy.kind = .mapping(pairs)
        case (.index(let index), .sequence(var elements)):
            guard elements.indices.contains(index) else { return nil }
            if rest.isEmpty {
                elements.remove(at: index)
            } else {
                guard let child = elements[index].removing(rest) else { return nil }
                elements[index] = child
            }
            copy.kind = .sequence(elements)
        default:
            return nil
        }
        return copy
    }
}
