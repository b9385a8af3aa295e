import CalltaskSimulator
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Authorisation, request log and faults")
struct GatewayTests {
    @Test("a wrong or missing token gets HTTP 401 with an error envelope")
    func badToken() async throws {
        try await Simulator().buildApplication().test(.router) { client in
            let unauthorized: JSONValue = ["code": 401, "status": "error", "message": "unauthorized", "data": []]
            let wrong = try await client.call(.get, "\(userBase)/task", headers: [.authorization: "Bearer nope"])
            #expect(wrong.status.code == 401)
            #expect(json(wrong) == unauthorized)
            let missing = try await client.call(.get, "\(userBase)/task", headers: [:])
            #expect(missing.status.code == 401)
            #expect(json(missing) == unauthorized)
        }
    }

    @Test("another user id in the path gets a 403 envelope")
    func otherUser() async throws {
        try await Simulator().buildApplication().test(.router) { client in
            let response = try await client.call(.get, "/agent-api/new/user/someone-else/task")
            #expect(response.status.code == 403)
            #expect(json(response)["code"] == 403)
        }
    }

    @Test("with a sub-account configured, only calls naming it see the tasks")
    func subAccount() async throws {
        var options = SimulatorOptions()
        options.subUserId = "sub-1"
        try await Simulator(options: options).buildApplication().test(.router) { client in
            let without = json(try await client.call(.get, "\(userBase)/task"))
            #expect(without["meta"]?["total"] == 0)
            let with = json(try await client.call(.get, "\(userBase)/task?sub_user_id=sub-1"))
            #expect(with["meta"]?["total"] == 7)
            let detail = try await client.call(.get, "\(userBase)/task/\(DefaultTasks.springSaleId)/edit")
            #expect(detail.status.code == 404)
            let detailWith = try await client.call(.get, "\(userBase)/task/\(DefaultTasks.springSaleId)/edit?sub_user_id=sub-1")
            #expect(detailWith.status.code == 200)
        }
    }

    @Test("the request log records each call's kind, task, status and code in order")
    func requestLog() async throws {
        let simulator = Simulator()
        let id = DefaultTasks.springSaleId
        try await simulator.buildApplication().test(.router) { client in
            _ = try await client.call(.get, "\(userBase)/task?page=1&per_page=15")
            _ = try await client.call(.get, "\(userBase)/task/\(id)/edit")
            _ = try await client.call(.put, "\(userBase)/task/\(id)", body: insuranceBody())
            _ = try await client.call(.put, "\(userBase)/task_stop/\(id)")
            _ = try await client.call(.put, "\(userBase)/task_start/\(id)")
            _ = try await client.call(.delete, "\(userBase)/task")

            let overHTTP = try await client.call(.get, "/_sim/log", headers: [:])
            let entries = try JSONDecoder().decode([RequestLogEntry].self, from: Data(overHTTP.body.readableBytesView))
            #expect(entries.map(\.kind) == [.list, .detail, .update, .pause, .resume, .other])
            #expect(entries.map(\.sequence) == [1, 2, 3, 4, 5, 6])

            let cleared = try await client.call(.delete, "/_sim/log", headers: [:])
            #expect(cleared.status.code == 204)
        }
        #expect(await simulator.log.entries().isEmpty)

        let fresh = Simulator()
        try await fresh.buildApplication().test(.router) { client in
            _ = try await client.call(.get, "\(userBase)/task/\(id)/edit")
            _ = try await client.call(.put, "\(userBase)/task/\(id)", body: insuranceBody())
        }
        let entries = await fresh.log.entries()
        #expect(await fresh.log.kinds() == [.detail, .update])
        #expect(entries.last?.taskId == id)
        #expect(entries.last?.method == "PUT")
        #expect(entries.last?.httpStatus == 200)
        #expect(entries.last?.envelopeCode == 6007)
        #expect(entries.last?.fault == nil)
        #expect(await fresh.log.lastPutBody(taskId: id) == Data(insuranceBody().utf8))
    }

    @Test("with fail-rate 1 every call is a 500 and no task changes")
    func failRate() async throws {
        var options = SimulatorOptions()
        options.faults.failRate = 1.0
        let simulator = Simulator(options: options)
        let before = await simulator.store.allTasks()
        try await simulator.buildApplication().test(.router) { client in
            let pause = try await client.call(.put, "\(userBase)/task_stop/\(DefaultTasks.springSaleId)")
            #expect(pause.status.code == 500)
            #expect(json(pause)["code"] == 500)
            #expect(json(pause)["status"] == "error")
            let update = try await client.call(.put, "\(userBase)/task/\(DefaultTasks.insuranceRenewalId)", body: insuranceBody(extras: ["work_week": [1]]))
            #expect(update.status.code == 500)
            let log = try await client.call(.get, "/_sim/log", headers: [:])
            #expect(log.status.code == 200, "faults never touch /_sim")
        }
        #expect(await simulator.store.allTasks() == before)
        #expect(await simulator.log.entries().map(\.fault) == [.serverError, .serverError])
    }

    @Test("throttling answers 429 with Retry-After, and a fault seed replays the same faults")
    func throttleAndReplay() async throws {
        var options = SimulatorOptions()
        options.faults.throttleRate = 1.0
        options.faults.retryAfterSeconds = 0
        try await Simulator(options: options).buildApplication().test(.router) { client in
            let response = try await client.call(.get, "\(userBase)/task")
            #expect(response.status.code == 429)
            #expect(response.headers[.retryAfter] == "0")
            #expect(json(response)["code"] == 429)
        }

        func faults(seed: UInt64) async throws -> [InjectedFault?] {
            var options = SimulatorOptions()
            options.faults.failRate = 0.3
            options.faults.throttleRate = 0.3
            options.faults.seed = seed
            let simulator = Simulator(options: options)
            try await simulator.buildApplication().test(.router) { client in
                for _ in 0..<20 { _ = try await client.call(.get, "\(userBase)/task") }
            }
            return await simulator.log.entries().map(\.fault)
        }
        let first = try await faults(seed: 42)
        #expect(try await faults(seed: 42) == first)
        #expect(first.contains(nil) && first.contains(.serverError) && first.contains(.throttled))
    }
}
