public import CalltaskModels

/// One field that differs between a spec and its live task.
public struct FieldChange: Codable, Hashable, Sendable {
    /// The field's path in the update body, e.g. `task_extras.redial_interval`.
    public var path: String
    /// Live value (nil when the live task does not carry it), as a spec writes it (coded values by name).
    public var old: PlanValue?
    /// Desired value, as a spec writes it.
    public var new: PlanValue?
    /// For a list or object field: what changed, element by element (`ElementDiff`); old/new are then
    /// the whole values. Nil for a scalar field, or when the live task does not carry the field.
    public var elements: [ElementChange]?

    public init(path: String, old: PlanValue?, new: PlanValue?, elements: [ElementChange]? = nil) {
        self.path = path
        self.old = old
        self.new = new
        self.elements = elements
    }
}

/// What the plan will do to one task.
public struct TaskPlan: Codable, Hashable, Sendable {
    public enum Action: String, Codable, Sendable {
        case update
        /// A spec no live task matches (no `uuid`, no live task of its name): apply creates the task.
        case create
        case noChange = "no-change"
        /// Abnormal tasks (empty `new_task_extra`) are excluded from apply.
        case skipAbnormal = "skip-abnormal"
    }

    public var uuid: String
    public var name: String
    /// Where the spec is: `file:line:column`.
    public var source: String
    public var action: Action
    /// Top-level `enable` at plan time.
    public var enabled: Bool
    /// The run state at plan time in the docs' words (`enable` with `new_task_extra.call_status`),
    /// shown beside the steps; the steps are decided by `enable` alone.
    public var runState: RunState
    /// The steps apply takes: `["update"]` or `["pause", "update", "resume"]` (or `"set run state"`).
    public var steps: [ApplyStep]
    public var changes: [FieldChange]
    /// The run-state change, when the spec sets `enable` and it differs.
    public var enableChange: EnableChange?
    public var warnings: [String]
    /// The spec's fields (what an apply lays over the live detail).
    public var desired: TaskConfig
    public var desiredEnable: Bool?
    /// A hash of the live task's normalized settable configuration (list-visible fields) at plan time.
    public var fingerprint: String
    /// Updated although no readable field differs (`--force-update`), e.g. to write redial codes 11/12.
    public var forced: Bool
    /// What the spec asks of the task (`TaskDigest`): `apply --reviewed` applies only reviewed digests.
    public var digest: String
    /// Facts about this task a reviewer should know that are not warnings (write-only values).
    public var notes: [String]
    /// What the update changes beyond the spec's changes, predicted from the task's detail
    /// (`SideEffectPredictor`); empty when the task is not updated.
    public var sideEffects: [SideEffect] = []

    public struct EnableChange: Codable, Hashable, Sendable {
        public var from: Bool
        public var to: Bool
        public init(from: Bool, to: Bool) {
            self.from = from
            self.to = to
        }
    }

    public init(
        uuid: String, name: String, source: String, action: Action, enabled: Bool, steps: [ApplyStep], changes: [FieldChange],
        enableChange: EnableChange?, warnings: [String], desired: TaskConfig, desiredEnable: Bool?, fingerprint: String,
        forced: Bool = false, digest: String = "", notes: [String] = [], runState: RunState? = nil
    ) {
        self.runState = runState ?? RunState(enable: enabled, callStatus: nil)
        self.uuid = uuid
        self.name = name
        self.source = source
        self.action = action
        self.enabled = enabled
        self.steps = steps
        self.changes = changes
        self.enableChange = enableChange
        self.warnings = warnings
        self.desired = desired
        self.desiredEnable = desiredEnable
        self.fingerprint = fingerprint
        self.forced = forced
        self.digest = digest
        self.notes = notes
    }

    enum CodingKeys: String, CodingKey {
        case uuid, name, source, action, enabled, steps, changes, warnings, desired, fingerprint, forced, digest, notes
        case enableChange = "enable_change"
        case runState = "run_state"
        case sideEffects = "side_effects"
        case desiredEnable = "desired_enable"
    }

    /// Whether an update (PUT) is sent: a field differs, or the update is forced.
    public var needsUpdate: Bool { !changes.isEmpty || forced }
}

