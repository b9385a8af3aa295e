/// A path to a value inside a task spec, such as `task_extras.line[0].limit`.
public struct FieldPath: Hashable, Sendable, CustomStringConvertible, ExpressibleByArrayLiteral {
    /// One step of a path: a mapping key or a sequence index.
    public enum Component: Hashable, Sendable {
        case key(String)
        case index(Int)
    }

    public var components: [Component]

    public init(_ components: [Component] = []) { self.components = components }
    public init(arrayLiteral elements: Component...) { self.components = elements }

    /// Builds a path from dotted keys, e.g. `FieldPath(keys: "task_extras", "line")`.
    public init(keys: String...) { self.components = keys.map(Component.key) }

    public func appending(_ key: String) -> FieldPath { FieldPath(components + [.key(key)]) }
    public func appending(index: Int) -> FieldPath { FieldPath(components + [.index(index)]) }

    public var isEmpty: Bool { components.isEmpty }

    public var description: String {
        var out = ""
        for component in components {
            switch component {
            case .key(let key):
                if !out.isEmpty { out += "." }
                out += key
            case .index(let index):
                out += "[\(index)]"
            }
        }
        return out
    }
}

extension FieldPath {
    /// The path of a `Decoder`'s coding path (`[CodingKey]`).
    public init(codingPath: [any CodingKey]) {
        self.components = codingPath.map { key in
            if let index = key.intValue, key.stringValue.hasPrefix("Index ") || key.stringValue == "\(index)" {
                return .index(index)
            }
            return .key(key.stringValue)
        }
    }
}

extension FieldPath {
    /// This path, read in a tree from which the values at `removed` were taken out, as a path of the
    /// tree before: every list index counts the removed items before it again.
    ///
    /// A decoder that drops a bad value and decodes again (`YAMLDecoder.decode`) leaves shorter lists
    /// behind: once `work_hour[0]` is dropped, the item written second is `work_hour[0]` of what is
    /// left. `removed` are paths of the original tree (`YAMLDecoder.Result.removedPaths`).
    ///
    /// ```swift
    /// FieldPath(keys: "work_hour").appending(index: 0).restoringRemoved([FieldPath(keys: "work_hour").appending(index: 0)])
    /// // work_hour[1]
    /// ```
    public func restoringRemoved(_ removed: [FieldPath]) -> FieldPath {
        guard !removed.isEmpty, components.contains(where: { if case .index = $0 { true } else { false } }) else { return self }
        var out: [Component] = []
        out.reserveCapacity(components.count)
        for component in components {
            guard case .index(let index) = component else {
                out.append(component)
                continue
            }
            // The removed items of this list, by their original index, in ascending order: each one at
            // or before the item moves it one further.
            let gone = removed.compactMap { path -> Int? in
                guard path.components.count == out.count + 1, path.components.starts(with: out),
                      case .index(let removedIndex) = path.components[out.count] else { return nil }
                return removedIndex
            }.sorted()
            var original = index
            for removedIndex in gone where removedIndex <= original { original += 1 }
            out.append(.index(original))
        }
        return FieldPath(out)
    }
}
