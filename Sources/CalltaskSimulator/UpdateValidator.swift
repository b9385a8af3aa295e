import Foundation

/// Checks an update body (`PUT .../task/{id}`) against the platform's rules as the docs state them,
/// with the simulator's own key list (`UpdateFields`), never with calltask's models.
///
/// - the body is a JSON object; with `strict` (--strict-put), a key that neither 2.0 section of seed
///   001 names is refused, naming the key; without it such a key is ignored (the docs do not say what
///   the platform does with one: the lenient server ignores it, the strict one refuses it);
/// - `name`, `destination_extension`, `dial_time_id`, `maximumcall`, `task_extras`,
///   `task_extras.start_time` and `task_extras.stop_time` must have values (`UpdateField.required`);
/// - `task_extras.line` and `task_extras.holiday` must be sent, as arrays, even when empty (001:927);
/// - every value has the type and range its entry gives; `null` is refused (docs silent on null), and
///   `bridge_group_id` sent without a value is refused (001:541, "传了则必填");
/// - a new 2.0 task (`task_type` 7) sends lines as {id, limit}, a 2.0 task (6) as ids (000:205,
///   001:457, 001:916; docs silent on a mix: refused);
/// - `maximumcall` is divisible by the number of lines (note 5, 001:932). Whether the lines' limits
///   must add up to it the docs leave open ("每条所选线路使用的并发数为平均并发数"): not checked;
/// - `end_action` (other than 0) and `elasticity_type` are not both on (001:550, 001:909);
/// - a new 2.0 task (`task_type` 7) sends `task_extras.pop_mode` (001:519, "新2.0必填");
/// - with `is_group_switch` 2, `task_extras.destination_extension_with_variable_list` holds at least one
///   rule (001:471, 001:574, "为 2 时必填");
/// - dates and times have the forms the docs write (`ValueRule.dateTime`, `.redialTime`, `.holiday`).
///
/// `task_type` and `is_group_switch` come from the body, else from the stored task.
///
/// A failure is a message naming the field, answered with HTTP 422 and code 422 (facts §1.7: no error
/// code table exists; 422 is the simulator's choice).
enum UpdateValidator {
    /// Why a body was refused: a message naming the field.
    struct Rejected: Error, Sendable {
        var message: String
    }

    /// The body as parsed, or why it is refused. `storedRecord` is the task before the update, for rules
    /// that span fields the body may leave out (`task_type`, `end_action`, `elasticity_type`; a value the
    /// body sends wins).
    static func validate(_ body: Data, storedRecord: JSONValue = [:], strict: Bool) -> Result<JSONValue, Rejected> {
        guard let raw = try? JSONValue.parse(body) else {
            return .failure(Rejected(message: "The request body is not valid JSON."))
        }
        guard let object = raw.objectValue else {
            return .failure(Rejected(message: "The request body must be a JSON object."))
        }
        if let message = problem(object, storedRecord: storedRecord, strict: strict) {
            return .failure(Rejected(message: message))
        }
        return .success(raw)
    }

    /// The message for a key seed 001 does not name.
    static func unknownKeyMessage(_ path: String) -> String {
        if path == "task_extras.da_status" {
            return "The task_extras.da_status key is not accepted: send the codes as task_extras.redial_conditions.da_status, as every example of the update call does."
        }
        return "The \(path) key is not accepted: the update call's docs (seed 001) name no such key."
    }

    private static func problem(_ body: [String: JSONValue], storedRecord: JSONValue, strict: Bool) -> String? {
        if strict, let unknown = body.keys.sorted().first(where: { !UpdateFields.topLevelKeys.contains($0) }) {
            return unknownKeyMessage(unknown)
        }
        let extras = body["task_extras"]?.objectValue
        if strict, let extras, let unknown = extras.keys.sorted().first(where: { !UpdateFields.taskExtrasKeys.contains($0) }) {
            return unknownKeyMessage("task_extras.\(unknown)")
        }
        if let missing = RequiredKeys.firstMissing(in: body, topLevel: UpdateFields.topLevel, taskExtras: UpdateFields.taskExtras) {
            return missing
        }
        guard let extras else { return "The task_extras field is required and must be an object." }
        if let bridge = body["bridge_group_id"], bridge.isNull || bridge == "" {
            return "The bridge_group_id field must have a value when it is sent; leave the key out for none."
        }
        for field in UpdateFields.topLevel {
            guard let value = body[field.key] else { continue }
            if let problem = field.rule.problem(value, at: field.path, strict: strict) { return problem }
        }
        return crossFieldProblem(body, extras: extras, storedRecord: storedRecord)
    }

    private static func crossFieldProblem(_ body: [String: JSONValue], extras: [String: JSONValue], storedRecord: JSONValue) -> String? {
        let lines = extras["line"]?.arrayValue ?? []
        let taskType = body["task_type"]?.intValue ?? storedRecord["task_type"]?.intValue
        if taskType == 7, RequiredKeys.isMissing(extras["pop_mode"]) {
            return "The task_extras.pop_mode field is required for a new 2.0 task (task_type 7)."
        }
        let switchMode = body["is_group_switch"]?.intValue ?? storedRecord["is_group_switch"]?.intValue
        if switchMode == 2, extras["destination_extension_with_variable_list"]?.arrayValue?.isEmpty != false {
            return "The task_extras.destination_extension_with_variable_list field is required when is_group_switch is 2."
        }
        if let taskType, !lines.isEmpty {
            let objects = lines.filter { $0.objectValue != nil }.count
            if taskType == 7, objects != lines.count {
                return "The task_extras.line field is invalid: a new 2.0 task (task_type 7) sends each line as {\"id\", \"limit\"}."
            }
            if taskType == 6, objects != 0 {
                return "The task_extras.line field is invalid: a 2.0 task (task_type 6) sends each line as its id."
            }
        }
        if case .int(let maximumcall)? = body["maximumcall"], !lines.isEmpty, maximumcall % lines.count != 0 {
            return "The maximumcall field (\(maximumcall)) must be divisible by the number of lines in task_extras.line (\(lines.count))."
        }
        let endAction = body["end_action"]?.intValue ?? storedRecord["end_action"]?.intValue ?? 0
        let elastic = body["elasticity_type"]?.boolValue ?? storedRecord["elasticity_type"]?.boolValue ?? false
        if endAction != 0, elastic {
            return "The end_action field (\(endAction)) cannot be on together with elasticity_type."
        }
        return nil
    }

}
