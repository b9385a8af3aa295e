import CalltaskClient
import CalltaskModels
import CalltaskSimulator
import Foundation
import Testing

@Suite("Listing tasks across pages")
struct ListingTests {
    @Test("1,000 tasks across 20 pages are listed once each, each page requested once")
    func thousandTasks() async throws {
        let simulator = Simulator(tasks: SimulatorHarness.generatedTasks(1000))
        var tuning = SimulatorHarness.fastTuning
        tuning.pageSize = 50
        let listing = try await SimulatorHarness.run(simulator, tuning: tuning) { client in
            try await client.listTasks()
        }
        #expect(listing.tasks.count == 1000)
        #expect(Set(listing.tasks.map(\.uuid)) == Set((0..<1000).map { SimulatorHarness.uuid($0) }))
        #expect(listing.pages == 20)
        #expect(listing.passes == 1)
        #expect(listing.requests == 20)
        let pages = await simulator.log.entries(kind: .list).compactMap { Self.page(of: $0.query) }
        #expect(pages.sorted() == Array(1...20))
    }

    @Test("page fetches keep at most pageParallelism requests in flight")
    func parallelismBound() async throws {
        // 10 pages, 100 ms each. Page 1 alone, then pages 2…10 three at a time: 1 + 3 waves ≥ 400 ms.
        // Unbounded fetching would take about 200 ms.
        var options = SimulatorOptions()
        options.faults.latencyMs = 100
        let simulator = Simulator(options: options, tasks: SimulatorHarness.generatedTasks(100))
        var tuning = SimulatorHarness.fastTuning
        tuning.pageSize = 10
        tuning.pageParallelism = 3
        let clock = ContinuousClock()
        let started = clock.now
        let listing = try await SimulatorHarness.run(simulator, tuning: tuning) { client in
            try await client.listTasks()
        }
        let elapsed = started.duration(to: clock.now)
        #expect(listing.tasks.count == 100)
        #expect(elapsed >= .milliseconds(380))
    }

    @Test("tasks added between page reads are still listed once each, after one relist")
    func insertedWhilePaging() async throws {
        var options = SimulatorOptions()
        options.faults.latencyMs = 80
        let simulator = Simulator(options: options, tasks: SimulatorHarness.generatedTasks(200))
        var tuning = SimulatorHarness.fastTuning
        tuning.pageSize = 20
        tuning.pageParallelism = 2
        let listing = try await SimulatorHarness.run(simulator, tuning: tuning) { client in
            async let listed = client.listTasks()
            // Wait until page 1 has been answered, then add tasks while pages 2… are in flight.
            try await Self.waitUntil { await simulator.log.entries(kind: .list).count >= 1 }
            for task in SimulatorHarness.generatedTasks(5, group: 1) {
                await simulator.store.upsert(task)
            }
            return try await listed
        }
        let expected = Set((0..<200).map { SimulatorHarness.uuid($0) } + (0..<5).map { SimulatorHarness.uuid($0, group: 1) })
        #expect(listing.tasks.count == 205)
        #expect(Set(listing.tasks.map(\.uuid)) == expected)
        #expect(listing.passes == 2)
        #expect(listing.requests > listing.pages)
    }

    @Test("a list that keeps changing fails with inconsistentListing instead of looping")
    func neverSettles() async throws {
        var options = SimulatorOptions()
        options.faults.latencyMs = 30
        let simulator = Simulator(options: options, tasks: SimulatorHarness.generatedTasks(60))
        var tuning = SimulatorHarness.fastTuning
        tuning.pageSize = 10
        tuning.pageParallelism = 2
        let outcome: Result<TaskListing, APIError> = try await SimulatorHarness.run(simulator, tuning: tuning) { client in
            let churn = Task {
                var index = 0
                while !Task.isCancelled {
                    await simulator.store.upsert(SimTask(seed: ["uuid": .string(SimulatorHarness.uuid(index, group: 2))]))
                    index += 1
                    try? await Task.sleep(for: .milliseconds(10))
                }
            }
            defer { churn.cancel() }
            do {
                return .success(try await client.listTasks())
            } catch let error as APIError {
                return .failure(error)
            }
        }
        guard case .failure(let error) = outcome, case .inconsistentListing = error else {
            Issue.record("expected inconsistentListing, got \(outcome)")
            return
        }
        #expect(error.description.contains("did not add up"))
    }

    @Test("an empty account lists no tasks in one request")
    func emptyAccount() async throws {
        let simulator = Simulator(tasks: [])
        let listing = try await SimulatorHarness.run(simulator) { client in try await client.listTasks() }
        #expect(listing.tasks.isEmpty)
        #expect(listing.requests == 1)
    }

    static func page(of query: String?) -> Int? {
        guard let query else { return nil }
        for pair in query.split(separator: "&") where pair.hasPrefix("page=") {
            return Int(pair.dropFirst(5))
        }
        return nil
    }

    static func waitUntil(timeout: Duration = .seconds(10), _ condition: @Sendable () async -> Bool) async throws {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        while await !condition() {
            guard clock.now < deadline else {
                Issue.record("condition not met within \(timeout)")
                return
            }
            try await Task.sleep(for: .milliseconds(2))
        }
    }
}
