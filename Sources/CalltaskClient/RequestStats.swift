/// Counts what a run did on the wire, so commands can report "N requests, M retries".
///
/// Every attempt counts as a request (a retried call is 1 + retries requests). Faults are counted by
/// `APIError.shortDescription`, whether or not a retry then succeeded.
public actor RequestStats {
    /// A copy of the counters at one moment.
    public struct Snapshot: Sendable, Hashable, CustomStringConvertible {
        /// Requests sent, per kind of call.
        public var requests: [APICall.Kind: Int] = [:]
        /// Retries made (attempts after a call's first).
        public var retries: Int = 0
        /// Failures seen, by `APIError.shortDescription`.
        public var faults: [String: Int] = [:]
        /// HTTP answers received, whatever their status: 0 means the platform was never reached.
        public var answers: Int = 0

        public init() {}

        /// All requests sent.
        public var totalRequests: Int { requests.values.reduce(0, +) }

        /// E.g. `12 requests (list 10, detail 2), 1 retry`.
        public var description: String {
            let parts = APICall.Kind.allCases.compactMap { kind in requests[kind].map { "\(kind) \($0)" } }
            var text = "\(totalRequests) request\(totalRequests == 1 ? "" : "s")"
            if !parts.isEmpty { text += " (\(parts.joined(separator: ", ")))" }
            text += ", \(retries) retr\(retries == 1 ? "y" : "ies")"
            return text
        }
    }

    private var counters = Snapshot()

    public init() {}

    /// The counters now.
    public var snapshot: Snapshot { counters }

    /// Records one request (one attempt) of `kind`.
    public func recordRequest(_ kind: APICall.Kind) {
        counters.requests[kind, default: 0] += 1
    }

    /// Records one HTTP answer (any status).
    public func recordAnswer() {
        counters.answers += 1
    }

    /// Whether any request of this run got an HTTP answer.
    public var hasAnswered: Bool { counters.answers > 0 }

    /// Records one retry.
    public func recordRetry() {
        counters.retries += 1
    }

    /// Records one failure seen, by its label.
    public func recordFault(_ label: String) {
        counters.faults[label, default: 0] += 1
    }
}
