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
                let old = field.shown(live.config)
                let new = field.shown(desired)
                var elements: [ElementChange]?
                if let old, let new {
                    elements = ElementDiff.changes(old: old, new: new, key: field.elementKey, ordered: field.comparison != .set)
                }
                changes.append(FieldChange(path: field.path, old: old, new: new, elements: elements))
            }
        }
        return changes
    }

    static func redialChange(desired: TaskConfig, live: NormalizedTask) -> FieldChange? {
        let wanted = codeBits(desired.taskExtras?.redialConditions?.daStatus, keepingWriteOnly: false)
        let have = codeBits(live.config.taskExtras?.redialConditions?.daStatus, keepingWriteOnly: true)
        let uncoded = live.uncodedRedialStatuses
        let liveKnown = live.config.taskExtras?.redialConditions != nil
        if liveKnown, wanted == have, uncoded.isEmpty { return nil }
        let name: (RedialStatus) -> PlanValue = { .string($0.name) }
        let oldItems = codes(have).map(name) + uncoded.map { PlanValue.string("\($0) (call loss, no code)") }
        let newItems = codes(wanted).map(name)
        return FieldChange(
            path: FieldTable.redialStatusPath,
            old: liveKnown ? .list(oldItems) : nil, new: .list(newItems),
            elements: liveKnown ? ElementDiff.changes(old: .list(oldItems), new: .list(newItems), key: nil, ordered: false) : nil)
    }

    /// A set of redial codes as bits (bit n is code n): compared without hashing or allocating.
    /// - Parameter keepingWriteOnly: whether to keep codes 11 and 12, which are never read back.
    static func codeBits(_ codes: [RedialStatus]?, keepingWriteOnly writeOnly: Bool) -> UInt32 {
        var bits: UInt32 = 0
        for code in codes ?? [] where writeOnly || !code.isWriteOnly { bits |= 1 << UInt32(code.rawValue) }
        return bits
    }

    /// The codes in `bits`, in code order.
    static func codes(_ bits: UInt32) -> [RedialStatus] {
        RedialStatus.allCases.filter { bits & (1 << UInt32($0.rawValue)) != 0 }
    }
}
