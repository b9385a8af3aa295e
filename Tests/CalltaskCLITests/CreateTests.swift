import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// Creates end to end against the simulator: planned, created once, found, given the rest of the spec,
/// verified; never twice, never orphaned, through faults and kills.
@Suite(.serialized)
struct CreateTests {
    /// A create spec: every field the create call requires, `task_type`, and fields only the update sets.
    static func spec(_ name: String, enable: Bool = true) -> String {
        """
        name: \(name)
        task_type: v2
        group_type: group
        destination_extension: 13037
        dial_time_id: 5
        maximumcall: 2
        remark: created by calltask
        \(enable ? "enable: true\n" : "")task_extras:
          start_time: "2026-09-01 09:00:00"
          stop_time: "2026-12-31 21:00:00"
          line: [d47c3599-f166-4cd0-999c-f60e46814d26]
          holiday: []
          redial_enabled: true
          redial_interval: 20
          redial_max_times: 2
          redial_conditions:
            da_status: [no_answer]

        """
    }

    static func workspace(creates names: [String], enable: Bool = true) throws -> Workspace {
        let workspace = try Workspace()
        try workspace.write("specs/new.yaml", names.map { spec($0, enable: enable) }.joined(separator: "---\n"))
        return workspace
    }

    /// The tasks of `name` the simulator holds, with their detail.
    static func tasks(named name: String, in simulator: SimulatorProcess) async throws -> [[String: Any]] {
        let all = try JSONSerialization.jsonObject(with: try await simulator.get("/_sim/tasks")) as? [[String: Any]] ?? []
        return all.filter { $0["name"] as? String == name }
    }

    static func post(_ simulator: SimulatorProcess, _ path: String, _ body: [String: Any]) async throws {
        var request = URLRequest(url: URL(string: simulator.baseURL + path)!)
        request.httpMethod = "POST"
        request.httpBody = try JSONSerialization.data(withJSONObject: body)
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        let (_, response) = try await URLSession.shared.data(for: request)
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        guard (200..<300).contains(status) else { throw HarnessError("POST \(path): \(status)") }
    }

    @Test("a new spec: plan shows the create, apply creates it once, every field reads back as planned, the next plan is empty")
    func createThenEmptyPlan() async throws {
        let simulator = try SimulatorProcess(["--strict-put"])
        defer { simulator.stop() }
        let workspace = try Self.workspace(creates: ["autumn-campaign"])

        let plan = try await calltask(["plan", "specs/"], in: workspace, simulator: simulator)
        #expect(plan.status == 0, "\(plan)")
        #expect(plan.stdout.contains("+ autumn-campaign — create (create → pause if it starts running → update → resume)"), "\(plan)")
        #expect(plan.stdout.contains("      + task_extras.redial_interval: 20"), "\(plan)")
        #expect(plan.stdout.contains("Plan: 1 to create, 0 to update"), "\(plan)")
        #expect(try await simulator.log().allSatisfy { $0.method == "GET" }, "plan sent a write")

        let apply = try await calltask(["apply", "--auto-approve", "specs/"], in: workspace, simulator: simulator)
        #expect(apply.status == 0, "\(apply)")
        #expect(apply.stdout.contains("1 of 1 planned applied (1 created)"), "\(apply)")
        let created = try await Self.tasks(named: "autumn-campaign", in: simulator)
        #expect(created.count == 1)
        let log = try await simulator.log()
        #expect(log.of("create").count == 1, "\(log.map(\.kind))")
        // The new task started enabled (the simulator's default): paused, updated, read back, resumed.
        #expect(log.map(\.kind).filter { ["create", "pause", "update", "resume"].contains($0) } == ["create", "pause", "update", "resume"],
                "\(log.map(\.kind))")
        #expect(try await simulator.enableStates()[created.first?["uuid"] as? String ?? ""] == true)

