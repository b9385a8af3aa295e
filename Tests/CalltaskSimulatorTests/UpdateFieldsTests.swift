@testable import CalltaskSimulator
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// The simulator's own reading of seed 001's update body (`UpdateFields`).
@Suite("The update body as seed 001 names it")
struct UpdateFieldsTests {
    /// A body for `insurance-renewal-2026` (new 2.0, paused) with every key either 2.0 section names.
    static func fullBody() -> JSONValue {
        [
            "sub_user_id": "",
            "name": "insurance-renewal-2026", "remark": "续保", "task_type": 7, "group_type": "robot",
            "destination_extension": 10, "is_group_switch": 2,
            "group_switch_rule": [["switch_start": "09:00", "switch_end": "12:00", "group_id": 13037, "default_group_id": 123]],
            "maximumcall": 3, "dial_time_id": 5, "background_id": 52, "bridge_group_id": 1, "auto_recycle_rule_id": 9,
            "elasticity_type": false, "end_action": 1, "llm_intention_id": 12, "score_scheme_id": 7,
            "new_call_rules": [["re_call_time": "10:00:00", "call_interval": 60, "rule_id": 15486]],
            "task_extras": [
                "start_time": "2026-01-05 08:30:00", "stop_time": "2026-12-20 20:00:00",
                "line": [["id": "d47c3599-f166-4cd0-999c-f60e46814d26", "limit": 3]],
                "holiday": [["start": "2026-10-01 00:00", "begin": "2026-10-01 00:00", "end": "2026-10-07 23:59"]],
                "interval_time": 0, "work_week": [1, 2],
                "work_hour": [["wday": 1, "begin": "09:00", "end": "12:00"], ["wday": 2, "begin": "9:00", "end": "24:00"]],
                "destination_extension_list": [["begin": "09:00", "end": "12:00", "destination_extension": 55]],
                "destination_extension_with_variable_list": [["mode": 1, "values": ["男", "男的"], "destination_extension": 11, "sort": 1]],
                "destination_extension_multi_config": ["dial_mode": 0, "list": [["destination_extension": "13601", "sort": 1]]],
                "pop_mode": 1, "redial_enabled": 1, "redial_new_number_policy": 0, "redial_interval": 3,
                "redial_max_times": 3, "redial_conditions": ["da_status": [2, 3]],
            ],
        ]
    }

    static func strictSimulator() -> Simulator {
        var options = SimulatorOptions()
        options.strictPut = true
        return Simulator(options: options)
    }

    static let insurancePath = "\(userBase)/task/\(DefaultTasks.insuranceRenewalId)"

    @Test("under --strict-put a body with every key seed 001 names is accepted and reads back in the GET shapes")
    func fullBodyIsAccepted() async throws {
        try await Self.strictSimulator().buildApplication().test(.router) { client in
            let response = try await client.call(.put, Self.insurancePath, body: Self.fullBody().serialized())
            #expect(json(response) == ["code": 200, "status": "success", "message": "修改成功", "data": ""])
            let detail = try await client.detail(DefaultTasks.insuranceRenewalId)
            #expect(detail["destination_extension"] == "10")
            #expect(detail["auto_recycle_rule_id"] == "9", "seed 000's table types it string")
            #expect(detail["bridge_group_id"] == 1)
            #expect(detail["elasticity_type"] == false)
            #expect(detail["new_call_rules"] == [["re_call_time": "10:00:00", "call_interval": 60, "rule_id": 15486]])
            #expect(detail["sub_user_id"] == nil, "sub_user_id selects the account; it is not stored")
            let dialer = try #require(detail["new_task_extra"])
            #expect(dialer["limit"] == 3)
            #expect(dialer["redial_enabled"] == true)
            #expect(dialer["redial_new_number_policy"] == false)
            #expect(dialer["redial_conditions"] == [["hangup_cause": nil, "da_status": ["failed", "not convenient", "redial later"]]])
            #expect(dialer["destination_extension_list"] == [["begin": "09:00", "end": "12:00", "destination_extension": "55"]])
            #expect(dialer["destination_extension_multi_config"]?["list"] == [["destination_extension": "13601", "sort": 1]])
            for copy in ["task_extras", "new_task_extra"] {
                #expect(detail[copy]?["holiday"] == [["start": "2026-10-01 00:00", "end": "2026-10-07 23:59"]])
                #expect(detail[copy]?["work_week"] == [1, 2])
            }
            #expect(detail["task_extras"]?["pop_mode"] == nil, "pop_mode reads back in new_task_extra only")
        }
    }

