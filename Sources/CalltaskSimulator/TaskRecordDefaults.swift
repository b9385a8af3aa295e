import Foundation

/// Completes a partial task object into a full detail-shaped record.
///
/// Seed files (`--seed FILE`) and the built-in tasks give a task in seed 000's list item shape, often
/// with only the interesting keys; every key they leave out gets the value seed 000's example has for
/// a field nobody sets (`"destination_dialplan": "XML"`, `"_originate_timeout": 60`, …) or an empty one.
/// Values given are normalised into the shapes the API reads back:
///
/// - `destination_extension` (top level and in `new_task_extra`, and in `destination_extension_list`
///   entries) becomes a string (seed 000);
/// - `auto_recycle_rule_id` becomes a string (seed 000's table, 000:412);
/// - `redial_conditions` becomes `[{"hangup_cause": null, "da_status": [strings]}]` (seed 000), codes
///   mapped through `DaStatusTable`;
/// - a `holiday` entry written with `begin` is stored with `start` (seed 001's old 2.0 example vs its
///   field table);
/// - a missing `new_task_extra` is built from `task_extras`; an explicit `null` (or `{}`) is kept: that
///   is an abnormal task (seed 000's note).
enum TaskRecordDefaults {
    /// The completed record for `partial`, owned by `userId` unless it names its own `user_id`.
    static func complete(_ partial: [String: JSONValue], userId: String) -> JSONValue {
        var task = partial
        let uuid = task["uuid"]?.stringValue ?? UUID().uuidString.lowercased()
        task["uuid"] = .string(uuid)
        let enabled = task["enable"]?.boolValue ?? false
        task["enable"] = .bool(enabled)
        let taskType = task["task_type"]?.intValue ?? 7

        for (key, value) in topLevel(userId: userId, taskType: taskType) where task[key] == nil {
            task[key] = value
        }
        if task["call_status"] == nil { task["call_status"] = .bool(enabled) }
        if task["status"] == nil { task["status"] = .int(enabled ? 3 : 1) }
        if task["status_str"] == nil {
            let running = task["call_status"]?.boolValue ?? enabled
            task["status_str"] = .string(enabled ? (running ? "拨打中" : "等待执行") : "停止")
        }
        task["destination_extension"] = stringified(task["destination_extension"])
        task["auto_recycle_rule_id"] = stringified(task["auto_recycle_rule_id"])

        var extras = task["task_extras"]?.objectValue ?? [:]
        for (key, value) in taskExtras where extras[key] == nil { extras[key] = value }
        extras["holiday"] = holidays(extras["holiday"])
        task["task_extras"] = .object(extras)

        switch task["new_task_extra"] {
        case .none:
            task["new_task_extra"] = .object(completedDialer([:], task: task, taskType: taskType))
        case .some(.object(let dialer)) where !dialer.isEmpty:
            task["new_task_extra"] = .object(completedDialer(dialer, task: task, taskType: taskType))
        default:
            break  // null, {} or another empty value: an abnormal task, kept as given
        }
        return .object(task)
    }

    /// The dialer copy, filled from the task where `dialer` lacks a key.
    private static func completedDialer(_ dialer: [String: JSONValue], task: [String: JSONValue], taskType: Int) -> [String: JSONValue] {
        var dialer = dialer
        let extras = task["task_extras"]?.objectValue ?? [:]
        let enabled = task["enable"]?.boolValue ?? false
        let uuid = task["uuid"]?.stringValue ?? ""
        var defaults: [String: JSONValue] = [
            "id": .string("nt-" + uuid.prefix(8)),
            "name": task["name"] ?? .string(""),
            "enable": .int(enabled ? 1 : 0),
            "limit": task["maximumcall"] ?? 1,
            "cps": 1,
            "destination_extension": task["destination_extension"] ?? .null,
            "destination_extension_list": [],
            "blacklist": "",
            "background": "",
            "call_status": task["call_status"] ?? .bool(enabled),
            "number_count": 0,
            "call_info": [:],
        ]
        for key in TaskShape.taskExtrasKeys { defaults[key] = extras[key] }
        if taskType == 7 {
            defaults["pop_mode"] = 0
            defaults["redial_enabled"] = false
            defaults["redial_new_number_policy"] = false
            defaults["redial_interval"] = 0
            defaults["redial_max_times"] = 0
            defaults["redial_conditions"] = []
        }
        for (key, value) in defaults where dialer[key] == nil { dialer[key] = value }
        dialer["destination_extension"] = stringified(dialer["destination_extension"])
        dialer["holiday"] = holidays(dialer["holiday"])
        if let timed = dialer["destination_extension_list"]?.arrayValue {
            dialer["destination_extension_list"] = .array(timed.map { entry in
                var entry = entry
                if entry.objectValue != nil { entry["destination_extension"] = stringified(entry["destination_extension"]) }
                return entry
            })
        }
        if let conditions = dialer["redial_conditions"] {
            dialer["redial_conditions"] = DaStatusTable.normalized(conditions)
        }
        return dialer
    }

