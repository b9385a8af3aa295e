import CalltaskClient
import CalltaskCore
import CalltaskModels
import Foundation

/// Creates: a create never duplicates a task and never orphans one.
///
/// 1. The journal records the create (`posting`, keyed by account and name), flushed before the POST.
/// 2. The POST is sent once (`APIClient.createTask`, never retried). Refused (4xx, an error envelope):
///    not created. A 2xx: `posted`. Anything else: the outcome is unknown.
/// 3. The task is looked up by exact name over every page. One match: `found`. After a 2xx, none is
///    "created but not found" and several is "duplicate": both journaled, the task failed, and no run
///    creates that name again until an operator clears the entry (`recover --clear-create`). After an
///    unknown outcome, the create is sent again only after two lookups found nothing, the second at least
///    `createVisibilityDelay` after the failed POST.
/// 4. The new task is read, never assumed: a flavour (`task_type`) other than the spec's, or an empty
///    `new_task_extra` (abnormal), fails it and nothing is written. Then the rest of the spec is applied
///    as an update (`Planner.followUp`): paused if it runs, updated (`updated`), read back and checked,
///    resumed only when the spec says `enable: true`; then `done`.
extension ApplyRunner {
    /// The names whose journal entries block a create (created but not found, duplicate), or that an
    /// earlier create left unresolved (recover could not resolve them).
    func blockedNames() async -> [String: JournalEntry] {
        guard let entries = try? await journal.unfinished() else { return [:] }
        var out: [String: JournalEntry] = [:]
        for entry in entries where entry.account == account && entry.isCreate { out[entry.name] = entry }
        return out
    }

    /// Creates every task of `creates`, `parallelism` at a time; after a cancellation none starts.
    func createAll(_ creates: [TaskPlan], blocked: [String: JournalEntry]) async -> [ApplyReport.TaskResult] {
        guard !creates.isEmpty else { return [] }
        var results = await runBounded(creates) { await createOne($0, blocked: blocked[$0.name]) }
        let done = Set(results.map(\.name))
        for task in creates where !done.contains(task.name) {
            results.append(.init(uuid: "", name: task.name, result: .notStarted, steps: [], detail: "interrupted"))
        }
        return results
    }

    /// The create body: the create page's fields of the spec (`TaskCreateBody`). `end_action` goes only
    /// when the create page lists its value (0, 1); the update that follows writes it either way.
    static func createBody(_ config: TaskConfig) throws -> TaskCreateBody {
        var body = try TaskCreateBody(config: config)
        if let action = body.endAction, action != .none, action != .pauseRelease { body.endAction = nil }
        return body
    }

    /// How a lookup by name ended.
    enum Lookup {
        case one(String)
        case none
        case several([String])
        case failed(any Error)
    }

    func lookup(_ name: String) async -> Lookup {
        do {
            let tasks = try await client.findTasks(named: name)
            switch tasks.count {
            case 0: return .none
            case 1: return .one(tasks[0].uuid)
            default: return .several(tasks.map(\.uuid))
            }
        } catch {
            return .failed(error)
        }
    }

    /// Looks `name` up; when nothing is found, once more after the visibility delay counted from `since`.
    func lookupTwice(_ name: String, since: ContinuousClock.Instant) async -> Lookup {
        let first = await lookup(name)
        guard case .none = first else { return first }
        let wait = options.createVisibilityDelay - (ContinuousClock.now - since)
        if wait > .zero {
            progress("\(InertText.line(name)): not in the task list yet; looking again in \(wait.formatted(.units(allowed: [.seconds], width: .narrow)))")
            try? await Task.sleep(for: wait)
        }
        return await lookup(name)
    }

    func createEntry(_ name: String, _ state: JournalEntry.State, uuid: String = "", intended: Bool = false,
                     answer: String? = nil, uuids: [String]? = nil) -> JournalEntry {
        JournalEntry(account: account, uuid: uuid, name: name, priorEnable: false, intendedEnable: intended, state: state,
                     time: Self.now(), kind: .create, answer: answer, uuids: uuids)
    }

