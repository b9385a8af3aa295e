import CalltaskModels

/// How an update call (`PUT .../task/{id}`, seed 001) changes a stored task.
///
/// Every key present in the body replaces the stored value, in the top level and in both the local copy
/// `task_extras` and the dialer copy `new_task_extra`, as far as each carries the field (`TaskShape`).
/// Values are stored in the shapes the GET calls return:
///
/// - `destination_extension` as a string (seed 000), also in `new_task_extra` and in its
///   `destination_extension_list` entries; `maximumcall` is mirrored into `new_task_extra.limit`;
/// - `redial_conditions` `{"da_status": [codes]}` as `[{"hangup_cause": null, "da_status": [strings]}]`,
///   each code as all of its strings (`RedialStatusTable`); codes 11 and 12 vanish (write-only);
/// - `redial_enabled` / `redial_new_number_policy` (sent as 0/1) as booleans;
/// - `line` as sent (ids or `{id, limit}`); `holiday` as `{start, end}` whether sent with `start` or `begin`.
///
/// Keys absent from the body keep their value, except `bridge_group_id`: seed 001 says an omitted
/// `bridge_group_id` means "none", so it is cleared. In strict mode every settable field the body leaves
/// out is reset to an empty value (null, 0, [], "", false) — but only where the copy carries the field,
/// and never `task_type`, which says what kind of task it is.
enum TaskUpdate {
    static func apply(_ config: TaskConfig, strict: Bool, to record: JSONValue, alterDatetime: String) -> JSONValue {
        guard var top = record.objectValue else { return record }
        var local = top["task_extras"]?.objectValue ?? [:]
        var dialer = top["new_task_extra"]?.objectValue
        let dialerIsLive = dialer.map { !$0.isEmpty } ?? false

        /// Sets a top-level key, or resets it in strict mode.
        func setTop(_ key: String, _ value: JSONValue?, empty: JSONValue) {
            if let value {
                top[key] = value
            } else if strict, top[key] != nil {
                top[key] = empty
            }
        }

        setTop("name", config.name.map(JSONValue.string), empty: "")
        setTop("remark", config.remark.map(JSONValue.string), empty: nil)
        if let taskType = config.taskType { top["task_type"] = .int(taskType.rawValue) }
        setTop("group_type", config.groupType.map(JSONValue.string), empty: "")
        setTop("destination_extension", config.destinationExtension.map { .string(String($0.value)) }, empty: nil)
        setTop("is_group_switch", config.isGroupSwitch.map { .int($0.rawValue) }, empty: 0)
        setTop("group_switch_rule", config.groupSwitchRule.map { .array($0.map(json)) }, empty: [])
        setTop("maximumcall", config.maximumcall.map(JSONValue.int), empty: 0)
        setTop("dial_time_id", config.dialTimeId.map { .int($0.value) }, empty: nil)
        setTop("background_id", config.backgroundId.map { .int($0.value) }, empty: nil)
        // Seed 001: "不传这个键,则表示为空" — an omitted bridge_group_id means none, in either mode.
        top["bridge_group_id"] = config.bridgeGroupId.map { .int($0.value) } ?? .null
        setTop("auto_recycle_rule_id", config.autoRecycleRuleId.map { .int($0.value) }, empty: nil)
        setTop("llm_intention_id", config.llmIntentionId.map { .int($0.value) }, empty: 0)
        setTop("score_scheme_id", config.scoreSchemeId.map { .int($0.value) }, empty: 0)
        setTop("elasticity_type", config.elasticityType.map { .bool($0.value) }, empty: false)
        setTop("end_action", config.endAction.map { .int($0.rawValue) }, empty: nil)
        setTop("new_call_rules", config.newCallRules.map { .array($0.map(json)) }, empty: [])
        top["alter_datetime"] = .string(alterDatetime)

        if dialerIsLive, var copy = dialer {
            if let name = config.name { copy["name"] = .string(name) }
            if let extensionId = config.destinationExtension {
                copy["destination_extension"] = .string(String(extensionId.value))
            }
            if let maximumcall = config.maximumcall { copy["limit"] = .int(maximumcall) }
            dialer = copy
        }

        let extras = config.taskExtras ?? TaskExtras()
        let fields: [(key: String, value: JSONValue?, empty: JSONValue)] = [
            ("start_time", extras.startTime.map(JSONValue.string), ""),
            ("stop_time", extras.stopTime.map(JSONValue.string), ""),
            ("line", extras.line.map { .array($0.map(json)) }, []),
            ("holiday", extras.holiday.map { .array($0.map(json)) }, []),
            ("interval_time", extras.intervalTime.map(JSONValue.int), 0),
            ("work_week", extras.workWeek.map { .array($0.map(JSONValue.int)) }, []),
            ("work_hour", extras.workHour.map { .array($0.map(json)) }, []),
            ("destination_extension_list", extras.destinationExtensionList.map { .array($0.map(json)) }, []),
            ("destination_extension_with_variable_list", extras.destinationExtensionWithVariableList.map { .array($0.map(json)) }, []),
            ("destination_extension_multi_config", extras.destinationExtensionMultiConfig.map(json), nil),
            ("pop_mode", extras.popMode.map { .int($0.rawValue) }, 0),
            ("redial_enabled", extras.redialEnabled.map { .bool($0.value) }, false),
            ("redial_new_number_policy", extras.redialNewNumberPolicy.map { .bool($0.value) }, false),
            ("redial_interval", extras.redialInterval.map(JSONValue.int), 0),
            ("redial_max_times", extras.redialMaxTimes.map(JSONValue.int), 0),
            ("redial_conditions", extras.redialConditions.map { RedialReadBack.value(for: $0.daStatus) }, []),
        ]
        for field in fields {
            if TaskShape.taskExtrasKeys.contains(field.key) {
                if let value = field.value {
                    local[field.key] = value
                } else if strict, local[field.key] != nil {
                    local[field.key] = field.empty
                }
            }
            if dialerIsLive, TaskShape.newTaskExtraSettableKeys.contains(field.key), var copy = dialer {
                if let value = field.value {
                    copy[field.key] = field.key == "destination_extension_list" ? stringifiedTimedScripts(value) : value
                } else if strict, copy[field.key] != nil {
                    copy[field.key] = field.empty
                }
                dialer = copy
            }
        }

        top["task_extras"] = .object(local)
        if dialerIsLive, let dialer { top["new_task_extra"] = .object(dialer) }
        return .object(top)
    }

