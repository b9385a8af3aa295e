import CalltaskEngine
import Foundation
import Testing

/// The journal: the last entry per task (an update's uuid, a create's name), a line cut short by a kill
/// ignored, a complete line that does not decode an error.
struct JournalTests {
    static func path() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("journal-\(UUID().uuidString).jsonl").path
    }

    static func entry(_ name: String, _ state: JournalEntry.State, uuid: String = "", kind: JournalEntry.Kind? = nil) -> JournalEntry {
        JournalEntry(account: "a", uuid: uuid, name: name, priorEnable: false, intendedEnable: true, state: state,
                     time: "2026-12-02T00:00:00Z", kind: kind)
    }

    @Test("a create is keyed by its name until found; settled and blocking states")
    func createEntries() async throws {
        let journal = Journal(path: Self.path())
        try await journal.append(Self.entry("new", .posting, kind: .create))
        try await journal.append(Self.entry("new", .found, uuid: "u-9", kind: .create))
        try await journal.append(Self.entry("old", .pausing, uuid: "u-1"))
        try await journal.append(Self.entry("gone", .posting, kind: .create))
        try await journal.append(Self.entry("gone", .notCreated, kind: .create))
        try await journal.append(Self.entry("twice", .duplicate, kind: .create))
        let unfinished = try await journal.unfinished()
        #expect(unfinished.map(\.name) == ["new", "old", "twice"])
        #expect(unfinished.first?.uuid == "u-9")
        #expect(unfinished.map(\.blocksName) == [false, false, true])
    }

    @Test("a last line cut short by a kill is ignored; a complete line that does not decode is an error naming its line")
    func damagedLines() async throws {
        let path = Self.path()
        let journal = Journal(path: path)
        try await journal.append(Self.entry("old", .pausing, uuid: "u-1"))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("{\"account\":\"a\",\"uu".utf8))
        try handle.close()
        #expect(try await journal.unfinished().map(\.uuid) == ["u-1"])

        try Data("{\"account\":\"a\",\"uu\n".utf8).write(to: URL(fileURLWithPath: path))
        try await journal.append(Self.entry("old", .done, uuid: "u-1"))
        await #expect(throws: Journal.JournalError.self) { try await journal.unfinished() }
        do {
            _ = try await journal.unfinished()
        } catch {
            #expect("\(error)".contains("\(path):1 is not a journal entry"), "\(error)")
        }
    }
}
