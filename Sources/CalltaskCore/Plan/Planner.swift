public import CalltaskModels
public import CalltaskYAML

/// Computes a plan from validated specs and live tasks. Pure: no network, no clock, no files.
public enum Planner {
    public struct Options: Sendable {
        public var targets: [String]
        public var excludes: [String]
        /// Tasks to update even when no readable field differs (`--force-update`, by name or uuid).
        public var forceUpdates: [String]
        public init(targets: [String] = [], excludes: [String] = [], forceUpdates: [String] = []) {
            self.targets = targets
            self.excludes = excludes
            self.forceUpdates = forceUpdates
        }
    }

    /// The specs in scope after `--target` / `--exclude`, or the selectors that name no spec.
    ///
    /// A selector names a spec by the spec's `name` or `uuid`, or by the uuid of the live task of the
    /// spec's name (a spec without `uuid` can be targeted by its task's id). A selector of `--target`,
    /// `--exclude` or `--force-update` that names no spec is an error: a typo must not turn an apply
    /// into a silent no-op (or a forced update into none).
    public static func scope(_ specs: [LoadedSpec], options: Options, live: [LiveTask] = []) -> Result<[LoadedSpec], ScopeError> {
        var liveNameByUUID: [String: String]?
        func names(_ loaded: LoadedSpec, _ selector: String) -> Bool {
            if selector == loaded.spec.config.name || selector == loaded.spec.uuid { return true }
            guard loaded.spec.uuid == nil, let name = loaded.spec.config.name else { return false }
            if liveNameByUUID == nil {
                var map: [String: String] = [:]
                for task in live { if let name = task.name { map[task.uuid] = name } }
                liveNameByUUID = map
            }
            return liveNameByUUID?[selector] == name
        }
        var unknown: [ScopeError.Selector] = []
        let lists: [(flag: String, values: [String])] = [
            ("--target", options.targets), ("--exclude", options.excludes), ("--force-update", options.forceUpdates),
        ]
        for (flag, values) in lists {
            for value in values where !specs.contains(where: { names($0, value) }) {
                let candidates = specs.compactMap { $0.spec.config.name }
                unknown.append(.init(flag: flag, value: value, closest: Suggestion.nearest(to: value, in: candidates, count: 3)))
            }
        }
        if !unknown.isEmpty { return .failure(ScopeError(selectors: unknown)) }
        let scoped = specs.filter { loaded in
            if !options.targets.isEmpty, !options.targets.contains(where: { names(loaded, $0) }) { return false }
            return !options.excludes.contains { names(loaded, $0) }
        }
        return .success(scoped)
    }

    /// Whether `--force-update` names this spec (or its live task).
    static func isForced(_ loaded: LoadedSpec, live: LiveTask, options: Options) -> Bool {
        options.forceUpdates.contains {
            $0 == loaded.spec.config.name || $0 == loaded.spec.uuid || $0 == live.uuid
        }
    }

    /// The tasks whose detail must be read: their spec manages a field the list does not return.
    public static func needsDetail(_ spec: TaskSpec) -> Bool {
        FieldTable.fields.contains { !$0.inList && $0.isSet(spec.config) }
    }

    /// The calls apply makes for a task: a running task is paused for an update (the platform refuses
    /// to update a running 2.0 task, 6007) and resumed unless the spec wants it paused.
    static func steps(running: Bool, update: Bool, wanted: Bool?) -> [ApplyStep] {
        let endsRunning = wanted ?? running
        var steps: [ApplyStep] = []
        if running && (update || !endsRunning) { steps.append(.pause) }
        if update { steps.append(.update) }
        if endsRunning && (!running || update) { steps.append(.resume) }
        return steps
    }

    /// Builds the plan from specs already matched to live tasks (a caller that matched them to decide
    /// which details to read need not match again).
    ///
    /// ```swift
    /// let matched = Matcher.match(scoped, live: listing.tasks)
    /// let details = try await readDetails(matched.matches.filter { Planner.needsDetail($0.spec.spec) }.map(\.live.uuid))
    /// let (plan, diagnostics) = Planner.plan(matched: matched, details: details, options: options,
    ///                                        account: account, specHash: hash, requests: requests)
    /// ```
    ///
    /// - Parameters:
    ///   - matched: `Matcher.match` of the validated, scoped specs against every live task from the list.
    ///   - details: detail answers for the tasks that needed them, by uuid.
    public static func plan(
        matched: Matcher.Result, details: [String: LiveTask],
        options: Options, account: String, specHash: String, requests: Int
    ) -> (plan: Plan, diagnostics: [Diagnostic]) {
        var tasks: [TaskPlan] = []
        tasks.reserveCapacity(matched.matches.count)
        var notes: [String] = []
        var diagnostics = matched.diagnostics
        for (loaded, listed) in matched.matches {
            let planned = taskPlan(loaded, listed: listed, details: details, forced: isForced(loaded, live: listed, options: options))
            tasks.append(planned.task)
            diagnostics += planned.diagnostics
            if let note = writeOnlyNote(planned) { notes.append(note) }
        }
        let creates = createPlans(matched)
        tasks += creates.tasks
        diagnostics += creates.diagnostics
        let plan = Plan(account: account, specHash: specHash, tasks: tasks, unmatched: creates.unmatched,
                        unmanaged: matched.unmanaged, notes: notes, requests: requests)
        return (plan, Diagnostic.sortedByLocation(diagnostics))
    }

