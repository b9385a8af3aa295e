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
    ]

    @Test("a body at the docs' limits is accepted", arguments: accepted)
    func acceptedBody(_ body: Case) async throws {
        try await Simulator().buildApplication().test(.router) { client in
            let response = try await client.call(.put, "\(userBase)/task/\(DefaultTasks.insuranceRenewalId)",
                                                 body: insuranceBody(extras: body.extras, top: body.top, removing: body.removing))
            #expect(json(response)["code"] == 200, "\(json(response))")
        }
    }
}
