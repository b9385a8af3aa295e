import Foundation

/// One line of the apply journal (JSON Lines).
public struct JournalEntry: Codable, Hashable, Sendable {
    public enum State: String, Codable, Sendable {
        /// Written and flushed before the task is paused.
        case pausing
        /// The task is in its intended run state; nothing to recover.
        case done
    }

    public var account: String
    public var uuid: String
    public var name: String
    /// Top-level `enable` before this run touched the task.
    public var priorEnable: Bool
    /// The run state the task must end in.
    public var intendedEnable: Bool
    public var state: State
    public var time: String

    public init(account: String, uuid: String, name: String, priorEnable: Bool, intendedEnable: Bool, state: State, time: String) {
        self.account = account
        self.uuid = uuid
        self.name = name
        self.priorEnable = priorEnable
        self.intendedEnable = intendedEnable
        self.state = state
        self.time = time
    }

    enum CodingKeys: String, CodingKey {
        case account, uuid, name, state, time
        case priorEnable = "prior_enable"
        case intendedEnable = "intended_enable"
    }
}

/// The apply journal: an append-only JSON Lines file, flushed to disk on every entry, so that a task a
/// killed run paused is resumed by the next `apply` or by `calltask recover`.
public actor Journal {
    public let path: String

    public init(path: String) {
        self.path = path
    }

    public enum JournalError: Error, CustomStringConvertible {
        case cannotWrite(path: String, reason: String)
        public var description: String {
            switch self {
            case .cannotWrite(let path, let reason):
                return "cannot write the apply journal \(path): \(reason); fix the path or pass --journal PATH (nothing was paused)"
            }
        }
    }

    /// Appends one entry and waits until it is on disk (fsync).
    public func append(_ entry: JournalEntry) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let line = (try encoder.encode(entry)) + Data("\n".utf8)
        let manager = FileManager.default
        let directory = (path as NSString).deletingLastPathComponent
        do {
            if !directory.isEmpty { try manager.createDirectory(atPath: directory, withIntermediateDirectories: true) }
            if !manager.fileExists(atPath: path) {
                guard manager.createFile(atPath: path, contents: nil) else {
                    throw JournalError.cannotWrite(path: path, reason: "cannot create the file")
                }
            }
            guard let handle = FileHandle(forWritingAtPath: path) else {
                throw JournalError.cannotWrite(path: path, reason: "cannot open the file")
            }
            defer { try? handle.close() }
            try handle.seekToEnd()
            try handle.write(contentsOf: line)
            try handle.synchronize()
        } catch let error as JournalError {
            throw error
        } catch {
            throw JournalError.cannotWrite(path: path, reason: "\(error)")
        }
    }

    /// Entries whose task was paused and never marked done: the last entry per (account, task).
    public func unfinished() -> [JournalEntry] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        let decoder = JSONDecoder()
        var last: [String: JournalEntry] = [:]
        var order: [String] = []
        for line in data.split(separator: UInt8(ascii: "\n")) where !line.isEmpty {
            // A line cut short by a kill mid-write is ignored: its task was not paused yet.
            guard let entry = try? decoder.decode(JournalEntry.self, from: Data(line)) else { continue }
            let key = entry.account + "\u{0}" + entry.uuid
            if last[key] == nil { order.append(key) }
            last[key] = entry
        }
        return order.compactMap { last[$0] }.filter { $0.state != .done }
    }
}
