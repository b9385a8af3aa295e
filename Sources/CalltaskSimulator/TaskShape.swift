/// Which keys a task carries in the list answer and which only in the detail answer.
///
/// The stored task is one record holding every field, in the detail (`GET .../task/{id}/edit`) shape.
/// The list (`GET .../task`) serves a projection of it that carries only what seed 000's list item
/// carries — which is why a client must read the detail before it builds an update body (facts §5.16):
///
/// - top level: every key except `group_switch_rule`, `new_call_rules` and `elasticity_type`;
/// - `task_extras`: only `line`, `start_time`, `stop_time`, `work_hour`, `work_week`;
/// - `new_task_extra`: only the keys of seed 000's example plus `pop_mode` (seed 000's field table),
///   so no `holiday`, `interval_time`, `destination_extension_with_variable_list` or
///   `destination_extension_multi_config`.
public enum TaskShape {
    /// Top-level keys the detail carries and the list item does not.
    public static let detailOnlyTopLevelKeys: Set<String> = ["group_switch_rule", "new_call_rules", "elasticity_type"]

    /// The keys of `task_extras` in a list item (seed 000).
    public static let listTaskExtrasKeys: Set<String> = ["line", "start_time", "stop_time", "work_hour", "work_week"]

    /// The keys of `new_task_extra` in a list item (seed 000's example, plus `pop_mode` from its field table).
    public static let listNewTaskExtraKeys: Set<String> = [
        "id", "name", "enable", "line", "limit", "cps", "start_time", "stop_time", "work_week", "work_hour",
        "destination_extension", "destination_extension_list", "pop_mode", "redial_enabled",
        "redial_new_number_policy", "redial_interval", "redial_max_times", "redial_conditions", "blacklist",
        "background", "call_status", "number_count", "call_info",
    ]

    /// Keys of both extras blocks that only the detail carries.
    public static let detailOnlyExtrasKeys: Set<String> = [
        "holiday", "interval_time", "destination_extension_with_variable_list", "destination_extension_multi_config",
    ]

    /// The keys of the local copy `task_extras` in the detail shape: exactly the keys an update writes
    /// there (`UpdateFields`, whose entries say which copy each field lands in; a test holds the two equal).
    public static let taskExtrasKeys: Set<String> = listTaskExtrasKeys.union(detailOnlyExtrasKeys)

    /// The list item of a stored (detail-shaped) task record.
    public static func listItem(of record: JSONValue) -> JSONValue {
        guard var members = record.objectValue else { return record }
        for key in detailOnlyTopLevelKeys { members[key] = nil }
        if let extras = members["task_extras"]?.objectValue {
            members["task_extras"] = .object(extras.filter { listTaskExtrasKeys.contains($0.key) })
        }
        if let dialer = members["new_task_extra"]?.objectValue {
            members["new_task_extra"] = .object(dialer.filter { listNewTaskExtraKeys.contains($0.key) })
        }
        return .object(members)
    }
}
