public import CalltaskModels
public import CalltaskYAML

/// Computes a plan from validated specs and live tasks. Pure: no network, no clock, no files.
public enum Planner {
    public struct Options: Sendable {
        public var targets: [String]
        public var excludes: [String]
        public init(targets: [String] = [], excludes: [String] = []) {
            self.targets = targets
            self.excludes = excludes
        }
    }

    /// The specs in scope after `--target` / `--exclude` (by name or uuid).
    public static func scope(_ specs: [LoadedSpec], options: Options) -> [LoadedSpec] {
        specs.filter { loaded in
            let name = loaded.spec.config.name
            let uuid = loaded.spec.uuid
            if !options.targets.isEmpty, !Matcher.selected(name: name, uuid: uuid, by: options.targets) { return false }
            return !Matcher.selected(name: name, uuid: uuid, by: options.excludes)
        }
    }

    /// The tasks whose detail must be read: their spec manages a field the list does not return.
    public static func needsDetail(_ spec: TaskSpec) -> Bool {
        FieldTable.fields.contains { !$0.inList && $0.isSet(spec.config) }
    }

    /// The calls apply makes for a task: a running task is paused for an update (the platform refuses
    /// to update a running 2.0 task, 6007) and resumed unless the spec wants it paused.
    static func steps(running: Bool, update: Bool, wanted: Bool?) -> [String] {
        let endsRunning = wanted ?? running
        var steps: [String] = []
        if running && (update || !endsRunning) { steps.append("pause") }
        if update { steps.append("update") }
        if endsRunning && (!running || update) { steps.append("resume") }
        return steps
    }

    /// Builds the plan.
    ///
    /// - Parameters:
    ///   - specs: validated specs (already scoped).
    ///   - live: every live task from the list.
    ///   - details: detail answers for the tasks that needed them, by uuid.
    public static func plan(
        specs: [LoadedSpec], live: [LiveTask], details: [String: LiveTask],
        options: Options, account: String, specHash: String, requests: Int
    ) -> (plan: Plan, diagnostics: [Diagnostic]) {
        plan(matched: Matcher.match(specs, live: live), details: details, options: options, account: account,
             specHash: specHash, requests: requests)
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
        var writeOnlyUsed = false
        for (loaded, listed) in matched.matches {
            let planned = taskPlan(loaded, listed: listed, details: details)
            tasks.append(planned.task)
            writeOnlyUsed = writeOnlyUsed || planned.writeOnlyUsed
        }
        var notes: [String] = []
        if writeOnlyUsed {
            notes.append("redial codes 11 (blacklisted) and 12 (user_blocked) are write-only: the platform never reads them back, so they are sent but not compared")
        }
        let plan = Plan(account: account, specHash: specHash, tasks: tasks, creates: matched.unmatched,
                        unmanaged: matched.unmanaged, notes: notes, requests: requests)
        return (plan, matched.diagnostics)
    }

    /// The plan for one matched task, and whether its spec names write-only redial codes.
    static func taskPlan(
        _ loaded: LoadedSpec, listed: LiveTask, details: [String: LiveTask]
    ) -> (task: TaskPlan, writeOnlyUsed: Bool) {
        let normalized: NormalizedTask
        if !details.isEmpty, let detail = details[listed.uuid] {
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
            action = changes.isEmpty && enableChange == nil ? .noChange : .update
        }
        let steps = action == .update ? Self.steps(running: normalized.enabled, update: !changes.isEmpty, wanted: loaded.spec.enable) : []
        let task = TaskPlan(
            uuid: listed.uuid, name: normalized.name, source: loaded.location.description, action: action,
            enabled: normalized.enabled, steps: steps, changes: changes, enableChange: enableChange, warnings: warnings,
            desired: loaded.spec.config, desiredEnable: loaded.spec.enable, fingerprint: Fingerprint.of(normalized))
        return (task, writeOnlyUsed)
    }
}
