import Foundation
import Testing

// "The plan is the contract": apply keeps every promise the reviewed plan makes. Each test runs the built
// `calltask` against `calltask-sim --strict-put` and fails on the calltask before these fixes.

private let insurance = "7f3c2a10-5b1e-4c8a-9d2e-1a2b3c4d5e02"
private let spring = "7f3c2a10-5b1e-4c8a-9d2e-1a2b3c4d5e01"
private let legacy = "7f3c2a10-5b1e-4c8a-9d2e-1a2b3c4d5e03"
private let seedExample = "e5cb8746-411d-4d6d-a1fa-0fe030f00fad"
/// A spec of seed 000's own example task that changes its remark alone.
private let seedExampleSpec = """
    uuid: \(seedExample)
    name: 测试api接口创建-222
    remark: managed by calltask
    """

@Suite("the plan is the contract, built binaries against calltask-sim --strict-put", .serialized)
struct PlanContractTests {
    @Test("a paused task whose spec changes a field and sets enable: true is updated, then resumed")
    func promisedResumeIsMade() async throws {
        let simulator = try SimulatorProcess(["--strict-put"])
        defer { simulator.stop() }
        let workspace = try Workspace()
        #expect(try await simulator.enableStates()[insurance] == false, "the example task starts paused")
        try workspace.edit("examples/insurance-renewal.yaml", replacing: "maximumcall: 3 ", with: "enable: true\nmaximumcall: 3 ")
        try workspace.edit("examples/insurance-renewal.yaml", replacing: "redial_interval: 10", with: "redial_interval: 20")

        let plan = try await calltask(["plan", "--target", "insurance-renewal-2026", "examples/"], in: workspace, simulator: simulator)
        #expect(plan.stdout.contains("insurance-renewal-2026 (\(insurance)) — update (update → resume)"), "\(plan)")
        #expect(plan.stdout.contains("enable: false → true"), "\(plan)")

        let apply = try await calltask(["apply", "--auto-approve", "--target", "insurance-renewal-2026", "examples/"],
                                       in: workspace, simulator: simulator)
        #expect(apply.status == 0, "\(apply)")
        let log = try await simulator.log()
        #expect(log.filter { $0.taskId == insurance && $0.method == "PUT" }.map(\.kind) == ["update", "resume"], "\(log.map(\.kind))")
        #expect(try await simulator.enableStates()[insurance] == true, "the task was left paused")
        #expect(apply.stdout.contains("Apply: 1 of 1 planned updated, 0 failed"), "\(apply)")
        let again = try await calltask(["plan", "--detailed-exitcode", "--target", insurance, "examples/"], in: workspace, simulator: simulator)
        #expect(again.status == 0, "\(again)")
    }

