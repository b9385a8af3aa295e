/// The task set the simulator serves when no `--seed FILE` is given.
///
/// 1. seed 000's example task, verbatim (old 2.0, paused), with `holiday: []` in the detail (one
///    exception: its `destination_extension_list` placeholder id "XXXXX" is the field table's
///    "215870475195883520", so the task decodes like a real one);
/// 2. `spring-sale-followup` (new 2.0, running): matches its example spec except `redial_interval`,
///    which is 15 here and 30 in the spec — drift;
/// 3. `insurance-renewal-2026` (new 2.0, paused, variable scripts, a holiday): matches its spec;
/// 4. `legacy-collections` (old 2.0, running): `maximumcall` 4 here, 2 in the spec — drift;
/// 5. three tasks no spec manages: `回访-老客户` (new 2.0, running), `survey-q3` (old 2.0, paused) and
///    `broken-import`, an abnormal task whose `new_task_extra` is null (seed 000's note).
public enum DefaultTasks {
    /// uuid of seed 000's example task.
    public static let seedExampleId = "e5cb8746-411d-4d6d-a1fa-0fe030f00fad"
    /// uuid of `spring-sale-followup`.
    public static let springSaleId = "7f3c2a10-5b1e-4c8a-9d2e-1a2b3c4d5e01"
    /// uuid of `insurance-renewal-2026`.
    public static let insuranceRenewalId = "7f3c2a10-5b1e-4c8a-9d2e-1a2b3c4d5e02"
    /// uuid of `legacy-collections`.
    public static let legacyCollectionsId = "7f3c2a10-5b1e-4c8a-9d2e-1a2b3c4d5e03"
    /// uuid of `回访-老客户`.
    public static let customerCallbackId = "3d9f1c52-8e47-4b6a-9c1d-6f2e8a7b5c04"
    /// uuid of `survey-q3`.
    public static let surveyId = "b82e4f17-2a9c-4d3e-8f6b-1c5d7e9a0b06"
    /// uuid of `broken-import`.
    public static let brokenImportId = "c4a7e2d9-5f13-4b8e-a6c2-9d0e1f3a7b08"

    /// The seven tasks, in list order.
    public static func all(userId: String = SimulatorOptions.defaultUserId) -> [SimTask] {
        [
            SimTask(record: seedExample()),
            SimTask(seed: springSale(), userId: userId),
            SimTask(seed: insuranceRenewal(), userId: userId),
            SimTask(seed: legacyCollections(), userId: userId),
            SimTask(seed: customerCallback(), userId: userId),
            SimTask(seed: survey(), userId: userId),
            SimTask(seed: brokenImport(), userId: userId),
        ]
    }

    // MARK: - The tasks

