import CalltaskClient
import CalltaskModels
import CalltaskSimulator
import Foundation
import Testing

@Suite("Finding tasks by name")
struct FindTasksTests {
    /// Tasks with these names, uuids `SimulatorHarness.uuid(0…)`.
    static func tasks(_ names: [String]) -> [SimTask] {
        names.enumerated().map { index, name in
            SimTask(seed: ["uuid": .string(SimulatorHarness.uuid(index)), "name": .string(name), "maximumcall": 1])
        }
    }

    static func find(_ name: String, in simulator: Simulator, pageSize: Int = 100) async throws -> [LiveTask] {
        var tuning = SimulatorHarness.fastTuning
        tuning.pageSize = pageSize
        return try await SimulatorHarness.run(simulator, tuning: tuning) { client in try await client.findTasks(named: name) }
    }

    @Test("the name filter narrows the list; names are then compared exactly (abc is not abc-2, ABC or 'abc ')")
    func exactName() async throws {
        let simulator = Simulator(tasks: Self.tasks(["abc-2", "abc", "ABC", "abc ", "xabc", "other"]))
        let found = try await Self.find("abc", in: simulator)
        #expect(found.map(\.uuid) == [SimulatorHarness.uuid(1)])
        let entry = try #require(await simulator.log.entries(kind: .list).first)
        #expect(entry.query?.contains("name=abc") == true, "the list's name filter is used")
    }

    @Test("two tasks of the same name are both found")
    func duplicates() async throws {
        let simulator = Simulator(tasks: Self.tasks(["abc", "abc-2", "abc"]))
        let found = try await Self.find("abc", in: simulator)
        #expect(found.map(\.uuid) == [SimulatorHarness.uuid(0), SimulatorHarness.uuid(2)])
    }

    @Test("a name on the last of several pages of filtered results is found, every page read once")
    func severalPages() async throws {
        let names = (0..<30).map { "abc-\($0)" } + ["abc"]
        let simulator = Simulator(tasks: Self.tasks(names))
        let found = try await Self.find("abc", in: simulator, pageSize: 4)
        #expect(found.map(\.uuid) == [SimulatorHarness.uuid(30)])
        let pages = await simulator.log.entries(kind: .list).compactMap { entry -> Int? in
            guard let query = entry.query, query.contains("name=abc") else { return nil }
            return query.split(separator: "&").first { $0.hasPrefix("page=") }.flatMap { Int($0.dropFirst(5)) }
        }
        #expect(pages.sorted() == Array(1...8))
    }

    @Test("a name no task has finds nothing; a name with spaces and CJK is sent encoded and found")
    func noneAndEncoded() async throws {
        let simulator = Simulator()
        #expect(try await Self.find("no such task", in: simulator).isEmpty)
        let found = try await Self.find("回访-老客户", in: simulator)
        #expect(found.map(\.uuid) == [DefaultTasks.customerCallbackId])
    }

    @Test("the lookup is retried like any list call")
    func retried() async throws {
        var options = SimulatorOptions()
        options.faults.failRate = 0.4
        options.faults.seed = 11
        let simulator = Simulator(options: options, tasks: Self.tasks((0..<20).map { "abc-\($0)" } + ["abc"]))
        let found = try await Self.find("abc", in: simulator, pageSize: 5)
        #expect(found.map(\.uuid) == [SimulatorHarness.uuid(20)])
        #expect(await simulator.log.entries(kind: .list).contains { $0.fault == .serverError })
    }

    @Test("a created task, once the list shows it, is found by the name it was created with")
    func createThenFind() async throws {
        var options = SimulatorOptions()
        options.faults.createHiddenSeconds = 0.8
        let simulator = Simulator(options: options)
        let clock = ContinuousClock()
        let (outcome, hidden, shown) = try await SimulatorHarness.run(simulator) { client in
            let started = clock.now
            let outcome = await client.createTask(CreateTaskTests.body(name: "spring-sale-followup"))
            let answered = clock.now  // the task was stored before this, so it is listed by answered + 0.8 s
            let hidden = try await client.findTasks(named: "spring-sale-followup")
            let inTime = clock.now - started < .milliseconds(700)
            try await Task.sleep(until: answered.advanced(by: .milliseconds(900)), clock: clock)
            let shown = try await client.findTasks(named: "spring-sale-followup")
            return (outcome, inTime ? hidden : nil, shown)
        }
        guard case .created = outcome else {
            Issue.record("expected created, got \(outcome)")
            return
        }
        if let hidden {
            #expect(hidden.map(\.uuid) == [DefaultTasks.springSaleId], "the new task is not listed yet")
        }
        #expect(shown.count == 2, "the existing task and the new one of the same name")
        let created = try #require(shown.first { $0.uuid != DefaultTasks.springSaleId })
        #expect(created.taskType == 6)
        #expect(created.enable == true)
    }
}
