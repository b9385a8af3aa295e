import CalltaskModels
import CalltaskYAML
import Foundation

/// The digest of what a spec asks of its task: its identity (the spec's file, and its `uuid` or else its
/// `name`) and its desired values (every field it sets, canonical, and `enable`). Live values, steps
/// and counters are not part of it, so a reviewed plan's digest still matches at merge time when an
/// operator paused the task in the console meanwhile; any edit of the spec's values does not.
///
/// `apply --reviewed FILE` applies only tasks whose digest FILE lists: what merges is what was reviewed.
/// SHA-256 (first 128 bits, 32 hex digits): the digest guards a review, so it must not be forgeable.
public enum TaskDigest {
    /// The digest's format, part of the hashed bytes: a new format never matches an old digest.
    static let format = "calltask-task-digest-1"

    public static func of(_ loaded: LoadedSpec) -> String {
        let desired = Canonical.canonicalize(loaded.spec.config)
        var values: [String: PlanValue] = [:]
        for field in FieldTable.fields {
            if let value = field.value(desired) { values[field.path] = value }
        }
        var identity: [String: PlanValue] = [
            "format": .string(format),
            "file": .string(normalizedPath(loaded.source.path)),
            "desired": .object(values),
        ]
        if let uuid = loaded.spec.uuid {
            identity["uuid"] = .string(uuid)
        } else {
            identity["name"] = .string(loaded.spec.config.name ?? "")
        }
        if let enable = loaded.spec.enable { identity["enable"] = .bool(enable) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let bytes = (try? encoder.encode(PlanValue.object(identity))).map { Array($0) } ?? Array(PlanValue.object(identity).description.utf8)
        return String(SHA256.hex(bytes).prefix(32))
    }

    /// The path without leading `./`, so `./tasks/a.yaml` and `tasks/a.yaml` give one digest.
    static func normalizedPath(_ path: String) -> String {
        var path = Substring(path)
        while path.hasPrefix("./") { path = path.dropFirst(2) }
        return String(path)
    }

    /// The digests of the updates and creates a reviewed plan shows: its JSON form (`tasks[].digest` of
    /// tasks whose action is `update` or `create`) or its Markdown comment (`<!-- calltask-digests: … -->`, which lists only
    /// those). Nil when the text is neither.
    public static func reviewed(in text: String) -> Set<String>? {
        if let data = text.data(using: .utf8),
           let plan = try? JSONDecoder().decode(ReviewedJSON.self, from: data) {
            let changing = [TaskPlan.Action.update.rawValue, TaskPlan.Action.create.rawValue]
            return Set(plan.tasks.filter { changing.contains($0.action) }.compactMap(\.digest))
        }
        guard let start = text.range(of: markdownMarker) else { return nil }
        let rest = text[start.upperBound...]
        guard let end = rest.range(of: "-->") else { return nil }
        let words = rest[..<end.lowerBound].split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" })
        return Set(words.map(String.init).filter { $0.count == 32 && $0.allSatisfy(\.isHexDigit) })
    }

    /// How the Markdown plan opens its digest comment.
    public static let markdownMarker = "<!-- calltask-digests:"

    private struct ReviewedJSON: Decodable {
        struct Task: Decodable {
            var action: String
            var digest: String?
        }
        var tasks: [Task]
    }
}