    /// One create, to its end (`ApplyReport.TaskResult` with `created`, or why not).
    func createOne(_ task: TaskPlan, blocked: JournalEntry?) async -> ApplyReport.TaskResult {
        let name = task.name
        let shown = InertText.line(name)
        let intended = task.desiredEnable ?? false
        func result(_ outcome: ApplyOutcome, uuid: String = "", steps: [ApplyStep] = [], _ detail: String?) -> ApplyReport.TaskResult {
            progress("\(shown): \(outcome.rawValue)" + (detail.map { ": " + InertText.line($0) } ?? ""))
            return .init(uuid: uuid, name: name, result: outcome, steps: steps, detail: detail)
        }
        if let blocked {
            let what = blocked.state == .duplicate ? "several tasks of this name exist after an earlier create ("
                + (blocked.uuids ?? []).joined(separator: ", ") + ")"
                : blocked.state == .notFound ? "an earlier create was answered 2xx but no task of this name was found"
                : "an earlier create of this name is unresolved (\(blocked.state.rawValue))"
            return result(.failed, "not created: \(what). Look in the web console, then run 'calltask recover' "
                          + (blocked.blocksName ? "--clear-create '\(name)'" : "") + " before applying again")
        }
        let body: TaskCreateBody
        do {
            body = try Self.createBody(task.desired)
        } catch {
            return result(.failed, "not created: \(error)")
        }
        var uuid: String?
        var attempt = 0
        while uuid == nil {
            attempt += 1
            if await control.isCancelled { return result(.notStarted, "interrupted") }
            do {
                try await journal.append(createEntry(name, .posting, intended: intended))
            } catch {
                return result(.failed, "not created: \(error)")
            }
            progress("\(shown): create" + (attempt > 1 ? " (attempt \(attempt); no task of this name was found after the last one)" : ""))
            let outcome = await client.createTask(body)
            let postedAt = ContinuousClock.now
            switch outcome {
            case .rejected(let error):
                try? await journal.append(createEntry(name, .notCreated, intended: intended))
                return result(.failed, "the platform refused the create: \(error). Nothing was created")
            case .created(let answer):
                try? await journal.append(createEntry(name, .posted, intended: intended, answer: answer))
                switch await lookupTwice(name, since: postedAt) {
                case .one(let found): uuid = found
                case .none:
                    try? await journal.append(createEntry(name, .notFound, intended: intended, answer: answer))
                    return result(.failed, "created (the platform answered 2xx) but no task of this name is in the task list "
                                  + "after \(options.createVisibilityDelay): no run creates it again until you look in the web console "
                                  + "and run 'calltask recover --clear-create \(name)'")
                case .several(let uuids):
                    try? await journal.append(createEntry(name, .duplicate, intended: intended, uuids: uuids))
                    return result(.failed, "created, and now \(uuids.count) tasks have this name (\(uuids.joined(separator: ", "))): "
                                  + "delete the extra ones in the web console, then run 'calltask recover --clear-create \(name)'")
                case .failed(let error):
                    return result(.failed, "created, but the lookup of the new task failed (\(error)); run 'calltask recover' to find it")
                }
            case .unknown(let error):
                progress("\(shown): the create's outcome is unknown (" + InertText.line(error.shortDescription) + "); looking it up by name")
                switch await lookupTwice(name, since: postedAt) {
                case .one(let found): uuid = found
                case .several(let uuids):
                    try? await journal.append(createEntry(name, .duplicate, intended: intended, uuids: uuids))
                    return result(.failed, "\(uuids.count) tasks have this name after a create whose outcome was unknown "
                                  + "(\(uuids.joined(separator: ", "))): delete the extra ones in the web console, then run "
                                  + "'calltask recover --clear-create \(name)'")
                case .failed(let lookupError):
                    return result(.failed, "the create's outcome is unknown (\(error.shortDescription)) and the lookup failed "
                                  + "(\(lookupError)); run 'calltask recover' to find out whether it was created")
                case .none:
                    if attempt >= options.maxCreateAttempts {
                        try? await journal.append(createEntry(name, .notCreated, intended: intended))
                        return result(.failed, "\(attempt) creates had an unknown outcome (last: \(error.shortDescription)) and no "
                                      + "task of this name appeared: not created")
                    }
                }
            }
        }
        guard let uuid else { return result(.failed, "not created") }
        return await finishCreate(task, uuid: uuid, intended: intended)
    }

    /// Steps 4 on: the new task found, read, checked and given the rest of its spec.
    func finishCreate(_ task: TaskPlan, uuid: String, intended: Bool) async -> ApplyReport.TaskResult {
        let name = task.name
        let shown = InertText.line(name)
        func result(_ outcome: ApplyOutcome, steps: [ApplyStep] = [.create], _ detail: String?) -> ApplyReport.TaskResult {
            progress("\(shown): \(outcome.rawValue)" + (detail.map { ": " + InertText.line($0) } ?? ""))
            return .init(uuid: uuid, name: name, result: outcome, steps: steps, detail: detail)
        }
        try? await journal.append(createEntry(name, .found, uuid: uuid, intended: intended))
        progress("\(shown): created as \(InertText.line(uuid))")
        let detail: LiveTask
        do {
            detail = try await client.taskDetail(uuid: uuid)
        } catch {
            return result(.failed, "created as \(uuid), but reading it failed (\(error)); run 'calltask recover', then apply again")
        }
        if detail.isAbnormal {
            await leavePaused(uuid, detail)
            try? await journal.append(createEntry(name, .done, uuid: uuid))
            return result(.failed, "created as \(uuid), but the new task is abnormal (its new_task_extra is empty): delete it in "
                          + "the web console; nothing was written to it")
        }
        if let wanted = task.desired.taskType, detail.taskType?.value != wanted.rawValue {
            await leavePaused(uuid, detail)
            try? await journal.append(createEntry(name, .done, uuid: uuid))
            let got = detail.taskType.map { TaskType(rawValue: $0.value)?.name ?? "\($0.value)" } ?? "none"
            return result(.failed, "created as \(uuid) with task_type \(got), but the spec says \(wanted.name): the create call "
                          + "cannot choose a flavour. Delete it in the web console (or change the spec); nothing was written to it")
        }
        let followUp = Planner.followUp(of: task, uuid: uuid, detail: detail)
        let journal = self.journal
        let updated = createEntry(name, .updated, uuid: uuid, intended: intended)
        let applied = await applyOne(followUp, detail: detail, afterUpdate: { try? await journal.append(updated) })
        switch applied.result {
        case .updated, .unchanged:
            try? await journal.append(createEntry(name, .done, uuid: uuid, intended: intended))
            return .init(uuid: uuid, name: name, result: .created, steps: [.create] + applied.steps, detail: applied.detail)
        default:
            // The create entry stays unfinished: recover finds the task and leaves it paused.
            return .init(uuid: uuid, name: name, result: applied.result, steps: [.create] + applied.steps,
                         detail: "created as \(uuid); " + (applied.detail ?? "its configuration was not finished")
                             + "; run 'calltask recover', then apply again", resumeFailure: applied.resumeFailure)
        }
    }

