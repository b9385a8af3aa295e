import Foundation

/// Renders a plan for terminals and CI logs (text), tools (JSON) and pull requests (Markdown).
public enum PlanRenderer {
    /// Terraform-like text: a header per task, one line per changed field, a summary line.
    public static func text(_ plan: Plan, style: TerminalStyle = .plain, showUnmanaged: Bool = false) -> String {
        var out = ""
        for task in plan.tasks where task.action != .noChange {
            out += header(task, style: style) + "\n"
            for change in task.changes { out += changeLines(change, style: style) }
            if let enable = task.enableChange {
                out += "      enable: \(enable.from) → \(enable.to)\n"
            }
            for warning in task.warnings { out += "    " + style.yellow("warning: ") + warning + "\n" }
            out += "\n"
        }
        for create in plan.creates {
            out += style.green("+") + " " + style.bold(create.name) + (create.uuid.map { " (\($0))" } ?? "") + " — create (not supported yet)\n"
            out += "    spec: \(create.source)\n"
            out += "    no live task has this " + (create.uuid == nil ? "name" : "uuid")
            if !create.closest.isEmpty { out += "; closest live names: " + create.closest.joined(separator: ", ") }
            out += "\n    to adopt a task made in the web console: calltask export --out DIR --target NAME\n\n"
        }
        if showUnmanaged, !plan.unmanaged.isEmpty {
            out += "Unmanaged tasks (no spec names them; never touched):\n"
            for task in plan.unmanaged { out += "    \(task.name) (\(task.uuid))\n" }
            out += "\n"
        }
        for note in plan.notes { out += "note: \(note)\n" }
        out += summary(plan) + "\n"
        return out
    }

    static func header(_ task: TaskPlan, style: TerminalStyle) -> String {
        switch task.action {
        case .update:
            let steps = task.steps == ["update"] ? "" : " (" + task.steps.joined(separator: " → ") + ")"
            return style.yellow("~") + " " + style.bold(task.name) + " (\(task.uuid)) — update" + steps
        case .skipAbnormal:
            return style.red("!") + " " + style.bold(task.name) + " (\(task.uuid)) — skipped: abnormal task"
        case .noChange:
            return "  \(task.name) (\(task.uuid)) — no changes"
        }
    }

    static func changeLines(_ change: FieldChange, style: TerminalStyle) -> String {
        if change.added != nil || change.removed != nil {
            var out = "      \(change.path):\n"
            for item in change.removed ?? [] { out += "        " + style.red("- \(item)") + "\n" }
            for item in change.added ?? [] { out += "        " + style.green("+ \(item)") + "\n" }
            if change.added?.isEmpty != false, change.removed?.isEmpty != false {
                out += "        \(change.old?.description ?? "(unknown)") → \(change.new?.description ?? "null")\n"
            }
            return out
        }
        return "      \(change.path): " + style.red(change.old?.description ?? "(not set)") + " → " + style.green(change.new?.description ?? "null") + "\n"
    }

    /// `Plan: N to update, M unchanged, K unmanaged.` plus creates, skips and requests.
    public static func summary(_ plan: Plan) -> String {
        var parts = ["\(plan.toUpdate.count) to update", "\(plan.unchanged.count) unchanged", "\(plan.unmanaged.count) unmanaged"]
        let skipped = plan.tasks.filter { $0.action == .skipAbnormal }.count
        if skipped > 0 { parts.append("\(skipped) skipped (abnormal)") }
        if !plan.creates.isEmpty { parts.append("\(plan.creates.count) to create (not supported)") }
        return "Plan: " + parts.joined(separator: ", ") + ". (\(plan.requests) request\(plan.requests == 1 ? "" : "s"))"
    }

    /// The versioned JSON form (`format_version`); README documents it.
    public static func json(_ plan: Plan) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(plan) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    /// GitHub's limit for an issue or pull-request comment body.
    public static let commentLimit = 65_536

    /// A pull-request comment: a summary table and one collapsible section per changed task, cut to
    /// stay under `limit` characters with a note saying how many tasks were left out.
    public static func markdown(_ plan: Plan, limit: Int = commentLimit) -> String {
        var head = "### calltask plan\n\n"
        head += "`\(plan.account)`\n\n"
        head += "| to update | unchanged | unmanaged | to create | requests |\n|---:|---:|---:|---:|---:|\n"
        head += "| \(plan.toUpdate.count) | \(plan.unchanged.count) | \(plan.unmanaged.count) | \(plan.creates.count) | \(plan.requests) |\n\n"
        var sections: [String] = []
        for task in plan.tasks where task.action != .noChange {
            var section = "<details><summary><code>\(escape(task.name))</code> — \(task.action == .update ? "update" : "skipped (abnormal)")"
            if task.steps.count > 1 { section += " (" + task.steps.joined(separator: " → ") + ")" }
            section += "</summary>\n\n"
            if !task.changes.isEmpty || task.enableChange != nil { section += "```diff\n" }
            for change in task.changes {
                section += "# \(change.path)\n"
                if change.added != nil || change.removed != nil {
                    for item in change.removed ?? [] { section += "- \(item)\n" }
                    for item in change.added ?? [] { section += "+ \(item)\n" }
                } else {
                    section += "- \(change.old?.description ?? "(not set)")\n+ \(change.new?.description ?? "null")\n"
                }
            }
            if let enable = task.enableChange { section += "# enable\n- \(enable.from)\n+ \(enable.to)\n" }
            if !task.changes.isEmpty || task.enableChange != nil { section += "```\n" }
            for warning in task.warnings { section += "\n> ⚠️ \(escape(warning))\n" }
            section += "\n</details>\n\n"
            sections.append(section)
        }
        for create in plan.creates {
            sections.append("❌ `\(escape(create.name))`: no live task matches (create is not supported yet)"
                            + (create.closest.isEmpty ? "" : "; closest: " + create.closest.map { "`\(escape($0))`" }.joined(separator: ", ")) + "\n\n")
        }
        var tail = ""
        for note in plan.notes { tail += "> \(note)\n" }
        tail += "\n" + summary(plan) + "\n"
        var body = head
        var shown = 0
        let reserve = 400 + tail.count
        for section in sections {
            if body.count + section.count + reserve > limit { break }
            body += section
            shown += 1
        }
        if shown < sections.count {
            body += "\n> \(sections.count - shown) more task section(s) left out to stay under GitHub's \(limit)-character comment limit; the full plan is in the CI log.\n"
        }
        return body + tail
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: "`", with: "'")
    }
}
