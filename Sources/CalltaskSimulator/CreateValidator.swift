import Foundation

/// Checks a create body (`POST .../task`) against the create page's rules (`CreateFields`), in this
/// order, and names the first key that breaks one:
///
/// 1. the body is a JSON object;
/// 2. every key is one the create page names, at the top level, in `task_extras` and in each holiday
///    (always: the page does not say that create takes the update's newer keys, facts §5 q9);
/// 3. the required keys have values; `task_extras` is an object; `task_extras.line` and
///    `task_extras.holiday` are arrays (`[]` when empty);
/// 4. every value has its documented type and range; `null` is refused (docs silent: leave the key
///    out instead);
/// 5. `maximumcall` is divisible by the number of lines. The create page does not say so; seed 001's
///    note 5 says it of the update, and nothing says a create may do what an update may not: applied
///    (the stricter reading).
///
/// A failure is answered like a refused update: HTTP 422, code 422, a message naming the key (facts
/// §1.7: the platform documents no error codes; 422 is the simulator's choice).
enum CreateValidator {
    /// The body as parsed, or why it is refused (`UpdateValidator.Rejected`: a message naming the key).
    static func validate(_ body: Data) -> Result<[String: JSONValue], UpdateValidator.Rejected> {
        guard let raw = try? JSONValue.parse(body) else {
            return .failure(.init(message: "The request body is not valid JSON."))
        }
        guard let object = raw.objectValue else {
            return .failure(.init(message: "The request body must be a JSON object."))
        }
        if let message = problem(object) {
            return .failure(.init(message: message))
        }
        return .success(object)
    }

    /// The message for a key the create page does not name.
    static func unknownKeyMessage(_ path: String) -> String {
        "The \(path) key is not accepted: the create call's docs (2.0任务创建) name no such key."
    }

    private static func problem(_ body: [String: JSONValue]) -> String? {
        if let unknown = body.keys.sorted().first(where: { !CreateFields.topLevelKeys.contains($0) }) {
            return unknownKeyMessage(unknown)
        }
        let extras = body["task_extras"]?.objectValue
        if let extras {
            if let unknown = extras.keys.sorted().first(where: { !CreateFields.taskExtrasKeys.contains($0) }) {
                return unknownKeyMessage("task_extras.\(unknown)")
            }
            for (index, holiday) in (extras["holiday"]?.arrayValue ?? []).enumerated() {
                guard let members = holiday.objectValue else { continue }
                if let unknown = members.keys.sorted().first(where: { !CreateFields.holidayKeys.contains($0) }) {
                    return unknownKeyMessage("task_extras.holiday.\(index).\(unknown)")
                }
            }
        }
        if let missing = RequiredKeys.firstMissing(in: body, topLevel: CreateFields.topLevel, taskExtras: CreateFields.taskExtras) {
            return missing
        }
        guard let extras else { return "The task_extras field is required and must be an object." }
        // Unknown keys are already refused above, so the rules run without their own (update-worded)
        // unknown-key check.
        for field in CreateFields.topLevel {
            guard let value = body[field.key] else { continue }
            if let problem = field.rule.problem(value, at: field.path, strict: false) { return problem }
        }
        for field in CreateFields.taskExtras {
            guard let value = extras[field.key] else { continue }
            if let problem = field.rule.problem(value, at: field.path, strict: false) { return problem }
        }
        let lines = extras["line"]?.arrayValue ?? []
        if case .int(let maximumcall)? = body["maximumcall"], !lines.isEmpty, maximumcall % lines.count != 0 {
            return "The maximumcall field (\(maximumcall)) must be divisible by the number of lines in task_extras.line (\(lines.count))."
        }
        return nil
    }

}
