import ArgumentParser
import CalltaskClient
import CalltaskCore
import CalltaskEngine
import Foundation

/// `calltask show NAME_OR_UUID…`: one task's live configuration as `export` would write it, with its run
/// state and counters (like `terraform state show`). Reads the platform, never writes to it.
struct ShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show live tasks: the spec export would write, the run state and the counters (reads only).",
        discussion: """
            Each NAME_OR_UUID is a task's uuid or its exact name. A name that matches nothing is an error \
            listing the closest names; a name several tasks share is an error listing their uuids. The run \
            state is in the docs' words: dialing (enable and call_status true), enabled but not dialing \
            (enable true, call_status false), paused (enable false).
            """)

    @Argument(help: "Task names or uuids.")
    var tasks: [String]

    @OptionGroup var account: AccountOptions

    @Option(help: "Output format: text or json.")
    var format: ReportFormat = .text

    @Flag(help: "Never colour the output (NO_COLOR is honoured too).")
    var noColor = false

    func run() async throws {
        let console = Console(noColor: noColor)
        let session = try CommandSupport.openSession(account.flags(), console: console, machineOutput: format == .json)
        let result = try await CommandSupport.run(console) {
            try await session.withClient(verbose: account.verbose) { client in
                try await ShowRunner(client: client, account: session.account.accountDescription,
                                     parallelism: session.tuning.pageParallelism).show(tasks)
            }
        }
        guard result.problems.isEmpty else {
            for problem in result.problems { console.err("calltask: error: \(problem)") }
            throw CommandFailure.reported
        }
        switch format {
        case .text: console.out(ShowRenderer.text(result.report, style: console.style), terminator: "")
        case .json: console.out(ShowRenderer.json(result.report))
        }
    }
}
