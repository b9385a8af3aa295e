import CalltaskModels

/// The table checked against the models: every settable key has exactly one row and every row a key,
/// on the spec side (`TaskConfig`, `TaskExtras`) and the live side (`LiveTask`, `LiveExtras`).
extension FieldTable {
    /// Keys of GET answers that are not settable fields, and why (docs/fields.md, "Not settable").
    /// Every other live key must be read by exactly one row.
    public static let liveKeysNotFields: [(key: LiveKey, why: String)] = [
        (.top(.uuid), "the task's identity: the {task_id} of the update path, matched to a spec's uuid"),
        (.top(.enable), "the run state: changed by the pause and resume calls, never by the PUT body"),
        (.top(.alterDatetime), "bookkeeping: used only to refuse stale saved plans"),
        (.top(.callStatus), "the dialer's own state: shown, never compared"),
        (.top(.taskCause), "the dialer's own state"),
        (.top(.taskExtras), "the local copy of task_extras: its keys are rows"),
        (.top(.newTaskExtra), "the dialer's copy of task_extras: its keys are rows"),
        (.dialer(.enable), "the dialer's own run flag"),
        (.dialer(.callStatus), "the dialer's own state"),
        (.local(.enable), "the dialer's own run flag, copied"),
        (.local(.callStatus), "the dialer's own state, copied"),
        (.local(.destinationExtension), "not compared (A14); only the dialer's copy stands in for a missing top-level key"),
    ]

    /// Where the table and the models disagree, one message each; empty when every settable key of
    /// the models has exactly one row, in the models' order, and every live key is read by exactly one
    /// row or listed in `liveKeysNotFields`.
    public func modelMismatches() -> [String] {
        var problems: [String] = []
        let topModel = TaskConfig.CodingKeys.allCases.filter { $0 != .taskExtras }.map(\.rawValue)
        let extrasModel = TaskExtras.CodingKeys.allCases.map(\.rawValue)
        problems += Self.keyMismatches(
            rows: fields.filter { !$0.inExtras }.map(\.key), modelKeys: topModel, modelName: "TaskConfig.CodingKeys")
        problems += Self.keyMismatches(
            rows: fields.filter(\.inExtras).map(\.key), modelKeys: extrasModel, modelName: "TaskExtras.CodingKeys")

        var readers: [LiveKey: [String]] = [:]
        for field in fields {
            if field.live.isEmpty { problems.append("row '\(field.path)' reads no key of a GET answer") }
            for key in field.live { readers[key, default: []].append(field.path) }
        }
        let notFields = Self.liveKeysNotFields.map(\.key)
        let liveKeys: [LiveKey] = LiveTask.CodingKeys.allCases.map { .top($0) }
            + LiveExtras.CodingKeys.allCases.map { .dialer($0) } + LiveExtras.CodingKeys.allCases.map { .local($0) }
        for key in liveKeys {
            let rows = readers[key] ?? []
            let listed = notFields.filter { $0 == key }.count
            switch (rows.count, listed) {
            case (1, 0), (0, 1): continue
            case (0, 0): problems.append("live key '\(key)' is read by no row and not listed as not settable (FieldTable.liveKeysNotFields)")
            case (_, 0): problems.append("live key '\(key)' is read by \(rows.count) rows: \(rows.joined(separator: ", "))")
            default: problems.append("live key '\(key)' is listed as not settable but read by \(rows.isEmpty ? "no row" : rows.joined(separator: ", "))\(listed > 1 ? " (listed \(listed) times)" : "")")
            }
        }
        return problems
    }

    /// Rows against a model's coding keys: each key one row, each row a key, in the model's order.
    private static func keyMismatches(rows: [String], modelKeys model: [String], modelName name: String) -> [String] {
        var problems: [String] = []
        for key in model {
            let count = rows.filter { $0 == key }.count
            if count == 0 { problems.append("\(name) key '\(key)' has no row in the field table") }
            if count > 1 { problems.append("\(name) key '\(key)' has \(count) rows in the field table") }
        }
        for key in Set(rows) where !model.contains(key) {
            problems.append("row '\(key)' is not a \(name) key")
        }
        if problems.isEmpty, rows != model {
            problems.append("the rows for \(name) are not in its order (the update body's and export's): \(rows) vs \(model)")
        }
        return problems
    }
}
