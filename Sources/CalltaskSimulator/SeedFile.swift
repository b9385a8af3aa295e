import Foundation

/// Reads the tasks of a `--seed FILE`: a JSON array of tasks in seed 000's list item shape, optionally
/// with the detail-only keys; missing fields get defaults (`TaskRecordDefaults`).
///
/// ```json
/// [{"uuid": "…", "name": "my-task", "enable": false, "maximumcall": 2,
///   "task_extras": {"line": [{"id": "…", "limit": 2}], "start_time": "2026-01-01 09:00:00"}}]
/// ```
public enum SeedFile {
    /// What is wrong with a seed file.
    public struct Problem: Error, CustomStringConvertible {
        public let description: String
    }

    /// The tasks of the JSON file at `path`.
    public static func load(path: String, userId: String = SimulatorOptions.defaultUserId) throws -> [SimTask] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Problem(description: "cannot read seed file \(path)")
        }
        return try tasks(fromJSON: data, userId: userId, source: path)
    }

    /// The tasks of seed JSON text.
    public static func tasks(fromJSON data: Data, userId: String = SimulatorOptions.defaultUserId, source: String = "seed") throws -> [SimTask] {
        let value: JSONValue
        do {
            value = try JSONValue.parse(data)
        } catch {
            throw Problem(description: "\(source): not valid JSON (\(error))")
        }
        guard let entries = value.arrayValue else {
            throw Problem(description: "\(source): expected a JSON array of tasks")
        }
        var seen = Set<String>()
        var tasks: [SimTask] = []
        for (index, entry) in entries.enumerated() {
            guard let object = entry.objectValue else {
                throw Problem(description: "\(source): task #\(index + 1) is not a JSON object")
            }
            if let uuid = object["uuid"], uuid.stringValue == nil {
                throw Problem(description: "\(source): task #\(index + 1) has a uuid that is not a string")
            }
            let task = SimTask(seed: object, userId: userId)
            guard seen.insert(task.uuid).inserted else {
                throw Problem(description: "\(source): task #\(index + 1) repeats uuid \(task.uuid)")
            }
            tasks.append(task)
        }
        return tasks
    }
}

extension SimTask {
    /// A task from a partial object in seed 000's list item shape; missing fields get defaults
    /// (`TaskRecordDefaults`), and a missing `uuid` a random one.
    public init(seed: [String: JSONValue], userId: String = SimulatorOptions.defaultUserId) {
        self.init(record: TaskRecordDefaults.complete(seed, userId: userId))
    }
}
