import CalltaskCore
import Foundation

/// Where output goes, and whether it is coloured. The only place that looks at the terminal.
struct Console: Sendable {
    let style: TerminalStyle
    let isTerminal: Bool

    /// Colour only on a terminal, never with `NO_COLOR` set (https://no-color.org) or `--no-color`.
    init(noColor: Bool) {
        let environment = ProcessInfo.processInfo.environment
        isTerminal = isatty(STDOUT_FILENO) == 1
        let colour = isTerminal && !noColor && (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
        style = TerminalStyle(colour: colour)
    }

    func out(_ text: String, terminator: String = "\n") {
        let line = terminator.isEmpty || text.hasSuffix("\n") ? text : text + terminator
        FileHandle.standardOutput.write(Data(line.utf8))
    }

    func err(_ text: String) {
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }
}
