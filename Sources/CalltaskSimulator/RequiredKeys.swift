/// A key of a write call's body (the update's `UpdateField`, the create's `CreateFields.Field`): enough
/// to say which keys a body must carry.
protocol BodyKey: Sendable {
    var key: String { get }
    var rule: ValueRule { get }
    var required: Bool { get }
    /// The key's path in messages: `name`, `task_extras.line`.
    var path: String { get }
}

extension UpdateField: BodyKey {}
extension CreateFields.Field: BodyKey {}

/// The first required key a body lacks, as the platform's error message words it, or nil.
///
/// The same for both write calls (seed 001's notes and the create page's: `line` and `holiday` must be
/// sent, as arrays, even when empty); the key lists differ.
enum RequiredKeys {
    static func firstMissing(in body: [String: JSONValue], topLevel: [some BodyKey], taskExtras: [some BodyKey]) -> String? {
        for field in topLevel where field.required && isMissing(body[field.key]) {
            return field.key == "task_extras"
                ? "The task_extras field is required and must be an object."
                : "The \(field.key) field is required."
        }
        guard let extras = body["task_extras"]?.objectValue else { return "The task_extras field is required and must be an object." }
        for field in taskExtras where field.required {
            if case .list = field.rule {
                if extras[field.key]?.arrayValue == nil {
                    return "The \(field.path) field is required and must be an array (send [] when empty)."
                }
            } else if isMissing(extras[field.key]) {
                return "The \(field.path) field is required."
            }
        }
        return nil
    }

    /// Absent, null or empty text: a required key without a value.
    static func isMissing(_ value: JSONValue?) -> Bool {
        switch value {
        case .none, .some(.null): return true
        case .some(.string(let text)): return text.isEmpty
        default: return false
        }
    }
}
