/// One difference inside a list or object field, as a plan shows it: an element added or removed, a
/// part of an element changed in place (elements matched by the field's key), or an element moved (an
/// ordered list).
public struct ElementChange: Codable, Hashable, Sendable {
    public enum Kind: String, Codable, Sendable {
        case added, removed, changed, moved
    }

    public var kind: Kind
    /// Where, relative to the field: an element by key (`[id: "L1"]`) or position (`[2]`), then the part
    /// of it that changed (`[id: "L1"].limit`, `dial_mode`, `list[sort: 2]`); empty for an element of a
    /// set matched by its whole value.
    public var at: String
    /// The value before (removed, changed, moved), nil when there was none.
    public var old: PlanValue?
    /// The value after (added, changed, moved), nil when there is none.
    public var new: PlanValue?
    /// For an ordered list: the element's position before (removed, moved).
    public var from: Int?
    /// For an ordered list: the element's position after (added, moved).
    public var to: Int?

    public init(kind: Kind, at: String, old: PlanValue? = nil, new: PlanValue? = nil, from: Int? = nil, to: Int? = nil) {
        self.kind = kind
        self.at = at
        self.old = old
        self.new = new
        self.from = from
        self.to = to
    }
}

/// Diffs two shown values of a field element by element (`FieldChange.elements`).
///
/// - Lists whose elements all carry the field's key, once per side (`FieldTable.Field.elementKey`: a
///   line's `id`, a holiday's `start`, a variable rule's `sort`…), are matched by key: a key on one side
///   only is an element added or removed, a matched element that differs shows the parts that changed,
///   and in an ordered list a matched element out of the longest common order is shown moved.
/// - Other lists are matched by whole values: in an ordered list through their longest common
///   subsequence (a value removed at one place and added at another is a move), in a set as a
///   difference of the two.
/// - Objects show the parts that differ, each diffed the same way.
public enum ElementDiff {
    /// The element changes from `old` to `new`, or nil when the values are not both lists or both objects
    /// (a scalar change is shown whole, `old → new`).
    ///
    /// - Parameters:
    ///   - key: the element key of the field's lists (nil: match by value).
    ///   - ordered: whether the field's lists are ordered (else sets).
    public static func changes(old: PlanValue, new: PlanValue, key: String?, ordered: Bool) -> [ElementChange]? {
        switch (old, new) {
        case (.list, .list), (.object, .object):
            var out: [ElementChange] = []
            diff(old, new, at: "", key: key, ordered: ordered, elementwise: true, into: &out)
            return out
        default:
            return nil
        }
    }

    /// - Parameter elementwise: whether lists here are diffed element by element: the field's own lists
    ///   and those of its objects are; a list inside an element (a variable rule's `values`) is shown
    ///   whole, old → new, under its element's key.
    static func diff(_ old: PlanValue?, _ new: PlanValue?, at: String, key: String?, ordered: Bool, elementwise: Bool,
                     into out: inout [ElementChange]) {
        switch (old, new) {
        case (.list(let oldItems)?, .list(let newItems)?) where elementwise:
            if let key, let oldKeys = keys(oldItems, key), let newKeys = keys(newItems, key) {
                keyed(oldItems, oldKeys, newItems, newKeys, at: at, key: key, ordered: ordered, into: &out)
            } else if ordered {
                sequence(oldItems, newItems, at: at, into: &out)
            } else {
                for item in oldItems where !newItems.contains(item) { out.append(ElementChange(kind: .removed, at: at, old: item)) }
                for item in newItems where !oldItems.contains(item) { out.append(ElementChange(kind: .added, at: at, new: item)) }
            }
        case (.object(let oldFields)?, .object(let newFields)?):
            for name in PlanValue.displayOrder(Set(oldFields.keys).union(newFields.keys)) where oldFields[name] != newFields[name] {
                let path = at.isEmpty ? name : at + "." + name
                diff(oldFields[name], newFields[name], at: path, key: key, ordered: ordered, elementwise: elementwise, into: &out)
            }
        default:
            if old != new { out.append(ElementChange(kind: .changed, at: at, old: old, new: new)) }
        }
    }

    /// Each element's key (an object's `key` field, or a scalar element itself), or nil when an element
    /// has none or two elements share one.
    static func keys(_ items: [PlanValue], _ key: String) -> [PlanValue]? {
        var out: [PlanValue] = []
        var seen = Set<PlanValue>()
        for item in items {
            let value: PlanValue?
            switch item {
            case .object(let fields): value = fields[key]
            case .list: value = nil
            default: value = item
            }
            guard let value, seen.insert(value).inserted else { return nil }
            out.append(value)
        }
        return out
    }

