import ArgumentParser
import CalltaskClient
import CalltaskCore
import CalltaskEngine
import CalltaskYAML
import Foundation

/// `calltask apply`: pauses, updates and restores each changed task, with a journal.
struct ApplyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "Change the platform to match the specs: pause → update → restore each changed task.",
        discussion: "Exit codes: 0 done, 1 a task failed or the run was refused or interrupted, 3 a task was left paused.")

    @Argument(help: "Spec files or directories (default: the settings file's 'specs', else the current directory).")
    var paths: [String] = []

    @OptionGroup var account: AccountOptions
    @OptionGroup var scope: ScopeOptions

    @Option(help: "Apply this saved plan (from 'calltask plan --out FILE') instead of planning afresh.")
    var plan: String?

    @Flag(help: "Do not ask for confirmation (required when not on a terminal).")
    var autoApprove = false

    @Option(help: "Tasks applied at once (default 4).")
    var parallelism: Int?

    @Option(help: "Refuse to apply when more than N tasks would change (a guard against a mistaken bulk edit).")
    var maxChanges: Int?

    @Flag(help: "Leave paused tasks paused after updating them.")
    var noRestore = false

    @Option(help: "The apply journal (default .calltask/journal.jsonl).")
    var journal: String?

    @Option(help: "Apply only what this reviewed plan shows: its JSON (plan --format json) or its Markdown pull-request comment. Tasks whose spec changed since (or that it does not list) are refused, exit 1.")
    var reviewed: String?

    @Option(help: "Seconds a new task may take to appear in the task list after its create; a create whose outcome is unknown is sent again only after two lookups find nothing, the second this long after it (default 10).")
    var createVisibilityDelay: Double?

    @Option(name: .customLong("resume-deadline"), help: "Seconds to keep retrying the resume of a task this run paused, on connection errors, 5xx and 429 (default 120; 5 after Ctrl-C).")
    var resumeDeadline: Double?

    @Option(help: "Output format for the result report: text or json.")
    var format: ReportFormat = .text

    @Flag(help: "Never colour the output (NO_COLOR is honoured too).")
    var noColor = false

    func run() async throws {
        let console = Console(noColor: noColor)
        let session = try CommandSupport.openSession(account.flags(specs: paths, parallelism: parallelism, journal: journal), console: console, machineOutput: format == .json)
        let saved = try plan.map { try Self.readPlan($0, console: console) }
        let reviewedDigests = try reviewed.map { try Self.readReviewed($0, console: console) }
        var resumeRetry = ResumeRetry()
        if let resumeDeadline { resumeRetry.deadline = .milliseconds(Int64(resumeDeadline * 1000)) }
        // With --plan and no paths, exactly the files the plan was made from.
        let specPaths = saved.map { paths.isEmpty ? $0.specFiles.map(\.path) : session.resolved.specs } ?? session.resolved.specs
        let specs = try CommandSupport.loadSpecs(specPaths, console: console)
        let control = RunControl()
        let signals = SignalTrap(control: control, console: console)
        let journalPath = journal ?? session.resolved.journal ?? ".calltask/journal.jsonl"
        let width = session.resolved.parallelism
        let progress: @Sendable (String) -> Void = { line in console.err("  " + line) }
        let restore = !noRestore
        let visibility = Duration.milliseconds(Int64((createVisibilityDelay ?? 10) * 1000))
        let report: ApplyReport = try await CommandSupport.run(console) {
            try await session.withClient(verbose: account.verbose) { client in
                let runner = ApplyRunner(
                    client: client, journal: Journal(path: journalPath), account: session.account.accountDescription,
                    options: .init(parallelism: width, machine: .init(restore: restore), resumeRetry: resumeRetry,
                                   createVisibilityDelay: visibility),
                    control: control, progress: progress)
                let recovered = try await runner.recover()
                let planner = PlanRunner(client: client, account: session.account.accountDescription, parallelism: session.tuning.pageParallelism)
                let options = scope.plannerOptions
                let (fresh, diagnostics) = try await planner.plan(specs, options: options)
                if !diagnostics.isEmpty {
                    console.err(DiagnosticRenderer.text(diagnostics, sources: specs.sources, style: console.style))
                    if diagnostics.contains(where: { $0.severity == .error }) { throw CommandFailure.reported }
                }
                let chosen = try saved.map { try Self.checkSaved($0, against: fresh, specs: specs, console: console) } ?? fresh
                // The plan goes to stdout for people; with --format json stdout carries only the report.
                let planText = PlanRenderer.text(chosen, style: console.style)
                if format == .json { console.err(planText) } else { console.out(planText) }
                if chosen.hasErrors {
                    throw CommandFailure.error("\(chosen.unmatched.count) spec(s) name a uuid no live task has: fix or remove it. Nothing was applied.")
                }
                let changing = chosen.toUpdate + chosen.toCreate
                if let reviewedDigests {
                    let unreviewed = changing.filter { !reviewedDigests.contains($0.digest) }
                    if !unreviewed.isEmpty {
                        console.err("calltask: \(unreviewed.count) task(s) to update or create are not in the reviewed plan \(reviewed ?? ""): "
                                    + unreviewed.map { InertText.line($0.name) + ($0.uuid.isEmpty ? "" : " (\(InertText.line($0.uuid)))") }.joined(separator: ", ")
                                    + ". They are refused; the reviewed ones are applied. Review a plan that shows them (a new pull request).")
                    }
                }
                if let maxChanges, changing.count > maxChanges {
                    throw CommandFailure.error("\(changing.count) tasks would change (\(chosen.toUpdate.count) updated, \(chosen.toCreate.count) created), "
                                               + "more than --max-changes \(maxChanges). Nothing was applied.")
                }
                guard chosen.hasChanges else {
                    if format == .text { console.out("No changes to apply.") }
                    return ApplyReport(account: session.account.accountDescription, tasks: [], recovered: recovered, interrupted: false)
                }
                try Self.confirm(autoApprove: autoApprove, plan: chosen, console: console)
                let results = await runner.apply(chosen, reviewed: reviewedDigests)
                return ApplyReport(account: session.account.accountDescription, planned: changing.count, tasks: results,
                                   recovered: recovered, interrupted: await control.isCancelled)
            }
        }
        signals.stop()
        Self.print(report, format: format, console: console, resumePath: session.account.resumePath)
        try CommandFailure.check(report.verdict)
    }

    static func readPlan(_ path: String, console: Console) throws -> Plan {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandFailure.error("cannot read the plan file \(path). Nothing was applied.")
        }
        do {
            return try Plan.decodeSaved(data)
        } catch .otherFormat(let found) {
            throw CommandFailure.error("\(path) has plan format \(found); this calltask reads format \(Plan.currentFormatVersion). "
                                       + "Nothing was applied; make the plan again with this calltask: calltask plan --out FILE")
        } catch .notAPlan(let detail) {
            throw CommandFailure.error("\(path) is not a calltask plan (\(detail)); make one with 'calltask plan --out FILE'")
        }
    }

    /// The digests of a reviewed plan (its JSON, or its Markdown comment).
    static func readReviewed(_ path: String, console: Console) throws -> Set<String> {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandFailure.error("cannot read the reviewed plan \(path). Nothing was applied.")
        }
        guard let digests = TaskDigest.reviewed(in: String(decoding: data, as: UTF8.self)) else {
            throw CommandFailure.error("\(path) is neither a calltask plan in JSON nor a Markdown plan comment with its "
                                       + "'\(TaskDigest.markdownMarker)' line. Nothing was applied; pass the reviewed plan (plan --format json or markdown).")
        }
        return digests
    }

    /// A saved plan is applied only if it is not stale (`SavedPlanCheck`).
    static func checkSaved(_ saved: Plan, against fresh: Plan, specs: SpecSet, console: Console) throws -> Plan {
        switch SavedPlanCheck.check(saved, fresh: fresh, specHash: specs.hash) {
        case .success(let plan):
            return plan
        case .failure(let refusal):
            throw CommandFailure.error("\(refusal)")
        }
    }

    static func confirm(autoApprove: Bool, plan: Plan, console: Console) throws {
        if autoApprove { return }
        guard isatty(STDIN_FILENO) == 1 else {
            throw CommandFailure.error("refusing to apply without confirmation: not on a terminal. Pass --auto-approve (e.g. in CI) to apply.")
        }
        console.out("Apply \(plan.toUpdate.count) update(s) and \(plan.toCreate.count) create(s) to \(plan.account)? Only 'yes' is accepted: ", terminator: "")
        guard readLine()?.trimmingCharacters(in: .whitespaces) == "yes" else {
            throw CommandFailure.error("apply cancelled. Nothing was changed.")
        }
    }

    static func print(_ report: ApplyReport, format: ReportFormat, console: Console, resumePath: String) {
        if format == .json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            if let data = try? encoder.encode(report) { console.out(String(decoding: data, as: UTF8.self)) }
            return
        }
        for task in report.notApplied + report.recovered.filter({ $0.result == .failed }) {
            let uuid = task.uuid.isEmpty ? "" : " (\(InertText.line(task.uuid)))"
            console.err("\(task.result.rawValue): \(InertText.line(task.name))\(uuid): \(InertText.line(task.detail ?? ""))")
        }
        if !report.leftPaused.isEmpty {
            console.err("Tasks left paused:")
            for task in report.leftPaused {
                console.err("  \(InertText.line(task.name)) (\(InertText.line(task.uuid))): \(InertText.line(task.detail ?? ""))")
            }
            for line in resumeHints(report.leftPaused, resumePath: resumePath) { console.err(line) }
        }
        console.out(report.summary)
    }

    /// What to run for tasks left paused: plain `calltask recover` after a transient failure; the
    /// resume path is questioned only when the platform refused the (inferred) resume call.
    static func resumeHints(_ tasks: [ApplyReport.TaskResult], resumePath: String) -> [String] {
        var hints: [String] = []
        if tasks.contains(where: { $0.resumeFailure == .refused }) {
            hints.append("The platform refused the resume call (\(resumePath)); the resume path is inferred, not documented (see README). "
                         + "Resume with: calltask recover --resume-path 'CORRECT_PATH', or in the web console.")
        }
        if tasks.contains(where: { $0.resumeFailure != .refused }) {
            hints.append("Resume them with: calltask recover (it retries the resume), or in the web console.")
        }
        return hints
    }
}
