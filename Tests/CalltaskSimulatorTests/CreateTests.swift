import CalltaskSimulator
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Create")
struct CreateTests {
    /// Runs `simulator` on a loopback port for `body`.
    func live<T: Sendable>(_ simulator: Simulator, _ body: @Sendable (LoopbackClient) async throws -> T) async throws -> T {
        try await simulator.withRunningServer { port in try await body(LoopbackClient(port: port)) }
    }

    @Test("a created task is listed and read back in both shapes, both copies filled from the body")
    func createThenRead() async throws {
        let simulator = Simulator()
        let body = createBody(name: "new-campaign", top: ["remark": "spring", "end_action": 1, "llm_intention_id": 12],
                              extras: ["interval_time": 3])
        let (answer, listed, detail) = try await live(simulator) { client in
            let answer = try await client.call(.post, "\(userBase)/task", body: body)
            let listed = try await client.call(.get, "\(userBase)/task?name=new-campaign").json
            let uuid = listed["data"]?.arrayValue?.first?["uuid"]?.stringValue ?? ""
            let detail = try await client.call(.get, "\(userBase)/task/\(uuid)/edit").json["data"] ?? .null
            return (answer, listed, detail)
        }
        #expect(answer.status == 200)
        #expect(answer.json == ["code": 200, "status": "success", "message": "任务创建成功", "data": [:]],
                "data is {}: the docs do not show the answer, so it carries no uuid")
        #expect(listed["meta"]?["total"] == 1)
        let item = try #require(listed["data"]?.arrayValue?.first)
        #expect(item["name"] == "new-campaign")
        #expect(item["task_extras"]?["holiday"] == nil, "the list item has no holiday (seed 000)")

