public import CalltaskModels

/// Turns a live task (GET shape) into the canonical model. Every API quirk is absorbed here, once:
///
/// - `new_task_extra` is what the dialer runs: it wins for the fields it carries; `task_extras` (the
///   local copy) fills in the rest. Where both carry a field and disagree, the field is recorded in
///   `disagreements` (the plan warns; an apply rewrites both).
/// - Ids read back as strings (`"destination_extension": "102"`) are `LenientInt`s equal to ints.
/// - `line` is ids (old 2.0) or `{id, limit}` (new 2.0): both are `TaskLine`.
/// - `redial_conditions` is read back as a list of `{hangup_cause, da_status: [strings]}` and written as
///   `{da_status: [codes]}`: strings map to codes by seed 000's table (`RedialStatusTable`); strings
///   with no code (call loss, e.g. `busy`) are kept verbatim in `uncodedRedialStatuses`, never dropped
///   and never mistaken for code 8.
/// - Codes (`pop_mode`, `is_group_switch`, `end_action`, `task_type`) read back as numbers or strings.
/// - An empty `new_task_extra` flags the task abnormal (seed 000).
public enum Normalizer {
    public static func normalize(_ live: LiveTask) -> NormalizedTask {
        var config = TaskConfig()
        config.name = live.name
        config.remark = live.remark
        config.taskType = live.taskType.flatMap { TaskType(rawValue: $0.value) }
        config.groupType = live.groupType
        config.destinationExtension = live.destinationExtension ?? live.newTaskExtra?.destinationExtension
        config.isGroupSwitch = live.isGroupSwitch.flatMap { GroupSwitchMode(rawValue: $0.value) }
        config.groupSwitchRule = live.groupSwitchRule
        config.maximumcall = live.maximumcall?.value
        config.dialTimeId = live.dialTimeId
        config.backgroundId = live.backgroundId
        config.bridgeGroupId = live.bridgeGroupId
        config.autoRecycleRuleId = live.autoRecycleRuleId
        config.llmIntentionId = live.llmIntentionId
        config.scoreSchemeId = live.scoreSchemeId
        config.elasticityType = live.elasticityType
        config.endAction = live.endAction.flatMap { EndAction(rawValue: $0.value) }
        config.newCallRules = live.newCallRules

        let remote = live.newTaskExtra.map(extras)
        let local = live.taskExtras.map(extras)
        var disagreements: Set<String> = []
        var merged = TaskExtras()
        var uncoded: [String] = []
        if let remote, let local {
            merged = remote.extras
            uncoded = remote.uncoded
            // Equal copies (the usual case) neither disagree nor have anything to fill in.
            if remote.extras != local.extras {
                let fields = FieldTable.extrasFields
                for index in fields.indices {
                    if fields[index].disagree(remote.extras, local.extras) { disagreements.insert(fields[index].path) }
                    fields[index].fill(&merged, local.extras)
                }
            }
        } else if let remote {
            merged = remote.extras
            uncoded = remote.uncoded
        } else if let local {
            merged = local.extras
            uncoded = local.uncoded
        }
        config.taskExtras = merged
        return NormalizedTask(
            uuid: live.uuid,
            name: live.name ?? "",
            config: Canonical.canonicalize(config),
            asRead: config,
            enabled: live.isEnabled,
            callStatus: live.newTaskExtra?.callStatus?.value,
            uncodedRedialStatuses: uncoded,
            disagreements: disagreements,
            abnormal: live.isAbnormal,
            alterDatetime: live.alterDatetime)
    }

    /// The dialer's copy may write a window for every working day as `wday: "-1"` (facts §2.6);
    /// it stands for one window per `work_week` day (docs/fields.md A12).
    static func expandEveryDay(_ hours: [WorkHour], week: [Int]?) -> [WorkHour] {
        guard hours.contains(where: { $0.wday.value == -1 }) else { return hours }
        let days = week ?? Array(0...6)
        return hours.flatMap { hour in
            hour.wday.value == -1 ? days.map { WorkHour(wday: $0, begin: hour.begin, end: hour.end) } : [hour]
        }
    }

    /// One GET extras block in the canonical model, plus the redial strings that have no code.
    static func extras(_ live: LiveExtras) -> (extras: TaskExtras, uncoded: [String]) {
        var out = TaskExtras()
        out.startTime = live.startTime
        out.stopTime = live.stopTime
        out.line = live.line
        out.holiday = live.holiday
        out.intervalTime = live.intervalTime?.value
        out.workWeek = live.workWeek?.map(\.value)
        out.workHour = live.workHour.map { expandEveryDay($0, week: out.workWeek) }
        out.destinationExtensionList = live.destinationExtensionList
        out.destinationExtensionWithVariableList = live.destinationExtensionWithVariableList
        out.destinationExtensionMultiConfig = live.destinationExtensionMultiConfig
        out.popMode = live.popMode.flatMap { PopMode(rawValue: $0.value) }
        out.redialEnabled = live.redialEnabled.map { Flag($0.value) }
        out.redialNewNumberPolicy = live.redialNewNumberPolicy.map { Flag($0.value) }
        out.redialInterval = live.redialInterval?.value
        out.redialMaxTimes = live.redialMaxTimes?.value
        var uncoded: [String] = []
        if let conditions = live.redialConditions {
            var codes: [RedialStatus] = []
            for condition in conditions {
                for text in condition.daStatus {
                    if let code = RedialStatusTable.codeForString[text] {
                        codes.append(code)
                    } else if let number = Int(text), let code = RedialStatus(rawValue: number) {
                        codes.append(code)  // a platform that echoes codes back
                    } else if !uncoded.contains(text) {
                        uncoded.append(text)
                    }
                }
            }
            out.redialConditions = RedialConditions(daStatus: Canonical.sortedUnique(codes))
        }
        return (out, uncoded)
    }
}