    static func keyed(_ oldItems: [PlanValue], _ oldKeys: [PlanValue], _ newItems: [PlanValue], _ newKeys: [PlanValue],
                      at: String, key: String, ordered: Bool, into out: inout [ElementChange]) {
        let label: (PlanValue) -> String = { at + "[\(key): \($0)]" }
        let oldIndex = Dictionary(uniqueKeysWithValues: oldKeys.enumerated().map { ($1, $0) })
        let newIndex = Dictionary(uniqueKeysWithValues: newKeys.enumerated().map { ($1, $0) })
        for (index, item) in oldItems.enumerated() where newIndex[oldKeys[index]] == nil {
            out.append(ElementChange(kind: .removed, at: label(oldKeys[index]), old: item, from: ordered ? index : nil))
        }
        for (index, item) in newItems.enumerated() {
            guard let before = oldIndex[newKeys[index]] else { continue }
            let previous = oldItems[before]
            guard previous != item else { continue }
            if case .object = previous, case .object = item {
                diff(previous, item, at: label(newKeys[index]), key: key, ordered: ordered, elementwise: false, into: &out)
            } else {
                out.append(ElementChange(kind: .changed, at: label(newKeys[index]), old: previous, new: item))
            }
        }
        for (index, item) in newItems.enumerated() where oldIndex[newKeys[index]] == nil {
            out.append(ElementChange(kind: .added, at: label(newKeys[index]), new: item, to: ordered ? index : nil))
        }
        guard ordered else { return }
        // Matched keys in their old and new order: those outside the longest common order moved.
        let oldOrder = oldKeys.filter { newIndex[$0] != nil }
        let newOrder = newKeys.filter { oldIndex[$0] != nil }
        let kept = Set(commonSubsequence(oldOrder, newOrder).map { oldOrder[$0.old] })
        for (index, itemKey) in newKeys.enumerated() {
            guard let before = oldIndex[itemKey], !kept.contains(itemKey) else { continue }
            out.append(ElementChange(kind: .moved, at: label(itemKey), old: oldItems[before], new: newItems[index],
                                     from: before, to: index))
        }
    }

    /// An ordered list matched by whole values: what is outside the longest common subsequence was removed
    /// or added, and a value removed at one place and added at another moved.
    static func sequence(_ oldItems: [PlanValue], _ newItems: [PlanValue], at: String, into out: inout [ElementChange]) {
        let common = commonSubsequence(oldItems, newItems)
        let keptOld = Set(common.map(\.old))
        let keptNew = Set(common.map(\.new))
        var removed = oldItems.indices.filter { !keptOld.contains($0) }
        var added = newItems.indices.filter { !keptNew.contains($0) }
        var moves: [ElementChange] = []
        for index in added {
            guard let match = removed.firstIndex(where: { oldItems[$0] == newItems[index] }) else { continue }
            moves.append(ElementChange(kind: .moved, at: at + "[\(removed[match])]", old: oldItems[removed[match]], new: newItems[index],
                                       from: removed[match], to: index))
            removed.remove(at: match)
            added.removeAll { $0 == index }
        }
        for index in removed { out.append(ElementChange(kind: .removed, at: at + "[\(index)]", old: oldItems[index], from: index)) }
        for index in added { out.append(ElementChange(kind: .added, at: at + "[\(index)]", new: newItems[index], to: index)) }
        out += moves
    }

    /// The pairs of positions of a longest common subsequence of `a` and `b`, in order.
    static func commonSubsequence<T: Equatable>(_ a: [T], _ b: [T]) -> [(old: Int, new: Int)] {
        guard !a.isEmpty, !b.isEmpty else { return [] }
        // lengths[i][j]: the length of a longest common subsequence of a[i...] and b[j...].
        var lengths = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                lengths[i][j] = a[i] == b[j] ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
            }
        }
        var pairs: [(old: Int, new: Int)] = []
        var i = 0
        var j = 0
        while i < a.count, j < b.count {
            if a[i] == b[j] {
                pairs.append((i, j))
                i += 1
                j += 1
            } else if lengths[i + 1][j] >= lengths[i][j + 1] {
                i += 1
            } else {
                j += 1
            }
        }
        return pairs
    }
}
