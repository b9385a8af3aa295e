import ArgumentParser
import CalltaskClient
import CalltaskCore
import CalltaskEngine
import CalltaskYAML

/// `calltask recover`: finishes what an interrupted apply left: resumes tasks it paused.
struct RecoverCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recover",
        abstract: "Finish an interrupted apply from its journal: put every task it paused back in its intended run state, and resolve every interrupted create to its task (left paused) or to 'never created'.")

    @Argument(help: "Spec files or directories (optional): with them, an interrupted create whose spec is gone is reported as an orphan, with its uuid.")
    var paths: [String] = []

    @OptionGroup var account: AccountOptions

    @Option(help: "The apply journal (default .calltask/journal.jsonl).")
    var journal: String?

    @Option(name: .customLong("clear-create"), help: "Clear the blocking create entry of this task name (created but never found, or several tasks of the name), after looking at the tasks in the web console. Repeatable.")
    var clearCreates: [String] = []

    @Option(help: "Seconds a new task may take to appear in the task list after its create (default 10): an interrupted create is called never created only after two lookups this far apart find nothing.")
    var createVisibilityDelay: Double?

    @Flag(help: "Never colour the output (NO_COLOR is honoured too).")
    var noColor = false

    func run() async throws {
        let console = Console(noColor: noColor)
        let session = try CommandSupport.openSession(account.flags(journal: journal), console: console, machineOutput: false)
        let journalPath = journal ?? session.resolved.journal ?? ".calltask/journal.jsonl"
        let visibility = Duration.milliseconds(Int64((createVisibilityDelay ?? 10) * 1000))
        let specNames = try paths.isEmpty ? nil : Set(CommandSupport.loadSpecs(paths, console: console).specs.compactMap(\.spec.config.name))
        let creates = try await CommandSupport.run(console) {
            try await Journal(path: journalPath).unfinished().filter { $0.isCreate && $0.account == session.account.accountDescription }.map(\.name)
        }
        let results = try await CommandSupport.run(console) {
            try await session.withClient(verbose: account.verbose) { client in
                try await ApplyRunner(client: client, journal: Journal(path: journalPath), account: session.account.accountDescription,
                                      options: .init(createVisibilityDelay: visibility), progress: { console.err("  " + $0) })
                    .recover(clearCreates: clearCreates)
            }
        }
        if let specNames {
            // After recover the journal holds each create's uuid, when it has one.
            let latest = (try? await Journal(path: journalPath).latest()) ?? []
            for name in creates where !specNames.contains(name) {
                let uuid = latest.last { $0.isCreate && $0.name == name }?.uuid ?? ""
                console.err("orphan: \(InertText.line(name))" + (uuid.isEmpty ? " (no task was found)" : " (\(InertText.line(uuid)))")
                            + ": an interrupted create whose spec is gone; " + (uuid.isEmpty ? "nothing to delete"
                                : "it is left paused: delete it in the web console, or write a spec for it"))
            }
        }
        let report = ApplyReport(account: session.account.accountDescription, tasks: [], recovered: results, interrupted: false)
        console.out(results.isEmpty ? "Nothing to recover." : "Recovered \(results.count) task(s); \(report.leftPaused.count) still paused.")
        try CommandFailure.check(report.verdict)
    }
}
