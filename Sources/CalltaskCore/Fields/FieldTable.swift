public import CalltaskModels
import CalltaskYAML

/// Every settable task field as data, one row each: the one place that says how a field is read from
/// a GET answer, how it compares, how it is written into the update body, what a GET shows after the
/// write, how `export` writes it, how a plan shows it, and what docs/fields.md says about it.
///
/// `Normalizer`, `Canonical`, `Differ`, `UpdateBody`, `SpecExporter`, `Fingerprint`, `TaskDigest` and
/// `Planner.needsDetail` are loops over these rows; none of them names a field. The rows are in
/// `FieldTable+Rows.swift`; the table part of docs/fields.md is generated from them
/// (`FieldTable.markdown`). Adding a field is one row (README, "Contributing: adding a field").
///
/// The table is a value: tests drop a row from a copy and show that their checks then fail
/// (`FieldTableTests`, `FieldRoundTripTests`). Production code uses `FieldTable.standard`.
///
/// A `Field` holds several closures, so hot loops walk the table by index (`fields[index].isSet(…)`)
/// rather than copying each field out of it, and the table keeps the closures each loop needs in arrays
/// of their own.
public struct FieldTable: Sendable {
    /// How a field compares.
    public enum Comparison: Sendable, Hashable {
        /// Equal values (after canonical form), shown old → new.
        case value
        /// A set: put in a canonical order, shown as added and removed elements.
        case set
        /// Redial `da_status` codes against their read-back strings: write-only codes (11, 12) are
        /// not compared and strings with no code are shown verbatim (`Differ.redialChange`).
        case redialStatuses
    }

    /// Where a GET answer (list item or detail) carries a field.
    public enum LiveKey: Hashable, Sendable, CustomStringConvertible {
        /// The top level of the task.
        case top(LiveTask.CodingKeys)
        /// The dialer's copy, `new_task_extra` (远程任务): it wins when both copies carry a field (A1).
        case dialer(LiveExtras.CodingKeys)
        /// The local copy, `task_extras` (本地任务): fills in what the dialer's copy does not carry.
        case local(LiveExtras.CodingKeys)

        public var description: String {
            switch self {
            case .top(let key): key.rawValue
            case .dialer(let key): "new_task_extra." + key.rawValue
            case .local(let key): "task_extras." + key.rawValue
            }
        }
    }

    /// One settable field: a row of the table, type-erased (built by `top` or `extra`).
    public struct Field: Sendable {
        /// The key in its block (`redial_interval`).
        public let key: String
        /// Whether the field sits in `task_extras` (else at the top level of the body and the spec).
        public let inExtras: Bool
        /// The path in the update body and the spec (`task_extras.redial_interval`).
        public let path: String
        /// Where calltask reads it in a GET answer, in order of preference.
        public let live: [LiveKey]
        /// False when only the detail call returns it (../api/facts.md §2.6, docs/fields.md A8).
        public let inList: Bool
        public let comparison: Comparison
        /// Required in the update body (seed 001 / facts §2.3): a body without it is not sent.
        public let requiredInBody: Bool
        /// What docs/fields.md says about the field (generated from here).
        public let doc: Doc
        /// Why the docs do not settle what a GET shows after this field is written (with the seed line
        /// or A-numbered assumption), or nil when the read-back is predicted: a read-back that differs
        /// from the prediction then is a warning ("platform decides"), not a failed task.
        public let platformDecides: String?
        /// The key that identifies an element of this field's lists (at any depth), e.g. a line's `id`:
        /// plans show a list change element by element, matched by this key (`ElementDiff`). Nil when
        /// elements are matched by their whole value.
        public let elementKey: String?

