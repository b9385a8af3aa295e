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
    var format: OutputFormat = .text

    @Flag(help: "Never colour the output (NO_COLOR is honoured too).")
    var noColor = false

    func run() async throws {
        let console = Console(noColor: noColor)
        let set = SpecSet.load(paths.isEmpty ? ["."] : paths)
        switch format {
        case .json, .markdown:
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
        if set.hasErrors { throw ExitCode.failure }
    }
}
