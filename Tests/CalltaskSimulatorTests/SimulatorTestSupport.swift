import CalltaskSimulator
import Foundation
import Hummingbird
import HummingbirdTesting

/// The path prefix of the default account.
let userBase = "/agent-api/new/user/\(SimulatorOptions.defaultUserId)"

/// The default token's header.
let authorized: HTTPFields = [.authorization: "Bearer \(SimulatorOptions.defaultToken)"]

/// An answer's body as JSON (`.null` if it is not JSON).
func json(_ response: TestResponse) -> JSONValue {
    (try? JSONValue.parse(Data(response.body.readableBytesView))) ?? .null
}

extension TestClientProtocol {
    /// A call with the default token; `body` is sent as JSON text.
    func call(_ method: HTTPRequest.Method, _ path: String, body: String? = nil, headers: HTTPFields = authorized) async throws -> TestResponse {
        try await execute(uri: path, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
    }

    /// The detail (`data`) of a task.
    func detail(_ taskId: String) async throws -> JSONValue {
        json(try await call(.get, "\(userBase)/task/\(taskId)/edit"))["data"] ?? .null
    }
}

/// A valid update body for `insurance-renewal-2026` (paused, matches its spec); `extras` are merged
/// into `task_extras`, `top` into the top level. It carries what seed 001 requires of a new 2.0 task
/// scripted by variable: `pop_mode` and the variable rules.
func insuranceBody(extras: [String: JSONValue] = [:], top: [String: JSONValue] = [:], removing: Set<String> = []) -> String {
    var taskExtras: [String: JSONValue] = [
        "start_time": "2026-01-05 08:30:00", "stop_time": "2026-12-20 20:00:00",
        "line": [["id": "d47c3599-f166-4cd0-999c-f60e46814d26", "limit": 3]],
        "holiday": [["start": "2026-10-01 00:00", "end": "2026-10-07 23:59"]],
        "pop_mode": 0,
        "destination_extension_with_variable_list": [
            ["mode": 1, "values": ["男", "男的"], "destination_extension": 11, "sort": 1],
            ["mode": 0, "values": ["女", "女性"], "destination_extension": 12, "sort": 2],
        ],
    ]
    for (key, value) in extras { taskExtras[key] = value }
    var body: [String: JSONValue] = [
        "name": "insurance-renewal-2026", "destination_extension": 10, "dial_time_id": 5, "maximumcall": 3,
        "task_type": 7, "group_type": "robot", "is_group_switch": 2, "task_extras": .object(taskExtras),
    ]
    for (key, value) in top { body[key] = value }
    for key in removing {
        body[key] = nil
        taskExtras[key] = nil
    }
    if body["task_extras"] != nil {
        body["task_extras"] = .object(taskExtras)
    }
    return JSONValue.object(body).serialized()
}

/// Calls a running simulator over real HTTP on loopback, each call on its own connection, so a call the
/// simulator holds (`/_sim/hold`) does not block the next one.
struct LoopbackClient: Sendable {
    let port: Int

    /// An answer: HTTP status and body as JSON (`.null` if it is not JSON).
    struct Answer: Sendable {
        var status: Int
        var json: JSONValue
    }

    /// One call; `body` is sent as JSON text. Throws when the connection drops mid-answer.
    func call(_ method: HTTPRequest.Method, _ path: String, body: String? = nil, headers: HTTPFields = authorized) async throws -> Answer {
        let client = TestClient(host: "127.0.0.1", port: port, configuration: .init(timeout: .seconds(20)))
        client.connect()
        do {
            let response = try await client.execute(.init(path, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) }))
            try? await client.shutdown()
            let json = (try? JSONValue.parse(Data((response.body ?? ByteBuffer()).readableBytesView))) ?? .null
            return Answer(status: Int(response.status.code), json: json)
        } catch {
            try? await client.shutdown()
            throw error
        }
    }

    /// The names of the tasks a list call answers (`query` without `?`).
    func listedNames(_ query: String = "per_page=1000") async throws -> [String] {
        try await call(.get, "\(userBase)/task?\(query)").json["data"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? []
    }
}

/// A valid create body (facts §2.2): `top` is merged into the top level, `extras` into `task_extras`;
/// `removing` drops keys from either.
func createBody(name: String = "new-campaign", top: [String: JSONValue] = [:], extras: [String: JSONValue] = [:],
                removing: Set<String> = []) -> String {
    var taskExtras: [String: JSONValue] = [
        "start_time": "2026-03-01 09:00:00", "stop_time": "2026-12-31 21:00:00",
        "line": ["d47c3599-f166-4cd0-999c-f60e46814d26", "5a1e7c2b-0f3d-4e8a-b6c1-2d3e4f5a6b7c"],
        "holiday": [["start": "2026-10-01 00:00", "end": "2026-10-07 23:59"]],
    ]
    for (key, value) in extras { taskExtras[key] = value }
    var body: [String: JSONValue] = [
        "name": .string(name), "destination_extension": 13037, "dial_time_id": 5, "maximumcall": 2,
        "task_extras": .object(taskExtras),
    ]
    for (key, value) in top { body[key] = value }
    for key in removing {
        body[key] = nil
        taskExtras[key] = nil
    }
    if body["task_extras"]?.objectValue != nil { body["task_extras"] = .object(taskExtras) }
    return JSONValue.object(body).serialized()
}