        let uuid = try #require(item["uuid"]?.stringValue)
        #expect(detail["uuid"]?.stringValue == uuid)
        #expect(detail["destination_extension"] == "13037", "ids read back as strings (seed 000)")
        #expect(detail["dial_time_id"] == 5)
        #expect(detail["maximumcall"] == 2)
        #expect(detail["remark"] == "spring")
        #expect(detail["end_action"] == 1)
        #expect(detail["llm_intention_id"] == 12)
        #expect(detail["task_type"] == 6)
        #expect(detail["group_type"] == "group")
        #expect(detail["enable"] == true, "new tasks start enabled by default")
        #expect(detail["status"] == 3)
        let stamp = try #require(detail["create_datetime"]?.stringValue)
        #expect(detail["alter_datetime"]?.stringValue == stamp)
        #expect(stamp > "2026-03-01 10:00:00", "from the simulated clock, after every stored task's alter_datetime")
        let lines: JSONValue = ["d47c3599-f166-4cd0-999c-f60e46814d26", "5a1e7c2b-0f3d-4e8a-b6c1-2d3e4f5a6b7c"]
        let holidays: JSONValue = [["start": "2026-10-01 00:00", "end": "2026-10-07 23:59"]]
        for copy in ["task_extras", "new_task_extra"] {
            #expect(detail[copy]?["line"] == lines, "\(copy).line")
            #expect(detail[copy]?["holiday"] == holidays, "\(copy).holiday")
            #expect(detail[copy]?["start_time"] == "2026-03-01 09:00:00", "\(copy).start_time")
            #expect(detail[copy]?["stop_time"] == "2026-12-31 21:00:00", "\(copy).stop_time")
            #expect(detail[copy]?["interval_time"] == 3, "\(copy).interval_time")
            #expect(detail[copy]?["work_week"] == [], "\(copy).work_week: the simulator models no time groups")
            #expect(detail[copy]?["work_hour"] == [], "\(copy).work_hour")
        }
        #expect(detail["new_task_extra"]?["enable"] == 1)
        #expect(detail["new_task_extra"]?["limit"] == 2)
        #expect(detail["new_task_extra"]?["call_status"] == false, "no hours: the dialer is waiting")
        #expect(await simulator.store.count == 8)
    }

    static let requiredKeys = ["name", "destination_extension", "dial_time_id", "maximumcall", "task_extras",
                               "start_time", "stop_time", "line", "holiday"]

    @Test("a body without a required key is refused with an error envelope naming it; nothing is stored",
          arguments: requiredKeys)
    func missingKey(key: String) async throws {
        let simulator = Simulator()
        let answer = try await live(simulator) { client in
            try await client.call(.post, "\(userBase)/task", body: createBody(removing: [key]))
        }
        #expect(answer.status == 422)
        #expect(answer.json["code"] == 422)
        #expect(answer.json["status"] == "error")
        #expect(answer.json["data"] == [])
        let message = answer.json["message"]?.stringValue ?? ""
        #expect(message.contains(["name", "destination_extension", "dial_time_id", "maximumcall", "task_extras"].contains(key)
                                 ? "The \(key) field" : "The task_extras.\(key) field"), "\(message)")
        #expect(await simulator.store.count == 7)
        #expect(await simulator.log.entries(kind: .create).map(\.httpStatus) == [422])
    }

    @Test("a key the create page does not list is refused, naming it", arguments: [
        (createBody(top: ["task_type": 7]), "The task_type key is not accepted"),
        (createBody(top: ["group_type": "group"]), "The group_type key is not accepted"),
        (createBody(extras: ["pop_mode": 0]), "The task_extras.pop_mode key is not accepted"),
        (createBody(extras: ["work_week": [1, 2]]), "The task_extras.work_week key is not accepted"),
        (createBody(extras: ["redial_conditions": ["da_status": [4]]]), "The task_extras.redial_conditions key is not accepted"),
        (createBody(extras: ["holiday": [["start": "2026-10-01 00:00", "begin": "2026-10-01 00:00", "end": "2026-10-07 23:59"]]]),
         "The task_extras.holiday.0.begin key is not accepted"),
    ])
    func unknownKey(body: String, expected: String) async throws {
        let simulator = Simulator()
        let answer = try await live(simulator) { client in try await client.call(.post, "\(userBase)/task", body: body) }
        #expect(answer.status == 422)
        #expect(answer.json["message"]?.stringValue?.hasPrefix(expected) == true, "\(answer.json)")
        #expect(await simulator.store.count == 7)
    }

    @Test("values of the wrong type or form are refused, naming the key", arguments: [
        (createBody(top: ["maximumcall": 0]), "The maximumcall field is invalid"),
        (createBody(top: ["destination_extension": "13037"]), "The destination_extension field must be an integer"),
        (createBody(top: ["name": "  "]), "The name field must not be empty"),
        (createBody(top: ["remark": nil]), "The remark field is null"),
        (createBody(top: ["end_action": 2]), "The end_action field is invalid"),
        (createBody(top: ["maximumcall": 3]), "The maximumcall field (3) must be divisible"),
        (createBody(top: ["task_extras": "x"]), "The task_extras field is required and must be an object"),
        (createBody(extras: ["start_time": "2026/3/1 09:00"]), "The task_extras.start_time field must be a date and time, YYYY-MM-DD HH:MM:SS"),
        (createBody(extras: ["line": [["id": "d47c3599-f166-4cd0-999c-f60e46814d26", "limit": 2]]]), "The task_extras.line.0 field must be a string"),
        (createBody(extras: ["line": "d47c3599"]), "The task_extras.line field is required and must be an array"),
        (createBody(extras: ["holiday": [["start": "2026-10-01 00:00:00", "end": "2026-10-07 23:59"]]]),
         "The task_extras.holiday.0.start field must be a date and time, YYYY-MM-DD HH:MM"),
        (createBody(extras: ["holiday": [["end": "2026-10-07 23:59"]]]), "The task_extras.holiday.0.start field is required"),
    ])
    func badValue(body: String, expected: String) async throws {
        let simulator = Simulator()
        let answer = try await live(simulator) { client in try await client.call(.post, "\(userBase)/task", body: body) }
        #expect(answer.status == 422)
        #expect(answer.json["message"]?.stringValue?.hasPrefix(expected) == true, "\(answer.json)")
        #expect(await simulator.store.count == 7)
    }

    @Test("empty line and holiday arrays are accepted, and so is every optional key the page lists")
    func emptyArraysAndOptionalKeys() async throws {
        let simulator = Simulator()
        let body = createBody(
            top: ["sub_user_id": "", "bridge_group_id": 3, "enable_type": 0, "is_call_in": 0, "remark": "",
                  "auto_recycle_rule_id": 15486, "end_action": 0, "background_id": 2, "llm_intention_id": 0],
            extras: ["line": [], "holiday": [], "interval_time": 0])
        let answer = try await live(simulator) { client in try await client.call(.post, "\(userBase)/task", body: body) }
        #expect(answer.status == 200, "\(answer.json)")
        let task = try #require(await simulator.store.allTasks().last)
        #expect(task["auto_recycle_rule_id"] == "15486")
        #expect(task["bridge_group_id"] == 3)
        #expect(task["is_call_in"] == nil, "not stored: no GET page shows it")
        #expect(task["sub_user_id"] == nil)
    }

    @Test("a second task of an existing name is accepted: the docs promise no uniqueness")
    func duplicateName() async throws {
        let simulator = Simulator()
        let names = try await live(simulator) { client in
            #expect(try await client.call(.post, "\(userBase)/task", body: createBody(name: "spring-sale-followup")).status == 200)
            #expect(try await client.call(.post, "\(userBase)/task", body: createBody(name: "spring-sale-followup")).status == 200)
            return try await client.listedNames("name=spring-sale-followup")
        }
        #expect(names == ["spring-sale-followup", "spring-sale-followup", "spring-sale-followup"])
        let uuids = await simulator.store.allTasks().filter { $0.name == "spring-sale-followup" }.map(\.uuid)
        #expect(Set(uuids).count == 3)
    }

    @Test("options: paused, new 2.0 flavour, empty dialer copy")
    func options() async throws {
        var options = SimulatorOptions()
        options.createEnabled = false
        options.createTaskType = 7
        options.createEmptyExtra = true
        let simulator = Simulator(options: options)
        _ = try await live(simulator) { client in try await client.call(.post, "\(userBase)/task", body: createBody()) }
        let task = try #require(await simulator.store.allTasks().last)
        #expect(task.isEnabled == false)
        #expect(task["status"] == 1)
        #expect(task.taskType == 7)
        #expect(task["new_task_extra"] == [:])
        #expect(task.isAbnormal)
    }

    @Test("created uuids are version 4 uuids, the same for the same fault seed")
    func seededUUIDs() async throws {
        func created(seed: UInt64) async throws -> [String] {
            var options = SimulatorOptions()
            options.faults.seed = seed
            let simulator = Simulator(options: options)
            try await live(simulator) { client in
                for index in 0..<3 { _ = try await client.call(.post, "\(userBase)/task", body: createBody(name: "t\(index)")) }
            }
            return await simulator.store.allTasks().dropFirst(7).map(\.uuid)
        }
        let first = try await created(seed: 7)
        #expect(try await created(seed: 7) == first)
        #expect(try await created(seed: 8) != first)
        #expect(Set(first).count == 3)
        for uuid in first {
            let parts = uuid.split(separator: "-").map(\.count)
            #expect(parts == [8, 4, 4, 4, 12], "\(uuid)")
            #expect(Array(uuid)[14] == "4", "\(uuid): version 4")
            #expect("89ab".contains(Array(uuid)[19]), "\(uuid): RFC variant")
            #expect(uuid == uuid.lowercased())
        }
    }

    @Test("sub_user_id in the query, the body or both must name the account; query and body must agree")
    func subAccount() async throws {
        var options = SimulatorOptions()
        options.subUserId = "sub-1"
        let simulator = Simulator(options: options)
        let statuses = try await live(simulator) { client in
            [
                try await client.call(.post, "\(userBase)/task?sub_user_id=sub-1", body: createBody(top: ["sub_user_id": "sub-1"])),
                try await client.call(.post, "\(userBase)/task", body: createBody(top: ["sub_user_id": "sub-1"])),
                try await client.call(.post, "\(userBase)/task?sub_user_id=sub-1", body: createBody()),
                try await client.call(.post, "\(userBase)/task", body: createBody()),
                try await client.call(.post, "\(userBase)/task?sub_user_id=sub-2", body: createBody(top: ["sub_user_id": "sub-1"])),
                try await client.call(.post, "\(userBase)/task?sub_user_id=sub-2", body: createBody()),
            ].map(\.status)
        }
        #expect(statuses == [200, 200, 200, 403, 422, 403])
        #expect(await simulator.store.count == 10)
    }

    @Test("the request log records each create with its uuid, and /_sim/create keeps every body")
    func requestLog() async throws {
        let simulator = Simulator()
        let bodies = try await live(simulator) { client in
            _ = try await client.call(.post, "\(userBase)/task", body: createBody(name: "a"))
            _ = try await client.call(.post, "\(userBase)/task", body: createBody(removing: ["name"]))
            _ = try await client.call(.post, "\(userBase)/task", body: "not json")
            return try await client.call(.get, "/_sim/create", headers: [:]).json
        }
        let entries = await simulator.log.entries(kind: .create)
        #expect(entries.map(\.httpStatus) == [200, 422, 422])
        #expect(entries.map(\.method) == ["POST", "POST", "POST"])
        let created = try #require(await simulator.store.allTasks().last)
        #expect(entries.first?.taskId == created.uuid)
        #expect(entries.dropFirst().allSatisfy { $0.taskId == nil })
        #expect(bodies.arrayValue?.count == 3)
        #expect(bodies.arrayValue?.first?["name"] == "a")
        #expect(bodies.arrayValue?.last == "not json")
        #expect(await simulator.log.createBodies().first == Data(createBody(name: "a").utf8))
    }
}