    /// An id read back as a string (seed 000: `"destination_extension": "102"`).
    static func stringified(_ value: JSONValue?) -> JSONValue {
        switch value {
        case .some(.int(let number)): return .string(String(number))
        case .some(let other): return other
        case .none: return .null
        }
    }

    /// Holidays as `{start, end}` whichever of `start`/`begin` they were written with.
    static func holidays(_ value: JSONValue?) -> JSONValue {
        guard let entries = value?.arrayValue else { return value ?? [] }
        return .array(entries.map { entry in
            guard var members = entry.objectValue else { return entry }
            if members["start"] == nil, let begin = members["begin"] { members["start"] = begin }
            members["begin"] = nil
            return .object(members)
        })
    }

    /// The local copy's keys nobody gave.
    private static let taskExtras: [String: JSONValue] = [
        "line": [], "start_time": "", "stop_time": "", "work_hour": [], "work_week": [], "holiday": [],
        "interval_time": 0, "destination_extension_with_variable_list": [], "destination_extension_multi_config": nil,
    ]

    /// Top-level keys nobody gave: seed 000's values for the fields a PUT never sets.
    private static func topLevel(userId: String, taskType: Int) -> [String: JSONValue] {
        [
            "name": "",
            "create_datetime": "2026-01-01 09:00:00",
            "alter_datetime": "2026-01-01 09:00:00",
            "start": 0,
            "maximumcall": 1,
            "call_per_second": 10,
            "recycle_limit": 0,
            "random_assignment_number": 0,
            "disable_dial_timegroup": nil,
            "dial_time_id": nil,
            "destination_extension": nil,
            "group_type": "group",
            "destination_dialplan": "XML",
            "destination_context": "default",
            "scheduling_policy_ratio": nil,
            "scheduling_queue": nil,
            "dial_format": "",
            "domain": nil,
            "remark": nil,
            "sort": 0,
            "originate_variables": "{execute_on_media=start_da}",
            "_originate_timeout": 60,
            "_origination_caller_id_number": "20000",
            "user_id": .string(userId),
            "auto_recycle_rule_id": nil,
            "clue_configuration_id": nil,
            "deleted_at": nil,
            "call_notify_type": 2,
            "call_pause_second": 0,
            "call_notify_fail_stop": 0,
            "bridge_group_id": nil,
            "is_test": false,
            "is_top": 0,
            "empty_seat_stop": 0,
            "background_file_id": nil,
            "background_file_name": nil,
            "end_action": nil,
            "task_type": .int(taskType),
            "line_callee": "",
            "cache_number_count": 0,
            "mode_id": nil,
            "bridge_maximumcall": 0,
            "bridge_proportion": 0,
            "direct_bridge": 0,
            "direct_bridge_echo": 0,
            "llm_intention_id": 0,
            "score_scheme_id": 0,
            "restart_at": nil,
            "enable_type": 0,
            "background_id": nil,
            "background": "",
            "is_group_switch": 0,
            "task_cause": [],
            "caller_line": nil,
            "auto_recycle_rule": nil,
            "group": nil,
            "llm_intention_config": nil,
            "group_switch_rule": [],
            "new_call_rules": [],
            "elasticity_type": false,
        ]
    }
}
