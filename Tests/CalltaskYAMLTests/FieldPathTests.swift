import CalltaskYAML
import Testing

/// Paths of a tree with dropped items, read back as paths of the document.
struct FieldPathTests {
    static func path(_ text: String) -> FieldPath {
        var components: [FieldPath.Component] = []
        for part in text.split(separator: ".") {
            var rest = Substring(part)
            if let bracket = rest.firstIndex(of: "[") {
                components.append(.key(String(rest[..<bracket])))
                rest = rest[bracket...]
                while let close = rest.firstIndex(of: "]"), let index = Int(rest[rest.index(after: rest.startIndex)..<close]) {
                    components.append(.index(index))
                    rest = rest[rest.index(after: close)...]
                }
            } else {
                components.append(.key(String(rest)))
            }
        }
        return FieldPath(components)
    }

    @Test("an index counts the removed items before it, in its own list only", arguments: [
        ("work_hour[0].wday", ["work_hour[0]"], "work_hour[1].wday"),
        ("work_hour[1].wday", ["work_hour[0]"], "work_hour[2].wday"),
        ("da_status[2]", ["da_status[2]"], "da_status[3]"),
        ("da_status[0]", ["da_status[1]"], "da_status[0]"),
        ("a[0]", ["a[0]", "a[1]", "a[3]"], "a[2]"),
        ("a[1]", ["a[0]", "a[1]", "a[3]"], "a[4]"),
        ("a[0].b[0]", ["a[0].b[0]", "a[1]"], "a[0].b[1]"),
        ("a[1].b[0]", ["a[1]", "a[0].b[0]"], "a[2].b[0]"),
        ("x[0]", ["y[0]", "x[0].z"], "x[0]"),
        ("name", ["tags[0]"], "name"),
    ])
    func restoring(current: String, removed: [String], expected: String) {
        #expect(Self.path(current).restoringRemoved(removed.map(Self.path)).description == expected)
    }
}
