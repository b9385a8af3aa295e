import CalltaskSimulator
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Bodies the update call's docs forbid are refused as a platform would: HTTP 422 with an error
/// envelope whose message names the field, and nothing stored. Each case changes one thing in a body the
/// simulator accepts (`insuranceBody`); the rule and its seed line are in docs/rules.md.
struct UpdateRulesTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let label: String
        var extras: [String: JSONValue] = [:]
        var top: [String: JSONValue] = [:]
        var removing: Set<String> = []
        /// A part of the refusal's message.
        let message: String
        var testDescription: String { label }
    }

    static let refused: [Case] = [
        Case(label: "a new 2.0 task without pop_mode (001:519)", removing: ["pop_mode"],
             message: "The task_extras.pop_mode field is required for a new 2.0 task (task_type 7)."),
        Case(label: "is_group_switch 2 without variable rules (001:574)", removing: ["destination_extension_with_variable_list"],
             message: "The task_extras.destination_extension_with_variable_list field is required when is_group_switch is 2."),
        Case(label: "is_group_switch 2 with no variable rules (001:574)", extras: ["destination_extension_with_variable_list": []],
             message: "destination_extension_with_variable_list field is required when is_group_switch is 2"),
        Case(label: "redial_interval 600 (001:578)", extras: ["redial_interval": 600],
             message: "The task_extras.redial_interval field is invalid: 600 is not between 0 and 60."),
        Case(label: "redial_max_times 9 (001:580)", extras: ["redial_max_times": 9],
             message: "The task_extras.redial_max_times field is invalid: 9 is not between 0 and 3."),
        Case(label: "end_action 1 with elasticity_type true (001:550)", top: ["end_action": 1, "elasticity_type": true],
             message: "The end_action field (1) cannot be on together with elasticity_type."),
        Case(label: "end_action 2 with elasticity_type 1 (001:909)", top: ["end_action": 2, "elasticity_type": 1],
             message: "The end_action field (2) cannot be on together with elasticity_type."),
        Case(label: "101 variable rules (001:472)",
             extras: ["destination_extension_with_variable_list": .array((0..<101).map { index in
                 ["mode": 0, "values": .array([.string("v\(index)")]), "destination_extension": 11, "sort": .int(index)]
             })],
             message: "destination_extension_with_variable_list field has 101 entries; at most 100 are allowed."),
        Case(label: "11 keywords in a variable rule (001:478)",
             extras: ["destination_extension_with_variable_list": [[
                 "mode": 0, "values": .array((0..<11).map { .string("k\($0)") }), "destination_extension": 11, "sort": 1]]],
             message: "values field has 11 entries; at most 10 are allowed."),
        Case(label: "a repeated keyword (001:478)",
             extras: ["destination_extension_with_variable_list": [[
                 "mode": 0, "values": ["男", "男"], "destination_extension": 11, "sort": 1]]],
             message: "values field repeats \"男\"."),
        Case(label: "re_call_time 08:00:00, before 10-11 (001:919)",
             top: ["new_call_rules": [["re_call_time": "08:00:00", "call_interval": 60, "rule_id": 15486]]],
             message: "The new_call_rules.0.re_call_time field is invalid: 08:00:00 is not within 10:00:00-11:00:00 or 13:00:00-22:00:00."),
        Case(label: "re_call_time 23:59:00, after 13-22 (001:919)",
             top: ["new_call_rules": [["re_call_time": "23:59:00", "call_interval": 60, "rule_id": 15486]]],
             message: "23:59:00 is not within 10:00:00-11:00:00 or 13:00:00-22:00:00"),
        Case(label: "re_call_time 12:00:00, between the ranges (001:919)",
             top: ["new_call_rules": [["re_call_time": "12:00:00", "call_interval": 60, "rule_id": 15486]]],
             message: "12:00:00 is not within"),
        Case(label: "re_call_time without seconds (001:919)",
             top: ["new_call_rules": [["re_call_time": "10:00", "call_interval": 60, "rule_id": 15486]]],
             message: "The new_call_rules.0.re_call_time field must be a time, HH:MM:SS."),
        Case(label: "a start_time that is no date (001:41)", extras: ["start_time": "2026-02-30 09:00:00"],
             message: "The task_extras.start_time field must be a date and time, YYYY-MM-DD HH:MM:SS."),
        Case(label: "a stop_time that is not a time (001:42)", extras: ["stop_time": "soon"],
             message: "The task_extras.stop_time field must be a date and time"),
        Case(label: "a holiday bound without the time (001:556)", extras: ["holiday": [["start": "2026-10-01", "end": "2026-10-07 23:59"]]],
             message: "The task_extras.holiday.0.start field must be a date and time, YYYY-MM-DD HH:MM."),
        Case(label: "a blank name", top: ["name": "   "], message: "The name field must not be empty."),
        Case(label: "a line id that is a number (001:45)", extras: ["line": [["id": 12345, "limit": 3]]],
             message: "The task_extras.line.0.id field must be a string."),
        Case(label: "group_type foo (000:398)", top: ["group_type": "foo"], message: "The group_type field must be one of group, robot."),
    ]

    @Test("a body the docs forbid is a 422 error envelope naming the field, and nothing is stored", arguments: refused)
    func refusedBody(_ refusal: Case) async throws {
        let simulator = Simulator()
        let before = await simulator.store.task(id: DefaultTasks.insuranceRenewalId)
        try await simulator.buildApplication().test(.router) { client in
            let body = insuranceBody(extras: refusal.extras, top: refusal.top, removing: refusal.removing)
            let response = try await client.call(.put, "\(userBase)/task/\(DefaultTasks.insuranceRenewalId)", body: body)
            #expect(response.status.code == 422)
            #expect(json(response)["code"] == 422)
            #expect(json(response)["status"] == "error")
            let message = try #require(json(response)["message"]?.stringValue)
            #expect(message.contains(refusal.message), "\(message)")
        }
        #expect(await simulator.store.task(id: DefaultTasks.insuranceRenewalId) == before)
    }

    static let accepted: [Case] = [
        Case(label: "the body as it is", message: ""),
        Case(label: "re_call_time at the ends of both ranges",
             top: ["new_call_rules": [
                 ["re_call_time": "10:00:00", "call_interval": 60, "rule_id": 1], ["re_call_time": "11:00:00", "call_interval": 60, "rule_id": 2],
                 ["re_call_time": "13:00:00", "call_interval": 60, "rule_id": 3], ["re_call_time": "22:00:00", "call_interval": 60, "rule_id": 4],
             ]], message: ""),
        Case(label: "the tables' date form 2024/11/1 13:25 (001:554)", extras: ["start_time": "2026/1/5 8:30"], message: ""),
        Case(label: "a leap day", extras: ["stop_time": "2028-02-29 20:00:00"], message: ""),
        Case(label: "end_action 1 without elastic seats", top: ["end_action": 1, "elasticity_type": false], message: ""),
        Case(label: "100 variable rules of 10 keywords",
             extras: ["destination_extension_with_variable_list": .array((0..<100).map { index in
                 ["mode": 0, "values": .array((0..<10).map { .string("k\(index)-\($0)") }), "destination_extension": 11, "sort": .int(index)]
             })],
             message: ""),
        Case(label: "redial at the docs' maximums", extras: ["redial_interval": 60, "redial_max_times": 3], message: ""),
    ]

    @Test("a body at the docs' limits is accepted", arguments: accepted)
    func acceptedBody(_ body: Case) async throws {
        try await Simulator().buildApplication().test(.router) { client in
            let response = try await client.call(.put, "\(userBase)/task/\(DefaultTasks.insuranceRenewalId)",
                                                 body: insuranceBody(extras: body.extras, top: body.top, removing: body.removing))
            #expect(json(response)["code"] == 200, "\(json(response))")
        }
    }

    @Test("pop_mode is required by the stored task's type when the body does not say it")
    func popModeByStoredType() async throws {
        try await Simulator().buildApplication().test(.router) { client in
            var body = try JSONValue.parse(Data(insuranceBody(removing: ["pop_mode"]).utf8))
            body["task_type"] = Optional<JSONValue>.none
            let response = try await client.call(.put, "\(userBase)/task/\(DefaultTasks.insuranceRenewalId)", body: body.serialized())
            #expect(json(response)["message"]?.stringValue?.contains("task_extras.pop_mode") == true)
        }
    }
}
