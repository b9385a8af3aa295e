@testable import CalltaskClient
import CalltaskModels
import CalltaskSimulator
import Foundation
import Testing

@Suite("Creating a task: sent once, and sorted into created, rejected or unknown")
struct CreateTaskTests {
    /// A create body the simulator accepts.
    static func body(name: String = "new-campaign") -> TaskCreateBody {
        var body = TaskCreateBody(
            name: name, destinationExtension: 13037, dialTimeId: 5, maximumcall: 2,
            taskExtras: .init(startTime: "2026-03-01 09:00:00", stopTime: "2026-12-31 21:00:00",
                              holiday: [Holiday(start: "2026-10-01 00:00", end: "2026-10-07 23:59")],
                              line: ["d47c3599-f166-4cd0-999c-f60e46814d26", "5a1e7c2b-0f3d-4e8a-b6c1-2d3e4f5a6b7c"]))
        body.remark = "spring follow-up"
        return body
    }

    /// Creates `body` against `simulator` once; returns the outcome and the client's stats.
    static func create(
        _ simulator: Simulator, _ body: TaskCreateBody = body(), tuning: ClientTuning = SimulatorHarness.fastTuning,
        token: String? = nil, subUserID: String? = nil
    ) async throws -> (CreateOutcome, RequestStats.Snapshot) {
        try await SimulatorHarness.run(simulator, tuning: tuning, token: token, subUserID: subUserID) { client in
            let outcome = await client.createTask(body)
            return (outcome, await client.stats.snapshot)
        }
    }

    /// The tasks of `name` in the simulator's store.
    static func stored(_ simulator: Simulator, _ name: String = "new-campaign") async -> [SimTask] {
        await simulator.store.allTasks().filter { $0.name == name }
    }

    @Test("a create the simulator accepts is created, with the answer's data; the body has exactly the create page's keys")
    func created() async throws {
        let simulator = Simulator()
        let (outcome, stats) = try await Self.create(simulator)
        guard case .created(let answer) = outcome else {
            Issue.record("expected created, got \(outcome)")
            return
        }
        #expect(answer == "{}")
        #expect(stats.requests[.create] == 1)
        #expect(await Self.stored(simulator).count == 1)

        let sent = try #require(await simulator.log.createBodies().first)
        let object = try #require(try JSONSerialization.jsonObject(with: sent) as? [String: Any])
        #expect(Set(object.keys) == ["name", "destination_extension", "dial_time_id", "maximumcall", "remark", "task_extras"])
        let extras = try #require(object["task_extras"] as? [String: Any])
        #expect(Set(extras.keys) == ["start_time", "stop_time", "holiday", "line"])
        let holiday = try #require((extras["holiday"] as? [[String: Any]])?.first)
        #expect(Set(holiday.keys) == ["start", "end"])
        let entry = try #require(await simulator.log.entries(kind: .create).first)
        #expect(entry.method == "POST")
        #expect(entry.path == "/agent-api/new/user/\(SimulatorOptions.defaultUserId)/task")
        #expect(entry.query == nil)
    }

    @Test("sub_user_id goes in the query and in the body, the account's whatever the body said")
    func subUserBothPlaces() async throws {
        var options = SimulatorOptions()
        options.subUserId = "sub-1"
        let simulator = Simulator(options: options)
        var body = Self.body()
        body.subUserId = "someone-else"
        let (outcome, _) = try await Self.create(simulator, body, subUserID: "sub-1")
        guard case .created = outcome else {
            Issue.record("expected created, got \(outcome)")
            return
        }
        #expect(await simulator.log.entries(kind: .create).first?.query == "sub_user_id=sub-1")
        let sent = try #require(await simulator.log.createBodies().first)
        let object = try #require(try JSONSerialization.jsonObject(with: sent) as? [String: Any])
        #expect(object["sub_user_id"] as? String == "sub-1")
    }

    @Test("a body the platform refuses (HTTP 422 with an error envelope) is rejected: not created, not retried")
    func rejectedBody() async throws {
        let simulator = Simulator()
        var body = Self.body()
        body.maximumcall = 3  // not divisible by the two lines
        let (outcome, stats) = try await Self.create(simulator, body)
        guard case .rejected(.platform(let call, let code, let message)) = outcome else {
            Issue.record("expected rejected(platform), got \(outcome)")
            return
        }
        #expect(call == .create(name: "new-campaign"))
        #expect(code == 422)
        #expect(message?.contains("maximumcall") == true)
        #expect(stats.requests[.create] == 1)
        #expect(await Self.stored(simulator).isEmpty)
    }

    @Test("a bad token is rejected as unauthorized")
    func rejectedToken() async throws {
        let simulator = Simulator()
        let (outcome, _) = try await Self.create(simulator, token: "wrong")
        guard case .rejected(.unauthorized) = outcome else {
            Issue.record("expected rejected(unauthorized), got \(outcome)")
            return
        }
        #expect(await Self.stored(simulator).isEmpty)
    }

    /// A simulator fault and what it must produce.
    enum Fault: String, CaseIterable, CustomTestStringConvertible {
        case commitThenFail, commitThenDrop, failBefore, serverError, throttled
        var testDescription: String { rawValue }

