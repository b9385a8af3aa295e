public import CalltaskModels

/// Every task of the account, as one consistent read of the paged list.
public struct TaskListing: Sendable {
    /// The tasks, each once, in the server's order.
    public var tasks: [LiveTask]
    /// Pages read in the listing that was kept.
    public var pages: Int
    /// HTTP requests the listing took in total (retries and a relist included).
    public var requests: Int
    /// How many times the list was read from page 1 (1, or 2 when tasks moved during the first read).
    public var passes: Int

    public init(tasks: [LiveTask], pages: Int, requests: Int, passes: Int = 1) {
        self.tasks = tasks
        self.pages = pages
        self.requests = requests
        self.passes = passes
    }
}
