public import CalltaskModels

/// A fingerprint of a live task's settable configuration, for the stale-plan check of apply.
///
/// Only list-visible settable fields count, so a fingerprint from the task list and one from the
/// detail call of the same unchanged task agree; counters (`number_count`, `call_info`, `call_status`)
/// that move all day on a dialling task are not part of the configuration at all.
///
/// The hash covers, in `FieldTable` order, each list-visible field of the canonical configuration
/// (whether it is set, then its `PlanValue`: the encoded form a plan shows), then the redial strings
/// that no code writes. It is the same in every process and run. Its format is not the JSON form's: a plan
/// saved by a calltask before this format reads as stale and must be made again.
public enum Fingerprint {
    public static func of(_ task: NormalizedTask) -> String {
        var hasher = ContentHasher()
        let fields = FieldTable.standard.listFields
        for index in fields.indices {
            if let value = fields[index].value(task.config) {
                hasher.feed(true)
                value.feed(into: &hasher)
            } else {
                hasher.feed(false)
            }
        }
        hasher.feed(task.uncodedRedialStatuses.count)
        for status in task.uncodedRedialStatuses { hasher.feed(status) }
        return hasher.hex
    }
}