        var options: SimulatorOptions {
            var options = SimulatorOptions()
            switch self {
            case .commitThenFail: options.faults.createCommitThenFailRate = 1
            case .commitThenDrop: options.faults.createCommitThenDropRate = 1
            case .failBefore: options.faults.createFailRate = 1
            case .serverError: options.faults.failRate = 1
            case .throttled:
                options.faults.throttleRate = 1
                options.faults.retryAfterSeconds = 0
            }
            return options
        }

        /// Tasks the simulator stores.
        var stored: Int { self == .commitThenFail || self == .commitThenDrop ? 1 : 0 }

        /// The client's label for the failure.
        var label: String {
            switch self {
            case .commitThenDrop: "connection_dropped"
            case .throttled: "http_429"
            default: "http_5xx"
            }
        }
    }

    @Test("every fault that may hide a stored task is 'unknown', sent once and never retried", arguments: Fault.allCases)
    func unknown(fault: Fault) async throws {
        let simulator = Simulator(options: fault.options)
        let (outcome, stats) = try await Self.create(simulator)
        guard case .unknown(let error) = outcome else {
            Issue.record("expected unknown, got \(outcome)")
            return
        }
        #expect(error.shortDescription == fault.label)
        #expect(error.call == .create(name: "new-campaign"))
        #expect(stats.requests[.create] == 1)
        #expect(stats.retries == 0)
        #expect(stats.faults[fault.label] == 1)
        #expect(await simulator.log.entries(kind: .create).count == 1)
        #expect(await Self.stored(simulator).count == fault.stored)
    }

    @Test("a create that times out is 'unknown', and the platform may still store it")
    func timeout() async throws {
        var options = SimulatorOptions()
        options.faults.latencyMs = 600
        let simulator = Simulator(options: options)
        var tuning = SimulatorHarness.fastTuning
        tuning.requestTimeout = 0.2
        let (outcome, stats) = try await SimulatorHarness.run(simulator, tuning: tuning) { client in
            let outcome = await client.createTask(Self.body())
            // Let the simulator finish the call the client gave up on.
            for _ in 0..<200 where await simulator.log.entries(kind: .create).isEmpty {
                try await Task.sleep(for: .milliseconds(10))
            }
            return (outcome, await client.stats.snapshot)
        }
        guard case .unknown(.timeout) = outcome else {
            Issue.record("expected unknown(timeout), got \(outcome)")
            return
        }
        #expect(stats.requests[.create] == 1)
        #expect(await Self.stored(simulator).count == 1, "the answer was lost, the task was not")
    }

    @Test("a 2xx success envelope whose data is not documented is kept short and sorted")
    func answerText() async throws {
        let simulator = Simulator()
        let answer = try await SimulatorHarness.run(simulator) { client in
            (client.createAnswer(Array(#"{"code":200,"data":{"b":1,"a":"x/y"}}"#.utf8)),
             client.createAnswer(Array(#"{"code":200}"#.utf8)),
             client.createAnswer(Array(("{\"code\":200,\"data\":\"" + String(repeating: "z", count: 2000) + "\"}").utf8)))
        }
        #expect(answer.0 == #"{"a":"x/y","b":1}"#)
        #expect(answer.1 == "null")
        #expect(answer.2.count == CreateOutcome.answerLimit)
    }

    static let call = APICall.create(name: "x")

    @Test("each APIError is sorted into rejected or unknown", arguments: [
        (APIError.unauthorized(call: call), "rejected"),
        (.taskRunning(call: call), "rejected"),
        (.platform(call: call, code: 422, message: nil), "rejected"),
        (.httpStatus(call: call, status: 404, message: nil, retryAfter: nil), "rejected"),
        (.httpStatus(call: call, status: 400, message: nil, retryAfter: nil), "rejected"),
        (.httpStatus(call: call, status: 302, message: nil, retryAfter: nil), "rejected"),
        (.invalidRequest(call: call, detail: ""), "rejected"),
        (.httpStatus(call: call, status: 429, message: nil, retryAfter: 1), "unknown"),
        (.httpStatus(call: call, status: 500, message: nil, retryAfter: nil), "unknown"),
        (.httpStatus(call: call, status: 503, message: nil, retryAfter: nil), "unknown"),
        (.timeout(call: call, seconds: 1), "unknown"),
        (.connectionDropped(call: call, detail: ""), "unknown"),
        (.cannotConnect(call: call, address: "h:1", reason: "connection refused"), "unknown"),
        (.transport(call: call, detail: ""), "unknown"),
        (.bodyTooLarge(call: call, limit: 1), "unknown"),
        (.undecodable(call: call, detail: ""), "unknown"),
        (.cancelled(call: call), "unknown"),
        (.retriesExhausted(call: call, attempts: 2, last: .platform(call: call, code: 1, message: nil)), "rejected"),
        (.retriesExhausted(call: call, attempts: 2, last: .timeout(call: call, seconds: 1)), "unknown"),
    ])
    func classify(error: APIError, bucket: String) {
        switch CreateOutcome.classify(error) {
        case .created: Issue.record("a failure is never created")
        case .rejected: #expect(bucket == "rejected", "\(error.shortDescription)")
        case .unknown: #expect(bucket == "unknown", "\(error.shortDescription)")
        }
    }

    @Test("the create call is described with its name, quoted and escaped")
    func describedCall() {
        #expect(APICall.create(name: "abc").description == #"create of task "abc""#)
        #expect(APICall.create(name: "a\nb").description == #"create of task "a\nb""#)
        #expect(APICall.list(page: 2, named: "abc").description == #"list of tasks named "abc" (page 2)"#)
    }
}
