import ArgumentParser
import CalltaskClient
import CalltaskCore
import CalltaskEngine
import Foundation

/// Steps shared by the commands: settings, specs, error reporting, files.
enum CommandSupport {
    /// Resolves settings and names the account first; a settings problem is exit 1 with its message.
    static func openSession(_ flags: SettingsFlags, console: Console, machineOutput: Bool) throws -> Session {
        do {
            return try Session.open(flags, console: console, announceTo: machineOutput ? .err : .out)
        } catch let error as SettingsError where !error.diagnostics.isEmpty {
            console.err(DiagnosticRenderer.text(error.diagnostics, sources: [:], style: console.style))
            console.err("calltask: the settings file has errors; nothing was sent to the API.")
            throw CommandFailure.reported
        } catch {
            throw CommandFailure.error("\(error)")
        }
    }

    /// Loads and validates specs; any error is printed and ends the run with exit 1 before any request.
    static func loadSpecs(_ paths: [String], console: Console) throws -> SpecSet {
        let specs = SpecSet.load(paths.isEmpty ? ["."] : paths)
        if !specs.diagnostics.isEmpty {
            console.err(DiagnosticRenderer.text(specs.diagnostics, sources: specs.sources, style: console.style))
        }
        if specs.hasErrors {
            console.err(DiagnosticRenderer.summary(specs.diagnostics) + "; nothing was sent to the API.")
            throw CommandFailure.reported
        }
        return specs
    }

    /// Runs a body that talks to the platform; an operational error is printed and ends with exit 1.
    static func run<T>(_ console: Console, _ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw CommandFailure.error("\(error)")
        }
    }

    static func write(_ text: String, to path: String, console: Console) throws {
        do {
            let directory = (path as NSString).deletingLastPathComponent
            if !directory.isEmpty { try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) }
            try Data((text + "\n").utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw CommandFailure.error("cannot write \(path): \(error.localizedDescription)")
        }
    }
}