        let again = try await calltask(["plan", "--detailed-exitcode", "specs/"], in: workspace, simulator: simulator)
        #expect(again.status == 0, "the second plan is empty: \(again)")
        #expect(again.stdout.contains("Plan: 0 to update, 1 unchanged"), "\(again)")
    }

    @Test("a create spec without enable: true is left paused, and that is not 'left paused' (exit 0)")
    func createLeftPausedByChoice() async throws {
        let simulator = try SimulatorProcess()
        defer { simulator.stop() }
        let workspace = try Self.workspace(creates: ["quiet-campaign"], enable: false)
        let apply = try await calltask(["apply", "--auto-approve", "specs/"], in: workspace, simulator: simulator)
        #expect(apply.status == 0, "\(apply)")
        let created = try #require(try await Self.tasks(named: "quiet-campaign", in: simulator).first)
        #expect(try await simulator.enableStates()[created["uuid"] as? String ?? ""] == false)
        #expect(try await simulator.log().of("resume").isEmpty)
    }

    @Test("a create spec missing a required field or task_type: a located error, exit 1, nothing sent")
    func missingRequiredField() async throws {
        let simulator = try SimulatorProcess()
        defer { simulator.stop() }
        let workspace = try Workspace()
        try workspace.write("specs/new.yaml", Self.spec("half-campaign").replacingOccurrences(of: "task_type: v2\n", with: "")
            .replacingOccurrences(of: "dial_time_id: 5\n", with: ""))
        for command in [["plan", "specs/"], ["apply", "--auto-approve", "specs/"]] {
            let result = try await calltask(command, in: workspace, simulator: simulator)
            #expect(result.status == 1, "\(result)")
            #expect(result.stderr.contains("specs/new.yaml:1:1: error: task_type: required to create a task"), "\(result)")
            #expect(result.stderr.contains("dial_time_id: required to create a task"), "\(result)")
        }
        #expect(try await simulator.log().allSatisfy { $0.method == "GET" }, "a write was sent")
    }

    @Test("50 creates through commit-then-fail answers, dropped connections and delayed visibility: exactly 50 tasks, none twice, none orphaned")
    func fiftyCreatesUnderFaults() async throws {
        let simulator = try SimulatorProcess([
            "--create-commit-then-fail-rate", "0.2", "--create-commit-then-drop-rate", "0.2", "--create-fail-rate", "0.1",
            "--create-hidden-seconds", "0.6", "--fault-seed", "19",
        ])
        defer { simulator.stop() }
        let names = (0..<50).map { String(format: "bulk-%02d", $0) }
        let workspace = try Self.workspace(creates: names, enable: false)
        var status: Int32 = -1
        // A create left unresolved (a lookup that failed) is finished by recover; at most a few rounds.
        for _ in 0..<3 {
            let apply = try await calltask(["apply", "--auto-approve", "--create-visibility-delay", "1", "--parallelism", "8", "specs/"],
                                           in: workspace, simulator: simulator, timeout: 300)
            status = apply.status
            if status == 0 { break }
            let recover = try await calltask(["recover", "--create-visibility-delay", "1"], in: workspace, simulator: simulator)
            #expect(recover.status == 0, "\(recover)")
        }
        #expect(status == 0)
        let all = try JSONSerialization.jsonObject(with: try await simulator.get("/_sim/tasks")) as? [[String: Any]] ?? []
        let bulk = all.compactMap { $0["name"] as? String }.filter { $0.hasPrefix("bulk-") }
        #expect(bulk.count == 50, "\(bulk.count) bulk tasks")
        #expect(Set(bulk).count == 50, "a name was created twice")
        let log = try await simulator.log()
        #expect(log.of("create").count > 50, "the faults were exercised: \(log.of("create").count) creates")
        let plan = try await calltask(["plan", "--detailed-exitcode", "specs/"], in: workspace, simulator: simulator)
        #expect(plan.status == 0, "every task in its spec's state: \(plan)")
        #expect(!plan.stdout.contains("interrupted create"), "no orphan: \(plan)")
    }

    /// A step calltask is killed at: the call held, and whether before or after it commits.
    struct KillPoint: Sendable, CustomStringConvertible {
        var label: String
        var call: String
        var when: String
        var description: String { label }
    }

    @Test("SIGKILL at each step of a create, then recover and apply: one task, in the spec's state", arguments: [
        KillPoint(label: "after the journal entry (create held before it commits)", call: "create", when: "before"),
        KillPoint(label: "after the POST (create committed, its answer held)", call: "create", when: "after"),
        KillPoint(label: "after the lookup (the new task's first read held)", call: "detail", when: "before"),
        KillPoint(label: "after the PUT (update committed, its answer held)", call: "update", when: "after"),
    ])
    func killAtEachStep(point: KillPoint) async throws {
        let simulator = try SimulatorProcess(["--strict-put"])
        defer { simulator.stop() }
        let workspace = try Self.workspace(creates: ["killed-campaign"])
        try await Self.post(simulator, "/_sim/hold", ["call": point.call, "when": point.when])
        let child = try startCalltask(["apply", "--auto-approve", "--create-visibility-delay", "0.5", "specs/"],
                                      in: workspace, simulator: simulator)
        let held = try JSONSerialization.jsonObject(with: try await simulator.get("/_sim/hold/wait?timeout=60")) as? [String: Any]
        #expect(held?["held"] as? Bool == true, "calltask never reached \(point)")
        child.signal(SIGKILL)
        let killed = await child.wait()
        #expect(killed.signaled, "\(killed)")
        try await Self.post(simulator, "/_sim/release", [:])

        let recover = try await calltask(["recover", "--create-visibility-delay", "0.5"], in: workspace, simulator: simulator)
        #expect(recover.status == 0, "\(point): \(recover)")
        let afterRecover = try await Self.tasks(named: "killed-campaign", in: simulator)
        #expect(afterRecover.count <= 1, "\(point): recover made a task")
        if let uuid = afterRecover.first?["uuid"] as? String {
            #expect(try await simulator.enableStates()[uuid] == false, "\(point): recover leaves the new task paused")
        }

        let apply = try await calltask(["apply", "--auto-approve", "--create-visibility-delay", "0.5", "specs/"],
                                       in: workspace, simulator: simulator)
        #expect(apply.status == 0, "\(point): \(apply)")
        let tasks = try await Self.tasks(named: "killed-campaign", in: simulator)
        #expect(tasks.count == 1, "\(point): \(tasks.count) tasks")
        let plan = try await calltask(["plan", "--detailed-exitcode", "specs/"], in: workspace, simulator: simulator)
        #expect(plan.status == 0, "\(point): the task is in its spec's state: \(plan)")
        #expect(try await simulator.enableStates()[tasks.first?["uuid"] as? String ?? ""] == true)
    }

    @Test("a create killed after its POST whose spec is then deleted: plan and recover report it as an orphan, with its uuid")
    func orphan() async throws {
        let simulator = try SimulatorProcess()
        defer { simulator.stop() }
        let workspace = try Self.workspace(creates: ["orphan-campaign"])
        try await Self.post(simulator, "/_sim/hold", ["call": "create", "when": "after"])
        let child = try startCalltask(["apply", "--auto-approve", "specs/"], in: workspace, simulator: simulator)
        let held = try JSONSerialization.jsonObject(with: try await simulator.get("/_sim/hold/wait?timeout=60")) as? [String: Any]
        #expect(held?["held"] as? Bool == true)
        child.signal(SIGKILL)
        _ = await child.wait()
        try await Self.post(simulator, "/_sim/release", [:])
        try workspace.write("specs/new.yaml", Self.spec("replacement-campaign"))

        let plan = try await calltask(["plan", "specs/"], in: workspace, simulator: simulator)
        #expect(plan.stdout.contains("an interrupted create of 'orphan-campaign' (uuid not known yet) is unresolved (posting)"), "\(plan)")
        #expect(plan.stdout.contains("it is an orphan"), "\(plan)")
        let recover = try await calltask(["recover", "--create-visibility-delay", "0.5", "specs/"], in: workspace, simulator: simulator)
        #expect(recover.status == 0, "\(recover)")
        let uuid = try #require(try await Self.tasks(named: "orphan-campaign", in: simulator).first?["uuid"] as? String)
        #expect(recover.stderr.contains("orphan: orphan-campaign (\(uuid)): an interrupted create whose spec is gone"), "\(recover)")
        #expect(try await simulator.enableStates()[uuid] == false, "left paused")
    }

    @Test("a journal line that does not decode is an error: nothing is done")
    func undecodableJournalLine() async throws {
        let simulator = try SimulatorProcess()
        defer { simulator.stop() }
        let workspace = try Self.workspace(creates: ["journal-campaign"])
        try workspace.write(".calltask/journal.jsonl", "{\"not\": \"an entry\"}\n")
        let apply = try await calltask(["apply", "--auto-approve", "specs/"], in: workspace, simulator: simulator)
        #expect(apply.status == 1, "\(apply)")
        #expect(apply.stderr.contains("journal.jsonl:1 is not a journal entry"), "\(apply)")
        #expect(try await simulator.log().allSatisfy { $0.method == "GET" }, "a write was sent")
    }
}
