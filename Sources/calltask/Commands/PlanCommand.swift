import ArgumentParser
import CalltaskClient
import CalltaskCore
import CalltaskEngine
import CalltaskYAML
import Foundation

/// `calltask plan`: shows what apply would change. Never writes to the platform.
struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Show what apply would change (reads the platform, never writes).")

    @Argument(help: "Spec files or directories (default: the settings file's 'specs', else the current directory).")
    var paths: [String] = []

    @OptionGroup var account: AccountOptions
    @OptionGroup var scope: ScopeOptions

    @Option(help: "Output format: text, json or markdown.")
    var format: OutputFormat = .text

    @Option(help: "Save the plan to FILE, for 'calltask apply --plan FILE'.")
    var out: String?

    @Flag(help: "Exit 0 when there are no changes, 2 when there are, 1 on error.")
    var detailedExitcode = false

    @Option(help: "The apply journal, read to warn about an interrupted apply (default .calltask/journal.jsonl).")
    var journal: String?

    @Flag(help: "List the live tasks no spec names.")
    var showUnmanaged = false

    @Flag(help: "Never colour the output (NO_COLOR is honoured too).")
    var noColor = false

    func run() async throws {
        let console = Console(noColor: noColor)
        let session = try CommandSupport.openSession(account.flags(specs: paths, journal: journal), console: console, machineOutput: format != .text)
        let specs = try CommandSupport.loadSpecs(session.resolved.specs, console: console)
        let options = scope.plannerOptions
        let journalPath = journal ?? session.resolved.journal ?? ".calltask/journal.jsonl"
        let entries: [JournalEntry]
        do {
            entries = try await Journal(path: journalPath).unfinished().filter { $0.account == session.account.accountDescription }
        } catch {
            throw CommandFailure.error("\(error)")
        }
        let unfinished = entries.filter { !$0.isCreate }.map { UnfinishedApply(uuid: $0.uuid, name: $0.name, intendedEnable: $0.intendedEnable) }
        let specNames = Set(specs.specs.compactMap(\.spec.config.name))
        let createNotes = entries.filter(\.isCreate).map { entry in
            "an interrupted create of '\(entry.name)' (" + (entry.uuid.isEmpty ? "uuid not known yet" : "task \(entry.uuid)")
                + ") is unresolved (\(entry.state.rawValue)): run 'calltask recover'"
                + (specNames.contains(entry.name) ? "" : "; no spec names it any more: it is an orphan (recover resolves it and "
                    + "leaves it paused; then delete it in the web console or write a spec for it)")
        }
        var (plan, diagnostics) = try await CommandSupport.run(console) {
            try await session.withClient(verbose: account.verbose) { client in
                try await PlanRunner(client: client, account: session.account.accountDescription, parallelism: session.tuning.pageParallelism)
                    .plan(specs, options: options)
            }
        }
        plan.unfinishedApplies = unfinished
        plan.notes = createNotes + plan.notes
        if !diagnostics.isEmpty {
            console.err(DiagnosticRenderer.text(diagnostics, sources: specs.sources, style: console.style))
            if diagnostics.contains(where: { $0.severity == .error }) { throw CommandFailure.reported }
        }
        if !unfinished.isEmpty, format != .text {
            // Machine formats go to stdout; the warning reaches a person on stderr too.
            console.err(PlanRenderer.unfinishedWarning(plan, style: console.style))
        }
        switch format {
        case .text: console.out(PlanRenderer.text(plan, style: console.style, showUnmanaged: showUnmanaged))
        case .json: console.out(PlanRenderer.json(plan))
        case .markdown: console.out(PlanRenderer.markdown(plan))
        }
        if let out {
            try CommandSupport.write(PlanRenderer.json(plan), to: out, console: console)
        }
        if plan.hasErrors {
            throw CommandFailure.error("\(plan.unmatched.count) spec(s) name a uuid no live task has: fix or remove it.")
        }
        if detailedExitcode, plan.hasChanges { throw CommandFailure.changesPresent }
    }
}
