import ServiceLifecycle

/// A one-shot hold on one `/agent-api` call, so a test can stop a client at a known step without
/// sleeping: arm it (`POST /_sim/hold`), start the client, wait until a call is held
/// (`GET /_sim/hold/wait`), do what the test needs (e.g. SIGKILL the client), then let the call go
/// (`POST /_sim/release`).
///
/// The next call that matches an armed hold is held, and the hold is disarmed (one-shot):
/// - `before`: after authorisation (and after the body is read), before the call touches any state;
/// - `after`: after the call did what it does (a create stored its task, an update changed it), before
///   its answer is written.
/// Calls refused by an injected 429/500 (`FaultOptions`) or by authorisation are never held. A held
/// call waits until it is released, or until the server shuts down (its task is cancelled, or a graceful
/// shutdown begins), so a forgotten hold never keeps the simulator from stopping.
public actor CallHold {
    /// Which call to hold, and when.
    public struct Request: Sendable, Hashable {
        /// The kind of call; `.other` never matches.
        public var call: RequestKind
        /// Before the call touches state, or after it did.
        public var when: Moment
        /// Only a call about this task: a task uuid or name (for a create: the body's `name`; for a
        /// list: its `name` filter). `nil`: the next call of that kind.
        public var task: String?

        public init(call: RequestKind, when: Moment, task: String? = nil) {
            self.call = call
            self.when = when
            self.task = task
        }
    }

    /// When a call is held.
    public enum Moment: String, Sendable, Hashable, Codable {
        case before, after
    }

    /// A call being held.
    public struct Held: Sendable, Hashable {
        public var call: RequestKind
        public var when: Moment
        /// The task uuid the call named (for a create held `after`: the uuid it stored), if any.
        public var taskId: String?
        /// The task name the call named (a create's body, a list's filter, the named task's name), if any.
        public var name: String?
    }

    private var armed: Request?
    private var held: (token: Int, call: Held)?
    private var nextToken = 1

    public init() {}

    /// Arms `request` (replacing an armed one); `false` (and nothing armed) while a call is held.
    @discardableResult
    public func arm(_ request: Request) -> Bool {
        guard held == nil else { return false }
        armed = request
        return true
    }

    /// The armed request, if any.
    public var armedRequest: Request? { armed }

    /// The call being held, if any.
    public var heldCall: Held? { held?.call }

    /// Lets the held call go, and disarms any armed request. Returns whether a call was held.
    @discardableResult
    public func release() -> Bool {
        armed = nil
        guard held != nil else { return false }
        held = nil
        return true
    }

    /// Holds the calling request if it matches the armed hold, until `release()` or cancellation.
    ///
    /// - Parameters:
    ///   - names: what the call is about, any of which the request's `task` may name (uuid, name).
    func pass(_ call: Held, names: [String]) async {
        guard let token = claim(call, names: names) else { return }
        // A short poll keeps the held call cancellable without juggling continuations.
        while held?.token == token {
            if Task.isShuttingDownGracefully {
                held = nil
                return
            }
            do {
                try await Task.sleep(for: .milliseconds(5))
            } catch {
                if held?.token == token { held = nil }
                return
            }
        }
    }

    private func claim(_ call: Held, names: [String]) -> Int? {
        guard held == nil, let request = armed, request.call == call.call, request.when == call.when else { return nil }
        if let task = request.task, !names.contains(task) { return nil }
        armed = nil
        let token = nextToken
        nextToken += 1
        held = (token, call)
        return token
    }
}