        // Spec side: the field of a `TaskConfig`.
        let isSet: @Sendable (TaskConfig) -> Bool
        let equal: @Sendable (TaskConfig, TaskConfig) -> Bool
        /// Lays the source's value over the target's, when the source sets it (the update body).
        let copy: @Sendable (inout TaskConfig, TaskConfig) -> Void
        let clear: @Sendable (inout TaskConfig) -> Void
        /// The value as the update body encodes it (nil when unset): what fingerprints and digests hash.
        let value: @Sendable (TaskConfig) -> PlanValue?
        /// The value as a plan shows it (nil when unset): as a spec writes it, coded values by name.
        let shown: @Sendable (TaskConfig) -> PlanValue?
        /// Puts the value in canonical form (sets sorted); nil when the value is its own canonical form.
        let canonicalize: (@Sendable (inout TaskConfig) -> Void)?
        /// Clears a live value that means "not set" (A7), so the update body leaves it out; nil when none does.
        let omitUnsetLive: (@Sendable (inout TaskConfig) -> Void)?
        /// Turns a canonical value into what a GET shows after it is PUT (nil: the same value).
        let readBack: (@Sendable (inout TaskConfig) -> Void)?
        /// The spec form `export` writes, or nil when the field is unset or its value means unset.
        let export: @Sendable (TaskConfig, inout [String]) -> EmitNode?
        /// Sets the row's example value (the round-trip test writes it and reads it back).
        let setExample: @Sendable (inout TaskConfig) -> Void

        // Live side.
        let reader: Reader
    }

    /// How a field is read from a GET answer.
    enum Reader: Sendable {
        /// A top-level field, read from the task.
        case task(@Sendable (LiveTask, inout TaskConfig) -> Void)
        /// A `task_extras` field, read from each copy and merged: the dialer's wins (A1).
        ///
        /// - `read`: sets the field of the canonical block from one GET copy; may note redial strings
        ///   that no code writes.
        /// - `disagree`: both copies carry the field and their values differ.
        /// - `fill`: sets the target's field to the source's when the target does not carry it.
        case copies(
            read: @Sendable (LiveExtras, inout TaskExtras, inout [String]) -> Void,
            disagree: @Sendable (TaskExtras, TaskExtras) -> Bool,
            fill: @Sendable (inout TaskExtras, TaskExtras) -> Void)
    }

    /// How a `task_extras` field of the two GET copies is merged, in table order.
    struct CopyMerge: Sendable {
        let path: String
        let disagree: @Sendable (TaskExtras, TaskExtras) -> Bool
        let fill: @Sendable (inout TaskExtras, TaskExtras) -> Void
    }

    /// Every row, top level first, each block in its model's coding-key order (the update body's and
    /// the exported file's order).
    public let fields: [Field]
    /// The rows the task list returns (what a fingerprint covers), in table order.
    public let listFields: [Field]
    /// The top-level readers, in table order.
    let taskReaders: [@Sendable (LiveTask, inout TaskConfig) -> Void]
    /// The readers of one GET copy of `task_extras`, in table order.
    let copyReaders: [@Sendable (LiveExtras, inout TaskExtras, inout [String]) -> Void]
    let copyMerges: [CopyMerge]
    let canonicalizers: [@Sendable (inout TaskConfig) -> Void]
    let unsetLiveOmitters: [@Sendable (inout TaskConfig) -> Void]

    public init(fields: [Field]) {
        self.fields = fields
        listFields = fields.filter(\.inList)
        var taskReaders: [@Sendable (LiveTask, inout TaskConfig) -> Void] = []
        var copyReaders: [@Sendable (LiveExtras, inout TaskExtras, inout [String]) -> Void] = []
        var copyMerges: [CopyMerge] = []
        for field in fields {
            switch field.reader {
            case .task(let read):
                taskReaders.append(read)
            case .copies(let read, let disagree, let fill):
                copyReaders.append(read)
                copyMerges.append(CopyMerge(path: field.path, disagree: disagree, fill: fill))
            }
        }
        self.taskReaders = taskReaders
        self.copyReaders = copyReaders
        self.copyMerges = copyMerges
        canonicalizers = fields.compactMap(\.canonicalize)
        unsetLiveOmitters = fields.compactMap(\.omitUnsetLive)
    }

    /// The table calltask runs on (`FieldTable+Rows.swift`).
    public static let standard = FieldTable(fields: standardRows)

    /// The path a redial-status change is shown under (the codes are the part that is compared).
    public static let redialStatusPath = "task_extras.redial_conditions.da_status"

    /// Every settable field of the standard table.
    public static var fields: [Field] { standard.fields }

