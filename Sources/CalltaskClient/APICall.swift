/// Which API call a request or an error belongs to: the kind of call plus the task or page it was for.
public struct APICall: Sendable, Hashable, CustomStringConvertible {
    /// The calls `calltask` makes.
    public enum Kind: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
        /// `GET /agent-api/new/user/{user_id}/task` (seed 000).
        case list
        /// `POST /agent-api/new/user/{user_id}/task` (../api/facts.md §2.2).
        case create
        /// `GET /agent-api/new/user/{user_id}/task/{task_id}/edit` (../api/facts.md §2.6).
        case detail
        /// `PUT /agent-api/new/user/{user_id}/task/{task_id}` (seed 001).
        case update
        /// `PUT /agent-api/new/user/{user_id}/task_stop/{task_id}` (../api/facts.md §2.4).
        case pause
        /// The resume path setting (INFERRED, ../api/facts.md §2.5).
        case resume

        public var description: String { rawValue }
    }

    public var kind: Kind
    /// The task the call is about (detail, update, pause, resume).
    public var taskUUID: String?
    /// The list page (list only).
    public var page: Int?
    /// The task name: the name a create sends, or a list's `name` filter.
    public var taskName: String?

    public init(kind: Kind, taskUUID: String? = nil, page: Int? = nil, taskName: String? = nil) {
        self.kind = kind
        self.taskUUID = taskUUID
        self.page = page
        self.taskName = taskName
    }

    public static func list(page: Int) -> APICall { APICall(kind: .list, page: page) }
    /// A list page read through the `name` filter.
    public static func list(page: Int, named name: String) -> APICall { APICall(kind: .list, page: page, taskName: name) }
    public static func create(name: String) -> APICall { APICall(kind: .create, taskName: name) }
    public static func detail(_ uuid: String) -> APICall { APICall(kind: .detail, taskUUID: uuid) }
    public static func update(_ uuid: String) -> APICall { APICall(kind: .update, taskUUID: uuid) }
    public static func pause(_ uuid: String) -> APICall { APICall(kind: .pause, taskUUID: uuid) }
    public static func resume(_ uuid: String) -> APICall { APICall(kind: .resume, taskUUID: uuid) }

    /// E.g. `list (page 3)`, `list of tasks named "abc" (page 2)`, `create of task "abc"`,
    /// `update of task 1f0c…`. Names are shown quoted, with control characters escaped.
    public var description: String {
        switch kind {
        case .list:
            let what = taskName.map { "list of tasks named \($0.debugDescription)" } ?? "list"
            return page.map { "\(what) (page \($0))" } ?? what
        case .create: return "create of task \((taskName ?? "?").debugDescription)"
        case .detail: return "detail of task \(taskUUID ?? "?")"
        case .update: return "update of task \(taskUUID ?? "?")"
        case .pause: return "pause of task \(taskUUID ?? "?")"
        case .resume: return "resume of task \(taskUUID ?? "?")"
        }
    }
}
