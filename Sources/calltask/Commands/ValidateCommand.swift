import ArgumentParser
import CalltaskCore
import CalltaskEngine
import Foundation

/// `calltask validate [PATH ...]`: checks specs without touching the network.
struct ValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check task specs (syntax, keys, types, rules) without touching the network.")

    @Argument(help: "Spec files or directories (default: the settings file's 'specs', else the current directory).")
    var paths: [String] = []

    @Option(help: "Output format: text or json.")
    var format: ReportFormat = .text

    @Option(name: .customLong("config"), help: "The settings file (default: calltask.yaml found by walking up); only its 'specs' is used.")
    var configFile: String?

    @Flag(help: "Never colour the output (NO_COLOR is honoured too).")
    var noColor = false

    func run() async throws {
        let console = Console(noColor: noColor)
        // Only the spec paths come from the settings; no account is needed and nothing is sent.
        let resolver = SettingsResolver(environment: ProcessInfo.processInfo.environment,
                                        workingDirectory: FileManager.default.currentDirectoryPath)
        let specPaths: [String]
        do {
            specPaths = try resolver.resolve(SettingsFlags(configFile: configFile, specs: paths), needsAccount: false).specs
        } catch {
            throw CommandFailure.error("\(error)")
        }
        let set = SpecSet.load(specPaths.isEmpty ? ["."] : specPaths)
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let data = try encoder.encode(DiagnosticReport(diagnostics: set.diagnostics, tasks: set.specs.count))
            console.out(String(decoding: data, as: UTF8.self))
        case .text:
            if !set.diagnostics.isEmpty {
                console.err(DiagnosticRenderer.text(set.diagnostics, sources: set.sources, style: console.style))
            }
            if set.hasErrors {
                console.err(DiagnosticRenderer.summary(set.diagnostics) + "; nothing was sent to the API.")
            } else {
                console.out("ok: \(set.specs.count) task spec\(set.specs.count == 1 ? "" : "s") valid"
                            + (set.diagnostics.isEmpty ? "" : " (" + DiagnosticRenderer.summary(set.diagnostics).dropFirst(10) + ")"))
            }
        }
        if set.hasErrors { throw CommandFailure.reported }
    }
}
