import Foundation
import Logging

/// Writes log messages to standard error as they are, one line each, for `-v` and `-vv`.
///
/// The client's messages are already sentences (`GET /agent-api/… 200 12 ms`), so the handler adds no
/// timestamp, label or metadata: the metadata is for structured handlers. Messages below `logLevel`
/// are dropped by `Logger` before they reach it.
struct StderrLogHandler: LogHandler {
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level

    init(logLevel: Logger.Level) {
        self.logLevel = logLevel
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let text = "\(event.message)"
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    /// The log level `-v` flags ask for: none → warning, `-v` → info (a line per request), `-vv` → debug
    /// (bodies too).
    static func level(verbose: Int) -> Logger.Level {
        verbose >= 2 ? .debug : verbose == 1 ? .info : .warning
    }
}
