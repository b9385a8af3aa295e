import CalltaskSimulator
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Running server")
struct ServerTests {
    @Test("withRunningServer serves on a real port and shuts down quickly, many times over")
    func withRunningServer() async throws {
        let clock = ContinuousClock()
        let started = clock.now
        for _ in 0..<5 {
            let simulator = Simulator()
            let total = try await simulator.withRunningServer { port in
                let client = TestClient(host: "127.0.0.1", port: port, configuration: .init(timeout: .seconds(5)))
                client.connect()
                let response = try await client.get("\(userBase)/task", headers: authorized)
                try await client.shutdown()
                return (try? JSONValue.parse(Data((response.body ?? ByteBuffer()).readableBytesView)))?["meta"]?["total"]?.intValue
            }
            #expect(total == 7)
            #expect(await simulator.log.kinds() == [.list])
        }
        #expect(clock.now - started < .seconds(30), "hang guard (not a speed test)")
    }

    @Test("withRunningServer shuts down even when a client keeps its connection open")
    func shutsDownWithOpenConnection() async throws {
        let clock = ContinuousClock()
        let started = clock.now
        let simulator = Simulator()
        let client = try await simulator.withRunningServer { port in
            let client = TestClient(host: "127.0.0.1", port: port, configuration: .init(timeout: .seconds(5)))
            client.connect()
            _ = try await client.get("\(userBase)/task", headers: authorized)
            return client
        }
        #expect(clock.now - started < .seconds(30), "hang guard (not a speed test)")
        try? await client.shutdown()
    }

    @Test("a dropped connection still applies the change")
    func droppedConnectionApplies() async throws {
        var options = SimulatorOptions()
        options.faults.dropRate = 1.0
        let simulator = Simulator(options: options)
        try await simulator.buildApplication().test(.live) { client in
            var failed = false
            do {
                _ = try await client.call(.put, "\(userBase)/task_stop/\(DefaultTasks.springSaleId)")
            } catch {
                failed = true
            }
            #expect(failed, "the client sees the connection close mid-answer")
        }
        #expect(await simulator.store.task(id: DefaultTasks.springSaleId)?.isEnabled == false)
        #expect(await simulator.log.entries().first?.fault == .dropped)
    }
}
