import Foundation
import Testing

private let springSale = "7f3c2a10-5b1e-4c8a-9d2e-1a2b3c4d5e01"
private let seedExample = "e5cb8746-411d-4d6d-a1fa-0fe030f00fad"

/// `calltask show NAME_OR_UUID…`: the spec export writes, the run state in the docs' words, the counters.
struct ShowCommandTests {
    @Test("show by name and by uuid: the export's spec, run state and counters; read only")
    func showText() async throws {
        let simulator = try SimulatorProcess()
        defer { simulator.stop() }
        let workspace = try Workspace()

        let show = try await calltask(["show", "spring-sale-followup", seedExample], in: workspace, simulator: simulator)
        #expect(show.status == 0, "\(show)")
        #expect(show.stdout.hasPrefix("calltask: account: \(simulator.hostPort)"), "\(show)")
        #expect(show.stdout.contains("spring-sale-followup (\(springSale))\n  run state: dialing (enable: true, call_status: true"),
                "\(show)")
        #expect(show.stdout.contains("counters: number_count 1840"), "\(show)")
        #expect(show.stdout.contains("run state: paused (enable: false"), "\(show)")
        #expect(show.stdout.contains("line 90611087-c2c2-4f04-8fe3-c8e33e5d1ffa (测试站ip对接线路): limit 10, dialed_number_total 2, answer_total 1"),
                "\(show)")

        // The spec is byte for byte the file export writes.
        let export = try await calltask(["export", "--out", "exported", "--target", springSale], in: workspace, simulator: simulator)
        #expect(export.status == 0, "\(export)")
        let file = try #require(workspace.read("exported/spring-sale-followup-7f3c2a10.yaml"))
        #expect(show.stdout.contains("\n\n" + file), "show's spec differs from export's file:\n\(file)\n\(show)")

        let log = try await simulator.log()
        #expect(log.allSatisfy { $0.method == "GET" }, "show sent a write: \(log.map(\.kind))")
    }

    @Test("show --format json: format_version 1, run_state, counters and the spec")
    func showJSON() async throws {
        let simulator = try SimulatorProcess()
        defer { simulator.stop() }
        let workspace = try Workspace()

        let show = try await calltask(["show", "--format", "json", springSale], in: workspace, simulator: simulator)
        #expect(show.status == 0, "\(show)")
        #expect(show.stderr.contains("calltask: account:"), "the account line goes to stderr: \(show)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any], "\(show)")
        #expect(object["format_version"] as? Int == 1)
        let task = try #require((object["tasks"] as? [[String: Any]])?.first)
        #expect(task["uuid"] as? String == springSale)
        #expect(task["run_state"] as? String == "dialing")
        #expect((task["counters"] as? [String: Any])?["number_count"] as? Int == 1840)
        #expect((task["spec"] as? String)?.contains("\nname: spring-sale-followup\n") == true)
    }

    @Test("enabled but not dialing: enable true, the dialer's call_status false")
    func enabledNotDialing() async throws {
        let workspace = try Workspace()
        try workspace.write("seed.json", #"[{"uuid": "0000000a-0000-4000-8000-000000000001", "name": "waiting", "enable": true, "call_status": false}]"#)
        let simulator = try SimulatorProcess(["--seed", workspace.path("seed.json").path])
        defer { simulator.stop() }
        let show = try await calltask(["show", "waiting"], in: workspace, simulator: simulator)
        #expect(show.status == 0, "\(show)")
        #expect(show.stdout.contains("run state: enabled but not dialing (enable: true, call_status: false"), "\(show)")
    }

    @Test("a name that matches nothing lists the closest names; a shared name lists the uuids; exit 1")
    func problems() async throws {
        let workspace = try Workspace()
        try workspace.write("seed.json", """
            [{"uuid": "0000000a-0000-4000-8000-000000000001", "name": "twin"},
             {"uuid": "0000000a-0000-4000-8000-000000000002", "name": "twin"},
             {"uuid": "0000000a-0000-4000-8000-000000000003", "name": "spring-sale-followup"}]
            """)
        let simulator = try SimulatorProcess(["--seed", workspace.path("seed.json").path])
        defer { simulator.stop() }

        let typo = try await calltask(["show", "spring-sale-folowup"], in: workspace, simulator: simulator)
        #expect(typo.status == 1, "\(typo)")
        #expect(typo.stderr.contains("no live task has the name or uuid 'spring-sale-folowup'; closest names: 'spring-sale-followup'"),
                "\(typo)")

        let shared = try await calltask(["show", "twin", "spring-sale-followup"], in: workspace, simulator: simulator)
        #expect(shared.status == 1, "\(shared)")
        #expect(shared.stderr.contains("the name 'twin' matches 2 live tasks: 0000000a-0000-4000-8000-000000000001, "
                                       + "0000000a-0000-4000-8000-000000000002"), "\(shared)")
        #expect(!shared.stdout.contains("run state"), "a task was shown despite the error: \(shared)")

        // Either twin by its uuid.
        let byUUID = try await calltask(["show", "0000000a-0000-4000-8000-000000000002"], in: workspace, simulator: simulator)
        #expect(byUUID.status == 0, "\(byUUID)")
    }
}
