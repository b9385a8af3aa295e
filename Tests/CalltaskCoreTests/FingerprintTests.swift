@testable import CalltaskCore
import CalltaskModels
import Testing

/// Fingerprints: what they cover, what they ignore, and that they do not move between runs.
struct FingerprintTests {
    /// A task with every settable field set, list-visible and detail-only alike.
    static func fullConfig() -> TaskConfig {
        var config = TaskConfig()
        config.name = "spring-sale"
        config.remark = "renewals"
        config.taskType = .newV2
        config.groupType = "robot"
        config.destinationExtension = 102
        config.isGroupSwitch = .byTime
        config.groupSwitchRule = [GroupSwitchRule(switchStart: ClockTime(minutes: 540), switchEnd: ClockTime(minutes: 720), groupId: 7, defaultGroupId: 8)]
        config.maximumcall = 4
        config.dialTimeId = 3
        config.backgroundId = 11
        config.bridgeGroupId = 12
        config.autoRecycleRuleId = 13
        config.llmIntentionId = 14
        config.scoreSchemeId = 15
        config.elasticityType = true
        config.endAction = .pauseRelease
        config.newCallRules = [NewCallRule(reCallTime: "10:00:00", callInterval: 5, ruleId: 2)]
        var extras = TaskExtras()
        extras.startTime = "2026-01-01 00:00:00"
        extras.stopTime = "2026-12-31 23:59:59"
        extras.line = [TaskLine(id: "L1"), TaskLine(id: "L2", limit: 2)]
        extras.holiday = [Holiday(start: "2026-05-01 00:00", end: "2026-05-03 00:00")]
        extras.intervalTime = 1
        extras.workWeek = [1, 2, 3, 4, 5]
        extras.workHour = [WorkHour(wday: 1, begin: ClockTime(minutes: 540), end: ClockTime(minutes: 720))]
        extras.destinationExtensionList = [TimedScript(begin: ClockTime(minutes: 540), end: ClockTime(minutes: 600), destinationExtension: 5)]
        extras.destinationExtensionWithVariableList = [VariableScript(mode: .equals, values: ["vip"], destinationExtension: 6, sort: 1)]
        extras.destinationExtensionMultiConfig = MultiScriptConfig(dialMode: .random, list: [MultiScriptEntry(destinationExtension: 9, sort: 1)])
        extras.popMode = .sequential
        extras.redialEnabled = true
        extras.redialNewNumberPolicy = false
        extras.redialInterval = 30
        extras.redialMaxTimes = 2
        extras.redialConditions = RedialConditions(daStatus: [.noAnswer, .busy])
        config.taskExtras = extras
        return config
    }

    static func task(_ config: TaskConfig, uncoded: [String] = []) -> NormalizedTask {
        NormalizedTask(uuid: "u-1", name: config.name ?? "", config: config, asRead: config, enabled: true, callStatus: false,
                       uncodedRedialStatuses: uncoded, disagreements: [], abnormal: false, alterDatetime: nil)
    }

    /// One change per list-visible field (the test below checks this covers the whole table).
    static let listVisibleChanges: [(path: String, change: @Sendable (inout TaskConfig) -> Void)] = [
        ("name", { $0.name = "spring-sale-2" }),
        ("remark", { $0.remark = nil }),
        ("task_type", { $0.taskType = .v2 }),
        ("group_type", { $0.groupType = "group" }),
        ("destination_extension", { $0.destinationExtension = LenientInt(text: "102") }),
        ("is_group_switch", { $0.isGroupSwitch = .unified }),
        ("maximumcall", { $0.maximumcall = 5 }),
        ("dial_time_id", { $0.dialTimeId = 4 }),
        ("background_id", { $0.backgroundId = nil }),
        ("bridge_group_id", { $0.bridgeGroupId = 120 }),
        ("auto_recycle_rule_id", { $0.autoRecycleRuleId = 130 }),
        ("llm_intention_id", { $0.llmIntentionId = 140 }),
        ("score_scheme_id", { $0.scoreSchemeId = 150 }),
        ("end_action", { $0.endAction = .pauseLock }),
        ("task_extras.start_time", { $0.taskExtras?.startTime = "2026-01-02 00:00:00" }),
        ("task_extras.stop_time", { $0.taskExtras?.stopTime = nil }),
        ("task_extras.line", { $0.taskExtras?.line = [TaskLine(id: "L1"), TaskLine(id: "L2", limit: 3)] }),
        ("task_extras.work_week", { $0.taskExtras?.workWeek = [1, 2, 3, 4] }),
        ("task_extras.work_hour", { $0.taskExtras?.workHour = [WorkHour(wday: 1, begin: ClockTime(minutes: 540), end: ClockTime(minutes: 721))] }),
        ("task_extras.destination_extension_list", { $0.taskExtras?.destinationExtensionList = [] }),
        ("task_extras.pop_mode", { $0.taskExtras?.popMode = .reverse }),
        ("task_extras.redial_enabled", { $0.taskExtras?.redialEnabled = false }),
        ("task_extras.redial_new_number_policy", { $0.taskExtras?.redialNewNumberPolicy = true }),
        ("task_extras.redial_interval", { $0.taskExtras?.redialInterval = 31 }),
        ("task_extras.redial_max_times", { $0.taskExtras?.redialMaxTimes = 3 }),
        ("task_extras.redial_conditions", { $0.taskExtras?.redialConditions = RedialConditions(daStatus: [.noAnswer]) }),
    ]

