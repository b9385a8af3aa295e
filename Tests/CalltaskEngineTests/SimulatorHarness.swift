import AsyncHTTPClient
import CalltaskClient
import CalltaskCore
import CalltaskEngine
import CalltaskSimulator
import Foundation
import Logging

/// Runs the simulator in-process on a loopback port and gives a real `APIClient` pointed at it.
struct SimulatorHarness {
    let simulator: Simulator
    let client: APIClient
    let account: String
    let journalPath: String

    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../examples").standardized.path

    static func run<T: Sendable>(
        options: SimulatorOptions = SimulatorOptions(),
        tasks: [SimTask]? = nil,
        resumePath: String = AccountSettings.defaultResumePath,
        _ body: @Sendable (SimulatorHarness) async throws -> T
    ) async throws -> T {
        let simulator = Simulator(options: options, tasks: tasks)
        return try await simulator.withRunningServer { port in
            let http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: APIClient.httpClientConfiguration())
            do {
                let account = try AccountSettings(endpoint: "http://127.0.0.1:\(port)", userID: options.userId,
                                                  token: APIToken(options.token), resumePath: resumePath)
                var tuning = ClientTuning(maxRequestsPerSecond: 0, maxRetries: 3)
                tuning.backoffBase = 0.01
                let client = APIClient(account: account, tuning: tuning, httpClient: http, logger: Logger(label: "test"))
                let journal = FileManager.default.temporaryDirectory.appendingPathComponent("calltask-journal-\(UUID().uuidString).jsonl").path
                let harness = SimulatorHarness(simulator: simulator, client: client, account: account.accountDescription, journalPath: journal)
                let result = try await body(harness)
                try await http.shutdown()
                return result
            } catch {
                try? await http.shutdown()
                throw error
            }
        }
    }

    /// Specs from YAML texts written to a temporary directory (or the repository's examples).
    static func specs(_ texts: [String: String]) throws -> SpecSet {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("calltask-specs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for (name, text) in texts {
            try Data(text.utf8).write(to: directory.appendingPathComponent(name))
        }
        return SpecSet.load([directory.path])
    }

    func plan(_ specs: SpecSet, options: Planner.Options = .init()) async throws -> Plan {
        let result = try await PlanRunner(client: client, account: account, parallelism: 4).plan(specs, options: options)
        return result.plan
    }

    func runner(restore: Bool = true, control: RunControl = RunControl()) -> ApplyRunner {
        ApplyRunner(client: client, journal: Journal(path: journalPath), account: account,
                    options: .init(parallelism: 4, machine: .init(restore: restore, maxPauseChecks: 5, pauseCheckDelayMilliseconds: 20)),
                    control: control, progress: { _ in })
    }

    func apply(_ plan: Plan, restore: Bool = true) async -> [ApplyReport.TaskResult] {
        await runner(restore: restore).apply(plan)
    }

    /// Every stored task's detail record, by uuid.
    func records() async -> [String: JSONValue] {
        var out: [String: JSONValue] = [:]
        for task in await simulator.store.allTasks() { out[task.uuid] = task.detail }
        return out
    }

    /// The request kinds the simulator saw for one task, in order.
    func kinds(of uuid: String) async -> [String] {
        await simulator.log.entries().filter { $0.taskId == uuid }.map { "\($0.kind)" }
    }
}

extension JSONValue {
    /// A copy without `key` at the top level and inside `task_extras` and `new_task_extra`.
    func removing(_ keys: [String]) -> JSONValue {
        guard case .object(var members) = self else { return self }
        for key in keys { members[key] = nil }
        for block in ["task_extras", "new_task_extra"] {
            if case .object(var inner)? = members[block] {
                for key in keys { inner[key] = nil }
                members[block] = .object(inner)
            }
        }
        return .object(members)
    }
}
