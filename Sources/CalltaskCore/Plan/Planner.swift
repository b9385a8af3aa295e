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
        let matched = Matcher.match(specs, live: live)
        var tasks: [TaskPlan] = []
        var writeOnlyUsed = false
        for (loaded, listed) in matched.matches {
            let source = details[listed.uuid] ?? listed
            let normalized = Normalizer.normalize(source)
            let desired = Canonical.canonicalize(loaded.spec.config)
            if desired.taskExtras?.redialConditions?.daStatus.contains(where: \.isWriteOnly) == true { writeOnlyUsed = true }
            var changes = Differ.diff(desired: desired, live: normalized)
            var warnings: [String] = []
            let managedFields = FieldTable.fields.filter { $0.isSet(desired) }
            let managed = Set(managedFields.map(\.path))
            for field in normalized.disagreements.sorted() where managed.contains(field) {
                warnings.append("\(field): the local copy (task_extras) and the dialer's copy (new_task_extra) disagree; an apply rewrites both")
            }
            let managesRedial = managedFields.contains { $0.comparison == .redialStatuses }
            if !managesRedial, !normalized.uncodedRedialStatuses.isEmpty, !changes.isEmpty {
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
            tasks.append(TaskPlan(
                uuid: listed.uuid, name: normalized.name, source: loaded.location.description, action: action,
                enabled: normalized.enabled, steps: steps, changes: changes, enableChange: enableChange, warnings: warnings,
                desired: loaded.spec.config, desiredEnable: loaded.spec.enable, fingerprint: Fingerprint.of(normalized)))
        }
        var notes: [String] = []
        if writeOnlyUsed {
            notes.append("redial codes 11 (blacklisted) and 12 (user_blocked) are write-only: the platform never reads them back, so they are sent but not compared")
        }
        let plan = Plan(account: account, specHash: specHash, tasks: tasks, creates: matched.unmatched,
                        unmanaged: matched.unmanaged, notes: notes, requests: requests)
        return (plan, matched.diagnostics)
    }
}
