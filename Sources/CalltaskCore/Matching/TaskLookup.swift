public import CalltaskModels
import CalltaskYAML

/// Finds live tasks by what a person types (`calltask show NAME_OR_UUID…`): a uuid, else an exact name.
///
/// A selector that matches nothing is a problem listing the closest live names (edit distance, as for
/// an unmatched spec); a name several tasks share is a problem listing their uuids.
public enum TaskLookup {
    /// Why a selector found no single task.
    public enum Problem: Hashable, Sendable, CustomStringConvertible {
        case notFound(selector: String, closest: [String])
        case ambiguous(selector: String, uuids: [String])

        public var description: String {
            switch self {
            case .notFound(let selector, let closest):
                let hint = closest.isEmpty
                    ? "the account has no tasks"
                    : "closest names: " + closest.map { "'\($0)'" }.joined(separator: ", ")
                return "no live task has the name or uuid '\(selector)'; \(hint)"
            case .ambiguous(let selector, let uuids):
                return "the name '\(selector)' matches \(uuids.count) live tasks: \(uuids.joined(separator: ", ")); "
                    + "name one by its uuid"
            }
        }
    }

    /// The uuids `selectors` name, in the order given (a task named twice once), and the problems.
    public static func resolve(_ selectors: [String], in live: [LiveTask]) -> (uuids: [String], problems: [Problem]) {
        var byUUID: Set<String> = []
        var byName: [String: [String]] = [:]
        for task in live {
            byUUID.insert(task.uuid)
            if let name = task.name { byName[name, default: []].append(task.uuid) }
        }
        var uuids: [String] = []
        var problems: [Problem] = []
        func add(_ uuid: String) {
            if !uuids.contains(uuid) { uuids.append(uuid) }
        }
        for selector in selectors {
            if byUUID.contains(selector) {
                add(selector)
            } else if let named = byName[selector] {
                if named.count == 1, let uuid = named.first {
                    add(uuid)
                } else {
                    problems.append(.ambiguous(selector: selector, uuids: named))
                }
            } else {
                let names = live.compactMap(\.name)
                problems.append(.notFound(selector: selector, closest: Suggestion.nearest(to: selector, in: names, count: 3)))
            }
        }
        return (uuids, problems)
    }
}
