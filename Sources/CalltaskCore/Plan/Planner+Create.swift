public import CalltaskModels
public import CalltaskYAML
import Foundation

/// Creates: a spec no live task matches (no `uuid`, and no live task of its exact name).
extension Planner {
    /// What a create spec must set: every field the create call requires (../api/facts.md §2.2; `line`
    /// is sent as given, `holiday` as `[]` when the spec has none), and `task_type`, since there is no
    /// live task to fall back on and apply checks the new task's flavour against it.
    public static let createRequired: [(path: FieldPath, name: String)] = [
        (FieldPath(keys: "name"), "name"),
        (FieldPath(keys: "task_type"), "task_type"),
        (FieldPath(keys: "destination_extension"), "destination_extension"),
        (FieldPath(keys: "dial_time_id"), "dial_time_id"),
        (FieldPath(keys: "maximumcall"), "maximumcall"),
        (FieldPath(keys: "task_extras", "start_time"), "task_extras.start_time"),
        (FieldPath(keys: "task_extras", "stop_time"), "task_extras.stop_time"),
        (FieldPath(keys: "task_extras", "line"), "task_extras.line"),
    ]

    /// A name as the platform might compare it: whitespace trimmed, Unicode NFKC. Two names equal this
    /// way but not byte for byte are a collision: a reviewer cannot tell them apart.
    public static func collisionKey(_ name: String) -> String {
        name.trimmingCharacters(in: .whitespacesAndNewlines).precomposedStringWithCompatibilityMapping
    }

    /// The create plans of the specs no live task matches, the specs with a `uuid` that matches nothing
    /// (errors), and the located errors of creates that cannot be made.
    static func createPlans(_ matched: Matcher.Result) -> (tasks: [TaskPlan], unmatched: [UnmatchedSpec], diagnostics: [Diagnostic]) {
        var tasks: [TaskPlan] = []
        var unmatched: [UnmatchedSpec] = []
        var diagnostics: [Diagnostic] = []
        guard !matched.unmatched.isEmpty else { return ([], [], []) }
        var liveKeys: [String: String] = [:]
        for name in matched.matches.compactMap(\.live.name) + matched.unmanaged.map(\.name) {
            liveKeys[collisionKey(name)] = name
        }
        var specKeys: [String: LoadedSpec] = [:]
        for (loaded, _) in matched.matches {
            if let name = loaded.spec.config.name { specKeys[collisionKey(name)] = loaded }
        }
        for (unmatchedSpec, loaded) in zip(matched.unmatched, matched.unmatchedSpecs) {
            if unmatchedSpec.uuid != nil {
                unmatched.append(unmatchedSpec)
                continue
            }
            var problems: [Diagnostic] = []
            let name = loaded.spec.config.name ?? ""
            let closest = unmatchedSpec.closest.first
            let typo = closest.map { "; the closest live name is '\($0)'" } ?? ""
            for (path, field) in createRequired where !FieldTable.manages(loaded.spec.config, path: field) {
                problems.append(Diagnostic(
                    at: loaded.location(of: path), path: path,
                    "required to create a task: no live task is named '\(name)', so this spec is a create\(typo)",
                    hint: "add \(field) (the create call needs it), or add 'uuid:' or fix the name to manage an existing task"))
            }
            let key = collisionKey(name)
            let namePath = FieldPath(keys: "name")
            if let live = liveKeys[key] {
                problems.append(Diagnostic(
                    at: loaded.location(of: namePath), path: namePath,
                    "'\(name)' differs from the live task '\(live)' only in whitespace or Unicode form: a create would make a "
                        + "second task that reviewers cannot tell apart",
                    hint: "write the live name exactly to manage that task, or choose a distinct name"))
            } else if let other = specKeys[key] {
                problems.append(Diagnostic(
                    at: loaded.location(of: namePath), path: namePath,
                    "'\(name)' and the spec at \(other.location(of: namePath)) name one task after trimming whitespace and Unicode NFKC",
                    hint: "give the two specs distinct names",
                    notes: [.init(location: other.location(of: namePath), message: "the other spec")]))
            }
            specKeys[key] = specKeys[key] ?? loaded
            if !problems.isEmpty {
                diagnostics += problems
                continue
            }
            tasks.append(createPlan(loaded, unmatched: unmatchedSpec))
        }
        return (tasks, unmatched, diagnostics)
    }

