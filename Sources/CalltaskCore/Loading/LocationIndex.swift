public import CalltaskYAML

/// Where each node of one spec document is written, kept from the first parse so that a finding is
/// located without parsing the file again, in a few bytes per node instead of a node tree.
///
/// The nodes are stored in pre-order as parallel arrays: each node's parent, its step from the parent
/// (a mapping key, as a 64-bit hash, or a sequence index) and its line and column. A lookup walks the
/// path step by step, as `YAMLNode.node(at:)` does on a tree: the last of repeated keys wins, and a
/// path that is not written ends at the deepest node it reaches. Merged (`<<`) and aliased nodes are
/// indexed where the decoder sees them, since the parser has already expanded them.
///
/// ```swift
/// let index = LocationIndex(document.root)
/// index.lookup(FieldPath(keys: "task_extras", "line")).location  // where `line:`'s value is
/// ```
public struct LocationIndex: Sendable {
    private var parent: [Int32] = []
    /// A key's hash with the top bit set, or an index.
    private var step: [UInt64] = []
    private var line: [UInt32] = []
    private var column: [UInt32] = []
    private let file: String

    public init(_ root: YAMLNode) {
        file = root.location.file
        var stack: [(node: YAMLNode, parent: Int32, step: UInt64)] = [(root, -1, 0)]
        while let (node, parentIndex, step) = stack.popLast() {
            let index = Int32(parent.count)
            parent.append(parentIndex)
            self.step.append(step)
            line.append(UInt32(clamping: node.location.line))
            column.append(UInt32(clamping: node.location.column))
            // Children are pushed in reverse so they are visited (and stored) in document order.
            switch node.kind {
            case .scalar:
                break
            case .sequence(let elements):
                for (offset, element) in elements.enumerated().reversed() {
                    stack.append((element, index, UInt64(offset)))
                }
            case .mapping(let pairs):
                for pair in pairs.reversed() {
                    guard let key = pair.key.scalar?.value else { continue }
                    stack.append((pair.value, index, Self.keyStep(key)))
                }
            }
        }
    }

    /// Where the value at `path` is written, or the deepest enclosing node that is, and whether the
    /// whole path is written.
    public func lookup(_ path: FieldPath) -> (location: SourceLocation, complete: Bool) {
        guard !parent.isEmpty else { return (SourceLocation(file: file, line: 1, column: 1), path.isEmpty) }
        var current = 0
        for component in path.components {
            let wanted: UInt64
            switch component {
            case .key(let key): wanted = Self.keyStep(key)
            case .index(let offset):
                guard offset >= 0 else { return (location(current), false) }
                wanted = UInt64(offset)
            }
            var found = -1
            var next = current + 1
            // The subtree of `current` is contiguous after it: it ends at the first node whose parent
            // lies before `current`.
            while next < parent.count, Int(parent[next]) >= current {
                if Int(parent[next]) == current, step[next] == wanted { found = next }
                next += 1
            }
            guard found >= 0 else { return (location(current), false) }
            current = found
        }
        return (location(current), true)
    }

    private func location(_ index: Int) -> SourceLocation {
        SourceLocation(file: file, line: Int(line[index]), column: Int(column[index]))
    }

    /// FNV-1a of the key's UTF-8 bytes, with the top bit set so that no key equals an index.
    static func keyStep(_ key: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return hash | (1 << 63)
    }
}