    @Test("--strict-put refuses a key neither 2.0 section of seed 001 names, naming it", arguments: [
        ("colour", "colour"),
        ("task_extras.colour", "task_extras.colour"),
        ("task_extras.da_status", "task_extras.redial_conditions.da_status"),
        ("line", "line"),
        ("task_extras.holiday.0.note", "task_extras.holiday.0.note"),
        ("task_extras.line.0.weight", "task_extras.line.0.weight"),
        ("task_extras.redial_conditions.hangup_cause", "task_extras.redial_conditions.hangup_cause"),
    ])
    func strictRefusesUnknownKeys(key: String, named: String) async throws {
        let body = Self.withUnknownKey(key)
        let simulator = Self.strictSimulator()
        let before = await simulator.store.task(id: DefaultTasks.insuranceRenewalId)
        try await simulator.buildApplication().test(.router) { client in
            let response = try await client.call(.put, Self.insurancePath, body: body.serialized())
            #expect(response.status.code == 422)
            #expect(json(response)["code"] == 422)
            #expect(json(response)["status"] == "error")
            #expect(json(response)["data"] == [])
            #expect(json(response)["message"]?.stringValue?.contains(named) == true, "\(json(response))")
        }
        #expect(await simulator.store.task(id: DefaultTasks.insuranceRenewalId) == before)
    }

    @Test("without --strict-put an unknown key is ignored: accepted, and stored nowhere")
    func lenientIgnoresUnknownKeys() async throws {
        try await Simulator().buildApplication().test(.router) { client in
            for key in ["colour", "task_extras.colour", "task_extras.da_status", "task_extras.holiday.0.note"] {
                let response = try await client.call(.put, Self.insurancePath, body: Self.withUnknownKey(key).serialized())
                #expect(json(response)["code"] == 200, "\(key): \(json(response))")
            }
            let detail = try await client.detail(DefaultTasks.insuranceRenewalId)
            #expect(detail["colour"] == nil)
            #expect(detail["task_extras"]?["colour"] == nil)
            #expect(detail["new_task_extra"]?["da_status"] == nil)
            #expect(detail["task_extras"]?["holiday"] == [["start": "2026-10-01 00:00", "end": "2026-10-07 23:59"]])
        }
    }

    @Test("values seed 001 types or bounds otherwise are refused, naming the field", arguments: [
        (["destination_extension": "10"], "destination_extension"),
        (["maximumcall": 0], "maximumcall"),
        (["remark": .null], "remark"),
        (["bridge_group_id": .null], "bridge_group_id"),
        (["group_type": "robots"], "group_type"),
        (["task_type": 8], "task_type"),
        (["end_action": 1, "elasticity_type": true], "end_action"),
        (["task_extras.redial_interval": 61], "task_extras.redial_interval"),
        (["task_extras.redial_max_times": 4], "task_extras.redial_max_times"),
        (["task_extras.redial_enabled": 2], "task_extras.redial_enabled"),
        (["task_extras.redial_conditions": ["da_status": [1]]], "task_extras.redial_conditions.da_status.0"),
        (["task_extras.redial_conditions": ["da_status": ["failed"]]], "task_extras.redial_conditions.da_status.0"),
        (["task_extras.work_week": [1, 7]], "task_extras.work_week.1"),
        (["task_extras.work_week": [1, 1]], "task_extras.work_week"),
        (["task_extras.work_hour": [["wday": 1, "begin": "9", "end": "12:00"]]], "task_extras.work_hour.0.begin"),
        (["task_extras.line": ["d47c3599-f166-4cd0-999c-f60e46814d26"]], "task_extras.line"),
        (["task_extras.holiday": [["start": "2026-10-01 00:00", "begin": "2026-10-02 00:00", "end": "2026-10-07 23:59"]]], "task_extras.holiday.0.start"),
        (["task_extras.destination_extension_with_variable_list": [["mode": 1, "values": ["a", "a"], "destination_extension": 11, "sort": 1]]],
         "task_extras.destination_extension_with_variable_list.0.values"),
    ] as [([String: JSONValue], String)])
    func badValues(changes: [String: JSONValue], named: String) async throws {
        var body = Self.fullBody()
        for (path, value) in changes {
            let parts = path.split(separator: ".").map(String.init)
            if parts.count == 2 { body["task_extras"]?[parts[1]] = value } else { body[parts[0]] = value }
        }
        let text = body.serialized()
        try await Simulator().buildApplication().test(.router) { client in
            let response = try await client.call(.put, Self.insurancePath, body: text)
            #expect(response.status.code == 422, "\(changes)")
            #expect(json(response)["message"]?.stringValue?.contains(named) == true, "\(json(response))")
        }
    }

