import Foundation

/// What the simulator was asked, call by call: the record tests read to assert what calltask sent.
///
/// In process: `await simulator.log.entries()`; over HTTP: `GET /_sim/log` (and `DELETE /_sim/log` to
/// clear it). The raw body of the last PUT per task is kept too (`lastPutBody(taskId:)`), and the raw
/// body of every create call, in order (`createBodies()`).
public actor RequestLog {
    private var recorded: [RequestLogEntry] = []
    private var nextSequence = 1
    private var putBodies: [String: Data] = [:]
    private var postBodies: [Data] = []

    public init() {}

    /// Every entry, oldest first.
    public func entries() -> [RequestLogEntry] { recorded }

    /// The entries of one kind, oldest first.
    public func entries(kind: RequestKind) -> [RequestLogEntry] { recorded.filter { $0.kind == kind } }

    /// The kinds of all entries, oldest first (handy for `#expect(await log.kinds() == [.list, .detail])`).
    public func kinds() -> [RequestKind] { recorded.map(\.kind) }

    /// The raw JSON body of the last update (`PUT .../task/{id}`) sent for `taskId`, whatever its outcome.
    public func lastPutBody(taskId: String) -> Data? { putBodies[taskId] }

    /// The raw JSON body of every create call (`POST .../task`), oldest first, whatever its outcome.
    public func createBodies() -> [Data] { postBodies }

    /// Forgets every entry and body; sequence numbers start again at 1.
    public func clear() {
        recorded = []
        putBodies = [:]
        postBodies = []
        nextSequence = 1
    }

    /// Records one answered call; the sequence number is assigned here.
    @discardableResult
    func record(_ entry: RequestLogEntry) -> RequestLogEntry {
        var entry = entry
        entry.sequence = nextSequence
        nextSequence += 1
        recorded.append(entry)
        return entry
    }

    /// Keeps the raw body of an update call.
    func recordPutBody(_ body: Data, taskId: String) {
        putBodies[taskId] = body
    }

    /// Keeps the raw body of a create call.
    func recordCreateBody(_ body: Data) {
        postBodies.append(body)
    }
}
