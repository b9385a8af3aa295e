public import CalltaskModels

/// One field whose read-back after an update is not what the plan predicted.
public struct ReadBackDifference: Hashable, Sendable, Codable, CustomStringConvertible {
    public var path: String
    public var predicted: PlanValue?
    public var read: PlanValue?
    /// Why the docs do not settle this field's read-back (then the difference is a warning); nil when
    /// the read-back was predicted (then it fails the task).
    public var platformDecides: String?

    public var description: String {
        "\(path): predicted \(predicted?.description ?? "(not set)"), read \(read?.description ?? "(not returned)")"
    }

    enum CodingKeys: String, CodingKey {
        case path, predicted, read
        case platformDecides = "platform_decides"
    }
}

/// Compares a task read back after an update with what the update body predicts (Terraform's
/// "produced an inconsistent result after apply"): every field the body carries, through the field
/// table's read-back column (`FieldTable.predictedReadBack`).
public enum ReadBackCheck {
    /// The fields whose read-back differs from the prediction, in table order: a field the body
    /// carried reads back as the table predicts for the written value; a field it did not carry reads
    /// back as it was before the update (nothing changes what the body leaves out).
    ///
    /// - Parameters:
    ///   - body: the update body that was sent.
    ///   - before: the task's detail read before the update, normalized.
    ///   - readBack: the task's detail read after the update, normalized.
    public static func differences(body: TaskConfig, before: NormalizedTask, readBack: NormalizedTask,
                                   table: FieldTable = .standard) -> [ReadBackDifference] {
        var predicted = table.predictedReadBack(body)
        for field in table.fields where !field.isSet(body) { field.copy(&predicted, before.config) }
        var out: [ReadBackDifference] = []
        for field in table.fields {
            if field.equal(predicted, readBack.config) { continue }
            let omitted = !field.isSet(body) && field.isSet(before.config)
            out.append(ReadBackDifference(path: field.path, predicted: field.shown(predicted), read: field.shown(readBack.config),
                                          platformDecides: omitted ? SideEffectPredictor.omittedReason : field.platformDecides))
        }
        return out
    }
}
