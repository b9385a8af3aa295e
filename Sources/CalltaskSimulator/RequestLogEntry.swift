/// One call the simulator answered.
public struct RequestLogEntry: Sendable, Hashable, Codable {
    /// 1, 2, 3… in the order the answers were decided.
    public var sequence: Int
    /// `GET`, `PUT`, …
    public var method: String
    /// The path, without the query.
    public var path: String
    /// The query string, if any (without `?`).
    public var query: String?
    /// What the call was.
    public var kind: RequestKind
    /// The task the call named, if any; for a create, the uuid of the task it stored (if it stored one).
    public var taskId: String?
    /// The HTTP status sent (for a dropped call: the one the truncated answer carried).
    public var httpStatus: Int
    /// The envelope `code` sent, if the answer was an envelope.
    public var envelopeCode: Int?
    /// The fault injected into this call, if any.
    public var fault: InjectedFault?

    public init(sequence: Int = 0, method: String, path: String, query: String? = nil, kind: RequestKind,
                taskId: String? = nil, httpStatus: Int, envelopeCode: Int? = nil, fault: InjectedFault? = nil) {
        self.sequence = sequence
        self.method = method
        self.path = path
        self.query = query
        self.kind = kind
        self.taskId = taskId
        self.httpStatus = httpStatus
        self.envelopeCode = envelopeCode
        self.fault = fault
    }

    private enum CodingKeys: String, CodingKey {
        case sequence, method, path, query, kind, fault
        case taskId = "task_id"
        case httpStatus = "http_status"
        case envelopeCode = "envelope_code"
    }
}

/// What an `/agent-api` call was, by its route.
public enum RequestKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// `GET .../task`
    case list
    /// `POST .../task` (facts §2.2)
    case create
    /// `GET .../task/{id}/edit`
    case detail
    /// `PUT .../task/{id}`
    case update
    /// `PUT .../task_stop/{id}`
    case pause
    /// The resume call (`PUT .../task_start/{id}` by default).
    case resume
    /// Anything else under `/agent-api`.
    case other
}

/// A fault the simulator injected into a call (`FaultOptions`).
public enum InjectedFault: String, Sendable, Hashable, Codable {
    /// HTTP 429 with `Retry-After`; nothing was applied.
    case throttled
    /// HTTP 500; nothing was applied.
    case serverError = "server_error"
    /// HTTP 500 with an error envelope, AFTER the call was applied (a create that stored its task:
    /// `FaultOptions.createCommitThenFailRate`).
    case serverErrorAfterCommit = "server_error_after_commit"
    /// The connection was closed mid-answer, AFTER the call was applied.
    case dropped
}
