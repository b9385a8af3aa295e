public import CalltaskModels

/// Turns a live task (GET shape) into the canonical model: a loop over the field table, whose rows say
/// how each field is read (`FieldTable+Rows.swift`, `FieldTable+Reading.swift`). What the rows cannot
/// say, because it is about the task rather than a field, is here:
///
/// - `new_task_extra` is what the dialer runs: it wins for the fields it carries; `task_extras` (the
///   local copy) fills in the rest (A1). Where both carry a field and disagree, the field is recorded in
///   `disagreements` (the plan warns; an apply rewrites both).
/// - Redial strings with no code (call loss) are kept verbatim in `uncodedRedialStatuses`, from the
///   dialer's copy when there is one.
/// - An empty `new_task_extra` flags the task abnormal (seed 000).
public enum Normalizer {
    public static func normalize(_ live: LiveTask) -> NormalizedTask {
        normalize(live, table: .standard)
    }

    /// - Parameter table: the rows to read (tests pass a copy with a row left out).
    public static func normalize(_ live: LiveTask, table: FieldTable) -> NormalizedTask {
        var config = TaskConfig()
        let taskReaders = table.taskReaders
        for index in taskReaders.indices { taskReaders[index](live, &config) }

        let remote = live.newTaskExtra.map { read($0, table: table) }
        let local = live.taskExtras.map { read($0, table: table) }
        var disagreements: Set<String> = []
        var merged = TaskExtras()
        var uncoded: [String] = []
        if let remote, let local {
            merged = remote.extras
            uncoded = remote.uncoded
            // Equal copies (the usual case) neither disagree nor have anything to fill in.
            if remote.extras != local.extras {
                let merges = table.copyMerges
                for index in merges.indices {
                    if merges[index].disagree(remote.extras, local.extras) { disagreements.insert(merges[index].path) }
                    merges[index].fill(&merged, local.extras)
                }
            }
        } else if let remote {
            merged = remote.extras
            uncoded = remote.uncoded
        } else if let local {
            merged = local.extras
            uncoded = local.uncoded
        }
        config.taskExtras = merged
        return NormalizedTask(
            uuid: live.uuid,
            name: live.name ?? "",
            config: Canonical.canonicalize(config, table: table),
            asRead: config,
            enabled: live.isEnabled,
            callStatus: live.newTaskExtra?.callStatus?.value,
            uncodedRedialStatuses: uncoded,
            disagreements: disagreements,
            abnormal: live.isAbnormal,
            alterDatetime: live.alterDatetime)
    }

    /// One GET copy of `task_extras` in the canonical model, plus the redial strings that have no code.
    static func read(_ copy: LiveExtras, table: FieldTable) -> (extras: TaskExtras, uncoded: [String]) {
        var extras = TaskExtras()
        var uncoded: [String] = []
        let readers = table.copyReaders
        for index in readers.indices { readers[index](copy, &extras, &uncoded) }
        return (extras, uncoded)
    }
}
