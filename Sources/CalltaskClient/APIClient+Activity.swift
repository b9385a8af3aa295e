public import CalltaskModels

extension APIClient {
    /// One task's detail (`GET .../task/{task_id}/edit`, as `taskDetail(uuid:)`) together with what it is
    /// doing: status text and counters, read from the same answer (for `calltask show`).
    ///
    /// - Throws: `APIError`.
    public func taskDetailWithActivity(uuid: String) async throws(APIError) -> (task: LiveTask, activity: TaskActivity) {
        let request = endpoints.detail(uuid)
        let sent = try await send(request, as: DetailWithActivity.self)
        guard var both = sent.envelope.data else {
            throw .undecodable(call: request.call, detail: "the answer has no 'data' object")
        }
        if both.task.uuid.isEmpty { both.task.uuid = uuid }
        return (both.task, both.activity)
    }
}

/// A detail's `data` read twice: as the task's configuration and as its activity.
struct DetailWithActivity: Decodable, Sendable {
    var task: LiveTask
    var activity: TaskActivity

    init(from decoder: any Decoder) throws {
        task = try LiveTask(from: decoder)
        activity = try TaskActivity(from: decoder)
    }
}