@Suite("Create faults")
struct CreateFaultTests {
    func live<T: Sendable>(_ simulator: Simulator, _ body: @Sendable (LoopbackClient) async throws -> T) async throws -> T {
        try await simulator.withRunningServer { port in try await body(LoopbackClient(port: port)) }
    }

    @Test("commit-then-fail stores the task, then answers 500 with an error envelope")
    func commitThenFail() async throws {
        var options = SimulatorOptions()
        options.faults.createCommitThenFailRate = 1
        let simulator = Simulator(options: options)
        let answer = try await live(simulator) { client in try await client.call(.post, "\(userBase)/task", body: createBody()) }
        #expect(answer.status == 500)
        #expect(answer.json["status"] == "error")
        #expect(answer.json["code"] == 500)
        #expect(await simulator.store.allTasks().filter { $0.name == "new-campaign" }.count == 1)
        let entry = try #require(await simulator.log.entries(kind: .create).first)
        #expect(entry.fault == .serverErrorAfterCommit)
        #expect(entry.taskId != nil)
    }

    @Test("fail-before answers 500 and stores nothing")
    func failBefore() async throws {
        var options = SimulatorOptions()
        options.faults.createFailRate = 1
        let simulator = Simulator(options: options)
        let answer = try await live(simulator) { client in try await client.call(.post, "\(userBase)/task", body: createBody()) }
        #expect(answer.status == 500)
        #expect(answer.json["code"] == 500)
        #expect(await simulator.store.count == 7)
        #expect(await simulator.log.entries(kind: .create).first?.fault == .serverError)
    }

