import CalltaskModels
import Logging

extension APIClient {
    /// Lists every task of the account: `GET /agent-api/new/user/{user_id}/task?page=P&per_page=N` (seed 000).
    ///
    /// Page 1 is read first for `meta.total` and `meta.last_page` (../api/facts.md §1.4, §1.5: no page
    /// size maximum or sort order is documented, so the server's `last_page` is followed); pages
    /// 2…last are then read concurrently, at most `tuning.pageParallelism` at a time.
    ///
    /// The server is not trusted to hold still: tasks are de-duplicated by uuid, and the listing is
    /// checked against `meta.total`. If tasks moved while the pages were read (a uuid on two pages, a
    /// count different from `total`, a `total` or `last_page` that changed from page to page), the
    /// whole list is read once more from page 1. If that does not add up either,
    /// `APIError.inconsistentListing` is thrown. A `total` or `last_page` beyond
    /// `tuning.maxListedTasks` is an error, never an endless loop.
    ///
    /// ```swift
    /// let listing = try await client.listTasks()
    /// print("\(listing.tasks.count) tasks in \(listing.pages) pages, \(listing.requests) requests")
    /// ```
    ///
    /// - Throws: `APIError`.
    public func listTasks() async throws(APIError) -> TaskListing {
        try await listTasks(named: nil)
    }

    /// Lists every task, or (with `name`) every task the list's `name` filter returns, as `listTasks()`
    /// describes: all pages, de-duplicated, checked, relisted once if the pages did not add up.
    func listTasks(named name: String?) async throws(APIError) -> TaskListing {
        let first = try await listPass(previous: nil, named: name)
        if first.problem == nil {
            return TaskListing(tasks: first.tasks, pages: first.pages, requests: first.requests, passes: 1)
        }
        logger.info("tasks changed while the list was read (\(first.problem ?? "")); listing again", metadata: [
            "reason": "\(first.problem ?? "")",
        ])
        let second = try await listPass(previous: first, named: name)
        guard let problem = second.problem else {
            return TaskListing(tasks: second.tasks, pages: second.pages, requests: first.requests + second.requests, passes: 2)
        }
        throw .inconsistentListing(detail: "first pass: \(first.problem ?? "ok"); second pass: \(problem)")
    }

    /// One list page as received.
    struct ListPage: Sendable {
        var number: Int
        var tasks: [LiveTask]
        var meta: PageMeta?
        var attempts: Int
    }

    /// One read of the whole list, with what (if anything) did not add up.
    struct ListPass: Sendable {
        var tasks: [LiveTask]
        var pages: Int
        var requests: Int
        var total: Int
        var lastPage: Int
        /// Why this pass cannot be trusted; nil when it is consistent.
        var problem: String?
    }

    /// Reads page 1, then the rest with bounded concurrency, and checks the result; with `name`,
    /// through the list's `name` filter.
    func listPass(previous: ListPass?, named name: String? = nil) async throws(APIError) -> ListPass {
        let first = try await fetchListPage(1, named: name)
        let firstCall = name.map { APICall.list(page: 1, named: $0) } ?? APICall.list(page: 1)
        guard let meta = first.meta else {
            // An envelope without `meta` (an older revision, M8): usable only if it is obviously one page.
            guard first.tasks.count < tuning.pageSize else {
                throw .undecodable(call: firstCall, detail: "the list answer has no 'meta', so its pages cannot be followed")
            }
            return check(pages: [first], total: first.tasks.count, lastPage: 1)
        }
        let perPage = meta.perPage > 0 ? meta.perPage : tuning.pageSize
        let pageBound = max(1, (tuning.maxListedTasks + perPage - 1) / perPage)
        guard meta.total >= 0, meta.lastPage >= 0 else {
            throw .undecodable(call: firstCall, detail: "negative meta.total (\(meta.total)) or meta.last_page (\(meta.lastPage))")
        }
        guard meta.total <= tuning.maxListedTasks, meta.lastPage <= pageBound else {
            throw .inconsistentListing(detail: "the server reports \(meta.total) tasks in \(meta.lastPage) pages of \(perPage), "
                + "above the limit of \(tuning.maxListedTasks) tasks (\(pageBound) pages)")
        }
        if let previous, meta.lastPage > max(2 * previous.lastPage, previous.lastPage + 10) {
            throw .inconsistentListing(detail: "meta.last_page grew from \(previous.lastPage) to \(meta.lastPage) between two reads of the list")
        }
        let lastPage = max(1, meta.lastPage)
        var pages = [first]
        if lastPage > 1 {
            pages += try await fetchListPages(2...lastPage, named: name)
        }
        return check(pages: pages, total: meta.total, lastPage: lastPage)
    }

