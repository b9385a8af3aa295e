import ArgumentParser
import CalltaskEngine
import Foundation

/// Why a command stops short of success, and the one place each reason becomes an exit code (as
/// swift-argument-parser's message info does for its own errors). Commands throw it; `Calltask.main`
/// prints its message, if any, and exits with its code.
///
/// | case | exit code |
/// | --- | --- |
/// | `error`, `reported` | 1 |
/// | `changesPresent` | 2 (`plan --detailed-exitcode`) |
/// | `apply(.notAllApplied)` | 1 |
/// | `apply(.leftPaused)` | 3 |
/// | a usage error (swift-argument-parser's own) | 64 |
enum CommandFailure: Error, CustomStringConvertible {
    /// Something went wrong; the message says what and what to do next (printed as `calltask: error: …`).
    case error(String)
    /// The problem was already printed (diagnostics with their locations, a report).
    case reported
    /// `plan --detailed-exitcode` found changes.
    case changesPresent
    /// An apply or recover ended with tasks not applied or left paused (its report was printed).
    case apply(ApplyReport.Verdict)

    var exitCode: Int32 {
        switch self {
        case .error, .reported: return 1
        case .changesPresent: return 2
        case .apply(.done): return 0
        case .apply(.notAllApplied): return 1
        case .apply(.leftPaused): return 3
        }
    }

    /// What to print, if anything.
    var message: String? {
        if case .error(let message) = self { return message }
        return nil
    }

    var description: String { message ?? "exit \(exitCode)" }

    /// Throws when an apply's verdict is not success.
    static func check(_ verdict: ApplyReport.Verdict) throws(CommandFailure) {
        if verdict != .done { throw .apply(verdict) }
    }
}

extension Calltask {
    /// Parses and runs the command; a `CommandFailure` becomes its exit code here, every other error
    /// (usage errors: 64, `--help`: 0) the way swift-argument-parser reports it.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch let failure as CommandFailure {
            if let message = failure.message {
                FileHandle.standardError.write(Data("calltask: error: \(message)\n".utf8))
            }
            Foundation.exit(failure.exitCode)
        } catch {
            exit(withError: error)
        }
    }
}
