import ArgumentParser
import CalltaskClient

/// `calltask`: keeps an AI calling platform's call tasks as YAML in git and reconciles the platform to it.
@main
struct Calltask: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calltask",
        abstract: "Keep call tasks as YAML in git and reconcile the calling platform to them.",
        discussion: """
            Exit codes: 0 success (with --detailed-exitcode: no changes), 1 error (bad specs, failed calls, \
            failed tasks), 2 changes present (plan --detailed-exitcode), 3 tasks left paused (apply), \
            64 command-line usage error.
            """,
        version: calltaskVersion,
        subcommands: [ValidateCommand.self, PlanCommand.self, ApplyCommand.self, ExportCommand.self, ShowCommand.self, RecoverCommand.self]
    )
}
