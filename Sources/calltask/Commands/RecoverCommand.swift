import ArgumentParser
import CalltaskClient
import CalltaskCore
import CalltaskEngine
import CalltaskYAML

/// `calltask recover`: finishes what an interrupted apply left: resumes tasks it paused.
struct RecoverCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recover",
        abstract: "Finish an interrupted apply from its journal: put every task it paused back in its intended run state.")

    @OptionGroup var account: AccountOptions

    @Option(help: "The apply journal (default .calltask/journal.jsonl).")
    var journal: String?

    @Flag(help: "Never colour the output (NO_COLOR is honoured too).")
    var noColor = false

    func run() async throws {
        let console = Console(noColor: noColor)
        let session = try CommandSupport.openSession(account.flags(journal: journal), console: console, machineOutput: false)
        let journalPath = journal ?? session.resolved.journal ?? ".calltask/journal.jsonl"
        let results = try await CommandSupport.run(console) {
            try await session.withClient(verbose: account.verbose) { client in
                await ApplyRunner(client: client, journal: Journal(path: journalPath), account: session.account.accountDescription,
                                  options: .init(), progress: { console.err("  " + $0) }).recover()
            }
        }
        let report = ApplyReport(account: session.account.accountDescription, tasks: [], recovered: results, interrupted: false)
        console.out(results.isEmpty ? "Nothing to recover." : "Recovered \(results.count) task(s); \(report.leftPaused.count) still paused.")
        try CommandFailure.check(report.verdict)
    }
}