    /// Plans again the tasks in `uuids` (by their position in `matched`), now that their details are
    /// read, and keeps the rest of `result`: the second pass of a plan, after reading the detail of every
    /// task to update, without planning the unchanged thousands twice.
    public static func replan(
        _ result: (plan: Plan, diagnostics: [Diagnostic]), matched: Matcher.Result, details: [String: LiveTask],
        options: Options, uuids: Set<String>, requests: Int
    ) -> (plan: Plan, diagnostics: [Diagnostic]) {
        var (plan, diagnostics) = result
        for (index, (loaded, listed)) in matched.matches.enumerated() where uuids.contains(listed.uuid) && plan.tasks.indices.contains(index) {
            let planned = taskPlan(loaded, listed: listed, details: details, forced: isForced(loaded, live: listed, options: options))
            plan.tasks[index] = planned.task
            diagnostics += planned.diagnostics
            if let note = writeOnlyNote(planned) { plan.notes.append(note) }
        }
        plan.requests = requests
        return (plan, Diagnostic.sortedByLocation(diagnostics))
    }

    /// The plan-wide note for a task whose spec sets write-only codes and which has no update to carry them.
    static func writeOnlyNote(_ planned: (task: TaskPlan, writeOnlyUsed: Bool, diagnostics: [Diagnostic])) -> String? {
        guard planned.writeOnlyUsed, planned.task.action == .noChange else { return nil }
        return "\(planned.task.name) (\(planned.task.uuid)) sets redial codes 11 (blacklisted) / 12 (user_blocked), "
            + "which the platform never reads back: they are written only with an update, and this task has none. "
            + "To write them now: --force-update \(planned.task.uuid)"
    }

    /// The plan for one matched task, and whether its spec names write-only redial codes.
    static func taskPlan(
        _ loaded: LoadedSpec, listed: LiveTask, details: [String: LiveTask], forced: Bool = false
    ) -> (task: TaskPlan, writeOnlyUsed: Bool, diagnostics: [Diagnostic]) {
        let normalized: NormalizedTask
        let detail = details.isEmpty ? nil : details[listed.uuid]
        if let detail {
            normalized = Normalizer.normalize(detail)
        } else {
            normalized = Normalizer.normalize(listed)
        }
        let desired = Canonical.canonicalize(loaded.spec.config)
        let writeOnlyUsed = desired.taskExtras?.redialConditions?.daStatus.contains(where: \.isWriteOnly) == true
        let changes = Differ.diff(desired: desired, live: normalized)
        var warnings: [String] = []
        if !normalized.disagreements.isEmpty {
            for path in normalized.disagreements.sorted() where FieldTable.manages(desired, path: path) {
                warnings.append("\(path): the local copy (task_extras) and the dialer's copy (new_task_extra) disagree; an apply rewrites both")
            }
        }
        if !normalized.uncodedRedialStatuses.isEmpty, !changes.isEmpty,
           !FieldTable.fields.contains(where: { $0.comparison == .redialStatuses && $0.isSet(desired) }) {
            warnings.append("redial da_status holds strings no code writes (" + normalized.uncodedRedialStatuses.joined(separator: ", ")
                            + "); an update carries only the coded statuses")
        }
        var enableChange: TaskPlan.EnableChange?
        if let wanted = loaded.spec.enable, wanted != normalized.enabled {
            enableChange = .init(from: normalized.enabled, to: wanted)
        }
        let action: TaskPlan.Action
        if normalized.abnormal {
            action = .skipAbnormal
            warnings.append("abnormal task: its new_task_extra is empty; the platform's docs say to delete and recreate it. Apply skips it.")
        } else {
            action = changes.isEmpty && enableChange == nil && !forced ? .noChange : .update
        }
        let update = !changes.isEmpty || forced
        let steps = action == .update ? Self.steps(running: normalized.enabled, update: update, wanted: loaded.spec.enable) : []
        var taskNotes: [String] = []
        if forced, action == .update {
            taskNotes.append(changes.isEmpty
                ? "forced update (--force-update): no readable field differs; the whole body is written again"
                : "forced update (--force-update): the body is written even if the changes above are reverted meanwhile")
        }
        if writeOnlyUsed, action == .update, update {
            taskNotes.append("redial codes 11 (blacklisted) / 12 (user_blocked) are written with this update; the platform never reads them back, so they are not compared")
        }
        var sideEffects: [SideEffect] = []
        var diagnostics: [Diagnostic] = []
        if action == .update, update, let detail {
            if case .success(let body) = UpdateBody.build(live: normalized, desired: loaded.spec.config) {
                diagnostics = MergedBodyRules.check(loaded, body: body)
            }
            sideEffects = SideEffectPredictor.predict(detail: detail, normalized: normalized, desired: desired, changes: changes)
            if sideEffects.contains(where: { $0.path == FieldTable.redialStatusPath }) {
                warnings.removeAll { $0.hasPrefix("redial da_status holds strings no code writes") }  // said below, with its reason
            }
            for effect in sideEffects where effect.losesInformation {
                warnings.append("side effect \(effect.path): \(effect.reason); what the platform had is lost")
            }
        }
        var task = TaskPlan(
            uuid: listed.uuid, name: normalized.name, source: loaded.location.description, action: action,
            enabled: normalized.enabled, steps: steps, changes: changes, enableChange: enableChange, warnings: warnings,
            desired: loaded.spec.config, desiredEnable: loaded.spec.enable, fingerprint: Fingerprint.of(normalized),
            forced: forced && action == .update, digest: TaskDigest.of(loaded), notes: taskNotes,
            runState: RunState(enable: normalized.enabled, callStatus: normalized.callStatus))
        task.sideEffects = sideEffects
        return (task, writeOnlyUsed, diagnostics)
    }
}