    @Test("commit-then-drop stores the task, then drops the connection mid-answer")
    func commitThenDrop() async throws {
        var options = SimulatorOptions()
        options.faults.createCommitThenDropRate = 1
        let simulator = Simulator(options: options)
        let failed = try await live(simulator) { client in
            do {
                _ = try await client.call(.post, "\(userBase)/task", body: createBody())
                return false
            } catch {
                return true
            }
        }
        #expect(failed, "the client sees the connection close mid-answer")
        #expect(await simulator.store.allTasks().filter { $0.name == "new-campaign" }.count == 1)
        #expect(await simulator.log.entries(kind: .create).first?.fault == .dropped)
    }

    @Test("create faults only touch create calls, and a refused body is refused whatever the fault")
    func onlyCreates() async throws {
        var options = SimulatorOptions()
        options.faults.createCommitThenFailRate = 1
        let simulator = Simulator(options: options)
        let (list, refused) = try await live(simulator) { client in
            (try await client.call(.get, "\(userBase)/task"), try await client.call(.post, "\(userBase)/task", body: createBody(removing: ["name"])))
        }
        #expect(list.status == 200)
        #expect(refused.status == 422)
        #expect(await simulator.store.count == 7)
    }

    @Test("a new task is hidden from every list call for createHiddenSeconds, and listed afterwards")
    func hidden() async throws {
        var options = SimulatorOptions()
        options.faults.createHiddenSeconds = 1
        let simulator = Simulator(options: options)
        let clock = ContinuousClock()
        try await live(simulator) { client in
            let created = clock.now
            #expect(try await client.call(.post, "\(userBase)/task", body: createBody()).status == 200)
            let answered = clock.now  // stored before this: listed again by answered + 1 s
            let uuid = try #require(await simulator.store.allTasks().last?.uuid)
            let all = try await client.call(.get, "\(userBase)/task?per_page=100").json
            let byName = try await client.call(.get, "\(userBase)/task?name=new-campaign").json
            let byStatus = try await client.listedNames("status=3")
            let detail = try await client.call(.get, "\(userBase)/task/\(uuid)/edit")
            // Asserted only while the delay has surely not passed (a stalled machine skips them).
            if clock.now - created < .milliseconds(900) {
                #expect(all["meta"]?["total"] == 7)
                #expect(all["data"]?.arrayValue?.count == 7)
                #expect(byName["meta"]?["total"] == 0)
                #expect(byName["data"] == [])
                #expect(!byStatus.contains("new-campaign"))
            }
            #expect(detail.status == 200, "the detail call still finds it by uuid")

            try await Task.sleep(until: answered.advanced(by: .milliseconds(1100)), clock: clock)
            #expect(try await client.listedNames("name=new-campaign") == ["new-campaign"])
            #expect(try await client.call(.get, "\(userBase)/task").json["meta"]?["total"] == 8)
        }
    }
}
