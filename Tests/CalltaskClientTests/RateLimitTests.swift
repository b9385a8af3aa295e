import CalltaskClient
import CalltaskSimulator
import Testing

@Suite("Rate limit")
struct RateLimitTests {
    @Test("20 requests at 50 requests per second take at least about 0.38 s")
    func heldAcrossConcurrentCalls() async throws {
        let simulator = Simulator()
        var tuning = SimulatorHarness.fastTuning
        tuning.maxRequestsPerSecond = 50
        let clock = ContinuousClock()
        let elapsed = try await SimulatorHarness.run(simulator, tuning: tuning) { client in
            let started = clock.now
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<20 {
                    group.addTask { _ = try await client.taskDetail(uuid: DefaultTasks.springSaleId) }
                }
                try await group.waitForAll()
            }
            return started.duration(to: clock.now)
        }
        // 19 gaps of 20 ms; only a lower bound is asserted.
        #expect(elapsed >= .milliseconds(370))
        #expect(await simulator.log.entries(kind: .detail).count == 20)
    }

    @Test("a rate of 0 turns the limiter off")
    func off() async throws {
        let limiter = RateLimiter(requestsPerSecond: 0)
        var acquired = 0
        for _ in 0..<1000 {
            try await limiter.acquire()
            acquired += 1
        }
        #expect(acquired == 1000)
    }
}
