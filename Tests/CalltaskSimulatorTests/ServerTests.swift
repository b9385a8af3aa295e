import CalltaskSimulator
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Running server")
struct ServerTests {
    // A shutdown that hangs fails by the time limit; how long a loaded machine takes is not measured here
    // (a wall-clock bound failed under the full parallel suite on 2 cores).
    @Test("withRunningServer serves on a real port and shuts down, many times over", .timeLimit(.minutes(2)))
    func withRunningServer() async throws {
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
    }

    @Test("withRunningServer shuts down even when a client keeps its connection open", .timeLimit(.minutes(2)))
    func shutsDownWithOpenConnection() async throws {
        let simulator = Simulator()
        let client = try await simulator.withRunningServer { port in
            let client = TestClient(host: "127.0.0.1", port: port, configuration: .init(timeout: .seconds(5)))
            client.connect()
            _ = try await client.get("\(userBase)/task", headers: authorized)
            return client
        }
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
