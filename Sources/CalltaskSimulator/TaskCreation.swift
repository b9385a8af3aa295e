/// How a create call (`POST .../task`, facts §2.2) becomes a stored task.
///
/// The validated body (`CreateValidator`) is laid out as a partial task in seed 000's shape and
/// completed by `TaskRecordDefaults`, exactly as a seed file's task is, so a created task reads back
/// like every other one (list item and detail, `task_extras` and `new_task_extra`):
///
/// - the top-level keys the body sends are kept at the top level (`destination_extension` and
///   `auto_recycle_rule_id` read back as strings, seed 000); `sub_user_id` selects the account and is
///   not stored; `is_call_in` is not stored either (no GET page shows such a key; docs silent);
/// - `task_extras.start_time`, `stop_time`, `line` (ids), `holiday` ({start, end}) and
///   `interval_time` (default 0, the page's default) land in BOTH copies, the local `task_extras` and
///   the dialer's `new_task_extra` (seed 000 reads them back in both);
/// - `work_week` and `work_hour` are `[]`: the page says a 2.0 task takes its hours from the time
///   group `dial_time_id` when it is created (facts §2.2, §3.2), but the simulator models no time
///   groups, so it invents no hours. With no hours the dialer never dials (`DialerState`): a new task
///   reads `call_status` false, however it is enabled;
/// - `task_type` is `SimulatorOptions.createTaskType` (6 unless set: the create call sends no type)
///   and `group_type` is "group" (seed 000's example of a 2.0 task; docs silent for create);
/// - `enable` is `SimulatorOptions.createEnabled` (true unless set: the stricter case), and `status`
///   follows it (3 enabled, 1 paused);
/// - with `SimulatorOptions.createEmptyExtra` the dialer copy is `{}`: an abnormal task (seed 000).
///
/// The uuid and `create_datetime`/`alter_datetime` are the store's (`TaskStore.create`).
enum TaskCreation {
    /// The top-level keys of the body that are stored as sent.
    static let storedTopLevelKeys = [
        "name", "destination_extension", "dial_time_id", "maximumcall", "bridge_group_id", "enable_type",
        "remark", "auto_recycle_rule_id", "end_action", "background_id", "llm_intention_id",
    ]

    /// The partial task (seed 000's shape, no uuid or dates yet) for a validated create body.
    static func partialTask(from body: [String: JSONValue], options: SimulatorOptions) -> [String: JSONValue] {
        var task: [String: JSONValue] = [:]
        for key in storedTopLevelKeys {
            if let value = body[key] { task[key] = value }
        }
        task["task_type"] = .int(options.createTaskType)
        task["group_type"] = "group"
        task["enable"] = .bool(options.createEnabled)
        // The dialer's state is computed whenever the task is read (`DialerState`); stored false so the
        // defaults describe an enabled task as waiting (等待执行), not dialling.
        task["call_status"] = false

        let sent = body["task_extras"]?.objectValue ?? [:]
        let extras: [String: JSONValue] = [
            "start_time": sent["start_time"] ?? "",
            "stop_time": sent["stop_time"] ?? "",
            "line": sent["line"] ?? [],
            "holiday": sent["holiday"] ?? [],
            "interval_time": sent["interval_time"] ?? 0,
            "work_week": [],
            "work_hour": [],
        ]
        task["task_extras"] = .object(extras)
        if options.createEmptyExtra {
            task["new_task_extra"] = .object([:])
        }
        return task
    }
}
