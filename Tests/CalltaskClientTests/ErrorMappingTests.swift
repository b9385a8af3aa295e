import CalltaskClient
import CalltaskModels
import CalltaskSimulator
import Testing

@Suite("Envelope and status mapping")
struct ErrorMappingTests {
    /// Runs `body` against a simulator with the default tasks and returns the APIError it throws.
    static func failure(
        _ simulator: Simulator = Simulator(), token: String? = nil, userID: String? = nil,
        _ body: @escaping @Sendable (APIClient) async throws -> Void
    ) async throws -> APIError? {
        try await SimulatorHarness.run(simulator, token: token, userID: userID) { client in
            do {
                try await body(client)
                return nil
            } catch let error as APIError {
                return error
            }
        }
    }

    /// A body the simulator's validator accepts (seed 001's required fields, and `pop_mode`, which a new
    /// 2.0 task such as spring-sale-followup needs).
    static func validBody(name: String) -> TaskConfig {
        var body = TaskConfig()
        body.name = name
        body.destinationExtension = 102
        body.dialTimeId = 5
        body.maximumcall = 2
        var extras = TaskExtras()
        extras.startTime = "2025-01-01 09:00:00"
        extras.stopTime = "2030-12-31 18:00:00"
        extras.line = [TaskLine(id: "d47c3599-f166-4cd0-999c-f60e46814d26", limit: 2)]
        extras.holiday = []
        extras.popMode = .sequential
        body.taskExtras = extras
        return body
    }

    @Test("an update of a running task (code 6007) is taskRunning and is not retried")
    func taskRunning() async throws {
        let simulator = Simulator()
        await simulator.store.setRunState(id: DefaultTasks.springSaleId, enabled: true)
        let error = try await Self.failure(simulator) { client in
            var body = TaskConfig()
            body.name = "renamed"
            try await client.updateTask(uuid: DefaultTasks.springSaleId, body: body)
        }
        guard case .taskRunning(let call) = try #require(error) else {
            Issue.record("expected taskRunning, got \(String(describing: error))")
            return
        }
        #expect(call == .update(DefaultTasks.springSaleId))
        #expect(await simulator.log.entries(kind: .update).count == 1)
        #expect(error?.description.contains("pause the task first") == true)
    }

    @Test("a bad token is unauthorized, with a hint about CALLTASK_TOKEN, and is not retried")
    func badToken() async throws {
        let simulator = Simulator()
        let error = try await Self.failure(simulator, token: "not-the-token") { client in
            _ = try await client.listTasks()
        }
        guard case .unauthorized(let call) = try #require(error) else {
            Issue.record("expected unauthorized, got \(String(describing: error))")
            return
        }
        #expect(call == .list(page: 1))
        #expect(error?.description.contains("CALLTASK_TOKEN") == true)
        #expect(await simulator.log.entries().count == 1)
    }

    @Test("a user id the token may not act on (HTTP 403) is unauthorized")
    func wrongUser() async throws {
        let error = try await Self.failure(userID: "11111111-2222-3333-4444-555555555555") { client in
            _ = try await client.taskDetail(uuid: DefaultTasks.springSaleId)
        }
        guard case .unauthorized = try #require(error) else {
            Issue.record("expected unauthorized, got \(String(describing: error))")
            return
        }
    }

    @Test("an unknown task is a platform error carrying the platform's code and message")
    func unknownTask() async throws {
        let error = try await Self.failure { client in
            _ = try await client.taskDetail(uuid: "no-such-task")
        }
        guard case .platform(let call, let code, let message) = try #require(error) else {
            Issue.record("expected platform, got \(String(describing: error))")
            return
        }
        #expect(call == .detail("no-such-task"))
        #expect(code == 404)
        #expect(message == "任务不存在")
    }

    @Test("pause, update and resume round-trip, and the detail fills in its uuid")
    func roundTrip() async throws {
        let simulator = Simulator()
        let id = DefaultTasks.springSaleId
        await simulator.store.setRunState(id: id, enabled: true)
        let detail = try await SimulatorHarness.run(simulator) { client in
            try await client.pauseTask(uuid: id)
            try await client.updateTask(uuid: id, body: Self.validBody(name: "renamed by calltask"))
            try await client.resumeTask(uuid: id)
            return try await client.taskDetail(uuid: id)
        }
        #expect(detail.uuid == id)
        #expect(detail.name == "renamed by calltask")
        #expect(await simulator.store.task(id: id)?.isEnabled == true)
        #expect(await simulator.log.kinds() == [.pause, .update, .resume, .detail])
    }

    @Test("sub_user_id is sent on every call when set")
    func subUserEverywhere() async throws {
        var options = SimulatorOptions()
        options.subUserId = "sub-42"
        let simulator = Simulator(options: options)
        let id = DefaultTasks.springSaleId
        try await SimulatorHarness.run(simulator, subUserID: "sub-42") { client in
            let listing = try await client.listTasks()
            #expect(listing.tasks.contains { $0.uuid == id })
            _ = try await client.taskDetail(uuid: id)
            try await client.pauseTask(uuid: id)
            try await client.updateTask(uuid: id, body: Self.validBody(name: "sub"))
            try await client.resumeTask(uuid: id)
        }
        let entries = await simulator.log.entries()
        #expect(entries.count == 5)
        #expect(entries.allSatisfy { ($0.query ?? "").contains("sub_user_id=sub-42") })
        #expect(entries.allSatisfy { $0.httpStatus == 200 })
    }

    @Test("the update body is sent with sorted keys")
    func sortedBody() async throws {
        let simulator = Simulator()
        let id = DefaultTasks.springSaleId
        await simulator.store.setRunState(id: id, enabled: false)
        try await SimulatorHarness.run(simulator) { client in
            var body = Self.validBody(name: "n")
            body.remark = "r"
            try await client.updateTask(uuid: id, body: body)
        }
        let sent = String(decoding: try #require(await simulator.log.lastPutBody(taskId: id)), as: UTF8.self)
        #expect(sent.hasPrefix(#"{"destination_extension":102,"dial_time_id":5,"maximumcall":2,"name":"n","remark":"r","task_extras":{"#))
    }
}