    /// Seed 000's list item, key for key, plus the detail-only keys (all empty).
    static func seedExample() -> JSONValue {
        let workHourLocal: [(Int, String, String)] = [
            (1, "03:00", "19:00"), (1, "20:00", "23:30"), (2, "03:00", "19:00"), (3, "03:00", "19:00"),
            (3, "20:00", "23:30"), (4, "03:00", "19:00"), (4, "20:00", "23:30"), (5, "03:00", "19:00"),
            (6, "03:00", "19:00"), (0, "03:00", "19:00"),
        ]
        let daStatus: [JSONValue] = [
            "failed", "not convenient", "redial later", "is not reachable", "cannot be connected", "not answer",
            "power off", "hold on", "busy now", "call reminder", "barring of incoming", "not in service",
            "not a local number", "forwarded", "line is busy", "number change", "line fault", "bus_close", "busy",
        ]
        return [
            "uuid": .string(seedExampleId),
            "name": "测试api接口创建-222",
            "create_datetime": "2024-12-04 11:17:34",
            "alter_datetime": "2024-12-04 11:17:37",
            "start": 0,
            "enable": false,
            "maximumcall": 1,
            "call_per_second": 10,
            "recycle_limit": 0,
            "random_assignment_number": 0,
            "disable_dial_timegroup": nil,
            "dial_time_id": 5,
            "destination_extension": "102",
            "group_type": "group",
            "destination_dialplan": "XML",
            "destination_context": "default",
            "scheduling_policy_ratio": nil,
            "scheduling_queue": nil,
            "dial_format": "",
            "domain": nil,
            "remark": nil,
            "sort": 33,
            "originate_variables": "{execute_on_media=start_da}",
            "_originate_timeout": 60,
            "_origination_caller_id_number": "20000",
            "user_id": "b6d94bef-5ac2-4c6e-ba13-d2f8f124862b",
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
            "task_type": 6,
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
            "task_extras": [
                "line": ["xxxx"],
                "stop_time": "2025-11-01 13:25:26",
                "work_hour": .array(workHourLocal.map { ["end": .string($0.2), "wday": .int($0.0), "begin": .string($0.1)] }),
                "work_week": [1, 2, 3, 4, 5, 6, 0],
                "start_time": "2024-11-01 13:25:26",
                "holiday": [],
                "interval_time": 0,
                "destination_extension_with_variable_list": [],
                "destination_extension_multi_config": nil,
            ],
            "status_str": "停止",
            "task_cause": ["任务结束时间不能早于当前时间", "任务结束时间不符合"],
            "call_status": true,
            "new_task_extra": [
                "id": "XXXXX",
                "name": "测试api接口创建-222",
                "enable": 0,
                "line": ["xxxx"],
                "limit": 1,
                "cps": 1,
                "start_time": "2024-11-01 13:25:26",
                "stop_time": "2025-11-01 13:25:26",
                "work_week": [1, 2, 3, 4, 5, 6, 0],
                "work_hour": [
                    ["wday": 1, "begin": "20:00", "end": "23:30"],
                    ["wday": 3, "begin": "20:00", "end": "23:30"],
                    ["wday": 4, "begin": "20:00", "end": "23:30"],
                ],
                "destination_extension": "102",
                // Seed 000 prints the placeholder "XXXXX" here; its field table's example id is used instead,
                // so that the id reads as a number like every other script group id.
                "destination_extension_list": [["begin": "09:00", "end": "12:00", "destination_extension": "215870475195883520"]],
                "redial_enabled": false,
                "redial_new_number_policy": false,
                "redial_interval": 3,
                "redial_max_times": 3,
                "redial_conditions": [["hangup_cause": nil, "da_status": .array(daStatus)]],
                "blacklist": "",
                "background": "",
                "call_status": false,
                "number_count": 0,
                "call_info": [
                    "90611087-c2c2-4f04-8fe3-c8e33e5d1ffa": [
                        "task_id": "cd355395-566d-4894-a2cb-b8900dca9dc5",
                        "task_name": "测试任务",
                        "node_id": "2533f3f6-7ac1-4b55-b1de-7d308ce00d89",
                        "line_id": "90611087-c2c2-4f04-8fe3-c8e33e5d1ffa",
                        "line_name": "测试站ip对接线路",
                        "cps": 10,
                        "limit": 10,
                        "call_status": 1,
                        "dialed_number_total": 2,
                        "answer_total": 1,
                        "gateway_error_hangup_total": 0,
                        "normal_hangup_total": 2,
                        "bill": 8000,
                        "calling_count": 0,
                        "answering_count": 0,
                    ],
                ],
                "holiday": [],
                "interval_time": 0,
                "destination_extension_with_variable_list": [],
                "destination_extension_multi_config": nil,
            ],
            "caller_line": nil,
            "auto_recycle_rule": nil,
            "group": ["id": 102, "name": "测试模型", "default": false],
            "llm_intention_config": nil,
            "status": 1,
            "group_switch_rule": [],
            "new_call_rules": [],
            "elasticity_type": false,
        ]
    }