    /// Pauses a new task that runs, best effort: a task calltask cannot finish configuring must not dial.
    func leavePaused(_ uuid: String, _ detail: LiveTask) async {
        guard detail.isEnabled else { return }
        progress("\(InertText.line(detail.name ?? uuid)): pause (left paused)")
        try? await client.pauseTask(uuid: uuid)
    }

    /// Resolves one create entry to its task and leaves that task paused; never creates or updates.
    ///
    /// - Parameter clear: the operator clears a blocking entry (created but not found, duplicate).
    func recoverCreate(_ entry: JournalEntry, clear: Bool) async -> ApplyReport.TaskResult {
        let name = entry.name
        let shown = InertText.line(name)
        func settle(_ state: JournalEntry.State, uuid: String = "", _ outcome: ApplyOutcome, steps: [ApplyStep] = [],
                    _ detail: String) async -> ApplyReport.TaskResult {
            var settled = entry
            settled.state = state
            settled.uuid = uuid.isEmpty ? entry.uuid : uuid
            settled.time = Self.now()
            try? await journal.append(settled)
            progress("\(shown): " + InertText.line(detail))
            return .init(uuid: settled.uuid, name: name, result: outcome, steps: steps, detail: detail)
        }
        if entry.blocksName {
            if clear { return await settle(.done, .updated, "create entry (\(entry.state.rawValue)) cleared by the operator") }
            progress("\(shown): blocked: \(entry.state.rawValue)")
            return .init(uuid: entry.uuid, name: name, result: .failed, steps: [],
                         detail: (entry.state == .duplicate ? "several tasks have this name after a create ("
                                  + (entry.uuids ?? []).joined(separator: ", ") + ")" : "created (2xx) but never found")
                             + ": look in the web console, then run 'calltask recover --clear-create \(name)'")
        }
        var uuid = entry.uuid
        if uuid.isEmpty {
            progress("\(shown): resolving an interrupted create by name")
            // The visibility delay counts from the interrupted create, as the journal dated it.
            let elapsed = ISO8601DateFormatter().date(from: entry.time).map { max(0, Date().timeIntervalSince($0)) } ?? 0
            switch await lookupTwice(name, since: ContinuousClock.now - .milliseconds(Int64(elapsed * 1000))) {
            case .one(let found): uuid = found
            case .none:
                if entry.state == .posted {
                    return await settle(.notFound, .failed, "created (2xx) but no task of this name is in the list: look in the "
                                        + "web console, then run 'calltask recover --clear-create \(name)'")
                }
                return await settle(.notCreated, .updated, "never created (two lookups found no task of this name); apply creates it")
            case .several(let uuids):
                var duplicate = entry
                duplicate.uuids = uuids
                duplicate.state = .duplicate
                duplicate.time = Self.now()
                try? await journal.append(duplicate)
                return .init(uuid: "", name: name, result: .failed, steps: [],
                             detail: "\(uuids.count) tasks have this name (\(uuids.joined(separator: ", "))): delete the extra ones in "
                                 + "the web console, then run 'calltask recover --clear-create \(name)'")
            case .failed(let error):
                return .init(uuid: "", name: name, result: .failed, steps: [], detail: "the lookup by name failed: \(error); run recover again")
            }
        }
        do {
            let live = try await client.taskDetail(uuid: uuid)
            var steps: [ApplyStep] = []
            if live.isEnabled {
                try await client.pauseTask(uuid: uuid)
                steps.append(.pause)
            }
            return await settle(.done, uuid: uuid, .updated, steps: steps,
                                "created as \(uuid); left paused: run apply to write the rest of its spec"
                                    + (entry.intendedEnable ? " and resume it" : ""))
        } catch {
            return .init(uuid: uuid, name: name, result: .failed, steps: [], detail: "created as \(uuid), but: \(error); run recover again")
        }
    }
}
