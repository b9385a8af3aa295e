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
            for change in task.changes { out += changeLines(change, style: style) }
            if let enable = task.enableChange {
                out += "      enable: \(enable.from) → \(enable.to)\n"
            }
            for effect in task.sideEffects { out += "      " + style.yellow("side effect: ") + sideEffectLine(effect) + "\n" }
            for warning in task.warnings { out += "    " + style.yellow("warning: ") + InertText.line(warning) + "\n" }
            for note in task.notes { out += "    note: " + InertText.line(note) + "\n" }
            out += "\n"
        }
        for create in plan.creates {
            out += style.green("+") + " " + style.bold(InertText.line(create.name)) + (create.uuid.map { " (\(InertText.line($0)))" } ?? "")
                + " — create (not supported yet)\n"
            out += "    spec: \(InertText.line(create.source))\n"
            out += "    no live task has this " + (create.uuid == nil ? "name" : "uuid")
            if !create.closest.isEmpty { out += "; closest live names: " + create.closest.map(InertText.line).joined(separator: ", ") }
            out += "\n    to adopt a task made in the web console: calltask export --out DIR --target NAME\n\n"
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

    static func changeLines(_ change: FieldChange, style: TerminalStyle) -> String {
        let path = InertText.line(change.path)
        if change.added != nil || change.removed != nil {
            var out = "      \(path):\n"
            for item in change.removed ?? [] { out += "        " + style.red("- \(item)") + "\n" }
            for item in change.added ?? [] { out += "        " + style.green("+ \(item)") + "\n" }
            if change.added?.isEmpty != false, change.removed?.isEmpty != false {
                out += "        \(change.old?.description ?? "(unknown)") → \(change.new?.description ?? "null")\n"
            }
            return out
        }
        return "      \(path): " + style.red(change.old?.description ?? "(not set)") + " → " + style.green(change.new?.description ?? "null") + "\n"
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
    /// stay under `limit` characters with a note saying how many tasks were left out. The digest of
    /// every task (`TaskDigest`) is kept whole in an HTML comment, for `apply --reviewed`.
    public static func markdown(_ plan: Plan, limit: Int = commentLimit) -> String {
        var head = "### calltask plan\n\n"
        head += "<code>\(InertText.html(plan.account))</code>\n\n"
        if !plan.unfinishedApplies.isEmpty {
            head += "> [!WARNING]\n> An earlier apply was interrupted and left \(plan.unfinishedApplies.count) task(s) unfinished "
                + "(apply journal); their live run state is not the one the operator chose. Run <code>calltask recover</code> first "
                + "(apply does it too).\n"
            for task in plan.unfinishedApplies {
                head += "> - <code>\(InertText.html(task.name))</code> (<code>\(InertText.html(task.uuid))</code>): should be "
                    + (task.intendedEnable ? "running" : "paused") + "\n"
            }
            head += "\n"
        }
        head += "| to update | unchanged | unmanaged | to create | requests |\n|---:|---:|---:|---:|---:|\n"
        head += "| \(plan.toUpdate.count) | \(plan.unchanged.count) | \(plan.unmanaged.count) | \(plan.creates.count) | \(plan.requests) |\n\n"
        var sections: [String] = []
        for task in plan.tasks where task.action != .noChange || !task.warnings.isEmpty {
            let kind: String
            switch task.action {
            case .update: kind = task.forced && task.changes.isEmpty ? "forced update" : "update"
            case .skipAbnormal: kind = "skipped (abnormal)"
            case .noChange: kind = "no changes, \(task.warnings.count) warning\(task.warnings.count == 1 ? "" : "s")"
            }
            var section = "<details><summary><code>\(InertText.html(task.name))</code> — \(kind)"
            if task.steps.count > 1 { section += " (" + task.steps.arrowed + ")" }
            if task.action == .update { section += "; now \(task.runState)" }
            section += "</summary>\n\nSpec: <code>\(InertText.html(task.source))</code>\n\n"
            if !task.changes.isEmpty || task.enableChange != nil { section += "```diff\n" }
            for change in task.changes {
                section += "# \(InertText.line(change.path))\n"
                if change.added != nil || change.removed != nil {
                    for item in change.removed ?? [] { section += "- \(item)\n" }
                    for item in change.added ?? [] { section += "+ \(item)\n" }
                } else {
                    section += "- \(change.old?.description ?? "(not set)")\n+ \(change.new?.description ?? "null")\n"
                }
            }
            if let enable = task.enableChange { section += "# enable\n- \(enable.from)\n+ \(enable.to)\n" }
            if !task.changes.isEmpty || task.enableChange != nil { section += "```\n" }
            if !task.sideEffects.isEmpty {
                section += "\nSide effects of the full update body (not in the spec):\n\n```diff\n"
                for effect in task.sideEffects {
                    section += "# \(InertText.line(effect.path)) (side effect: \(InertText.line(effect.reason)))\n"
                    section += "- \(effect.old?.description ?? "(not set)")\n"
                    section += effect.platformDecides ? "+ (platform decides)" + (effect.new.map { " sent: \($0)" } ?? "") + "\n"
                        : "+ \(effect.new?.description ?? "(not set)")\n"
                }
                section += "```\n"
            }
            for warning in task.warnings { section += "\n> ⚠️ \(InertText.html(warning))\n" }
            for note in task.notes { section += "\n> \(InertText.html(note))\n" }
            section += "\n</details>\n\n"
            sections.append(section)
        }
        for create in plan.creates {
            sections.append("❌ <code>\(InertText.html(create.name))</code>: no live task matches (create is not supported yet)"
                            + (create.closest.isEmpty ? "" : "; closest: " + create.closest.map { "<code>\(InertText.html($0))</code>" }.joined(separator: ", "))
                            + "\n\n")
        }
        var tail = ""
        for note in plan.notes { tail += "> \(InertText.html(note))\n" }
        tail += "\n" + summary(plan) + "\n"
        var digests = digestComment(plan)
        if head.count + tail.count + digests.count + 600 > limit {
            digests = "\n<!-- calltask-digests-omitted: too many changed tasks to list within the comment limit; "
                + "apply --reviewed needs the JSON plan (plan --format json) -->\n"
        }
        var body = head
        var shown = 0
        let reserve = 400 + tail.count + digests.count
        for section in sections {
            if body.count + section.count + reserve > limit { break }
            body += section
            shown += 1
        }
        if shown < sections.count {
            body += "\n> \(sections.count - shown) more task section(s) left out to stay under GitHub's \(limit)-character comment limit; the full plan is in the CI log.\n"
        }
        return body + digests + tail
    }

    /// `<!-- calltask-digests: d1 d2 … -->`: the digest of every task the plan updates, for
    /// `apply --reviewed` (the comment a pull request shows is the plan that was reviewed). A task the
    /// review saw unchanged is not listed: if it needs an update at merge, nobody reviewed that update.
    static func digestComment(_ plan: Plan) -> String {
        let digests = plan.toUpdate.map(\.digest).filter { !$0.isEmpty }
        var out = TaskDigest.markdownMarker + "\n"
        var line = ""
        for digest in digests {
            if line.count + digest.count > 100 {
                out += line + "\n"
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + digest
        }
        if !line.isEmpty { out += line + "\n" }
        return out + "-->\n"
    }
}