/// A spec that matched no live task: with a `uuid` an error; without one, its create plan says why it
/// is a create, naming the closest live names.
public struct UnmatchedSpec: Codable, Hashable, Sendable {
    public var name: String
    public var uuid: String?
    public var source: String
    /// The closest live names (a typo is the likelier cause than a new task).
    public var closest: [String]
}

/// A task an earlier apply paused and did not finish (its journal entry is not done): the plan warns
/// first, since its live `enable` is not the state the operator chose, and `calltask recover` fixes it.
public struct UnfinishedApply: Codable, Hashable, Sendable {
    public var uuid: String
    public var name: String
    /// The run state the interrupted apply meant to leave it in.
    public var intendedEnable: Bool
    public init(uuid: String, name: String, intendedEnable: Bool) {
        self.uuid = uuid
        self.name = name
        self.intendedEnable = intendedEnable
    }

    enum CodingKeys: String, CodingKey {
        case uuid, name
        case intendedEnable = "intended_enable"
    }
}

/// A live task no spec names.
public struct UnmanagedTask: Codable, Hashable, Sendable {
    public var uuid: String
    public var name: String
    public init(uuid: String, name: String) {
        self.uuid = uuid
        self.name = name
    }
}

/// The result of `calltask plan`: what apply would change, and what it was computed from.
public struct Plan: Codable, Hashable, Sendable {
    /// The JSON format this calltask writes and reads. 2 added `spec_files`, `unfinished_applies`, and per
    /// task `digest`, `forced` and `notes`. 3 shows values as specs write them (coded values by name,
    /// flags as booleans, a holiday's start once), replaces `changes[].added`/`removed` with
    /// `changes[].elements`, plans creates as tasks of action `create` and renames `creates` (specs
    /// whose uuid matches nothing) to `unmatched`.
    public static let currentFormatVersion = 3
    /// Version of this JSON format; bumped on incompatible changes (README documents the format).
    public var formatVersion = Plan.currentFormatVersion
    /// The account the plan was read from (endpoint host, user id, sub user id).
    public var account: String
    /// Hash of the spec files the plan was made from.
    public var specHash: String
    /// The spec files the plan was made from, by normalized path, each with its own hash.
    public var specFiles: [SpecFileDigest] = []
    /// Every task the specs name: updates, unchanged, skipped and creates (`action`).
    public var tasks: [TaskPlan]
    /// Specs whose `uuid` matches no live task: errors (a uuid names a task that exists).
    public var unmatched: [UnmatchedSpec]
    public var unmanaged: [UnmanagedTask]
    /// Plan-wide notes, e.g. that redial codes 11 and 12 are write-only and not compared.
    public var notes: [String]
    /// HTTP requests the plan made (list pages and details).
    public var requests: Int
    /// Tasks an interrupted apply left unfinished (from the journal): shown first, as a warning.
    public var unfinishedApplies: [UnfinishedApply] = []

    public init(account: String, specHash: String, tasks: [TaskPlan], unmatched: [UnmatchedSpec], unmanaged: [UnmanagedTask], notes: [String], requests: Int) {
        self.account = account
        self.specHash = specHash
        self.tasks = tasks
        self.unmatched = unmatched
        self.unmanaged = unmanaged
        self.notes = notes
        self.requests = requests
    }

    enum CodingKeys: String, CodingKey {
        case formatVersion = "format_version"
        case specHash = "spec_hash"
        case unfinishedApplies = "unfinished_applies"
        case specFiles = "spec_files"
        case account, tasks, unmatched, unmanaged, notes, requests
    }

    public var toUpdate: [TaskPlan] { tasks.filter { $0.action == .update } }
    public var toCreate: [TaskPlan] { tasks.filter { $0.action == .create } }
    public var unchanged: [TaskPlan] { tasks.filter { $0.action == .noChange } }
    public var skipped: [TaskPlan] { tasks.filter { $0.action == .skipAbnormal } }
    /// Whether apply would change anything: an update or a create.
    public var hasChanges: Bool { tasks.contains { $0.action == .update || $0.action == .create } }
    /// A spec whose `uuid` matches no live task is an error.
    public var hasErrors: Bool { !unmatched.isEmpty }
}
