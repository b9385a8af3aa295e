public import CalltaskClient
public import CalltaskCore
import CalltaskModels

/// Exports live tasks as spec files: one list call, `--target` applied, abnormal tasks skipped, then
/// each selected task's DETAIL read (bounded, concurrently), because the list lacks fields a spec
/// must keep (holidays, variable-based scripts, multi-config, `group_switch_rule`, `new_call_rules`).
/// Writing the files is the caller's business.
public struct ExportRunner: Sendable {
    public let client: APIClient
    public let account: String
    /// Detail reads in flight at once.
    public let parallelism: Int

    public init(client: APIClient, account: String, parallelism: Int) {
        self.client = client
        self.account = account
        self.parallelism = max(1, parallelism)
    }

    public struct Options: Sendable {
        /// Names or uuids; empty means every task.
        public var targets: [String]
        public var withEnable: Bool
        public var schema: String

        public init(targets: [String] = [], withEnable: Bool = false, schema: String = SpecExporter.defaultSchema) {
            self.targets = targets
            self.withEnable = withEnable
            self.schema = schema
        }
    }

    public struct Result: Sendable {
        /// Files in file-name order.
        public var files: [SpecExporter.File]
        public var skipped: [SpecExporter.Skip]
        /// `--target` values that named no live task.
        public var unmatchedTargets: [String]
        public var requests: Int
    }

    /// What `SpecExporter` is given for `options` (also by `calltask show`, so that it shows exactly the
    /// file export would write).
    public static func exporterOptions(_ options: Options, account: String) -> SpecExporter.Options {
        SpecExporter.Options(withEnable: options.withEnable, schema: options.schema, account: account)
    }

    public func export(_ options: Options) async throws -> Result {
        let listing = try await client.listTasks()
        var selected = listing.tasks
        if !options.targets.isEmpty {
            selected = selected.filter { Matcher.selected(name: $0.name, uuid: $0.uuid, by: options.targets) }
        }
        let unmatched = options.targets.filter { target in !listing.tasks.contains { $0.uuid == target || $0.name == target } }
        var skipped: [SpecExporter.Skip] = []
        var readable: [String] = []
        for task in selected {
            if task.isAbnormal {
                skipped.append(.init(uuid: task.uuid, name: task.name ?? "", reason: SpecExporter.abnormalReason))
            } else {
                readable.append(task.uuid)
            }
        }
        let details = try await PlanRunner(client: client, account: account, parallelism: parallelism).readDetails(readable)
        let normalized = readable.compactMap { details[$0] }.map(Normalizer.normalize)
        let result = SpecExporter.export(normalized, options: Self.exporterOptions(options, account: account))
        return Result(files: result.files, skipped: skipped + result.skipped, unmatchedTargets: unmatched,
                      requests: listing.requests + readable.count)
    }
}
