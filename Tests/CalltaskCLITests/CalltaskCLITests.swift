import Foundation
import Testing

// End-to-end tests of the built `calltask` executable against the built `calltask-sim`, one simulator
// per test, each run in its own scratch working directory (so the journal lands there). Serialized:
// the signal tests time things, and the machine is small.

private let springSale = "7f3c2a10-5b1e-4c8a-9d2e-1a2b3c4d5e01"
private let legacyCollections = "7f3c2a10-5b1e-4c8a-9d2e-1a2b3c4d5e03"
private let brokenResumePath = "/agent-api/new/user/{user_id}/nope/{task_id}"

@Suite("calltask end to end, built binaries against calltask-sim", .serialized)
struct CalltaskCLITests {
    // MARK: - plan

    @Test("plan examples/ names the account first and shows the two drifted tasks")
    func planShowsDrift() async throws {
        let simulator = try SimulatorProcess()
        defer { simulator.stop() }
        let workspace = try Workspace()

        let plan = try await calltask(["plan", "examples/"], in: workspace, simulator: simulator)
        #expect(plan.status == 0, "\(plan)")
        #expect(plan.stdout.hasPrefix("calltask: account: \(simulator.hostPort) user_id=\(SimulatorProcess.userID)"), "\(plan)")
        #expect(plan.stdout.contains("~ legacy-collections"), "\(plan)")
        #expect(plan.stdout.contains("maximumcall: 4 → 2"), "\(plan)")
        #expect(plan.stdout.contains("~ spring-sale-followup"), "\(plan)")
        #expect(plan.stdout.contains("task_extras.redial_interval: 15 → 30"), "\(plan)")
        #expect(plan.stdout.contains("Plan: 2 to update, 1 unchanged, 4 unmanaged."), "\(plan)")

        let detailed = try await calltask(["plan", "--detailed-exitcode", "examples/"], in: workspace, simulator: simulator)
        #expect(detailed.status == 2, "\(detailed)")

        // plan never writes.
        let log = try await simulator.log()
        #expect(log.allSatisfy { $0.method == "GET" }, "plan sent a write: \(log.map(\.path))")
        #expect(!FileManager.default.fileExists(atPath: workspace.path(".calltask/journal.jsonl").path))
    }

