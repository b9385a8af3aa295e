public import CalltaskModels

/// Predicts the side effects of an update: every field the list and detail calls will report
/// differently afterwards that the spec's changes do not already show (Terraform shows every attribute
/// an apply changes; so does this). Pure: from the task's detail, as read, and the spec.
public enum SideEffectPredictor {
    /// The docs document what omitting a key does only for `bridge_group_id` (seed 001).
    static let omittedReason = "left out of the update body; what omitting a key does is documented only for bridge_group_id (seed 001)"

    /// - Parameters:
    ///   - detail: the task's detail answer (both copies of `task_extras`).
    ///   - normalized: `detail`, normalized.
    ///   - desired: the spec's fields.
    ///   - changes: the spec's changes (already shown; not repeated as side effects).
    public static func predict(detail: LiveTask, normalized: NormalizedTask, desired: TaskConfig, changes: [FieldChange],
                               table: FieldTable = .standard) -> [SideEffect] {
        guard case .success(let body) = UpdateBody.build(live: normalized, desired: desired) else { return [] }
        let shown = Set(changes.map(\.path))
        var predicted = table.predictedReadBack(body)
        var effects: [SideEffect] = []
        for field in table.fields where !shown.contains(field.path) {
            if !field.isSet(body) {
                // A live value that means "not set" (A7) is left out on purpose: nothing to show.
                var unset = normalized.config
                field.omitUnsetLive?(&unset)
                if field.isSet(normalized.config), field.isSet(unset) {
                    effects.append(SideEffect(path: field.path, old: field.shown(normalized.config), new: nil,
                                              reason: omittedReason, platformDecides: true))
                }
                field.copy(&predicted, normalized.config)
                continue
            }
            if field.equal(predicted, normalized.config) { continue }
            let old = field.shown(normalized.config)
            if let decides = field.platformDecides {
                effects.append(SideEffect(path: field.path, old: old, new: field.shown(predicted), reason: decides, platformDecides: true))
            } else if old == nil {
                effects.append(SideEffect(path: field.path, old: nil, new: field.shown(predicted),
                                          reason: "filled in: the update body must carry it (seed 001, facts §2.3)"))
            } else {
                effects.append(SideEffect(path: field.path, old: old, new: field.shown(predicted),
                                          reason: "written as read, and read back as docs/fields.md says (\(field.doc.source))"))
            }
        }
        // The local copy (task_extras) is written with the body's value, which is the dialer copy's
        // (new_task_extra wins, A1); which copy a PUT rewrites is not documented.
        if !normalized.disagreements.isEmpty {
            var localOnly = detail
            localOnly.newTaskExtra = detail.taskExtras
            let local = Normalizer.normalize(localOnly).config
            // A field the spec sets already has its warning ("an apply rewrites both").
            for field in table.fields where normalized.disagreements.contains(field.path) && field.isSet(body) && !field.isSet(desired) {
                effects.append(SideEffect(
                    path: field.path + " (local copy)", old: field.shown(local), new: field.shown(predicted),
                    reason: "the local copy (task_extras) made equal to the dialer's (new_task_extra), A1; which copy a PUT "
                        + "rewrites is not documented, so the platform decides",
                    platformDecides: true, losesInformation: true))
            }
        }
        // Call-loss (呼损) statuses read back have no code (seed 000): an update cannot write them.
        if !normalized.uncodedRedialStatuses.isEmpty, body.taskExtras?.redialConditions != nil,
           !shown.contains(FieldTable.redialStatusPath) {
            effects.append(SideEffect(
                path: FieldTable.redialStatusPath, old: .list(normalized.uncodedRedialStatuses.map(PlanValue.string)), new: .list([]),
                reason: "call-loss statuses (呼损) have no code in seed 001's table, so an update cannot write them back (seed 000)",
                losesInformation: true))
        }
        // Codes 11 and 12 are written but never read back (seed 000's table has no string for them).
        if let codes = body.taskExtras?.redialConditions?.daStatus.filter(\.isWriteOnly), !codes.isEmpty {
            effects.append(SideEffect(
                path: FieldTable.redialStatusPath + " (write-only)", old: nil, new: .list(codes.map(\.shownValue)),
                reason: "codes 11 (blacklisted) and 12 (user_blocked) are written but never read back (seed 000's table)"))
        }
        return effects
    }
}