    @Test("the changes below cover every list-visible field of the table")
    func coversTheTable() {
        #expect(Self.listVisibleChanges.map(\.path) == FieldTable.fields.filter(\.inList).map(\.path))
    }

    @Test("changing any one list-visible field changes the fingerprint", arguments: listVisibleChanges.indices)
    func listVisibleFieldMoves(_ index: Int) {
        let base = Self.fullConfig()
        var changed = base
        Self.listVisibleChanges[index].change(&changed)
        #expect(changed != base)
        #expect(Fingerprint.of(Self.task(changed)) != Fingerprint.of(Self.task(base)), "\(Self.listVisibleChanges[index].path)")
    }

    @Test("fields only the detail returns do not count")
    func detailOnlyFieldsIgnored() {
        let detail = Self.fullConfig()
        let list = FieldTable.listVisible(detail)
        #expect(list != detail)
        #expect(Fingerprint.of(Self.task(list)) == Fingerprint.of(Self.task(detail)))
    }

    @Test("a list read and a detail read of the same task agree, through the normalizer")
    func listAndDetailAgree() {
        var detail = LiveTask(uuid: "u-1")
        detail.name = "spring-sale"
        detail.maximumcall = 4
        detail.elasticityType = true
        detail.groupSwitchRule = [GroupSwitchRule(switchStart: ClockTime(minutes: 540), switchEnd: ClockTime(minutes: 720), groupId: 7, defaultGroupId: 8)]
        var extras = LiveExtras()
        extras.workWeek = [5, 1, 3].map { LenientInt($0) }
        extras.line = [TaskLine(id: "L2", limit: 2), TaskLine(id: "L1")]
        extras.redialConditions = [LiveRedialCondition(daStatus: ["not answer", "busy"])]
        extras.holiday = [Holiday(start: "2026-05-01 00:00", end: "2026-05-03 00:00")]
        extras.intervalTime = 1
        detail.newTaskExtra = extras
        detail.taskExtras = extras
        var list = detail
        list.elasticityType = nil
        list.groupSwitchRule = nil
        list.newTaskExtra?.holiday = nil
        list.newTaskExtra?.intervalTime = nil
        list.taskExtras?.holiday = nil
        list.taskExtras?.intervalTime = nil
        #expect(Fingerprint.of(Normalizer.normalize(list)) == Fingerprint.of(Normalizer.normalize(detail)))
    }

    @Test("redial strings no code writes count")
    func uncodedStatusesCount() {
        let config = Self.fullConfig()
        #expect(Fingerprint.of(Self.task(config)) != Fingerprint.of(Self.task(config, uncoded: ["busy"])))
        #expect(Fingerprint.of(Self.task(config, uncoded: ["ab", "c"])) != Fingerprint.of(Self.task(config, uncoded: ["a", "bc"])))
    }

    @Test("text moved from one field to the next is a different configuration")
    func fieldBoundaries() {
        var first = TaskConfig()
        first.remark = "ab"
        first.groupType = "c"
        var second = TaskConfig()
        second.remark = "a"
        second.groupType = "bc"
        #expect(Fingerprint.of(Self.task(first)) != Fingerprint.of(Self.task(second)))
        var unset = TaskConfig()
        unset.remark = ""
        #expect(Fingerprint.of(Self.task(unset)) != Fingerprint.of(Self.task(TaskConfig())))
    }

    @Test("the fingerprint of a fixed task is a fixed value (it is compared across runs)")
    func stable() {
        #expect(Fingerprint.of(Self.task(Self.fullConfig())) == "dc987ac839105b19")
        #expect(Fingerprint.of(Self.task(TaskConfig())) == "b52ea91c8e5ca66d")
    }
}
