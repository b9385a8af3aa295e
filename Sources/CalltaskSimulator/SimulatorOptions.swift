/// How a `Simulator` behaves: the account it serves, its PUT semantics and its injected faults.
///
/// Every property has the default `calltask-sim` uses; tests change only what they need:
///
/// ```swift
/// var options = SimulatorOptions()
/// options.strictPut = true
/// options.faults.failRate = 1.0
/// ```
public struct SimulatorOptions: Sendable, Hashable {
    /// The default bearer token, `sim-token`.
    public static let defaultToken = "sim-token"
    /// The default main account id (seed 000's and 001's example `user_id`).
    public static let defaultUserId = "5832d184-dd53-42a0-8ace-0bf8d660f4cc"
    /// The default resume path: the inferred mirror of the pause call (design.md, "The resume call").
    public static let defaultResumePath = "/agent-api/new/user/{user_id}/task_start/{task_id}"

    /// The token every `/agent-api` call must send as `Authorization: Bearer <token>`; else HTTP 401.
    public var token: String = defaultToken
    /// The main account id every path must name (`/agent-api/new/user/{user_id}/…`); else code 403.
    public var userId: String = defaultUserId
    /// When set, the tasks belong to this sub-account: only calls with `sub_user_id=<it>` see them,
    /// others get an empty list or 404. When `nil`, calls that send a `sub_user_id` see nothing.
    public var subUserId: String?
    /// When `true`, a PUT resets every settable field its body leaves out to an empty value (null, 0, [],
    /// ""), as a careless server would, and refuses (HTTP 422, naming the key) a body key that neither 2.0
    /// section of the update call's docs names (`UpdateFields`). When `false` (default), fields left out
    /// keep their value and unknown keys are ignored (the docs do not say what the platform does).
    public var strictPut: Bool = false
    /// The path of the resume call, with `{user_id}` and `{task_id}` placeholders. Inferred: the docs
    /// have no start call (facts §2.5).
    public var resumePath: String = defaultResumePath
    /// The faults to inject into `/agent-api` calls.
    public var faults: FaultOptions = FaultOptions()
    /// A test knob, not the platform: after each applied update, change this top-level field (e.g.
    /// `remark`, `maximumcall`) to a value the body did not carry, as a platform that rewrites a field
    /// on its own would; so a test shows that apply reads each task back and notices. Nil: off.
    public var alterOnUpdate: String?
    /// The dialer clock's start (`YYYY-MM-DD HH:MM:SS`), which decides each task's `call_status`
    /// (`DialerState`); `PUT /_sim/clock` moves it later.
    public var dialerTime: String = TaskStore.defaultDialerTime
    /// The `task_type` a created task gets (`POST .../task`, facts §2.2): 6 (2.0 task, default) or 7
    /// (new 2.0 task). The create call sends no task type and the docs do not say which flavour it
    /// makes; its `line` is a list of ids, the 2.0 (6) shape, so 6 is the default.
    public var createTaskType: Int = 6
    /// Whether a created task starts enabled (top-level `enable` true). The docs do not say how a new
    /// task starts; enabled (default) is the stricter case: a running 2.0 task refuses updates with
    /// 6007 (seed 001), so a client must pause it before its first PUT. `calltask-sim --create-paused`
    /// sets it to `false`.
    public var createEnabled: Bool = true
    /// When `true`, a created task's dialer copy `new_task_extra` is `{}`: an abnormal task (seed 000's
    /// note: "远程任务字段 new_task_extra 值为空,则为异常任务"), as a platform whose dialer failed to take the
    /// task would leave it.
    public var createEmptyExtra: Bool = false

    public init() {}
}

/// Faults the simulator injects into `/agent-api` calls (never into `/_sim`).
///
/// Each call first sleeps `latencyMs` plus a random `0...jitterMs`, then draws one number `u` in `[0, 1)`:
/// `u < throttleRate` answers HTTP 429 with `Retry-After`; else `u < throttleRate + failRate` answers
/// HTTP 500; else `u < throttleRate + failRate + dropRate` drops the connection mid-answer. Throttled and
/// failed calls are answered before the handler touches any state, so they never half-apply. A dropped
/// call is handled in full first — the change IS applied — and then the connection is closed with a
/// truncated body: a client must not assume that a failed call changed nothing.
///
/// The create call (`POST .../task`) has faults of its own, drawn from the same seeded generator after
/// the general draw, for create calls only (so they leave the other calls' faults unchanged). A second
/// number `v` in `[0, 1)`: `v < createFailRate` answers HTTP 500 BEFORE the task is stored; else
/// `v < createFailRate + createCommitThenFailRate` stores the task, then answers HTTP 500 with an error
/// envelope; else `v < … + createCommitThenDropRate` stores the task, then drops the connection
/// mid-answer. `createHiddenSeconds` hides each new task from every list call (with or without the
/// `name` filter) for that many seconds of wall time: the detail call still finds it by uuid. These are
/// the cases a client must survive without creating a task twice: "outcome unknown" answers to a call
/// that did create the task, and a list that does not show it yet.
public struct FaultOptions: Sendable, Hashable {
    /// Fixed delay before every call, in milliseconds.
    public var latencyMs: Int = 0
    /// Extra random delay, `0...jitterMs` milliseconds.
    public var jitterMs: Int = 0
    /// Share of calls answered HTTP 500 with an error envelope (code 500).
    public var failRate: Double = 0
    /// Share of calls answered HTTP 429 with `Retry-After` (code 429).
    public var throttleRate: Double = 0
    /// The `Retry-After` seconds of a throttled call (0 allowed).
    public var retryAfterSeconds: Int = 1
    /// Share of calls whose connection is closed mid-answer, after the change was applied.
    public var dropRate: Double = 0
    /// Seed of the fault RNG, so a run's faults can be replayed. `nil` seeds from the system RNG. It
    /// also seeds the uuids of created tasks, so a seeded run creates the same uuids.
    public var seed: UInt64?
    /// Share of create calls answered HTTP 500 (error envelope, code 500) before anything is stored.
    public var createFailRate: Double = 0
    /// Share of create calls whose task IS stored, then answered HTTP 500 with an error envelope.
    public var createCommitThenFailRate: Double = 0
    /// Share of create calls whose task IS stored, then whose connection is closed mid-answer (as
    /// `dropRate` does).
    public var createCommitThenDropRate: Double = 0
    /// Seconds of wall time during which a newly created task is missing from every list answer
    /// (items and `meta.total`); 0: listed at once.
    public var createHiddenSeconds: Double = 0

    public init() {}
}