    /// Whether `config` sets the field at `path`.
    static func manages(_ config: TaskConfig, path: String) -> Bool {
        standard.fields.contains { $0.path == path && $0.isSet(config) }
    }

    /// The configuration restricted to the fields the task list returns (for fingerprints that a list
    /// and a detail read of the same task agree on).
    public static func listVisible(_ config: TaskConfig) -> TaskConfig {
        var out = config
        for field in standard.fields where !field.inList { field.clear(&out) }
        return out
    }

    /// A configuration holding every row's example value: every field set; together a valid spec.
    public var exampleConfig: TaskConfig {
        var config = TaskConfig()
        for field in fields { field.setExample(&config) }
        return config
    }

    /// What a GET shows after a body carrying `config` is PUT, in canonical form: the value of every
    /// field as the platform reads it back (redial codes 11 and 12 are never read back, for one).
    public func predictedReadBack(_ config: TaskConfig) -> TaskConfig {
        var out = Canonical.canonicalize(config, table: self)
        for field in fields { field.readBack?(&out) }
        return out
    }
}

// MARK: - Building rows

extension FieldTable {
    /// How a typed field compares: the kind, and how to put a value in canonical form.
    struct Compare<V: FieldValue>: Sendable {
        let kind: Comparison
        let canonical: (@Sendable (V) -> V)?

        /// Equal values; the value is its own canonical form (times and ids are canonical as decoded).
        static var exact: Compare { Compare(kind: .value, canonical: nil) }
        /// A set: order and repeats mean nothing; `canonical` sorts (and de-duplicates).
        static func set(_ canonical: @escaping @Sendable (V) -> V) -> Compare { Compare(kind: .set, canonical: canonical) }
        /// Redial codes against read-back strings (`Differ.redialChange`).
        static func redialStatuses(_ canonical: @escaping @Sendable (V) -> V) -> Compare {
            Compare(kind: .redialStatuses, canonical: canonical)
        }
    }

    /// A top-level row.
    ///
    /// - Parameters:
    ///   - key: the field's key in `TaskConfig` (and the update body, and the spec).
    ///   - get, set: the field of a `TaskConfig`.
    ///   - live: where GET answers carry it; `read` reads it from there.
    ///   - inList: whether the task list returns it (else only the detail does).
    ///   - required: whether the update body must carry it.
    ///   - compare: how it compares (`.exact` unless a set).
    ///   - bodyOmits: a live value that means "not set" (A7) and is left out of the update body.
    ///   - exportOmits: a value `export` leaves out as unset.
    ///   - readBack: what a GET shows after the (canonical) value is PUT, when that is not the value itself.
    ///   - example: a value a spec may hold; the rows' examples together are a valid spec
    ///     (`FieldTableTests`) and a body the simulator accepts. Each differs from the value of the
    ///     simulator's `insurance-renewal-2026`, which the round-trip test (`FieldRoundTripTests`)
    ///     overwrites with the examples and reads back.
    ///   - doc: what docs/fields.md says.
    static func top<V: FieldValue>(
        _ key: TaskConfig.CodingKeys,
        get: @escaping @Sendable (TaskConfig) -> V?,
        set: @escaping @Sendable (inout TaskConfig, V?) -> Void,
        live: [LiveKey], read: @escaping @Sendable (LiveTask) -> V?,
        inList: Bool = true, required: Bool = false, compare: Compare<V> = .exact,
        bodyOmits: (@Sendable (V) -> Bool)? = nil, exportOmits: (@Sendable (V) -> Bool)? = nil,
        readBack: (@Sendable (V) -> V)? = nil, platformDecides: String? = nil, elementKey: String? = nil,
        example: V, doc: Doc
    ) -> Field {
        make(key: key.rawValue, inExtras: false, live: live, inList: inList, required: required, compare: compare,
             bodyOmits: bodyOmits, exportOmits: exportOmits, readBack: readBack, platformDecides: platformDecides,
             elementKey: elementKey, example: example, doc: doc,
             get: get, set: set,
             reader: .task { task, config in set(&config, read(task)) })
    }

