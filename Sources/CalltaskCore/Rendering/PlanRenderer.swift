import Foundation

/// Renders a plan for terminals and CI logs (text), tools (JSON) and pull requests (Markdown).
///
/// Every string that comes from a spec or the platform (names, values, warnings that quote them) goes
/// through `InertText`, so data never makes a line of its own, opens HTML or closes a block.
public enum PlanRenderer {
    /// Terraform-like text: a header per task, one line per changed field, a summary line.
    public static func text(_ plan: Plan, style: TerminalStyle = .plain, showUnmanaged: Bool = false) -> String {
        var out = ""
        if !plan.unfinishedApplies.isEmpty { out += unfinishedWarning(plan, style: style) + "\n" }
        // Changed tasks, and unchanged ones with warnings (copies that disagree): a reviewer sees both.
        for task in plan.tasks where task.action != .noChange || !task.warnings.isEmpty {
            out += header(task, style: style) + "\n"
            out += "    spec: \(InertText.line(task.source))\n"
            if task.action == .create {
                for change in task.changes {
                    out += "      " + style.green("+ \(InertText.line(change.path)): \(change.new?.description ?? "null")") + "\n"
                }
                if let enable = task.enableChange { out += "      " + style.green("+ enable: \(enable.to)") + "\n" }
            } else {
                for change in task.changes { out += changeLines(change, style: style) }
                if let enable = task.enableChange {
                    out += "      enable: \(enable.from) → \(enable.to)\n"
                }
            }
            for effect in task.sideEffects { out += "      " + style.yellow("side effect: ") + sideEffectLine(effect) + "\n" }
            for warning in task.warnings { out += "    " + style.yellow("warning: ") + InertText.line(warning) + "\n" }
            for note in task.notes { out += "    note: " + InertText.line(note) + "\n" }
            out += "\n"
        }
        for error in plan.unmatched {
            out += style.red("!") + " " + style.bold(InertText.line(error.name)) + " (\(InertText.line(error.uuid ?? ""))) — error: no live task has this uuid\n"
            out += "    spec: \(InertText.line(error.source))\n"
            if !error.closest.isEmpty { out += "    closest live names: " + error.closest.map(InertText.line).joined(separator: ", ") + "\n" }
            out += "    fix or remove the uuid (without one, a spec that matches no live name creates a task)\n\n"
        }
        if showUnmanaged, !plan.unmanaged.isEmpty {
            out += "Unmanaged tasks (no spec names them; never touched):\n"
            for task in plan.unmanaged { out += "    \(InertText.line(task.name)) (\(InertText.line(task.uuid)))\n" }
            out += "\n"
        }
        for note in plan.notes { out += "note: \(InertText.line(note))\n" }
        out += summary(plan) + "\n"
        return out
    }

    /// The warning a plan opens with when an earlier apply was interrupted: which tasks it left, and
    /// that `calltask recover` puts them back before anything else.
    public static func unfinishedWarning(_ plan: Plan, style: TerminalStyle = .plain) -> String {
        var out = style.yellow("warning: ") + "an earlier apply was interrupted and left \(plan.unfinishedApplies.count) task(s) "
            + "unfinished (apply journal); their live run state is not the one the operator chose:\n"
        for task in plan.unfinishedApplies {
            out += "    \(InertText.line(task.name)) (\(InertText.line(task.uuid))): should be \(task.intendedEnable ? "running" : "paused")\n"
        }
        out += "  Run 'calltask recover' first (apply does it too); this plan shows them as they are now.\n"
        return out
    }

    static func header(_ task: TaskPlan, style: TerminalStyle) -> String {
        let name = style.bold(InertText.line(task.name))
        switch task.action {
        case .update:
            let steps = task.steps == [.update] ? "" : " (" + task.steps.arrowed + ")"
            let kind = task.forced && task.changes.isEmpty ? "forced update" : "update"
            return style.yellow("~") + " " + name + " (\(InertText.line(task.uuid))) — " + kind + steps + "; now \(task.runState)"
        case .create:
            return style.green("+") + " " + name + " — create (" + createSteps(task) + ")"
        case .skipAbnormal:
            return style.red("!") + " " + name + " (\(InertText.line(task.uuid))) — skipped: abnormal task"
        case .noChange:
            return "  \(name) (\(InertText.line(task.uuid))) — no changes"
        }
    }

