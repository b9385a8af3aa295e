import CalltaskModels
import CalltaskYAML

/// A spec names its task: `name` is required (the update call requires it, seed 001, and it is the
/// identity when `uuid` is absent). `pop_mode` is required for new 2.0 tasks (seed 001: 新2.0必填).
enum RequiredFieldsRule {
    static func check(_ spec: LoadedSpec) -> [Diagnostic] {
        var out: [Diagnostic] = []
        if spec.spec.config.name == nil {
            out.append(Diagnostic(at: spec.location, path: FieldPath(keys: "name"), "missing required key 'name'",
                                  hint: "every task spec names its task; the name also matches the live task when 'uuid' is absent"))
        } else if spec.spec.config.name?.trimmingWhitespace.isEmpty == true {
            out.append(spec.error(.top(.name), "the task name is empty"))
        }
        if let uuid = spec.spec.uuid, uuid.trimmingWhitespace.isEmpty {
            out.append(spec.error(FieldPath(keys: "uuid"), "the uuid is empty", hint: "remove 'uuid' to match by name"))
        }
        if spec.spec.config.taskType == .newV2, spec.extras?.popMode == nil {
            out.append(Diagnostic(at: spec.location(of: FieldPath(keys: "task_extras")), path: .extras(.popMode),
                                  "missing required key 'pop_mode' for a new 2.0 task (task_type 7)",
                                  hint: "add 'pop_mode: random', 'sequential' or 'reverse' under task_extras"))
        }
        if let maximum = spec.spec.config.maximumcall, maximum < 1 {
            out.append(spec.error(.top(.maximumcall), "\(maximum) is below the minimum of 1 concurrent call"))
        }
        return out
    }
}

extension String {
    var trimmingWhitespace: Substring {
        let start = firstIndex { !$0.isWhitespace } ?? endIndex
        let end = lastIndex { !$0.isWhitespace }.map { index(after: $0) } ?? endIndex
        return start < end ? self[start..<end] : ""
    }
}
