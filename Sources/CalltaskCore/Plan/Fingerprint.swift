public import CalltaskModels
import Foundation

/// A fingerprint of a live task's settable configuration, for the stale-plan check of apply.
///
/// Only list-visible settable fields count, so a fingerprint from the task list and one from the
/// detail call of the same unchanged task agree; counters (`number_count`, `call_info`, `call_status`)
/// that move all day on a dialling task are not part of the configuration at all.
public enum Fingerprint {
    public static func of(_ task: NormalizedTask) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let visible = FieldTable.listVisible(task.config)
        let data = (try? encoder.encode(visible)) ?? Data()
        return ContentHash.hex(of: [UInt8](data) + Array(task.uncodedRedialStatuses.joined(separator: "\u{0}").utf8))
    }
}
