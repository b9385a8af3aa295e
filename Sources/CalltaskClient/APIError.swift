/// Everything that can go wrong talking to the platform, each case naming the call that failed.
///
/// `description` says what failed and what to do next; `shortDescription` is a fixed label for logs
/// and counters. Text that came from the server is scrubbed of the token before it is stored here, and
/// no case ever carries the token (`APIToken` prints as `<redacted>` anyway).
///
/// Which cases are retried is `RetryPolicy`'s decision (`isRetryable` is its input).
public indirect enum APIError: Error, Sendable, CustomStringConvertible {
    /// HTTP 401/403, or an envelope with code 401/403: the token or the account is wrong.
    case unauthorized(call: APICall)
    /// Code 6007 "2.0任务启动中,请先停止任务": the task is running and must be paused before an update
    /// (seed 001, note 4).
    case taskRunning(call: APICall)
    /// The envelope's `code` is not 200 (../api/facts.md §1.4, §1.7); `message` is the platform's own text.
    case platform(call: APICall, code: Int, message: String?)
    /// An HTTP status the call cannot use, without a usable envelope (429, 5xx, 404, a redirect…).
    /// `retryAfter` is the `Retry-After` header in seconds, when the server sent one.
    case httpStatus(call: APICall, status: Int, message: String?, retryAfter: Double?)
    /// The attempt took longer than the request timeout.
    case timeout(call: APICall, seconds: Double)
    /// The connection dropped mid-call (closed, reset, truncated answer). Retried.
    case connectionDropped(call: APICall, detail: String)
    /// No connection could be made to the endpoint's `address` (`host:port`): refused, unreachable, an
    /// unknown host name, or no answer within the connect timeout. `reason` says which, in words.
    /// Retried only once the platform has answered in this run (see `RetryPolicy`): on the first
    /// contact it means a wrong endpoint far more often than a blip.
    case cannotConnect(call: APICall, address: String, reason: String)
    /// The server spoke something other than HTTP, or TLS failed, or another transport failure. Not retried.
    case transport(call: APICall, detail: String)
    /// The answer body was larger than the configured limit.
    case bodyTooLarge(call: APICall, limit: Int)
    /// The answer was not the JSON the call expects.
    case undecodable(call: APICall, detail: String)
    /// The request could not be built (bad path template, unencodable body).
    case invalidRequest(call: APICall, detail: String)
    /// The task list did not add up even after listing again from scratch (tasks changed while the
    /// pages were read, or the server's paging is inconsistent).
    case inconsistentListing(detail: String)
    /// The call was cancelled (Ctrl-C, or a sibling call failed).
    case cancelled(call: APICall)
    /// A retryable failure persisted: `attempts` attempts were made; `last` is the final error.
    case retriesExhausted(call: APICall, attempts: Int, last: APIError)

    /// The call that failed; nil for a listing that failed as a whole.
    public var call: APICall? {
        switch self {
        case .unauthorized(let call), .taskRunning(let call), .platform(let call, _, _),
             .httpStatus(let call, _, _, _), .timeout(let call, _), .connectionDropped(let call, _),
             .cannotConnect(let call, _, _), .transport(let call, _), .bodyTooLarge(let call, _), .undecodable(let call, _),
             .invalidRequest(let call, _), .cancelled(let call), .retriesExhausted(let call, _, _):
            return call
        case .inconsistentListing:
            return nil
        }
    }

    /// Whether another attempt may succeed: HTTP 429, 5xx, timeouts, dropped connections, and failed
    /// connections (those only once the platform has answered; `RetryPolicy` decides).
    ///
    /// 4xx other than 429, envelope errors (6007 and the rest), authentication and decoding failures
    /// would fail the same way again.
    public var isRetryable: Bool {
        switch self {
        case .httpStatus(_, let status, _, _):
            return status == 429 || (500...599).contains(status)
        case .timeout, .connectionDropped, .cannotConnect:
            return true
        default:
            return false
        }
    }

    /// The error behind any `retriesExhausted` wrapper.
    public var underlying: APIError {
        if case .retriesExhausted(_, _, let last) = self { return last.underlying }
        return self
    }

    /// A fixed label for log metadata and counters, e.g. `http_5xx`, `task_running`.
    public var shortDescription: String {
        switch self {
        case .unauthorized: return "unauthorized"
        case .taskRunning: return "task_running"
        case .platform: return "platform_error"
        case .httpStatus(_, let status, _, _):
            if status == 429 { return "http_429" }
            if (500...599).contains(status) { return "http_5xx" }
            if (300...399).contains(status) { return "http_3xx" }
            return "http_4xx"
        case .timeout: return "timeout"
        case .connectionDropped: return "connection_dropped"
        case .cannotConnect: return "cannot_connect"
        case .transport: return "transport"
        case .bodyTooLarge: return "body_too_large"
        case .undecodable: return "undecodable"
        case .invalidRequest: return "invalid_request"
        case .inconsistentListing: return "inconsistent_listing"
        case .cancelled: return "cancelled"
        case .retriesExhausted: return "retries_exhausted"
        }
    }

    public var description: String {
        switch self {
        case .unauthorized(let call):
            return "\(call) was refused as unauthorized: check the token (CALLTASK_TOKEN or --token-file) "
                + "and that the user id (and sub user id) belong to it"
        case .taskRunning(let call):
            return "\(call) was refused with code 6007 (the 2.0 task is running): pause the task first, "
                + "or let `calltask apply` pause and restore it"
        case .platform(let call, let code, let message):
            return "\(call) failed with platform code \(code)\(Self.quoted(message)): "
                + "check the task and the request in the platform's console; the code is the platform's own"
        case .httpStatus(let call, let status, let message, _):
            let hint: String
            switch status {
            case 429: hint = "the platform is throttling requests; lower --max-rps and try again later"
            case 500...599: hint = "the platform had a server error; try again later"
            case 404: hint = "check the endpoint, the user id and that the task exists"
            case 300...399: hint = "the endpoint redirects; set it to the final https:// URL"
            default: hint = "check the endpoint and the request"
            }
            return "\(call) failed with HTTP \(status)\(Self.quoted(message)): \(hint)"
        case .timeout(let call, let seconds):
            return "\(call) timed out after \(Self.seconds(seconds)): the platform is slow or unreachable; "
                + "try again, or raise --timeout"
        case .connectionDropped(let call, let detail):
            return "\(call) lost its connection (\(detail)): try again; if it persists, check the network"
        case .cannotConnect(_, let address, let reason):
            return "cannot connect to \(address) (\(reason)); check --endpoint and the network"
        case .transport(let call, let detail):
            return "\(call) could not reach the platform (\(detail)): check the endpoint and the network"
        case .bodyTooLarge(let call, let limit):
            return "\(call) answered with more than \(limit) bytes: lower --page-size, "
                + "or check that the endpoint is the platform's API"
        case .undecodable(let call, let detail):
            return "\(call) answered with something that is not the expected JSON (\(detail)): "
                + "check that the endpoint is the platform's API"
        case .invalidRequest(let call, let detail):
            return "\(call) could not be built: \(detail)"
        case .inconsistentListing(let detail):
            return "the task list did not add up, even after listing again: \(detail); "
                + "tasks are probably being created or deleted right now: try again when the account is quiet"
        case .cancelled(let call):
            return "\(call) was cancelled"
        case .retriesExhausted(let call, let attempts, let last):
            return "\(call) failed after \(attempts) attempts; last error: \(last)"
        }
    }

    private static func quoted(_ message: String?) -> String {
        guard let message, !message.isEmpty else { return "" }
        return " (\"\(message)\")"
    }

    private static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }
}
