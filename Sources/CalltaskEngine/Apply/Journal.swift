import Foundation

/// One line of the apply journal (JSON Lines).
///
/// An update's entries are keyed by the task's uuid (`pausing` → `done`). A create's are keyed by
/// account and name until the uuid is known (`kind: create`): `posting` (flushed before the POST) →
/// `posted` (a 2xx, with its answer) → `found` (the lookup found exactly one task, `uuid` set) →
/// `updated` (the rest of the spec written) → `done`. `notCreated` ends an entry whose task does not
/// exist; `notFound` (a 2xx but no task of that name) and `duplicate` (several) block every further
/// create of that name until an operator clears them (`calltask recover --clear-create NAME`).
public struct JournalEntry: Codable, Hashable, Sendable {
    public enum State: String, Codable, Sendable {
        /// Written and flushed before the task is paused.
        case pausing
        /// The task is in its intended run state; nothing to recover.
        case done
        /// A create: flushed before the POST, whose outcome is then unknown until looked up.
        case posting
        /// A create the platform answered 2xx (the task exists; its uuid is not known yet).
        case posted
        /// A create resolved to one task (`uuid`).
        case found
        /// A create whose task has the rest of its spec written.
        case updated
        /// A create that made no task (refused, or looked up twice and not found after an unknown outcome).
        case notCreated = "not-created"
        /// A create answered 2xx whose task no lookup finds: blocks the name until cleared.
        case notFound = "not-found"
        /// Several tasks of the create's name after it: blocks the name until cleared.
        case duplicate
    }

    public enum Kind: String, Codable, Sendable {
        case update, create
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
    /// `create` for a create's entries; nil (an update) in entries written before creates existed.
    public var kind: Kind?
    /// A create's 2xx answer (`data`, short), as the platform sent it.
    public var answer: String?
    /// For a `duplicate`: the uuids of every task of the name.
    public var uuids: [String]?

    public init(account: String, uuid: String, name: String, priorEnable: Bool, intendedEnable: Bool, state: State, time: String,
                kind: Kind? = nil, answer: String? = nil, uuids: [String]? = nil) {
        self.account = account
        self.uuid = uuid
        self.name = name
        self.priorEnable = priorEnable
        self.intendedEnable = intendedEnable
        self.state = state
        self.time = time
        self.kind = kind
        self.answer = answer
        self.uuids = uuids
    }

    enum CodingKeys: String, CodingKey {
        case account, uuid, name, state, time, kind, answer, uuids
        case priorEnable = "prior_enable"
        case intendedEnable = "intended_enable"
    }

    public var isCreate: Bool { kind == .create }

    /// The journal's key: an update's task uuid, or a create's name (its uuid is not known at first).
    var key: String { account + "\u{0}" + (isCreate ? "create\u{0}" + name : uuid) }

    /// Whether the entry needs nothing more: done, or a create that made no task.
    public var isSettled: Bool { state == .done || state == .notCreated }

    /// Whether the entry blocks every create of its name until an operator clears it.
    public var blocksName: Bool { isCreate && (state == .notFound || state == .duplicate) }
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
        /// A complete line (ended by a newline) that is not a journal entry: the journal cannot be trusted.
        case undecodable(path: String, line: Int, reason: String)
        public var description: String {
            switch self {
            case .cannotWrite(let path, let reason):
                return "cannot write the apply journal \(path): \(reason); fix the path or pass --journal PATH (nothing was paused)"
            case .undecodable(let path, let line, let reason):
                return "the apply journal \(path):\(line) is not a journal entry (\(reason)); nothing was done. "
                    + "Look at that line: fix it, or move the journal aside once every task it names is in the state you want"
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

    /// The last entry per key (an update's task, a create's name), in first-seen order.
    ///
    /// A last line without its newline was cut short by a kill mid-write and is ignored (its task was
    /// not touched yet: the entry is flushed before the call it announces). A complete line that does
    /// not decode is an error: skipping it could forget a paused task or a create.
    ///
    /// - Throws: `JournalError.undecodable`.
    public func latest() throws(JournalError) -> [JournalEntry] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        let decoder = JSONDecoder()
        var last: [String: JournalEntry] = [:]
        var order: [String] = []
        let complete = data.last == UInt8(ascii: "\n")
        let lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() where !line.isEmpty {
            let entry: JournalEntry
            do {
                entry = try decoder.decode(JournalEntry.self, from: Data(line))
            } catch {
                if index == lines.count - 1, !complete { continue }
                throw .undecodable(path: path, line: index + 1, reason: "\(error)".prefix(200).description)
            }
            if last[entry.key] == nil { order.append(entry.key) }
            last[entry.key] = entry
        }
        return order.compactMap { last[$0] }
    }

    /// Entries whose task an apply left unfinished: paused and never marked done, or a create not
    /// resolved (including those that block their name).
    ///
    /// - Throws: `JournalError.undecodable`.
    public func unfinished() throws(JournalError) -> [JournalEntry] {
        try latest().filter { !$0.isSettled }
    }
}
