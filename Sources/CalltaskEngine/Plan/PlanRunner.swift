public import CalltaskClient
public import CalltaskCore
import CalltaskModels
public import CalltaskYAML

/// Makes a plan: lists the live tasks (every page), reads details only where a spec manages a field
/// the list does not return, and hands everything to the pure `Planner`.
public struct PlanRunner: Sendable {
    public let client: APIClient
    public let account: String
    /// Detail reads in flight at once.
    public let parallelism: Int

    public init(client: APIClient, account: String, parallelism: Int) {
        self.client = client
        self.account = account
        self.parallelism = max(1, parallelism)
    }

    public func plan(_ specs: SpecSet, options: Planner.Options) async throws -> (plan: Plan, diagnostics: [Diagnostic]) {
        let listing = try await client.listTasks()
        let scoped = try Planner.scope(specs.specs, options: options, live: listing.tasks).get()
        var requests = listing.requests
        let matched = Matcher.match(scoped, live: listing.tasks)
        let needed = matched.matches.filter { Planner.needsDetail($0.spec.spec) }.map(\.live.uuid)
        var details = try await readDetails(needed)
        requests += needed.count
        var result = Planner.plan(matched: matched, details: details, options: options,
                                  account: account, specHash: specs.hash, requests: requests)
        // Every task to update is planned from its detail: the update body is built from it, so its
        // side effects (and the read-back apply checks) are predicted from it. One read per changed task.
        let changed = result.plan.toUpdate.filter { $0.needsUpdate && details[$0.uuid] == nil }.map(\.uuid)
        if !changed.isEmpty {
            details.merge(try await readDetails(changed)) { first, _ in first }
            requests += changed.count
            result = Planner.replan(result, matched: matched, details: details, options: options,
                                    uuids: Set(changed), requests: requests)
        }
        result.plan.specFiles = specs.files
        return result
    }

    /// Reads details concurrently, at most `parallelism` at a time, by the uuid asked for.
    func readDetails(_ uuids: [String]) async throws -> [String: LiveTask] {
        let client = self.client
        return try await BoundedConcurrency.map(uuids, width: parallelism) { uuid in
            var detail = try await client.taskDetail(uuid: uuid)
            if detail.uuid.isEmpty { detail.uuid = uuid }
            return detail
        }
    }
}
