/// `--target`, `--exclude` or `--force-update` values that name no spec.
public struct ScopeError: Error, Hashable, Sendable, CustomStringConvertible {
    public struct Selector: Hashable, Sendable {
        public var flag: String
        public var value: String
        /// The closest spec names, best first.
        public var closest: [String]
    }

    public var selectors: [Selector]

    public var description: String {
        selectors.map { selector in
            "\(selector.flag) '\(InertText.line(selector.value))' names no task spec (by name or uuid)"
                + (selector.closest.isEmpty ? "" : "; closest spec names: " + selector.closest.map { "'\(InertText.line($0))'" }.joined(separator: ", "))
        }.joined(separator: "\n") + "\nNothing was planned or applied; fix the value (a spec's name, its uuid, or its live task's uuid)."
    }
}
