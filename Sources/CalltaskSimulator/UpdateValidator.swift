import CalltaskModels
import Foundation

/// Checks an update body (`PUT .../task/{id}`) the way seed 001 describes the platform's rules.
///
/// - `name`, `destination_extension`, `dial_time_id`, `maximumcall`, `task_extras.start_time` and
///   `task_extras.stop_time` are required (its parameter table);
/// - `task_extras.line` and `task_extras.holiday` must be sent, as arrays, even when empty (its note 1);
/// - `maximumcall` must be divisible by the number of lines (its note 5);
/// - every value must decode as `CalltaskModels.TaskConfig` (types, codes such as `pop_mode`).
///
/// A failure names the field, as the platform's 422 answers do.
enum UpdateValidator {
    /// A body that passed.
    struct Accepted: Sendable {
        var config: TaskConfig
        var raw: JSONValue
    }

    /// Why a body was refused: a message naming the field.
    struct Rejected: Error, Sendable {
        var message: String
    }

    static func validate(_ body: Data) -> Result<Accepted, Rejected> {
        guard let raw = try? JSONValue.parse(body) else {
            return .failure(Rejected(message: "The request body is not valid JSON."))
        }
        guard raw.objectValue != nil else {
            return .failure(Rejected(message: "The request body must be a JSON object."))
        }
        for key in ["name", "destination_extension", "dial_time_id", "maximumcall"] where isMissing(raw[key]) {
            return .failure(Rejected(message: "The \(key) field is required."))
        }
        guard let extras = raw["task_extras"], extras.objectValue != nil else {
            return .failure(Rejected(message: "The task_extras field is required and must be an object."))
        }
        for key in ["start_time", "stop_time"] where isMissing(extras[key]) {
            return .failure(Rejected(message: "The task_extras.\(key) field is required."))
        }
        for key in ["line", "holiday"] where extras[key]?.arrayValue == nil {
            return .failure(Rejected(message: "The task_extras.\(key) field is required and must be an array (send [] when empty)."))
        }
        let config: TaskConfig
        do {
            config = try JSONDecoder().decode(TaskConfig.self, from: body)
        } catch let error as DecodingError {
            return .failure(Rejected(message: describe(error)))
        } catch {
            return .failure(Rejected(message: "The request body is invalid: \(error)."))
        }
        if let maximumcall = config.maximumcall {
            guard maximumcall >= 1 else {
                return .failure(Rejected(message: "The maximumcall field must be at least 1."))
            }
            let lines = config.taskExtras?.line?.count ?? 0
            if lines > 0, maximumcall % lines != 0 {
                return .failure(Rejected(message: "The maximumcall field (\(maximumcall)) must be divisible by the number of lines in task_extras.line (\(lines))."))
            }
        }
        return .success(Accepted(config: config, raw: raw))
    }

    private static func isMissing(_ value: JSONValue?) -> Bool {
        switch value {
        case .none, .some(.null): return true
        case .some(.string(let text)): return text.isEmpty
        default: return false
        }
    }

    /// "The task_extras.pop_mode field is invalid: …", naming the field by its coding path.
    static func describe(_ error: DecodingError) -> String {
        func path(_ codingPath: [any CodingKey]) -> String {
            let parts = codingPath.map { key in key.intValue.map { "\($0)" } ?? key.stringValue }
            return parts.isEmpty ? "request body" : parts.joined(separator: ".")
        }
        switch error {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            let detail = context.debugDescription.split(separator: "\u{1F}").first.map(String.init) ?? ""
            return "The \(path(context.codingPath)) field is invalid: \(detail)."
        case .keyNotFound(let key, let context):
            return "The \(path(context.codingPath + [key])) field is required."
        @unknown default:
            return "The request body is invalid."
        }
    }
}
