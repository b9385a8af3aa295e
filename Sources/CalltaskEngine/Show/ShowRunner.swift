public import CalltaskClient
public import CalltaskCore
import CalltaskModels

/// `calltask show`: one list call to find the tasks by name or uuid, then each one's detail (with its
/// status and counters), turned into the spec `export` would write. Reads only.
public struct ShowRunner: Sendable {
    public let client: APIClient
    public let account: String
    /// Detail reads in flight at once.
    public let parallelism: Int

    public init(client: APIClient, account: String, parallelism: Int) {
        self.client = client
        self.account = account
        self.parallelism = max(1, parallelism)
    }

    public struct Result: Sendable {
        /// The tasks, in the order they were named; empty when there are problems.
        public var report: ShowReport
        /// Selectors that named no task or several; when any, no detail is read.
        public var problems: [TaskLookup.Problem]
        public var requests: Int
    }

    /// - Parameters:
    ///   - selectors: names or uuids.
    ///   - schema: the spec's `$schema=` modeline, as export's `--schema`.
    public func show(_ selectors: [String], schema: String = SpecExporter.defaultSchema) async throws -> Result {
        let listing = try await client.listTasks()
        let (uuids, problems) = TaskLookup.resolve(selectors, in: listing.tasks)
        guard problems.isEmpty else {
            return Result(report: ShowReport(account: account, tasks: []), problems: problems, requests: listing.requests)
        }
        let read = try await readDetails(uuids)
        let options = ExportRunner.exporterOptions(.init(schema: schema), account: account)
        let tasks = uuids.compactMap { uuid in
            read[uuid].map { TaskShow(detail: $0.task, activity: $0.activity, options: options) }
        }
        return Result(report: ShowReport(account: account, tasks: tasks), problems: [], requests: listing.requests + uuids.count)
    }

    /// Reads details with their activity, at most `parallelism` at a time.
    func readDetails(_ uuids: [String]) async throws -> [String: (task: LiveTask, activity: TaskActivity)] {
        let client = self.client
        return try await BoundedConcurrency.map(uuids, width: parallelism) { uuid in
            let (task, activity) = try await client.taskDetailWithActivity(uuid: uuid)
            return (task: task, activity: activity)
        }
    }
}
