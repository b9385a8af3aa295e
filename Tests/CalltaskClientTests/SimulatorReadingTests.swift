import CalltaskClient
import CalltaskModels
import CalltaskSimulator
import Foundation
import Testing

/// The simulator reads the platform's docs on its own (it imports no calltask target); these tests read
/// its answers with calltask's models, and send it calltask's update bodies. The two readings of the
/// docs meet here: a key calltask spells differently, a code it maps differently, fails here instead
/// of passing on both sides.
@Suite("calltask's models against the simulator's own reading of the docs")
struct SimulatorReadingTests {
    @Test("every built-in task decodes as the client's LiveTask, list item and detail; broken-import is abnormal")
    func builtInTasksDecode() throws {
        for task in DefaultTasks.all() {
            let live = try task.detail.decode(as: LiveTask.self)
            #expect(live.uuid == task.uuid)
            #expect(live.isAbnormal == (task.uuid == DefaultTasks.brokenImportId))
            _ = try task.listItem.decode(as: LiveTask.self)
        }
    }

    /// An update body for `insurance-renewal-2026` (new 2.0, paused) with every field `TaskConfig` has.
    static func everyField(daStatus: [RedialStatus] = [.carrierBlocked, .busy]) -> TaskConfig {
        var body = TaskConfig()
        body.name = "insurance-renewal-2026"
        body.remark = "续保"
        body.taskType = .newV2
        body.groupType = "robot"
        body.destinationExtension = 10
        body.isGroupSwitch = .byVariable
        body.groupSwitchRule = [GroupSwitchRule(switchStart: ClockTime(minutes: 540), switchEnd: ClockTime(minutes: 720), groupId: 13037, defaultGroupId: 123)]
        body.maximumcall = 3
        body.dialTimeId = 5
        body.backgroundId = 52
        body.bridgeGroupId = 1
        body.autoRecycleRuleId = 9
        body.llmIntentionId = 12
        body.scoreSchemeId = 7
        body.elasticityType = false
        body.endAction = .pauseRelease
        body.newCallRules = [NewCallRule(reCallTime: "10:00:00", callInterval: 60, ruleId: 15486)]
        var extras = TaskExtras()
        extras.startTime = "2026-01-05 08:30:00"
        extras.stopTime = "2026-12-20 20:00:00"
        extras.line = [TaskLine(id: "d47c3599-f166-4cd0-999c-f60e46814d26", limit: 3)]
        extras.holiday = [Holiday(start: "2026-10-01 00:00", end: "2026-10-07 23:59")]
        extras.intervalTime = 0
        extras.workWeek = [1, 2]
        extras.workHour = [WorkHour(wday: 1, begin: ClockTime(minutes: 540), end: ClockTime(minutes: 720))]
        extras.destinationExtensionList = [TimedScript(begin: ClockTime(minutes: 540), end: ClockTime(minutes: 720), destinationExtension: 55)]
        extras.destinationExtensionWithVariableList = [VariableScript(mode: .equals, values: ["男", "男的"], destinationExtension: 11, sort: 1)]
        extras.destinationExtensionMultiConfig = MultiScriptConfig(dialMode: .roundRobin, list: [MultiScriptEntry(destinationExtension: 13601, sort: 1)])
        extras.popMode = .sequential
        extras.redialEnabled = true
        extras.redialNewNumberPolicy = false
        extras.redialInterval = 3
        extras.redialMaxTimes = 3
        extras.redialConditions = RedialConditions(daStatus: daStatus)
        body.taskExtras = extras
        return body
    }

    @Test("calltask's update body with every field is one the simulator's strict reading of seed 001 accepts, and reads back the same")
    func everyFieldUnderStrictPut() async throws {
        var options = SimulatorOptions()
        options.strictPut = true
        let simulator = Simulator(options: options)
        let id = DefaultTasks.insuranceRenewalId
        let sent = Self.everyField()
        let live = try await SimulatorHarness.run(simulator) { client in
            try await client.updateTask(uuid: id, body: sent)
            return try await client.taskDetail(uuid: id)
        }
        #expect(live.name == sent.name)
        #expect(live.remark == sent.remark)
        #expect(live.destinationExtension == sent.destinationExtension)
        #expect(live.autoRecycleRuleId == sent.autoRecycleRuleId)
        #expect(live.bridgeGroupId == sent.bridgeGroupId)
        #expect(live.elasticityType == sent.elasticityType)
        #expect(live.endAction?.value == sent.endAction?.rawValue)
        #expect(live.groupSwitchRule == sent.groupSwitchRule)
        #expect(live.newCallRules == sent.newCallRules)
        let dialer = try #require(live.newTaskExtra)
        let extras = try #require(sent.taskExtras)
        #expect(dialer.line == extras.line)
        #expect(dialer.holiday == extras.holiday)
        #expect(dialer.workHour == extras.workHour)
        #expect(dialer.destinationExtensionList == extras.destinationExtensionList)
        #expect(dialer.destinationExtensionWithVariableList == extras.destinationExtensionWithVariableList)
        #expect(dialer.destinationExtensionMultiConfig == extras.destinationExtensionMultiConfig)
        #expect(dialer.popMode?.value == extras.popMode?.rawValue)
        #expect(dialer.redialEnabled?.value == extras.redialEnabled?.value)
        #expect(dialer.redialInterval?.value == extras.redialInterval)
    }

    @Test("each da_status code calltask writes reads back, through calltask's table, as that code; 11 and 12 as nothing")
    func daStatusRoundTrip() async throws {
        let simulator = Simulator()
        let id = DefaultTasks.insuranceRenewalId
        let readBack = try await SimulatorHarness.run(simulator) { client in
            var strings: [RedialStatus: [String]] = [:]
            for status in RedialStatus.allCases {
                try await client.updateTask(uuid: id, body: Self.everyField(daStatus: [status]))
                strings[status] = try await client.taskDetail(uuid: id).newTaskExtra?.redialConditions?.flatMap(\.daStatus) ?? []
            }
            return strings
        }
        for status in RedialStatus.allCases {
            let strings = readBack[status] ?? []
            let codes = Set(strings.compactMap { RedialStatusTable.codeForString[$0] })
            #expect(codes == (status.isWriteOnly ? [] : [status]), "\(status): \(strings)")
            #expect(Set(strings) == Set(RedialStatusTable.strings[status] ?? []), "\(status): \(strings)")
        }
    }
}