    @Test("plan --format json is valid JSON with format_version 3 and the changes")
    func planJSON() async throws {
        let simulator = try SimulatorProcess()
        defer { simulator.stop() }
        let workspace = try Workspace()

        let result = try await calltask(["plan", "--format", "json", "examples/"], in: workspace, simulator: simulator)
        #expect(result.status == 0, "\(result)")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let plan = try #require(object, "stdout is not a JSON object: \(result)")
        #expect(plan["format_version"] as? Int == 3)
        // The account line goes to stderr, so stdout stays machine-readable.
        #expect(result.stderr.contains("calltask: account: \(simulator.hostPort)"), "\(result)")
        let tasks = try #require(plan["tasks"] as? [[String: Any]])
        let legacy = try #require(tasks.first { $0["name"] as? String == "legacy-collections" })
        #expect(legacy["action"] as? String == "update")
        let changes = try #require(legacy["changes"] as? [[String: Any]])
        #expect(changes.contains { $0["path"] as? String == "maximumcall" && $0["old"] as? Int == 4 && $0["new"] as? Int == 2 },
                "\(changes)")
        let spring = try #require(tasks.first { $0["name"] as? String == "spring-sale-followup" })
        let springChanges = try #require(spring["changes"] as? [[String: Any]])
        #expect(springChanges.contains { $0["path"] as? String == "task_extras.redial_interval" }, "\(springChanges)")
        #expect(tasks.filter { $0["action"] as? String == "update" }.count == 2)
    }

    @Test("plan --format markdown contains the summary table and a section per changed task")
    func planMarkdown() async throws {
        let simulator = try SimulatorProcess()
        defer { simulator.stop() }
        let workspace = try Workspace()

        let result = try await calltask(["plan", "--format", "markdown", "examples/"], in: workspace, simulator: simulator)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("**Plan:** 0 to create · 2 to update · 1 unchanged · 4 unmanaged"), "\(result)")
        #expect(result.stdout.contains("| ~ | <code>legacy-collections</code> | update |"), "\(result)")
        #expect(result.stdout.contains("<details><summary><code>legacy-collections</code>"), "\(result)")
        #expect(result.stdout.contains("<details><summary><code>spring-sale-followup</code>"), "\(result)")
    }

    // MARK: - apply

    @Test("apply without --auto-approve and without a terminal refuses and sends no write")
    func applyRefusesWithoutTerminal() async throws {
        let simulator = try SimulatorProcess()
        defer { simulator.stop() }
        let workspace = try Workspace()

        let result = try await calltask(["apply", "examples/"], in: workspace, simulator: simulator)
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("--auto-approve"), "\(result)")
        let log = try await simulator.log()
        #expect(log.of("pause").isEmpty && log.of("update").isEmpty && log.of("resume").isEmpty, "\(log.map(\.kind))")
        #expect(try await simulator.enableStates()[legacyCollections] == true)
    }

    @Test("second plan after a successful apply is empty, and the running tasks run again")
    func applyThenPlanIsEmpty() async throws {
        let simulator = try SimulatorProcess()
        defer { simulator.stop() }
        let workspace = try Workspace()
        let before = try await simulator.enableStates()

        let apply = try await calltask(["apply", "--auto-approve", "examples/"], in: workspace, simulator: simulator)
        #expect(apply.status == 0, "\(apply)")
        #expect(apply.stdout.hasPrefix("calltask: account: \(simulator.hostPort)"), "\(apply)")

        let plan = try await calltask(["plan", "--detailed-exitcode", "examples/"], in: workspace, simulator: simulator)
        #expect(plan.status == 0, "\(plan)")
        #expect(try await simulator.enableStates() == before)
        let log = try await simulator.log()
        #expect(log.of("pause").count == 2 && log.of("update").count == 2 && log.of("resume").count == 2, "\(log.map(\.kind))")
    }

    @Test("plan --out FILE then apply --plan FILE --auto-approve applies the saved plan")
    func savedPlanApplies() async throws {
        let simulator = try SimulatorProcess()
        defer { simulator.stop() }
        let workspace = try Workspace()

        let plan = try await calltask(["plan", "--out", "plan.json", "examples/"], in: workspace, simulator: simulator)
        #expect(plan.status == 0, "\(plan)")
        let saved = try #require(workspace.read("plan.json"), "no plan file")
        let object = try JSONSerialization.jsonObject(with: Data(saved.utf8)) as? [String: Any]
        #expect(object?["format_version"] as? Int == 3)

        let apply = try await calltask(["apply", "--plan", "plan.json", "--auto-approve", "examples/"], in: workspace, simulator: simulator)
        #expect(apply.status == 0, "\(apply)")
        let after = try await calltask(["plan", "--detailed-exitcode", "examples/"], in: workspace, simulator: simulator)
        #expect(after.status == 0, "\(after)")
    }

    @Test("a saved plan is refused when a spec file changed after planning, and nothing is applied")
    func savedPlanRefusedWhenSpecsChanged() async throws {
        let simulator = try SimulatorProcess()
        defer { simulator.stop() }
        let workspace = try Workspace()

        let plan = try await calltask(["plan", "--out", "plan.json", "examples/"], in: workspace, simulator: simulator)
        #expect(plan.status == 0, "\(plan)")
        try workspace.edit("examples/spring-sale-followup.yaml", replacing: "redial_interval: 30", with: "redial_interval: 45")
        try await simulator.clearLog()

        let apply = try await calltask(["apply", "--plan", "plan.json", "--auto-approve", "examples/"], in: workspace, simulator: simulator)
        #expect(apply.status == 1, "\(apply)")
        #expect(apply.stderr.lowercased().contains("spec"), "the refusal should say the specs changed: \(apply)")
        let log = try await simulator.log()
        #expect(log.allSatisfy { $0.method == "GET" }, "a refused plan sent a write: \(log.map(\.kind))")
    }

    @Test("a saved plan is refused when a task it changes was changed behind its back, and nothing is applied")
    func savedPlanRefusedWhenTaskChanged() async throws {
        let simulator = try SimulatorProcess()
        defer { simulator.stop() }
        let workspace = try Workspace()
        try workspace.copyExamples(to: "other")
        try workspace.edit("other/spring-sale-followup.yaml", replacing: "redial_interval: 30", with: "redial_interval: 45")

        let plan = try await calltask(["plan", "--out", "plan.json", "examples/"], in: workspace, simulator: simulator)
        #expect(plan.status == 0, "\(plan)")
        // Someone else changes spring-sale-followup (here: another apply of a different spec directory).
        let other = try await calltask(["apply", "--auto-approve", "--target", "spring-sale-followup", "other/"],
                                       in: workspace, simulator: simulator)
        #expect(other.status == 0, "\(other)")
        try await simulator.clearLog()

        let apply = try await calltask(["apply", "--plan", "plan.json", "--auto-approve", "examples/"], in: workspace, simulator: simulator)
        #expect(apply.status == 1, "\(apply)")
        let log = try await simulator.log()
        #expect(log.allSatisfy { $0.method == "GET" }, "a stale plan sent a write: \(log.map(\.kind))")
        let spring = try #require(try await simulator.task(springSale))
        // The dialer's copy (`new_task_extra`) carries the redial settings.
        let extras = spring["new_task_extra"] as? [String: Any]
        #expect("\(extras?["redial_interval"] ?? "nil")" == "45", "the other change was overwritten: \(extras ?? [:])")
    }

    // MARK: - the inferred resume call

    @Test("a failed resume exits 3, names the task left paused, pauses no other; recover resumes it")
    func failedResumeThenRecover() async throws {
        let simulator = try SimulatorProcess()
        defer { simulator.stop() }
        let workspace = try Workspace()

        let apply = try await calltask(["apply", "--auto-approve", "--resume-path", brokenResumePath, "examples/"],
                                       in: workspace, simulator: simulator)
        #expect(apply.status == 3, "\(apply)")
        #expect(apply.stderr.contains("legacy-collections (\(legacyCollections))"), "\(apply)")
        #expect(apply.stderr.contains("calltask recover"), "\(apply)")
        let log = try await simulator.log()
        #expect(log.of("pause").count == 1, "\(log.map(\.kind))")
        #expect(log.of("pause").first?.taskId == legacyCollections, "concurrency going down goes first")
        var states = try await simulator.enableStates()
        #expect(states[legacyCollections] == false)
        #expect(states[springSale] == true, "a task was paused after a failed resume")

        let recover = try await calltask(["recover"], in: workspace, simulator: simulator)
        #expect(recover.status == 0, "\(recover)")
        states = try await simulator.enableStates()
        #expect(states[legacyCollections] == true, "recover did not resume the task: \(recover)")
        #expect(states[springSale] == true)
    }

    // MARK: - signals

    @Test("SIGKILL mid-apply, then a second apply converges and every running task runs again")
    func sigkillThenRerunConverges() async throws {
        let simulator = try SimulatorProcess(["--latency-ms", "300"])
        defer { simulator.stop() }
        let workspace = try Workspace()
        let before = try await simulator.enableStates()
        let running = before.filter(\.value).map(\.key)

        let first = try startCalltask(["apply", "--auto-approve", "examples/"], in: workspace, simulator: simulator)
        let paused = try await eventually(within: 30) { try await !simulator.log().of("pause").isEmpty }
        #expect(paused, "no pause within 30 s")
        first.signal(SIGKILL)
        let killed = await first.wait()
        #expect(killed.signaled && killed.status == SIGKILL, "\(killed)")
        #expect(workspace.read(".calltask/journal.jsonl")?.isEmpty == false, "the pause was not journalled first")

        let second = try await calltask(["apply", "--auto-approve", "examples/"], in: workspace, simulator: simulator)
        #expect(second.status == 0, "\(second)")
        let plan = try await calltask(["plan", "--detailed-exitcode", "examples/"], in: workspace, simulator: simulator)
        #expect(plan.status == 0, "\(plan)")
        let after = try await simulator.enableStates()
        for uuid in running {
            #expect(after[uuid] == true, "task \(uuid) was running before and is paused now")
        }
    }

    @Test("SIGTERM mid-apply exits non-zero soon, prints a summary, and leaves no running task paused")
    func sigtermRestores() async throws {
        let simulator = try SimulatorProcess(["--latency-ms", "300"])
        defer { simulator.stop() }
        let workspace = try Workspace()
        let running = try await simulator.enableStates().filter(\.value).map(\.key)

        let child = try startCalltask(["apply", "--auto-approve", "examples/"], in: workspace, simulator: simulator)
        let paused = try await eventually(within: 30) { try await !simulator.log().of("pause").isEmpty }
        #expect(paused, "no pause within 30 s")
        let signalled = Date()
        child.signal(SIGTERM)
        let outcome = await child.wait()
        let seconds = Date().timeIntervalSince(signalled)
        #expect(!outcome.signaled && outcome.status != 0, "\(outcome)")
        #expect(seconds < 5 + 0.3 * 6, "took \(seconds) s after SIGTERM")
        #expect(outcome.stdout.contains("Apply:"), "no summary: \(outcome)")
        #expect(outcome.stderr.contains("interrupted"), "\(outcome)")

        let after = try await simulator.enableStates()
        for uuid in running {
            #expect(after[uuid] == true, "task \(uuid) was running and is left paused")
        }
        let log = try await simulator.log()
        #expect(log.of("pause").count == 1, "a task was started after SIGTERM: \(log.map(\.kind))")
    }

    // MARK: - bad input

    @Test("an invalid spec fails plan with file:line:column and a hint, before any request")
    func invalidSpecSendsNothing() async throws {
        let simulator = try SimulatorProcess()
        defer { simulator.stop() }
        let workspace = try Workspace()
        try workspace.edit("examples/spring-sale-followup.yaml", replacing: "redial_interval: 30", with: "redial_intervl: 30")

        let plan = try await calltask(["plan", "examples/"], in: workspace, simulator: simulator)
        #expect(plan.status == 1, "\(plan)")
        #expect(plan.stderr.contains("examples/spring-sale-followup.yaml:"), "\(plan)")
        #expect(plan.stderr.range(of: #"spring-sale-followup\.yaml:\d+:\d+: error:"#, options: .regularExpression) != nil, "\(plan)")
        #expect(plan.stderr.contains("did you mean 'redial_interval'"), "\(plan)")
        #expect(try await simulator.log().isEmpty, "a request was sent for invalid specs")

        let apply = try await calltask(["apply", "--auto-approve", "examples/"], in: workspace, simulator: simulator)
        #expect(apply.status == 1, "\(apply)")
        #expect(try await simulator.log().isEmpty, "a request was sent for invalid specs")
    }

    @Test("validate exits 0 for good specs and 1 for bad ones, with no settings at all")
    func validateExitCodes() async throws {
        let workspace = try Workspace()
        let good = try await calltask(["validate", "examples/"], in: workspace, simulator: nil)
        #expect(good.status == 0, "\(good)")
        #expect(good.stdout.contains("ok: 3 task specs valid"), "\(good)")

        try workspace.edit("examples/legacy-collections.yaml", replacing: "name:", with: "nmae:")
        let bad = try await calltask(["validate", "examples/"], in: workspace, simulator: nil)
        #expect(bad.status == 1, "\(bad)")
        #expect(bad.stderr.contains("legacy-collections.yaml:"), "\(bad)")
    }

    @Test("validate and plan of a path with no spec files exit 1 naming it, before any request")
    func emptyPathFails() async throws {
        let simulator = try SimulatorProcess()
        defer { simulator.stop() }
        let workspace = try Workspace()
        try workspace.write("empty/README.md", "no specs here\n")
        for arguments in [["validate", "empty"], ["plan", "empty"], ["validate", "examples/", "empty"]] {
            let result = try await calltask(arguments, in: workspace, simulator: simulator)
            #expect(result.status == 1, "\(arguments): \(result)")
            #expect(result.stderr.contains("error: no spec files (*.yaml, *.yml) in empty"), "\(arguments): \(result)")
            #expect(!result.stdout.contains("ok:"), "\(arguments): \(result)")
        }
        let json = try await calltask(["validate", "--format", "json", "empty"], in: workspace, simulator: nil)
        #expect(json.status == 1, "\(json)")
        #expect(json.stdout.contains("\"valid\" : false"), "\(json)")
        #expect(try await simulator.log().isEmpty, "a request was sent for an empty path")
    }

    @Test("a usage error exits 64")
    func usageError() async throws {
        let workspace = try Workspace()
        let result = try await calltask(["plan", "--nope"], in: workspace, simulator: nil)
        #expect(result.status == 64, "\(result)")
        #expect(result.stderr.contains("--nope"), "\(result)")
    }

    @Test("missing settings exit 1, all named in one run with their flag, variable and settings-file key")
    func missingSettings() async throws {
        let workspace = try Workspace()
        let result = try await calltask(["plan", "examples/"], in: workspace, simulator: nil)
        #expect(result.status == 1, "\(result)")
        // All three at once, each with its flag, variable and calltask.yaml key.
        #expect(result.stderr.contains("missing settings: endpoint, user id and token"), "\(result)")
        for remedy in ["--endpoint", "CALLTASK_ENDPOINT", "'endpoint:'", "--user-id", "CALLTASK_USER_ID", "'user_id:'",
                       "--token-file", "CALLTASK_TOKEN", "'token_file:'"] {
            #expect(result.stderr.contains(remedy), "no \(remedy): \(result)")
        }

        let noToken = try await calltask(["plan", "examples/"], in: workspace, simulator: nil, extraEnvironment: [
            "CALLTASK_ENDPOINT": "http://127.0.0.1:9", "CALLTASK_USER_ID": SimulatorProcess.userID,
        ])
        #expect(noToken.status == 1, "\(noToken)")
        #expect(noToken.stderr.contains("CALLTASK_TOKEN"), "\(noToken)")
    }

    // MARK: - the token

    @Test("the token never appears in output, the plan file or the journal, even at -vv with failures",
          arguments: ["sim-token", "tok-SECRET-123"])
    func tokenNeverShown(token: String) async throws {
        let simulator = try SimulatorProcess([], token: token)
        defer { simulator.stop() }
        let workspace = try Workspace()
        var outputs: [(String, Outcome)] = []

        for verbosity in ["-v", "-vv"] {
            outputs.append(("plan \(verbosity)", try await calltask(["plan", verbosity, "--out", "plan\(verbosity).json", "examples/"],
                                                                     in: workspace, simulator: simulator)))
        }
        // Forced failures: a wrong resume path leaves a task paused (exit 3) and journalled.
        let failing = try await calltask(["apply", "-vv", "--auto-approve", "--resume-path", brokenResumePath, "examples/"],
                                         in: workspace, simulator: simulator)
        #expect(failing.status == 3, "\(failing)")
        outputs.append(("apply -vv (failing resume)", failing))
        let journal = workspace.read(".calltask/journal.jsonl") ?? ""
        #expect(!journal.isEmpty)
        #expect(!journal.contains(token), "the journal holds the token")
        outputs.append(("recover -vv (failing)", try await calltask(["recover", "-vv", "--resume-path", brokenResumePath],
                                                                    in: workspace, simulator: simulator)))
        outputs.append(("recover -v", try await calltask(["recover", "-v"], in: workspace, simulator: simulator)))
        // A wrong token: the platform refuses; the message must not echo what was sent.
        outputs.append(("plan -vv (wrong token)", try await calltask(["plan", "-vv", "examples/"], in: workspace, simulator: simulator,
                                                                     extraEnvironment: ["CALLTASK_TOKEN": token + "-wrong"])))
        outputs.append(("apply -v", try await calltask(["apply", "-v", "--auto-approve", "examples/"], in: workspace, simulator: simulator)))

        for (label, outcome) in outputs {
            #expect(!outcome.stdout.contains(token) && !outcome.stderr.contains(token), "\(label) printed the token: \(outcome)")
        }
        #expect(outputs.contains { $0.1.stderr.contains(" body: ") }, "-vv logged no request bodies at all")
        for name in ["plan-v.json", "plan-vv.json"] {
            let saved = try #require(workspace.read(name), "\(name) missing")
            #expect(!saved.contains(token), "\(name) holds the token")
        }
        #expect(!(workspace.read(".calltask/journal.jsonl") ?? "").contains(token), "the journal holds the token")
    }
}
