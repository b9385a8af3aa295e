/// One task as the simulator stores it: a single record in the detail shape
/// (`GET .../task/{id}/edit`, facts §2.6) holding every field; the list item is a projection of it
/// (`TaskShape.listItem(of:)`).
///
/// Build one from a JSON object in the list item shape (seed 000), with or without the detail-only keys,
/// with `init(seed:userId:)`: missing fields get defaults. Tests read back values through the accessors
/// below, or by path (`task["new_task_extra", "redial_interval"]`).
public struct SimTask: Hashable, Sendable {
    /// The detail-shaped record (a JSON object).
    public private(set) var record: JSONValue

    /// Wraps a record that is already complete (no defaults are filled in). It must be an object with a
    /// string `uuid`; otherwise the record is stored as is and `uuid` reads as "".
    public init(record: JSONValue) {
        self.record = record
    }

    /// The task id (`uuid`).
    public var uuid: String { record["uuid"]?.stringValue ?? "" }

    /// The task name.
    public var name: String? { record["name"]?.stringValue }

    /// The operator's run switch, top-level `enable` (seed 000's state table).
    public var isEnabled: Bool { record["enable"]?.boolValue ?? false }

    /// The dialer's run state, `new_task_extra.call_status` (falls back to the top-level `call_status`).
    public var callStatus: Bool? {
        record["new_task_extra"]?["call_status"]?.boolValue ?? record["call_status"]?.boolValue
    }

    /// `alter_datetime`, `YYYY-MM-DD HH:MM:SS`; moves on every applied update.
    public var alterDatetime: String? { record["alter_datetime"]?.stringValue }

    /// `maximumcall`, the task's total concurrency.
    public var maximumcall: Int? { record["maximumcall"]?.intValue }

    /// `task_type`: 6 = 2.0 task, 7 = new 2.0 task (seed 000).
    public var taskType: Int? { record["task_type"]?.intValue }

    /// Whether the dialer copy is missing: seed 000 calls such a task abnormal (`new_task_extra` null or empty).
    public var isAbnormal: Bool {
        guard let dialer = record["new_task_extra"] else { return true }
        if let members = dialer.objectValue { return members.isEmpty }
        return true
    }

    /// The record as the detail call serves it.
    public var detail: JSONValue { record }

    /// The record as the list call serves it (seed 000's list item keys only).
    public var listItem: JSONValue { TaskShape.listItem(of: record) }

    /// Reads a value by a path of object keys: `task["new_task_extra", "redial_interval"]`.
    public subscript(path: String...) -> JSONValue? {
        var current: JSONValue? = record
        for key in path { current = current?[key] }
        return current
    }

    /// Sets a value by a path of object keys, creating no intermediate objects: a path through a missing
    /// or non-object value is ignored. Use it to simulate a change made by hand in the web console.
    public mutating func set(_ value: JSONValue, at path: String...) {
        record = Self.setting(value, at: path[...], in: record)
    }

    /// Removes the key at a path of object keys.
    public mutating func remove(at path: String...) {
        guard let last = path.last else { return }
        let parentPath = path.dropLast()
        guard var parent = Self.value(at: parentPath, in: record), parent.objectValue != nil else { return }
        parent[last] = nil
        record = parentPath.isEmpty ? parent : Self.setting(parent, at: parentPath, in: record)
    }

    /// Pauses (`false`) or resumes (`true`) the task as the pause/resume calls do: top-level `enable`,
    /// `new_task_extra.enable` (0/1) and the derived `status` (1 paused / 3 running and waiting, seed 000).
    /// `call_status` is the dialer's own state (`DialerState`, refreshed whenever the task is read), never
    /// set here; `status_str` is left alone: the docs give only one example of it (停止, 000:270), so the
    /// simulator invents no other value.
    public mutating func setRunState(enabled: Bool) {
        record["enable"] = .bool(enabled)
        record["status"] = .int(enabled ? 3 : 1)
        if var dialer = record["new_task_extra"], dialer.objectValue != nil {
            dialer["enable"] = .int(enabled ? 1 : 0)
            record["new_task_extra"] = dialer
        }
    }

    /// Sets `call_status` (top level, and in the dialer copy when there is one) to the dialer's state at
    /// `seconds` on the simulated dialer clock (`DialerState`).
    mutating func refreshDialerState(at seconds: Int) {
        let dialing = DialerState.isDialing(record, at: seconds)
        if record["call_status"] != nil || record.objectValue != nil { record["call_status"] = .bool(dialing) }
        if var dialer = record["new_task_extra"], dialer.objectValue?.isEmpty == false {
            dialer["call_status"] = .bool(dialing)
            record["new_task_extra"] = dialer
        }
    }

    /// Replaces the whole record with `mutate` applied to it (used by `TaskUpdate`).
    mutating func updateRecord(_ mutate: (inout JSONValue) -> Void) {
        mutate(&record)
    }

    private static func value(at path: ArraySlice<String>, in root: JSONValue) -> JSONValue? {
        var current: JSONValue? = root
        for key in path { current = current?[key] }
        return current
    }

    private static func setting(_ value: JSONValue, at path: ArraySlice<String>, in root: JSONValue) -> JSONValue {
        guard let first = path.first else { return value }
        guard var members = root.objectValue else { return root }
        if path.count == 1 {
            members[first] = value
        } else {
            guard let child = members[first], child.objectValue != nil else { return root }
            members[first] = setting(value, at: path.dropFirst(), in: child)
        }
        return .object(members)
    }
}