    static func springSale() -> [String: JSONValue] {
        let lines: JSONValue = [
            ["id": "d47c3599-f166-4cd0-999c-f60e46814d26", "limit": 2],
            ["id": "5a1e7c2b-0f3d-4e8a-b6c1-2d3e4f5a6b7c", "limit": 2],
        ]
        let hours = workHours(days: 1...5, windows: [("09:00", "12:00"), ("13:30", "18:00")])
        let schedule: [String: JSONValue] = [
            "line": lines, "start_time": "2026-03-01 09:00:00", "stop_time": "2026-12-31 21:00:00",
            "work_week": [1, 2, 3, 4, 5], "work_hour": hours, "holiday": [], "interval_time": 0,
        ]
        return [
            "uuid": .string(springSaleId), "name": "spring-sale-followup", "task_type": 7,
            "create_datetime": "2026-02-20 10:12:05", "alter_datetime": "2026-02-27 16:40:11",
            "enable": true, "call_status": true, "maximumcall": 4, "dial_time_id": 5,
            "destination_extension": 13037, "group_type": "robot", "is_group_switch": 1, "sort": 41,
            "group": ["id": 13037, "name": "春季促销回访", "default": false],
            "task_extras": .object(schedule),
            "new_task_extra": .object(schedule.merging([
                "id": "nt-7f3c2a10-01", "cps": 2, "number_count": 1840,
                "destination_extension_list": [
                    ["begin": "09:00", "end": "12:00", "destination_extension": 13037],
                    ["begin": "13:30", "end": "18:00", "destination_extension": 13038],
                ],
                "pop_mode": 1, "redial_enabled": true, "redial_new_number_policy": false,
                "redial_interval": 15, "redial_max_times": 2,
                "redial_conditions": DaStatusTable.readBack(codes: [4, 6, 8]),
            ]) { $1 }),
        ]
    }

    static func insuranceRenewal() -> [String: JSONValue] {
        let variables: JSONValue = [
            ["mode": 1, "values": ["男", "男的"], "destination_extension": 11, "sort": 1],
            ["mode": 0, "values": ["女", "女性"], "destination_extension": 12, "sort": 2],
        ]
        let schedule: [String: JSONValue] = [
            "line": [["id": "d47c3599-f166-4cd0-999c-f60e46814d26", "limit": 3]],
            "start_time": "2026-01-05 08:30:00", "stop_time": "2026-12-20 20:00:00",
            "work_week": [1, 2, 3, 4, 5, 6],
            "work_hour": workHours(days: 1...6, windows: [("09:00", "12:00"), ("14:00", "18:30")]),
            "holiday": [["start": "2026-10-01 00:00", "end": "2026-10-07 23:59"]],
            "interval_time": 0, "destination_extension_with_variable_list": variables,
        ]
        return [
            "uuid": .string(insuranceRenewalId), "name": "insurance-renewal-2026", "task_type": 7,
            "create_datetime": "2025-12-18 14:03:52", "alter_datetime": "2026-01-04 18:22:09",
            "enable": false, "call_status": false, "maximumcall": 3, "dial_time_id": 5,
            "destination_extension": 10, "group_type": "robot", "is_group_switch": 2, "sort": 38,
            "task_extras": .object(schedule),
            "new_task_extra": .object(schedule.merging([
                "id": "nt-7f3c2a10-02", "cps": 1, "number_count": 5210,
                "pop_mode": 0, "redial_enabled": false, "redial_new_number_policy": false,
                "redial_interval": 10, "redial_max_times": 1, "redial_conditions": [],
            ]) { $1 }),
        ]
    }

    static func legacyCollections() -> [String: JSONValue] {
        let schedule: [String: JSONValue] = [
            "line": ["29c39ec4-b292-4af9-a88b-922d61866ab1", "3b4c5d6e-7f80-4912-a3b4-c5d6e7f80912"],
            "start_time": "2026-02-01 08:00:00", "stop_time": "2026-11-30 20:00:00",
            "work_week": [1, 2, 3, 4, 5],
            "work_hour": workHours(days: 1...5, windows: [("08:00", "20:00")]),
            "holiday": [["start": "2026-05-01 00:00", "end": "2026-05-05 23:59"]],
            "interval_time": 0,
        ]
        return [
            "uuid": .string(legacyCollectionsId), "name": "legacy-collections", "task_type": 6,
            "create_datetime": "2025-11-03 09:45:30", "alter_datetime": "2026-01-29 11:02:47",
            "enable": true, "call_status": true, "maximumcall": 4, "dial_time_id": 7,
            "destination_extension": 123, "group_type": "group", "is_group_switch": 1, "sort": 35,
            "group_switch_rule": [["switch_start": "09:00", "switch_end": "12:00", "group_id": 13037, "default_group_id": 123]],
            "new_call_rules": [["re_call_time": "10:00:00", "call_interval": 60, "rule_id": 15486]],
            "group": ["id": 123, "name": "催收话术", "default": false],
            "task_extras": .object(schedule),
            "new_task_extra": .object(schedule.merging(["id": "nt-7f3c2a10-03", "cps": 2, "number_count": 920]) { $1 }),
        ]
    }