    /// `destination_extension_list` as the dialer copy reads it back: ids as strings (seed 000).
    private static func stringifiedTimedScripts(_ value: JSONValue) -> JSONValue {
        guard let entries = value.arrayValue else { return value }
        return .array(entries.map { entry in
            var entry = entry
            if entry.objectValue != nil { entry["destination_extension"] = TaskRecordDefaults.stringified(entry["destination_extension"]) }
            return entry
        })
    }

    // MARK: - Model values as stored JSON

    static func json(_ line: TaskLine) -> JSONValue {
        guard let limit = line.limit else { return .string(line.id) }
        return ["id": .string(line.id), "limit": .int(limit)]
    }

    static func json(_ holiday: Holiday) -> JSONValue {
        ["start": .string(holiday.start), "end": .string(holiday.end)]
    }

    static func json(_ hour: WorkHour) -> JSONValue {
        ["wday": .int(hour.wday.value), "begin": .string(hour.begin.description), "end": .string(hour.end.description)]
    }

    static func json(_ script: TimedScript) -> JSONValue {
        ["begin": .string(script.begin.description), "end": .string(script.end.description),
         "destination_extension": .int(script.destinationExtension.value)]
    }

    static func json(_ script: VariableScript) -> JSONValue {
        ["mode": .int(script.mode.rawValue), "values": .array(script.values.map(JSONValue.string)),
         "destination_extension": .int(script.destinationExtension.value), "sort": .int(script.sort)]
    }

    static func json(_ config: MultiScriptConfig) -> JSONValue {
        ["dial_mode": .int(config.dialMode.rawValue),
         "list": .array(config.list.map { ["destination_extension": .int($0.destinationExtension.value), "sort": .int($0.sort)] })]
    }

    static func json(_ rule: GroupSwitchRule) -> JSONValue {
        ["switch_start": .string(rule.switchStart.description), "switch_end": .string(rule.switchEnd.description),
         "group_id": .int(rule.groupId.value), "default_group_id": .int(rule.defaultGroupId.value)]
    }

    static func json(_ rule: NewCallRule) -> JSONValue {
        ["re_call_time": .string(rule.reCallTime), "call_interval": .int(rule.callInterval), "rule_id": .int(rule.ruleId.value)]
    }
}