    /// `path: old → new (reason)`; a value the platform decides is shown as such, never invented.
    static func sideEffectLine(_ effect: SideEffect) -> String {
        let new = effect.platformDecides ? "platform decides" + (effect.new.map { " (sent: \($0))" } ?? "") : (effect.new?.description ?? "(not set)")
        return InertText.line(effect.path) + ": " + (effect.old?.description ?? "(not set)") + " → " + new + " — " + InertText.line(effect.reason)
    }

    /// One change: `path: old → new` for a value; for a list or object, one line per element changed
    /// (`- removed`, `+ added`, `~ [id: "L1"].limit: 5 → 10`, `~ [sort: 2]: moved [1] → [0]`).
    static func changeLines(_ change: FieldChange, style: TerminalStyle) -> String {
        let path = InertText.line(change.path)
        guard let elements = change.elements, !elements.isEmpty else {
            return "      \(path): " + style.red(change.old?.description ?? "(not set)") + " → " + style.green(change.new?.description ?? "null") + "\n"
        }
        var out = "      \(path):\n"
        for element in elements {
            switch element.kind {
            case .removed: out += "        " + style.red("- " + owner(element) + (element.old?.description ?? "null")) + "\n"
            case .added: out += "        " + style.green("+ " + owner(element) + (element.new?.description ?? "null")) + "\n"
            case .changed:
                out += "        " + style.yellow("~") + " " + elementLabel(element) + ": " + style.red(element.old?.description ?? "(not set)")
                    + " → " + style.green(element.new?.description ?? "(not set)") + "\n"
            case .moved: out += "        " + style.yellow("~") + " " + movedLine(element) + "\n"
            }
        }
        return out
    }

    /// Where an element change is: its key or position and part (`[id: "L1"].limit`), or `(value)` for a
    /// set element matched by value.
    static func elementLabel(_ element: ElementChange) -> String {
        element.at.isEmpty ? "(value)" : InertText.line(element.at)
    }

    /// `list: ` for an element added to or removed from a list inside the field's object (a multi-config's
    /// `list`); empty for the field's own list, whose path heads the lines.
    static func owner(_ element: ElementChange) -> String {
        guard let bracket = element.at.firstIndex(of: "["), bracket != element.at.startIndex else {
            return element.at.isEmpty || element.at.hasPrefix("[") ? "" : InertText.line(element.at) + ": "
        }
        return InertText.line(String(element.at[..<bracket])) + ": "
    }

    /// `[sort: 2]: moved [1] → [0]`, or `{value}: moved [1] → [0]` for an element without a key.
    static func movedLine(_ element: ElementChange) -> String {
        let label = element.at.hasPrefix("[") && !element.at.contains(": ") ? (element.new?.description ?? "null") : elementLabel(element)
        return label + ": moved [\(element.from ?? 0)] → [\(element.to ?? 0)]"
    }

    /// The number of fields a task's plan changes (the run state counts as one).
    static func changedFieldCount(_ task: TaskPlan) -> Int {
        task.changes.count + (task.enableChange == nil ? 0 : 1)
    }

    /// `create → pause if it starts running → update → resume`: the pause depends on how the new task
    /// starts, which is read after the create, never assumed.
    static func createSteps(_ task: TaskPlan) -> String {
        task.steps.map { $0 == .pause ? "pause if it starts running" : $0.rawValue }.joined(separator: " → ")
    }

    /// `Plan: N to update, M unchanged, K unmanaged.` with creates, skips and errors when there are any,
    /// and the requests made.
    public static func summary(_ plan: Plan) -> String {
        var parts = ["\(plan.toUpdate.count) to update", "\(plan.unchanged.count) unchanged", "\(plan.unmanaged.count) unmanaged"]
        if !plan.toCreate.isEmpty { parts.insert("\(plan.toCreate.count) to create", at: 0) }
        if !plan.skipped.isEmpty { parts.append("\(plan.skipped.count) skipped (abnormal)") }
        if !plan.unmatched.isEmpty { parts.append("\(plan.unmatched.count) error\(plan.unmatched.count == 1 ? "" : "s") (uuid matches no live task)") }
        return "Plan: " + parts.joined(separator: ", ") + ". (\(plan.requests) request\(plan.requests == 1 ? "" : "s"))"
    }

    /// The versioned JSON form (`format_version`); README documents it.
    public static func json(_ plan: Plan) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(plan) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