    /// The steps of a create: the create call, a pause if the new task starts running (the platform
    /// refuses to update a running 2.0 task), the update that writes the rest of the spec, and a resume
    /// only when the spec says `enable: true`.
    static func createSteps(enable: Bool?) -> [ApplyStep] {
        enable == true ? [.create, .pause, .update, .resume] : [.create, .pause, .update]
    }

    /// A create's plan: every field the spec sets, shown as new; the closest live names in a note, and a
    /// warning when one is a likely typo (a create makes a second task).
    static func createPlan(_ loaded: LoadedSpec, unmatched: UnmatchedSpec) -> TaskPlan {
        let desired = Canonical.canonicalize(loaded.spec.config)
        var changes: [FieldChange] = []
        for field in FieldTable.fields {
            if let value = field.shown(desired) { changes.append(FieldChange(path: field.path, old: nil, new: value)) }
        }
        var warnings: [String] = []
        var notes: [String] = []
        let name = loaded.spec.config.name ?? ""
        if let closest = Suggestion.closest(to: name, in: unmatched.closest) {
            warnings.append("no live task is named '\(name)', but '\(closest)' is \(Suggestion.editDistance(name, closest)) edit(s) away: "
                            + "if this spec means that task, fix the name; apply would create a second task")
        } else if !unmatched.closest.isEmpty {
            notes.append("no live task has this name (closest: " + unmatched.closest.joined(separator: ", ") + ")")
        }
        notes.append("the new task's run state is read after the create, never assumed: it is paused for the update if it starts "
                     + "running, and resumed only when the spec says enable: true")
        // What the spec leaves out cannot be predicted before the task exists (the create call's answer
        // and a new task's defaults are not documented): said, never invented.
        notes.append("fields this spec does not set take whatever the platform gives a new task; the update after the create "
                     + "writes them back as read, and its read-back is checked like any update's")
        return TaskPlan(
            uuid: "", name: name, source: loaded.location.description, action: .create, enabled: false,
            steps: createSteps(enable: loaded.spec.enable), changes: changes,
            enableChange: loaded.spec.enable.map { .init(from: false, to: $0) }, warnings: warnings,
            desired: loaded.spec.config, desiredEnable: loaded.spec.enable, fingerprint: "", digest: TaskDigest.of(loaded),
            notes: notes, runState: RunState(enable: false, callStatus: nil))
    }

    /// The update that follows a create, planned from the new task's detail: the rest of the spec laid
    /// over what the create made, with the run-state steps of any update; the task ends running only
    /// when the spec says `enable: true`. Same digest as the create, so a reviewed create stays reviewed.
    public static func followUp(of create: TaskPlan, uuid: String, detail: LiveTask) -> TaskPlan {
        var live = detail
        if live.uuid.isEmpty { live.uuid = uuid }
        let normalized = Normalizer.normalize(live)
        let desired = Canonical.canonicalize(create.desired)
        let changes = Differ.diff(desired: desired, live: normalized)
        let wanted = create.desiredEnable ?? false
        let steps = Self.steps(running: normalized.enabled, update: !changes.isEmpty, wanted: wanted)
        var task = TaskPlan(
            uuid: uuid, name: create.name, source: create.source, action: .update, enabled: normalized.enabled, steps: steps,
            changes: changes, enableChange: wanted == normalized.enabled ? nil : .init(from: normalized.enabled, to: wanted),
            warnings: [], desired: create.desired, desiredEnable: wanted, fingerprint: Fingerprint.of(normalized),
            digest: create.digest, runState: RunState(enable: normalized.enabled, callStatus: normalized.callStatus))
        if !changes.isEmpty {
            task.sideEffects = SideEffectPredictor.predict(detail: live, normalized: normalized, desired: desired, changes: changes)
        }
        return task
    }
}