    @Test("two specs that resolve to one live task (by uuid and by name) are a plan-time error naming both files")
    func twoSpecsOneTask() async throws {
        let simulator = try SimulatorProcess(["--strict-put"])
        defer { simulator.stop() }
        let workspace = try Workspace()
        try workspace.write("examples/zz-copy.yaml", """
            name: spring-sale-followup
            maximumcall: 3
            """)

        let validate = try await calltask(["validate", "examples/"], in: workspace, simulator: nil)
        #expect(validate.status == 0, "validate cannot know (no live tasks): \(validate)")
        for command in [["plan"], ["apply", "--auto-approve"]] {
            let outcome = try await calltask(command + ["examples/"], in: workspace, simulator: simulator)
            #expect(outcome.status == 1, "\(command): \(outcome)")
            #expect(outcome.stderr.contains("examples/zz-copy.yaml:1:7: error: name: this spec and the one at examples/spring-sale-followup.yaml:"),
                    "\(command): \(outcome)")
            #expect(outcome.stderr.contains("both resolve to the live task \(spring)"), "\(outcome)")
        }
        #expect(try await simulator.log().allSatisfy { $0.method == "GET" }, "a write was sent")
    }

    @Test("write-only redial codes: the plan says so, and --force-update writes them, also from a saved plan")
    func forceUpdateWritesWriteOnlyCodes() async throws {
        let simulator = try SimulatorProcess(["--strict-put"])
        defer { simulator.stop() }
        let workspace = try Workspace()
        // Make the example converge first, then add code 12 (user_blocked), which never reads back.
        let first = try await calltask(["apply", "--auto-approve", "examples/"], in: workspace, simulator: simulator)
        #expect(first.status == 0, "\(first)")
        try workspace.edit("examples/spring-sale-followup.yaml", replacing: "busy]", with: "busy, user_blocked]")

        let plan = try await calltask(["plan", "--detailed-exitcode", "examples/"], in: workspace, simulator: simulator)
        #expect(plan.status == 0, "no readable change: \(plan)")
        #expect(plan.stdout.contains("spring-sale-followup (\(spring)) sets redial codes 11 (blacklisted) / 12 (user_blocked)"), "\(plan)")
        #expect(plan.stdout.contains("--force-update \(spring)"), "\(plan)")

        let forced = try await calltask(["plan", "--force-update", "spring-sale-followup", "--out", "plan.json", "--detailed-exitcode", "examples/"],
                                        in: workspace, simulator: simulator)
        #expect(forced.status == 2, "\(forced)")
        #expect(forced.stdout.contains("~ spring-sale-followup (\(spring)) — forced update (pause → update → resume)"), "\(forced)")
        let saved = try #require(workspace.read("plan.json"))
        #expect(saved.contains("\"forced\" : true"), "the saved plan does not record the forced update")

        try await simulator.clearLog()
        let apply = try await calltask(["apply", "--plan", "plan.json", "--auto-approve", "examples/"], in: workspace, simulator: simulator)
        #expect(apply.status == 0, "\(apply)")
        let body = try JSONSerialization.jsonObject(with: try await simulator.get("/_sim/put/\(spring)")) as? [String: Any]
        let extras = body?["task_extras"] as? [String: Any]
        let statuses = (extras?["redial_conditions"] as? [String: Any])?["da_status"] as? [Int]
        #expect(statuses?.contains(12) == true, "code 12 was not sent: \(String(describing: statuses))")
    }

    @Test("--target, --exclude and --force-update that name no spec are errors listing the closest names")
    func selectorsThatMatchNothing() async throws {
        let simulator = try SimulatorProcess(["--strict-put"])
        defer { simulator.stop() }
        let workspace = try Workspace()
        let cases: [[String]] = [
            ["apply", "--auto-approve", "--target", "legacy-colections"],
            ["plan", "--exclude", "no-such-task"],
            ["plan", "--force-update", "spring-sale"],
        ]
        for arguments in cases {
            let outcome = try await calltask(arguments + ["examples/"], in: workspace, simulator: simulator)
            #expect(outcome.status == 1, "\(arguments): \(outcome)")
            #expect(outcome.stderr.contains("names no task spec"), "\(arguments): \(outcome)")
            #expect(outcome.stderr.contains("closest spec names: '"), "\(arguments): \(outcome)")
        }
        let typo = try await calltask(["plan", "--target", "legacy-colections", "examples/"], in: workspace, simulator: simulator)
        #expect(typo.stderr.contains("--target 'legacy-colections' names no task spec (by name or uuid); closest spec names: 'legacy-collections'"),
                "\(typo)")
        // A spec without uuid is still targeted by its live task's uuid.
        try workspace.edit("examples/legacy-collections.yaml", replacing: "uuid: \(legacy)\n", with: "")
        let byUUID = try await calltask(["plan", "--target", legacy, "examples/"], in: workspace, simulator: simulator)
        #expect(byUUID.status == 0 && byUUID.stdout.contains("Plan: 1 to update"), "\(byUUID)")
        #expect(try await simulator.log().allSatisfy { $0.method == "GET" }, "a write was sent")
    }

    @Test("a plan after a killed apply warns first, in every format, naming the tasks and 'calltask recover'")
    func planAfterKilledApplyWarns() async throws {
        let simulator = try SimulatorProcess(["--strict-put", "--latency-ms", "300"])
        defer { simulator.stop() }
        let workspace = try Workspace()
        let first = try startCalltask(["apply", "--auto-approve", "examples/"], in: workspace, simulator: simulator)
        let paused = try await eventually(within: 30) { try await !simulator.log().of("pause").isEmpty }
        #expect(paused, "no pause within 30 s")
        first.signal(SIGKILL)
        _ = await first.wait()

        let text = try await calltask(["plan", "examples/"], in: workspace, simulator: simulator)
        let body = text.stdout.split(separator: "\n").dropFirst().joined(separator: "\n")  // after the account line
        #expect(body.hasPrefix("warning: an earlier apply was interrupted and left 1 task(s) unfinished"), "\(text)")
        #expect(text.stdout.contains("legacy-collections (\(legacy)): should be running"), "\(text)")
        #expect(text.stdout.contains("Run 'calltask recover' first"), "\(text)")
        let markdown = try await calltask(["plan", "--format", "markdown", "examples/"], in: workspace, simulator: simulator)
        #expect(markdown.stdout.contains("> [!WARNING]\n> An earlier apply was interrupted"), "\(markdown)")
        #expect(markdown.stdout.contains("<code>calltask recover</code>"), "\(markdown)")
        #expect(markdown.stderr.contains("calltask recover"), "\(markdown)")
        let json = try await calltask(["plan", "--format", "json", "examples/"], in: workspace, simulator: simulator)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let unfinished = object?["unfinished_applies"] as? [[String: Any]]
        #expect(unfinished?.map { $0["uuid"] as? String } == [legacy], "\(json)")

        let recover = try await calltask(["recover"], in: workspace, simulator: simulator)
        #expect(recover.status == 0, "\(recover)")
        let after = try await calltask(["plan", "examples/"], in: workspace, simulator: simulator)
        #expect(!after.stdout.contains("interrupted"), "\(after)")
    }

    @Test("a remark holding newlines and bidi controls stays on its line in text and Markdown")
    func dataCannotForgePlanLines() async throws {
        let simulator = try SimulatorProcess(["--strict-put"])
        defer { simulator.stop() }
        let workspace = try Workspace()
        try workspace.edit("examples/spring-sale-followup.yaml", replacing: "name: spring-sale-followup",
                           with: "name: spring-sale-followup\nremark: \"ok\\n      + maximumcall: 99\\n```\\n# owned\\u202Eevil\"")
        let text = try await calltask(["plan", "examples/"], in: workspace, simulator: simulator)
        #expect(text.status == 0, "\(text)")
        let lines = text.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(!lines.contains { $0.hasPrefix("      + maximumcall") || $0.hasPrefix("# owned") }, "\(text)")
        #expect(text.stdout.contains(#"→ "ok\n      + maximumcall: 99\n```\n# owned\u{202E}evil""#), "\(text)")
        let markdown = try await calltask(["plan", "--format", "markdown", "examples/"], in: workspace, simulator: simulator)
        let fences = markdown.stdout.split(separator: "\n").filter { $0.hasPrefix("```") }
        #expect(fences.count % 2 == 0 && !markdown.stdout.contains("\n# owned"), "\(markdown)")
        #expect(!markdown.stdout.unicodeScalars.contains { $0.value == 0x202E }, "\(markdown)")
    }

    @Test("the update body leaves out unset ids (llm_intention_id, score_scheme_id 0), docs/fields.md A7")
    func unsetIdsAreLeftOut() async throws {
        let simulator = try SimulatorProcess(["--strict-put"])
        defer { simulator.stop() }
        let workspace = try Workspace()
        try workspace.write("examples/seed-example.yaml", seedExampleSpec)
        let apply = try await calltask(["apply", "--auto-approve", "--target", seedExample, "examples/"], in: workspace, simulator: simulator)
        #expect(apply.status == 0, "\(apply)")
        let body = try JSONSerialization.jsonObject(with: try await simulator.get("/_sim/put/\(seedExample)")) as? [String: Any]
        #expect(body?["remark"] as? String == "managed by calltask", "\(String(describing: body))")
        #expect(body?.keys.contains("llm_intention_id") == false, "\(String(describing: body))")
        #expect(body?.keys.contains("score_scheme_id") == false, "\(String(describing: body))")
    }

    @Test("apply --reviewed applies what the reviewed plan shows, refuses a spec changed after review (exit 1), and a rerun passes")
    func reviewedPlanOnly() async throws {
        let simulator = try SimulatorProcess(["--strict-put"])
        defer { simulator.stop() }
        let workspace = try Workspace()
        let markdown = try await calltask(["plan", "--format", "markdown", "examples/"], in: workspace, simulator: simulator)
        try workspace.write("reviewed.md", markdown.stdout)
        let json = try await calltask(["plan", "--format", "json", "examples/"], in: workspace, simulator: simulator)
        try workspace.write("reviewed.json", json.stdout)
        // After the review, someone changes one spec's value: that change was never reviewed.
        try workspace.edit("examples/spring-sale-followup.yaml", replacing: "redial_interval: 30", with: "redial_interval: 45")

        let apply = try await calltask(["apply", "--auto-approve", "--reviewed", "reviewed.md", "examples/"], in: workspace, simulator: simulator)
        #expect(apply.status == 1, "\(apply)")
        #expect(apply.stderr.contains("not in the reviewed plan reviewed.md: spring-sale-followup (\(spring))"), "\(apply)")
        #expect(apply.stdout.contains("Apply: 1 of 2 planned updated, 0 failed, 0 skipped, 0 not started, 1 refused, 0 left paused"), "\(apply)")
        let log = try await simulator.log()
        #expect(!log.contains { $0.taskId == spring && $0.method == "PUT" }, "the unreviewed task was touched: \(log.map(\.kind))")
        #expect(log.contains { $0.taskId == legacy && $0.kind == "update" }, "the reviewed task was not applied")

        // The spec goes back to what was reviewed: a rerun (a subset of the reviewed tasks) passes.
        try workspace.edit("examples/spring-sale-followup.yaml", replacing: "redial_interval: 45", with: "redial_interval: 30")
        let rerun = try await calltask(["apply", "--auto-approve", "--reviewed", "reviewed.json", "examples/"], in: workspace, simulator: simulator)
        #expect(rerun.status == 0, "\(rerun)")
        let plan = try await calltask(["plan", "--detailed-exitcode", "examples/"], in: workspace, simulator: simulator)
        #expect(plan.status == 0, "\(plan)")

        try workspace.write("not-a-plan.md", "LGTM")
        let bad = try await calltask(["apply", "--auto-approve", "--reviewed", "not-a-plan.md", "examples/"], in: workspace, simulator: simulator)
        #expect(bad.status == 1 && bad.stderr.contains("neither a calltask plan"), "\(bad)")
    }

    @Test("apply exits 1 when a planned task was not updated, 3 when one is left paused, and the summary adds up")
    func exitCodesCountPlannedTasks() async throws {
        // A resume refused (404) leaves the first task paused (3 wins); the other planned task is
        // not started, and the summary counts each once.
        let simulator = try SimulatorProcess(["--strict-put"])
        defer { simulator.stop() }
        let workspace = try Workspace()
        let apply = try await calltask(["apply", "--auto-approve", "--resume-path", "/agent-api/new/user/{user_id}/nope/{task_id}", "examples/"],
                                       in: workspace, simulator: simulator)
        #expect(apply.status == 3, "\(apply)")
        #expect(apply.stdout.contains("Apply: 0 of 2 planned updated, 0 failed, 0 skipped, 1 not started, 0 refused, 1 left paused, 1 unchanged."),
                "\(apply)")
        #expect(apply.stderr.contains("The platform refused the resume call"), "\(apply)")
        #expect(apply.stderr.contains("not-started: spring-sale-followup"), "\(apply)")
    }

    @Test("apply --plan refuses a plan file of an older format, saying to plan again, and sends no write")
    func olderPlanFormatRefused() async throws {
        let simulator = try SimulatorProcess(["--strict-put"])
        defer { simulator.stop() }
        let workspace = try Workspace()
        let plan = try await calltask(["plan", "--out", "plan.json", "examples/"], in: workspace, simulator: simulator)
        #expect(plan.status == 0, "\(plan)")
        let saved = try #require(workspace.read("plan.json"))
        try workspace.write("old.json", saved.replacingOccurrences(of: "\"format_version\" : 3", with: "\"format_version\" : 1"))
        let apply = try await calltask(["apply", "--plan", "old.json", "--auto-approve", "examples/"], in: workspace, simulator: simulator)
        #expect(apply.status == 1, "\(apply)")
        #expect(apply.stderr.contains("old.json has plan format 1; this calltask reads format 3. Nothing was applied"), "\(apply)")
        #expect(try await simulator.log().allSatisfy { $0.method == "GET" }, "a write was sent")
    }

    @Test("the platform changes a field the spec does not manage on update: apply fails the task naming it, exit 1, planned run state kept")
    func readBackDiffersFailsTheTask() async throws {
        let simulator = try SimulatorProcess(["--strict-put", "--alter-on-update", "remark"])
        defer { simulator.stop() }
        let workspace = try Workspace()
        let apply = try await calltask(["apply", "--auto-approve", "--target", "spring-sale-followup", "examples/"], in: workspace, simulator: simulator)
        #expect(apply.status == 1, "\(apply)")
        #expect(apply.stderr.contains("failed: spring-sale-followup (\(spring)): updated, read-back differs: remark: predicted"), "\(apply)")
        #expect(apply.stderr.contains("remark: predicted (not set), read \"changed by the platform\""), "\(apply)")
        #expect(apply.stdout.contains("Apply: 0 of 1 planned updated, 1 failed"), "\(apply)")
        #expect(try await simulator.enableStates()[spring] == true, "the task was running and is planned to run: it must run")
        let journal = workspace.read(".calltask/journal.jsonl") ?? ""
        #expect(journal.contains("\"state\":\"done\""), "the journal entry was not closed: \(journal)")
        let log = try await simulator.log()
        #expect(log.filter { $0.taskId == spring }.map(\.kind).suffix(6) == ["detail", "pause", "detail", "update", "detail", "resume"],
                "\(log.map(\.kind))")
    }

    @Test("a remark change on seed 000's example task shows the local copy's work_hour replaced by the dialer's, as a side effect and a warning, in every format")
    func sideEffectsAreShown() async throws {
        let simulator = try SimulatorProcess(["--strict-put"])
        defer { simulator.stop() }
        let workspace = try Workspace()
        try workspace.write("examples/seed-example.yaml", seedExampleSpec)
        let text = try await calltask(["plan", "--target", seedExample, "examples/"], in: workspace, simulator: simulator)
        #expect(text.status == 0, "\(text)")
        #expect(text.stdout.contains("side effect: task_extras.work_hour (local copy): ["), "\(text)")
        #expect(text.stdout.contains("the local copy (task_extras) made equal to the dialer's (new_task_extra)"), "\(text)")
        #expect(text.stdout.contains("warning: side effect task_extras.work_hour (local copy)"), "\(text)")
        let markdown = try await calltask(["plan", "--format", "markdown", "--target", seedExample, "examples/"], in: workspace, simulator: simulator)
        #expect(markdown.stdout.contains("Side effects of the full update body (not in the spec):"), "\(markdown)")
        let json = try await calltask(["plan", "--format", "json", "--target", seedExample, "examples/"], in: workspace, simulator: simulator)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let task = (object?["tasks"] as? [[String: Any]])?.first
        let effects = task?["side_effects"] as? [[String: Any]] ?? []
        #expect(effects.contains { ($0["path"] as? String) == "task_extras.work_hour (local copy)" && ($0["loses_information"] as? Bool) == true },
                "\(json.stdout)")
    }
}