    static func customerCallback() -> [String: JSONValue] {
        let schedule: [String: JSONValue] = [
            "line": [["id": "5a1e7c2b-0f3d-4e8a-b6c1-2d3e4f5a6b7c", "limit": 2]],
            "start_time": "2026-02-10 09:00:00", "stop_time": "2026-08-31 20:00:00",
            "work_week": [1, 2, 3, 4, 5, 6],
            "work_hour": workHours(days: 1...6, windows: [("09:30", "12:00"), ("14:00", "17:30")]),
            "holiday": [], "interval_time": 0,
        ]
        return [
            "uuid": .string(customerCallbackId), "name": "回访-老客户", "task_type": 7,
            "create_datetime": "2026-02-08 15:20:41", "alter_datetime": "2026-02-09 10:05:13",
            "enable": true, "call_status": true, "maximumcall": 2, "dial_time_id": 5,
            "destination_extension": 20417, "group_type": "robot", "is_group_switch": 0, "sort": 40,
            "remark": "老客户满意度回访", "llm_intention_id": 12,
            "task_extras": .object(schedule),
            "new_task_extra": .object(schedule.merging([
                "id": "nt-3d9f1c52", "cps": 1, "number_count": 612,
                "pop_mode": 0, "redial_enabled": true, "redial_new_number_policy": true,
                "redial_interval": 30, "redial_max_times": 3,
                "redial_conditions": DaStatusTable.readBack(codes: [3, 4, 6]),
            ]) { $1 }),
        ]
    }

    static func survey() -> [String: JSONValue] {
        let schedule: [String: JSONValue] = [
            "line": ["29c39ec4-b292-4af9-a88b-922d61866ab1"],
            "start_time": "2025-07-01 09:00:00", "stop_time": "2025-09-30 18:00:00",
            "work_week": [1, 2, 3, 4, 5],
            "work_hour": workHours(days: 1...5, windows: [("10:00", "17:00")]),
            "holiday": [], "interval_time": 0,
        ]
        return [
            "uuid": .string(surveyId), "name": "survey-q3", "task_type": 6,
            "create_datetime": "2025-06-24 11:31:08", "alter_datetime": "2025-06-30 17:58:44",
            "enable": false, "call_status": false, "maximumcall": 1, "dial_time_id": 5,
            "destination_extension": 480, "group_type": "group", "is_group_switch": 0, "sort": 27,
            "task_cause": ["任务结束时间不能早于当前时间"],
            "task_extras": .object(schedule),
            "new_task_extra": .object(schedule.merging(["id": "nt-b82e4f17", "cps": 1, "number_count": 3300]) { $1 }),
        ]
    }

    static func brokenImport() -> [String: JSONValue] {
        [
            "uuid": .string(brokenImportId), "name": "broken-import", "task_type": 7,
            "create_datetime": "2026-01-12 08:14:59", "alter_datetime": "2026-01-12 08:14:59",
            "enable": false, "call_status": false, "maximumcall": 1, "dial_time_id": 5,
            "destination_extension": 13037, "group_type": "robot", "sort": 36,
            "task_extras": [
                "line": [["id": "d47c3599-f166-4cd0-999c-f60e46814d26", "limit": 1]],
                "start_time": "2026-01-15 09:00:00", "stop_time": "2026-06-30 18:00:00",
                "work_week": [1, 2, 3, 4, 5],
                "work_hour": workHours(days: 1...5, windows: [("09:00", "18:00")]),
            ],
            "new_task_extra": nil,
        ]
    }

    /// `work_hour` entries: every window on every day (`wday` an int).
    static func workHours(days: ClosedRange<Int>, windows: [(String, String)]) -> JSONValue {
        .array(days.flatMap { day in
            windows.map { window in ["wday": .int(day), "begin": .string(window.0), "end": .string(window.1)] }
        })
    }
}
