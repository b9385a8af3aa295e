public import CalltaskModels

/// Compares the fields a spec sets with the live task's (partial management: nothing else is compared).
public enum Differ {
    /// The changes that would bring `live` to `desired`, field by field, in field-table order.
    ///
    /// Both sides are canonical (`Canonical`). Redial `da_status` is special: codes 11 and 12 cannot be
    /// read back, so they are left out of the comparison; live strings with no code (call loss, e.g.
    /// `busy`) are shown verbatim as elements to remove.
    public static func diff(desired: TaskConfig, live: NormalizedTask) -> [FieldChange] {
        var changes: [FieldChange] = []
        let fields = FieldTable.fields
        for index in fields.indices where fields[index].isSet(desired) {
            switch fields[index].comparison {
            case .redialStatuses:
                if let change = redialChange(desired: desired, live: live) { changes.append(change) }
            case .value, .set:
                if fields[index].equal(desired, live.config) { continue }
                let field = fields[index]
                let old = field.value(live.config)
                let new = field.value(desired)
                if field.comparison == .set, case .list(let oldItems)? = old, case .list(let newItems)? = new {
                    changes.append(FieldChange(path: field.path, old: old, new: new,
                                               added: newItems.filter { !oldItems.contains($0) },
                                               removed: oldItems.filter { !newItems.contains($0) }))
                } else {
                    changes.append(FieldChange(path: field.path, old: old, new: new))
                }
            }
        }
        return changes
    }

    static func redialChange(desired: TaskConfig, live: NormalizedTask) -> FieldChange? {
        let wanted = Set(desired.taskExtras?.redialConditions?.daStatus ?? []).filter { !$0.isWriteOnly }
        let have = Set(live.config.taskExtras?.redialConditions?.daStatus ?? [])
        let uncoded = live.uncodedRedialStatuses
        let liveKnown = live.config.taskExtras?.redialConditions != nil
        if liveKnown, wanted == have, uncoded.isEmpty { return nil }
        let name: (RedialStatus) -> PlanValue = { .string($0.name) }
        let oldItems = have.sorted().map(name) + uncoded.map { PlanValue.string("\($0) (call loss, no code)") }
        let newItems = wanted.sorted().map(name)
        return FieldChange(
            path: FieldTable.redialStatusPath,
            old: liveKnown ? .list(oldItems) : nil, new: .list(newItems),
            added: newItems.filter { !oldItems.contains($0) }, removed: oldItems.filter { !newItems.contains($0) })
    }
}