    /// Fetches `range` with at most `tuning.pageParallelism` requests in flight, in page order.
    func fetchListPages(_ range: ClosedRange<Int>, named name: String? = nil) async throws(APIError) -> [ListPage] {
        let parallelism = tuning.pageParallelism
        do {
            return try await withThrowingTaskGroup(of: ListPage.self, returning: [ListPage].self) { group in
                var next = range.lowerBound
                while next <= range.upperBound, next - range.lowerBound < parallelism {
                    let page = next
                    group.addTask { try await self.fetchListPage(page, named: name) }
                    next += 1
                }
                var received: [ListPage] = []
                received.reserveCapacity(range.count)
                while let page = try await group.next() {
                    received.append(page)
                    if next <= range.upperBound {
                        let page = next
                        group.addTask { try await self.fetchListPage(page, named: name) }
                        next += 1
                    }
                }
                return received.sorted { $0.number < $1.number }
            }
        } catch let error as APIError {
            throw error
        } catch {
            throw .cancelled(call: name.map { .list(page: range.lowerBound, named: $0) } ?? .list(page: range.lowerBound))
        }
    }

    /// Fetches one list page (retried per policy); with `name`, through the list's `name` filter.
    func fetchListPage(_ number: Int, named name: String? = nil) async throws(APIError) -> ListPage {
        let request = endpoints.list(page: number, perPage: tuning.pageSize, name: name)
        let sent = try await send(request, as: [LiveTask].self)
        return ListPage(number: number, tasks: sent.envelope.data ?? [], meta: sent.envelope.meta, attempts: sent.attempts)
    }

    /// De-duplicates by uuid and checks the pages against page 1's `total` and `last_page`.
    func check(pages: [ListPage], total: Int, lastPage: Int) -> ListPass {
        var problems: [String] = []
        for page in pages.dropFirst() {
            guard let meta = page.meta else {
                problems.append("page \(page.number) has no meta")
                continue
            }
            if meta.total != total || meta.lastPage != lastPage && !(lastPage == 1 && meta.lastPage == 0) {
                problems.append("page \(page.number) reported total \(meta.total) and last_page \(meta.lastPage), "
                    + "page 1 reported \(total) and \(lastPage)")
            }
            if meta.currentPage != page.number {
                problems.append("page \(page.number) came back as page \(meta.currentPage)")
            }
        }
        var seen: Set<String> = []
        var tasks: [LiveTask] = []
        var repeated = 0
        var missingIDs = 0
        for page in pages {
            for task in page.tasks {
                guard !task.uuid.isEmpty else {
                    missingIDs += 1
                    continue
                }
                if seen.insert(task.uuid).inserted {
                    tasks.append(task)
                } else {
                    repeated += 1
                }
            }
        }
        if missingIDs > 0 { problems.append("\(missingIDs) task(s) without a uuid") }
        if repeated > 0 { problems.append("\(repeated) task(s) appeared on two pages") }
        if tasks.count != total { problems.append("\(tasks.count) distinct tasks read, meta.total says \(total)") }
        return ListPass(tasks: tasks, pages: pages.count, requests: pages.reduce(0) { $0 + $1.attempts },
                        total: total, lastPage: lastPage,
                        problem: problems.isEmpty ? nil : problems.prefix(3).joined(separator: "; "))
    }
}
