import Foundation
import Hummingbird

/// The six task calls, once the caller is authorised: list, create, detail, update, pause and resume.
///
/// Each returns the envelope the platform would send. Authorisation, faults and the request log are the
/// gateway's (`APIGateway`); `visible` says whether the caller addresses the account owning the tasks
/// (`SimulatorOptions.subUserId`).
struct TaskAPI: Sendable {
    let store: TaskStore
    let log: RequestLog
    let options: SimulatorOptions

    /// The largest `per_page` honoured (the docs give no cap, facts §1.5).
    static let maxPerPage = 1000

    /// `GET .../task` (seed 000): filters `name` (substring), `status` (1 paused, 3 running and waiting),
    /// `task_type`; pages `page` (default 1) and `per_page` (default 15, at most 1000). `meta.per_page` is
    /// a string, as in seed 000. A task created less than `FaultOptions.createHiddenSeconds` ago is
    /// left out (items and `total`).
    func list(query: ListQuery, visible: Bool) async -> APIAnswer {
        let page = query.first("page").flatMap { Int($0) }.flatMap { $0 >= 1 ? $0 : nil } ?? 1
        let perPage = min(Self.maxPerPage, query.first("per_page").flatMap { Int($0) }.flatMap { $0 >= 1 ? $0 : nil } ?? 15)
        let name = query.first("name").flatMap { $0.isEmpty ? nil : $0 }
        let statuses = (query.all("status") + query.all("status[]")).compactMap { Int($0) }
        // Facts §2.7 (M8/M14): a status list holding an unknown value is silently ignored.
        let statusFilter = statuses.isEmpty || statuses.contains(where: { $0 != 1 && $0 != 3 }) ? nil : Set(statuses)
        let taskType = query.first("task_type").flatMap { Int($0) }

        let tasks = visible ? await store.listedTasks() : []
        let matching = tasks.filter { task in
            if let name, !(task.name ?? "").contains(name) { return false }
            if let statusFilter, !statusFilter.contains(task.isEnabled ? 3 : 1) { return false }
            if let taskType, task.taskType != taskType { return false }
            return true
        }
        let total = matching.count
        let lastPage = max(1, (total + perPage - 1) / perPage)
        let start = min(total, (page - 1) * perPage)
        let pageItems = matching[start..<min(total, start + perPage)].map { (task: SimTask) in task.listItem }
        let meta: JSONValue = [
            "has_pages": .bool(lastPage > 1),
            "total": .int(total),
            "last_page": .int(lastPage),
            "current_page": .int(page),
            "per_page": .string(String(perPage)),
        ]
        return .success("返回任务列表信息成功", data: .array(pageItems), meta: meta)
    }

    /// `POST .../task` (facts §2.2): 422 naming the key for a body the create page's rules refuse
    /// (`CreateValidator`), else a new task is stored (`TaskCreation`, `TaskStore.create`) and hidden
    /// from lists for `FaultOptions.createHiddenSeconds`.
    ///
    /// A second task of an existing name is accepted: the docs promise no uniqueness. The answer's
    /// `data` is not documented (the page's response example is not visible, facts §2.2), so it is an
    /// empty object and carries no uuid: a client cannot rely on the answer to find its task, and must
    /// look it up by name. The message text is the simulator's own.
    ///
    /// - Returns: the answer, and the task stored (nil when refused).
    func create(body: Data) async -> (answer: APIAnswer, created: SimTask?) {
        switch CreateValidator.validate(body) {
        case .failure(let rejection):
            return (.failure(http: 422, code: 422, rejection.message), nil)
        case .success(let accepted):
            let task = await store.create(TaskCreation.partialTask(from: accepted, options: options), userId: options.userId)
            await store.hide(id: task.uuid, seconds: options.faults.createHiddenSeconds)
            return (.success("任务创建成功", data: [:]), task)
        }
    }

    /// `GET .../task/{id}/edit` (facts §2.6): the whole stored record.
    func detail(taskId: String, visible: Bool) async -> APIAnswer {
        guard visible, let task = await store.task(id: taskId) else { return .taskNotFound }
        return .success("返回任务信息成功", data: task.detail)
    }

    /// `PUT .../task/{id}` (seed 001): 6007 while the task is enabled, 422 for a body that breaks a rule
    /// (`UpdateValidator`; with --strict-put also for a key seed 001 does not name), else the change is
    /// applied (`TaskUpdate`) and `alter_datetime` moves.
    func update(taskId: String, body: Data, visible: Bool) async -> APIAnswer {
        await log.recordPutBody(body, taskId: taskId)
        guard visible, let task = await store.task(id: taskId) else { return .taskNotFound }
        guard !task.isEnabled else { return .taskRunning }
        switch UpdateValidator.validate(body, storedRecord: task.record, strict: options.strictPut) {
        case .failure(let rejection):
            return .failure(http: 422, code: 422, rejection.message)
        case .success(let accepted):
            switch await store.applyUpdate(id: taskId, body: accepted, strict: options.strictPut, alter: options.alterOnUpdate) {
            case .applied: return .success("修改成功", data: "")
            case .notFound: return .taskNotFound
            case .running: return .taskRunning
            }
        }
    }

    /// `PUT .../task_stop/{id}` (facts §2.4) and the resume call: set the run state; idempotent.
    func setRunState(taskId: String, enabled: Bool, visible: Bool) async -> APIAnswer {
        guard visible, await store.setRunState(id: taskId, enabled: enabled) != nil else { return .taskNotFound }
        return .success(enabled ? "任务启动成功" : "任务暂停成功", data: "")
    }
}

/// The query parameters of a list call, name → values in order.
struct ListQuery: Sendable {
    var values: [String: [String]] = [:]

    func first(_ name: String) -> String? { values[name]?.first }
    func all(_ name: String) -> [String] { values[name] ?? [] }
}
