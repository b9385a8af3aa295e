import Foundation

/// One request to send, before headers and the base URL are added: method, path, query and body.
struct APIRequest: Sendable {
    enum Method: String, Sendable {
        case get = "GET"
        case put = "PUT"
        case post = "POST"
    }

    var call: APICall
    var method: Method
    /// The path, already percent-encoded, starting with `/`.
    var path: String
    /// Query items, not yet encoded.
    var query: [(name: String, value: String)]
    var body: [UInt8]?

    /// The path and query as sent, e.g. `/agent-api/new/user/u/task?page=2&per_page=100`.
    var pathAndQuery: String {
        guard !query.isEmpty else { return path }
        return path + "?" + query.map { "\(Self.encodeQuery($0.name))=\(Self.encodeQuery($0.value))" }.joined(separator: "&")
    }

    /// Percent-encodes one path segment (ids are checked in `AccountSettings`; this is belt and braces).
    static func encodeSegment(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: segmentAllowed) ?? text
    }

    /// Percent-encodes a query name or value (RFC 3986 unreserved characters only).
    static func encodeQuery(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }

    private static let unreserved = CharacterSet(charactersIn:
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
    private static let segmentAllowed = CharacterSet(charactersIn:
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@")
}

/// The paths of the calls `calltask` makes, for one account.
struct Endpoints: Sendable {
    let account: AccountSettings

    private var userSegment: String { APIRequest.encodeSegment(account.userID) }

    /// `sub_user_id` goes on every call when set, as a query parameter (../api/facts.md §1.3: the safe
    /// assumption for PUTs too, whose samples omit it).
    private func withSubUser(_ query: [(name: String, value: String)]) -> [(name: String, value: String)] {
        guard let sub = account.subUserID else { return query }
        return query + [("sub_user_id", sub)]
    }

    /// `GET /agent-api/new/user/{user_id}/task?page=P&per_page=N[&name=NAME]` (seed 000; `name` is its
    /// "任务名称" filter, whose matching the docs do not describe).
    func list(page: Int, perPage: Int, name: String? = nil) -> APIRequest {
        var query = [("page", String(page)), ("per_page", String(perPage))]
        if let name { query.append(("name", name)) }
        return APIRequest(call: name.map { .list(page: page, named: $0) } ?? .list(page: page), method: .get,
                          path: "/agent-api/new/user/\(userSegment)/task", query: withSubUser(query), body: nil)
    }

    /// `POST /agent-api/new/user/{user_id}/task` with a create body (../api/facts.md §2.2). `sub_user_id`
    /// goes in the query as on every call; the body carries it too (the create page lists it as a body
    /// field; `APIClient.createTask` puts it there).
    func create(name: String, body: [UInt8]) -> APIRequest {
        APIRequest(call: .create(name: name), method: .post, path: "/agent-api/new/user/\(userSegment)/task",
                   query: withSubUser([]), body: body)
    }

    /// `GET /agent-api/new/user/{user_id}/task/{task_id}/edit` (../api/facts.md §2.6).
    func detail(_ uuid: String) -> APIRequest {
        APIRequest(call: .detail(uuid), method: .get,
                   path: "/agent-api/new/user/\(userSegment)/task/\(APIRequest.encodeSegment(uuid))/edit",
                   query: withSubUser([]), body: nil)
    }

    /// `PUT /agent-api/new/user/{user_id}/task/{task_id}` with the full configuration (seed 001).
    func update(_ uuid: String, body: [UInt8]) -> APIRequest {
        APIRequest(call: .update(uuid), method: .put,
                   path: "/agent-api/new/user/\(userSegment)/task/\(APIRequest.encodeSegment(uuid))",
                   query: withSubUser([]), body: body)
    }

    /// `PUT /agent-api/new/user/{user_id}/task_stop/{task_id}` with `{}` (../api/facts.md §2.4: the JS
    /// sample sends an empty object).
    func pause(_ uuid: String) -> APIRequest {
        APIRequest(call: .pause(uuid), method: .put,
                   path: "/agent-api/new/user/\(userSegment)/task_stop/\(APIRequest.encodeSegment(uuid))",
                   query: withSubUser([]), body: Array("{}".utf8))
    }

    /// `PUT` the resume path template with `{}`. INFERRED (../api/facts.md §2.5): no start call is
    /// documented; the default mirrors pause.
    func resume(_ uuid: String) -> APIRequest {
        let path = account.resumePath
            .replacingAll("{user_id}", with: userSegment)
            .replacingAll("{task_id}", with: APIRequest.encodeSegment(uuid))
        return APIRequest(call: .resume(uuid), method: .put, path: path, query: withSubUser([]), body: Array("{}".utf8))
    }
}
