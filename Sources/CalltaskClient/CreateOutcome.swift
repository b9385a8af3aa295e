/// What became of a create call (`APIClient.createTask`), sorted by what a caller may conclude.
///
/// A create is never retried: a create that is resent after an answer was lost makes a second task
/// (the platform promises no unique names). So each failure is sorted by whether the task may exist:
///
/// | outcome | errors | the task |
/// | --- | --- | --- |
/// | `created` | none: HTTP 2xx with a success envelope (code 200) | exists; find it by name |
/// | `rejected` | `unauthorized`, `taskRunning`, `platform` (an error envelope), `httpStatus` other than 429/5xx (any 4xx, a redirect), `invalidRequest` (never sent) | was not created |
/// | `unknown` | `httpStatus` 429 or 5xx, `timeout`, `connectionDropped`, `cannotConnect`, `transport`, `bodyTooLarge`, `undecodable`, `cancelled` | may exist: look it up by name before any new POST |
///
/// `unknown` is the conservative bucket: a 5xx or 429 may come from a server that stored the task and
/// then failed (the docs promise nothing either way); a dropped connection or a timeout may lose the
/// answer of a create that succeeded; a 2xx whose body cannot be read may be a success. A connection
/// that could not be made usually means nothing was sent, but the client cannot prove it for every
/// errno it maps there, and a cancelled call may have been sent already.
public enum CreateOutcome: Sendable {
    /// The platform answered with a success envelope. `answer` is its `data` as compact JSON (sorted
    /// keys, at most `CreateOutcome.answerLimit` characters), for the journal: the docs do not say what
    /// it holds, so nothing is read from it.
    case created(answer: String)
    /// The platform refused the call (any 4xx, or an error envelope), or it was never sent: not created.
    case rejected(APIError)
    /// The call may or may not have created the task (timeout, dropped connection, 5xx, 429…): look
    /// it up by name.
    case unknown(APIError)

    /// The most characters of `created(answer:)` kept.
    public static let answerLimit = 512

    /// The outcome a failed create call has, by its error (see the type's table). A
    /// `retriesExhausted` error is sorted by its `underlying` error.
    public static func classify(_ error: APIError) -> CreateOutcome {
        switch error.underlying {
        case .unauthorized, .taskRunning, .platform, .invalidRequest:
            return .rejected(error)
        case .httpStatus(_, let status, _, _):
            return status == 429 || (500...599).contains(status) ? .unknown(error) : .rejected(error)
        case .timeout, .connectionDropped, .cannotConnect, .transport, .bodyTooLarge, .undecodable, .cancelled,
             .inconsistentListing, .retriesExhausted:
            return .unknown(error)
        }
    }

    /// The error of a `rejected` or `unknown` outcome; nil for `created`.
    public var error: APIError? {
        switch self {
        case .created: return nil
        case .rejected(let error), .unknown(let error): return error
        }
    }
}
