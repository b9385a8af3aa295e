extension PlanRenderer {
    /// GitHub's limit for an issue or pull-request comment body.
    public static let commentLimit = 65_536

    /// A pull-request comment, as GitHub renders comments (cmark-gfm with raw HTML and the tag filter):
    /// the counts of every outcome, one summary table with a row per task the plan shows, and one
    /// collapsible `<details>` section per such task holding everything about it.
    ///
    /// Under `limit` characters: sections are left out from the end (with a note saying how many) before
    /// any table row is; rows are cut only when the table alone would not fit. The digest of every task
    /// to update (`TaskDigest`) is kept whole in an HTML comment, for `apply --reviewed`, when it fits.
    public static func markdown(_ plan: Plan, limit: Int = commentLimit) -> String {
        var head = "### calltask plan\n\n"
        head += "<code>\(InertText.html(plan.account))</code>\n\n"
        if !plan.unfinishedApplies.isEmpty { head += unfinishedCallout(plan) }
        head += "**Plan:** " + markdownCounts(plan) + "\n\n"
        let shown = plan.tasks.filter { $0.action != .noChange || !$0.warnings.isEmpty }
        var rows = shown.map(tableRow)
        var sections = shown.map(section)
        for error in plan.unmatched {
            rows.append("| ❌ | <code>\(InertText.html(error.name))</code> | error: no live task has this uuid | — | — |\n")
            sections.append(section(error))
        }
        var tail = ""
        for note in plan.notes { tail += "> \(InertText.html(note))\n" }
        tail += "\n" + summary(plan) + "\n"
        var digests = digestComment(plan)
        if head.count + tail.count + digests.count + 600 > limit {
            digests = "\n<!-- calltask-digests-omitted: too many changed tasks to list within the comment limit; "
                + "apply --reviewed needs the JSON plan (plan --format json) -->\n"
        }
        let tableHead = "| | task | action | steps | fields |\n|---|---|---|---|---:|\n"
        let reserve = 400 + tail.count + digests.count
        var body = head
        var length = body.count
        if !rows.isEmpty {
            body += tableHead
            length += tableHead.count
            let kept = appendWhileFitting(rows, to: &body, length: &length, limit: limit - reserve)
            if kept < rows.count {
                body += "\n> \(rows.count - kept) more row(s) left out to stay under GitHub's \(limit)-character comment limit; "
                    + "the full plan is in the CI log.\n"
                sections = Array(sections.prefix(kept))
            }
            body += "\n"
            length = body.count
        }
        let kept = appendWhileFitting(sections, to: &body, length: &length, limit: limit - reserve)
        if kept < sections.count {
            body += "\n> The details of \(sections.count - kept) more task(s) were left out to stay under GitHub's \(limit)-character "
                + "comment limit; each still has its row in the table above, and the full plan is in the CI log.\n"
        }
        return body + digests + tail
    }

    /// Appends `pieces` in order while `body` stays within `limit` characters; returns how many fit.
    /// `length` is `body.count`, kept up to date (counting a long `String` again each time is slow).
    static func appendWhileFitting(_ pieces: [String], to body: inout String, length: inout Int, limit: Int) -> Int {
        var kept = 0
        for piece in pieces {
            let count = piece.count
            if length + count > limit { break }
            body += piece
            length += count
            kept += 1
        }
        return kept
    }

    /// Every outcome counted, zeros included: `0 to create · 2 to update · 1 unchanged · …`.
    static func markdownCounts(_ plan: Plan) -> String {
        ["\(plan.toCreate.count) to create", "\(plan.toUpdate.count) to update", "\(plan.unchanged.count) unchanged",
                "\(plan.unmanaged.count) unmanaged", "\(plan.skipped.count) skipped (abnormal)",
                "\(plan.unmatched.count) error\(plan.unmatched.count == 1 ? "" : "s")",
                "\(plan.requests) request\(plan.requests == 1 ? "" : "s")"].joined(separator: " · ")
    }

    static func unfinishedCallout(_ plan: Plan) -> String {
        var out = "> [!WARNING]\n> An earlier apply was interrupted and left \(plan.unfinishedApplies.count) task(s) unfinished "
            + "(apply journal); their live run state is not the one the operator chose. Run <code>calltask recover</code> first "
            + "(apply does it too).\n"
        for task in plan.unfinishedApplies {
            out += "> - <code>\(InertText.html(task.name))</code> (<code>\(InertText.html(task.uuid))</code>): should be "
                + (task.intendedEnable ? "running" : "paused") + "\n"
        }
        return out + "\n"
    }

    /// What the plan does to a task, in a few words: `update`, `forced update`, `skipped (abnormal)`.
    static func actionWords(_ task: TaskPlan) -> String {
        switch task.action {
        case .update: return task.forced && task.changes.isEmpty ? "forced update" : "update"
        case .create: return "create"
        case .skipAbnormal: return "skipped (abnormal)"
        case .noChange: return "no changes, \(task.warnings.count) warning\(task.warnings.count == 1 ? "" : "s")"
        }
    }

    static func marker(_ task: TaskPlan) -> String {
        switch task.action {
        case .update: return "~"
        case .create: return "+"
        case .skipAbnormal: return "!"
        case .noChange: return "⚠️"
        }
    }

    /// `| ~ | name | update | pause → update → resume | 3 (+1 side effect) |`.
    static func tableRow(_ task: TaskPlan) -> String {
        let steps = task.action == .create ? createSteps(task) : task.action == .update ? task.steps.arrowed : "—"
        var fields = "\(changedFieldCount(task))"
        if !task.sideEffects.isEmpty { fields += " (+\(task.sideEffects.count) side effect\(task.sideEffects.count == 1 ? "" : "s"))" }
        return "| \(marker(task)) | <code>\(InertText.html(task.name))</code> | \(actionWords(task)) | \(steps) | \(fields) |\n"
    }

    /// One task's `<details>` block: its spec, its changes as a diff, side effects, warnings and notes.
    static func section(_ task: TaskPlan) -> String {
        var section = "<details><summary><code>\(InertText.html(task.name))</code> — \(actionWords(task))"
        if task.action == .create {
            section += " (" + createSteps(task) + ")"
        } else if task.steps.count > 1 {
            section += " (" + task.steps.arrowed + ")"
        }
        if task.action == .update { section += "; now \(task.runState)" }
        section += "</summary>\n\nSpec: <code>\(InertText.html(task.source))</code>\n\n"
        if !task.changes.isEmpty || task.enableChange != nil {
            section += "```diff\n"
            if task.action == .create {
                for change in task.changes { section += "+ \(InertText.line(change.path)): \(change.new?.description ?? "null")\n" }
                if let enable = task.enableChange { section += "+ enable: \(enable.to)\n" }
            } else {
                for change in task.changes { section += diffLines(change) }
                if let enable = task.enableChange { section += "# enable\n- \(enable.from)\n+ \(enable.to)\n" }
            }
            section += "```\n"
        }
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
        return section + "\n</details>\n\n"
    }

    /// A spec whose `uuid` matches no live task (an error), as its own block.
    static func section(_ error: UnmatchedSpec) -> String {
        var section = "<details><summary><code>\(InertText.html(error.name))</code> — error: no live task has this uuid</summary>"
            + "\n\nSpec: <code>\(InertText.html(error.source))</code>\n\n"
        section += "No live task has the uuid <code>\(InertText.html(error.uuid ?? ""))</code>: fix or remove it."
        if !error.closest.isEmpty {
            section += " Closest live names: " + error.closest.map { "<code>\(InertText.html($0))</code>" }.joined(separator: ", ") + "."
        }
        return section + "\n\n</details>\n\n"
    }

    /// A change in a diff block: `# path`, then `- old` / `+ new`; for a list or object, element by
    /// element (a changed part as a `-`/`+` pair under its key, a move as a `!` line).
    static func diffLines(_ change: FieldChange) -> String {
        var out = "# \(InertText.line(change.path))\n"
        guard let elements = change.elements, !elements.isEmpty else {
            return out + "- \(change.old?.description ?? "(not set)")\n+ \(change.new?.description ?? "null")\n"
        }
        for element in elements {
            switch element.kind {
            case .removed: out += "- " + owner(element) + (element.old?.description ?? "null") + "\n"
            case .added: out += "+ " + owner(element) + (element.new?.description ?? "null") + "\n"
            case .changed:
                let label = elementLabel(element)
                out += "- \(label): \(element.old?.description ?? "(not set)")\n+ \(label): \(element.new?.description ?? "(not set)")\n"
            case .moved: out += "! " + movedLine(element) + "\n"
            }
        }
        return out
    }

    /// `<!-- calltask-digests: d1 d2 … -->`: the digest of every task the plan updates, for
    /// `apply --reviewed` (the comment a pull request shows is the plan that was reviewed). A task the
    /// review saw unchanged is not listed: if it needs an update at merge, nobody reviewed that update.
    static func digestComment(_ plan: Plan) -> String {
        let digests = plan.tasks.filter { $0.action == .update || $0.action == .create }.map(\.digest).filter { !$0.isEmpty }
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