    /// A `task_extras` row: like `top`, with the field read from both GET copies of the block.
    ///
    /// - Parameter read: reads the field from one copy (`new_task_extra` or `task_extras`); it may append
    ///   read-back redial strings that no code writes to its second argument.
    static func extra<V: FieldValue>(
        _ key: TaskExtras.CodingKeys,
        get: @escaping @Sendable (TaskExtras) -> V?,
        set: @escaping @Sendable (inout TaskExtras, V?) -> Void,
        live liveKey: LiveExtras.CodingKeys, read: @escaping @Sendable (LiveExtras, inout [String]) -> V?,
        inList: Bool = true, required: Bool = false, compare: Compare<V> = .exact,
        bodyOmits: (@Sendable (V) -> Bool)? = nil, exportOmits: (@Sendable (V) -> Bool)? = nil,
        readBack: (@Sendable (V) -> V)? = nil, platformDecides: String? = nil, elementKey: String? = nil,
        example: V, doc: Doc
    ) -> Field {
        make(
            key: key.rawValue, inExtras: true, live: [.dialer(liveKey), .local(liveKey)], inList: inList,
            required: required, compare: compare, bodyOmits: bodyOmits, exportOmits: exportOmits,
            readBack: readBack, platformDecides: platformDecides, elementKey: elementKey, example: example, doc: doc,
            // Reads the one field in place (`flatMap` borrows the block; it is not copied).
            get: { (config: TaskConfig) -> V? in config.taskExtras.flatMap(get) },
            set: { (config: inout TaskConfig, value: V?) in
                // Creates `task_extras` only to hold a value.
                guard value != nil || config.taskExtras != nil else { return }
                var extras = config.taskExtras.take() ?? TaskExtras()
                set(&extras, value)
                config.taskExtras = extras
            },
            reader: .copies(
                read: { copy, extras, uncoded in set(&extras, read(copy, &uncoded)) },
                disagree: { remote, local in
                    guard let fromRemote = get(remote), let fromLocal = get(local) else { return false }
                    return fromRemote != fromLocal
                },
                fill: { target, source in
                    if get(target) == nil, let value = get(source) { set(&target, value) }
                }))
    }

    private static func make<V: FieldValue>(
        key: String, inExtras: Bool, live: [LiveKey], inList: Bool, required: Bool, compare: Compare<V>,
        bodyOmits: (@Sendable (V) -> Bool)?, exportOmits: (@Sendable (V) -> Bool)?, readBack: (@Sendable (V) -> V)?,
        platformDecides: String?, elementKey: String?, example: V, doc: Doc,
        get: @escaping @Sendable (TaskConfig) -> V?, set: @escaping @Sendable (inout TaskConfig, V?) -> Void,
        reader: Reader
    ) -> Field {
        let path = inExtras ? TaskConfig.CodingKeys.taskExtras.rawValue + "." + key : key
        /// Replaces a set value with `transform(value)` (nil clears it).
        func rewriting(_ transform: @escaping @Sendable (V) -> V?) -> @Sendable (inout TaskConfig) -> Void {
            { config in
                if let value = get(config) { set(&config, transform(value)) }
            }
        }
        let canonicalize = compare.canonical.map { canonical in rewriting { canonical($0) } }
        let omitUnsetLive = bodyOmits.map { unset in rewriting { unset($0) ? nil : $0 } }
        let predictReadBack = readBack.map { after in rewriting { after($0) } }
        let export: @Sendable (TaskConfig, inout [String]) -> EmitNode? = { config, warnings in
            guard let value = get(config) else { return nil }
            if let exportOmits, exportOmits(value) { return nil }
            return value.yaml(at: path, warnings: &warnings)
        }
        return Field(
            key: key, inExtras: inExtras, path: path, live: live, inList: inList, comparison: compare.kind,
            requiredInBody: required, doc: doc, platformDecides: platformDecides, elementKey: elementKey,
            isSet: { get($0) != nil },
            equal: { get($0) == get($1) },
            copy: { target, source in
                if let value = get(source) { set(&target, value) }
            },
            clear: { set(&$0, nil) },
            value: { get($0)?.planValue },
            shown: { get($0)?.shownValue },
            canonicalize: canonicalize,
            omitUnsetLive: omitUnsetLive,
            readBack: predictReadBack,
            export: export,
            setExample: { set(&$0, example) },
            reader: reader)
    }
}
