import CalltaskSimulator
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Holding a call (/_sim/hold)")
struct HoldTests {
    func live<T: Sendable>(_ simulator: Simulator, _ body: @Sendable (LoopbackClient) async throws -> T) async throws -> T {
        try await simulator.withRunningServer { port in try await body(LoopbackClient(port: port)) }
    }

    @Test("a create held after it committed: the task is stored, the answer waits for the release")
    func createAfter() async throws {
        let simulator = Simulator()
        try await live(simulator) { client in
            let armed = try await client.call(.post, "/_sim/hold", body: #"{"call": "create", "when": "after"}"#, headers: [:])
            #expect(armed.status == 200)
            #expect(armed.json == ["armed": ["call": "create", "when": "after", "task": nil]])

            let create = Task { try await client.call(.post, "\(userBase)/task", body: createBody(name: "held-one")) }
            let wait = try await client.call(.get, "/_sim/hold/wait?timeout=10", headers: [:])
            #expect(wait.json["held"] == true)
            #expect(wait.json["call"] == "create")
            #expect(wait.json["when"] == "after")
            #expect(wait.json["name"] == "held-one")
            let stored = try #require(await simulator.store.allTasks().last)
            #expect(stored.name == "held-one", "committed before the answer")
            #expect(wait.json["task_id"]?.stringValue == stored.uuid)
            #expect(await simulator.log.entries(kind: .create).isEmpty, "not answered yet")

            let released = try await client.call(.post, "/_sim/release", headers: [:])
            #expect(released.json == ["released": true])
            #expect(try await create.value.status == 200)
            #expect(await simulator.log.entries(kind: .create).count == 1)
        }
    }

    @Test("a create held before it touches state stores nothing until released")
    func createBefore() async throws {
        let simulator = Simulator()
        try await live(simulator) { client in
            _ = try await client.call(.post, "/_sim/hold", body: #"{"call": "create", "when": "before", "task": "held-two"}"#, headers: [:])
            let other = try await client.call(.post, "\(userBase)/task", body: createBody(name: "not-this-one"))
            #expect(other.status == 200, "a create of another name passes")

            let create = Task { try await client.call(.post, "\(userBase)/task", body: createBody(name: "held-two")) }
            let wait = try await client.call(.get, "/_sim/hold/wait?timeout=10", headers: [:])
            #expect(wait.json == ["held": true, "call": "create", "when": "before", "task_id": nil, "name": "held-two"])
            #expect(await simulator.store.allTasks().contains { $0.name == "held-two" } == false)
            let state = try await client.call(.get, "/_sim/hold", headers: [:])
            #expect(state.json["armed"] == .null, "one-shot: disarmed once it matched")
            #expect(state.json["held"]?["call"] == "create")

            _ = try await client.call(.post, "/_sim/release", headers: [:])
            #expect(try await create.value.status == 200)
            #expect(await simulator.store.allTasks().contains { $0.name == "held-two" })
        }
    }

    @Test("an update held by task name: unchanged while held before, changed while held after", arguments: ["before", "after"])
    func updateByName(when: String) async throws {
        let simulator = Simulator()
        let id = DefaultTasks.insuranceRenewalId
        try await live(simulator) { client in
            let arm = #"{"call": "update", "when": "\#(when)", "task": "insurance-renewal-2026"}"#
            _ = try await client.call(.post, "/_sim/hold", body: arm, headers: [:])
            let before = try #require(await simulator.store.task(id: id)?.alterDatetime)
            let update = Task { try await client.call(.put, "\(userBase)/task/\(id)", body: insuranceBody(extras: ["work_week": [1]])) }
            let wait = try await client.call(.get, "/_sim/hold/wait?timeout=10", headers: [:])
            #expect(wait.json["held"] == true)
            #expect(wait.json["task_id"]?.stringValue == id)
            #expect(wait.json["name"] == "insurance-renewal-2026")
            let whileHeld = await simulator.store.task(id: id)?.alterDatetime
            #expect((whileHeld == before) == (when == "before"))
            _ = try await client.call(.post, "/_sim/release", headers: [:])
            #expect(try await update.value.status == 200)
            #expect(await simulator.store.task(id: id)?.alterDatetime != before)
        }
    }

    @Test("pause, resume, detail and list can be held too, and the hold is one-shot")
    func otherCalls() async throws {
        let simulator = Simulator()
        let id = DefaultTasks.springSaleId
        let calls: [(name: String, method: HTTPRequest.Method, path: String)] = [
            ("pause", .put, "\(userBase)/task_stop/\(id)"),
            ("resume", .put, "\(userBase)/task_start/\(id)"),
            ("detail", .get, "\(userBase)/task/\(id)/edit"),
            ("list", .get, "\(userBase)/task?name=spring"),
        ]
        try await live(simulator) { client in
            for call in calls {
                _ = try await client.call(.post, "/_sim/hold", body: #"{"call": "\#(call.name)", "when": "before"}"#, headers: [:])
                let held = Task { try await client.call(call.method, call.path) }
                let wait = try await client.call(.get, "/_sim/hold/wait?timeout=10", headers: [:])
                #expect(wait.json["call"]?.stringValue == call.name)
                _ = try await client.call(.post, "/_sim/release", headers: [:])
                #expect(try await held.value.status == 200)
                // One-shot: the same call again is not held.
                #expect(try await client.call(call.method, call.path).status == 200)
            }
        }
    }

    @Test("wait times out with held false; release without a held call says so")
    func nothingHeld() async throws {
        let simulator = Simulator()
        try await live(simulator) { client in
            _ = try await client.call(.post, "/_sim/hold", body: #"{"call": "update", "when": "after", "task": "no-such-task"}"#, headers: [:])
            #expect(try await client.call(.put, "\(userBase)/task_stop/\(DefaultTasks.springSaleId)").status == 200)
            let wait = try await client.call(.get, "/_sim/hold/wait?timeout=0.2", headers: [:])
            #expect(wait.json == ["held": false])
            #expect(try await client.call(.post, "/_sim/release", headers: [:]).json == ["released": false])
            #expect(try await client.call(.get, "/_sim/hold", headers: [:]).json == ["armed": nil, "held": nil],
                    "release disarms too")
        }
    }

    @Test("a bad hold is refused with 400, and arming while a call is held with 409")
    func badHolds() async throws {
        let simulator = Simulator()
        try await live(simulator) { client in
            for body in [#"{"call": "delete", "when": "before"}"#, #"{"call": "create", "when": "during"}"#,
                         #"{"call": "create"}"#, #"{"call": "create", "when": "after", "tsk": "x"}"#, "[]", "nope"] {
                let answer = try await client.call(.post, "/_sim/hold", body: body, headers: [:])
                #expect(answer.status == 400, "\(body)")
                #expect(answer.json["error"]?.stringValue != nil)
            }
            _ = try await client.call(.post, "/_sim/hold", body: #"{"call": "list", "when": "before"}"#, headers: [:])
            let list = Task { try await client.call(.get, "\(userBase)/task") }
            _ = try await client.call(.get, "/_sim/hold/wait?timeout=10", headers: [:])
            let again = try await client.call(.post, "/_sim/hold", body: #"{"call": "list", "when": "before"}"#, headers: [:])
            #expect(again.status == 409)
            _ = try await client.call(.post, "/_sim/release", headers: [:])
            #expect(try await list.value.status == 200)
        }
    }

    @Test("calls refused by an injected fault are never held")
    func faultedCallsPass() async throws {
        var options = SimulatorOptions()
        options.faults.createFailRate = 1
        let simulator = Simulator(options: options)
        try await live(simulator) { client in
            _ = try await client.call(.post, "/_sim/hold", body: #"{"call": "create", "when": "before"}"#, headers: [:])
            #expect(try await client.call(.post, "\(userBase)/task", body: createBody()).status == 500)
            #expect(try await client.call(.get, "/_sim/hold/wait?timeout=0.1", headers: [:]).json == ["held": false])
        }
    }
}