    @Test("a 2.0 task (task_type 6) sends its lines as ids; bridge_group_id left out means none")
    func oldTaskLinesAndBridgeGroup() async throws {
        let simulator = Simulator()
        await simulator.store.modify(id: DefaultTasks.surveyId) { $0.set(4, at: "bridge_group_id") }
        try await simulator.buildApplication().test(.router) { client in
            let path = "\(userBase)/task/\(DefaultTasks.surveyId)"
            func body(_ line: JSONValue) -> String {
                JSONValue.object([
                    "name": "survey-q3", "destination_extension": 480, "dial_time_id": 5, "maximumcall": 1,
                    "task_extras": ["start_time": "2025-07-01 09:00:00", "stop_time": "2025-09-30 18:00:00", "line": line, "holiday": []],
                ]).serialized()
            }
            let objects = try await client.call(.put, path, body: body([["id": "29c39ec4-b292-4af9-a88b-922d61866ab1", "limit": 1]]))
            #expect(json(objects)["message"]?.stringValue?.contains("task_extras.line") == true)
            let ids = try await client.call(.put, path, body: body(["29c39ec4-b292-4af9-a88b-922d61866ab1"]))
            #expect(json(ids)["code"] == 200)
            #expect(try await client.detail(DefaultTasks.surveyId)["bridge_group_id"] == .null)
        }
    }

    @Test("the key list and the GET shapes agree: what an update writes into task_extras is what its detail carries")
    func keyListMatchesShapes() {
        let local = Set(UpdateFields.all.flatMap { field in field.stored.filter { $0.copy == .local }.map { $0.key } })
        #expect(local == TaskShape.taskExtrasKeys)
        let dialer = Set(UpdateFields.taskExtras.flatMap { field in field.stored.filter { $0.copy == .dialer }.map { $0.key } })
        #expect(dialer.subtracting(TaskShape.listNewTaskExtraKeys) == TaskShape.detailOnlyExtrasKeys)
        for field in UpdateFields.topLevel where field.stored.contains(where: { $0.copy == .top }) {
            #expect(field.section == .top)
        }
        #expect(UpdateFields.topLevelKeys.count == UpdateFields.topLevel.count, "a key is listed twice")
        #expect(UpdateFields.taskExtrasKeys.count == UpdateFields.taskExtras.count, "a key is listed twice")
    }

    @Test("da_status: each code reads back as seed 000's strings for its label; 11 and 12 as none")
    func daStatusTable() {
        #expect(DaStatusTable.strings(for: [8]) == ["hold on", "busy now", "call reminder"])
        #expect(!DaStatusTable.strings(for: [8]).contains("busy"), "busy is call loss (呼损), not code 8")
        #expect(DaStatusTable.strings(for: [11, 12]).isEmpty)
        #expect(DaStatusTable.strings(for: [10, 2, 2]) == ["failed", "defaulting"])
        let everyString = Set(DaStatusTable.strings(for: Array(DaStatusTable.codes)) + DaStatusTable.callLoss)
        #expect(everyString.count == 22)
        let seedExample = DefaultTasks.all()[0]["new_task_extra", "redial_conditions"]?.arrayValue?.first?["da_status"]?.arrayValue ?? []
        #expect(seedExample.allSatisfy { everyString.contains($0.stringValue ?? "") }, "seed 000's example reads within the table")
    }

    /// `fullBody()` with one unknown key: `colour` at the top, `task_extras.colour`, or a member of an entry.
    static func withUnknownKey(_ path: String) -> JSONValue {
        var body = fullBody()
        let parts = path.split(separator: ".").map(String.init)
        switch parts.count {
        case 1: body[parts[0]] = "x"
        case 2: body["task_extras"]?[parts[1]] = parts[1] == "da_status" ? [2] : "x"
        case 3: body["task_extras"]?[parts[1]]?[parts[2]] = "x"
        default:
            guard var extras = body["task_extras"], var list = extras[parts[1]]?.arrayValue, let index = Int(parts[2]) else { return body }
            list[index][parts[3]] = "x"
            extras[parts[1]] = .array(list)
            body["task_extras"] = extras
        }
        return body
    }
}
