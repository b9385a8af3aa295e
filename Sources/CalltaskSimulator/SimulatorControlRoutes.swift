import Foundation
import Hummingbird

/// The simulator's own routes under `/_sim` (no auth, no faults), for tests and demos:
///
/// - `GET /_sim/log`: the request log, `[RequestLogEntry]` as JSON;
/// - `DELETE /_sim/log`: clears it;
/// - `GET /_sim/tasks`: every stored task in the detail shape;
/// - `GET /_sim/put/{task_id}`: the raw body of the last update sent for that task (404 if none);
/// - `GET /_sim/clock`: the dialer clock, `{"now": "YYYY-MM-DD HH:MM:SS"}`;
/// - `PUT /_sim/clock` with `{"now": "YYYY-MM-DD HH:MM:SS"}`: sets it, so a test chooses each task's
///   `call_status` by the time (`DialerState`), never by the wall clock (400 for a bad time);
/// - `GET /_sim/create`: the body of every create call (`POST .../task`) received, oldest first, as a
///   JSON array (each body as the JSON it was, or as a string when it was not JSON);
/// - `POST /_sim/hold` with `{"call": "create"|"list"|"detail"|"update"|"pause"|"resume",
///   "when": "before"|"after", "task": "<uuid or name>"}` (`task` optional): arms a one-shot hold
///   (`CallHold`) on the next matching `/agent-api` call, held `before` it touches state or `after` it
///   did, until released. `task` matches a call's task uuid or that task's name, a create's body `name`,
///   a list's `name` filter. Answers 200 `{"armed": {"call": …, "when": …, "task": …|null}}`, replacing
///   a hold armed earlier; 400 `{"error": "…"}` for a bad body; 409 `{"error": "…"}` while a call is held;
/// - `GET /_sim/hold`: `{"armed": {"call", "when", "task"}|null, "held": {"call", "when", "task_id",
///   "name"}|null}`;
/// - `GET /_sim/hold/wait?timeout=S`: waits up to S seconds (default 10, at most 600) until a call is
///   held, then answers `{"held": true, "call": …, "when": …, "task_id": …|null, "name": …|null}`
///   (`task_id`: the uuid the call named, or that a create held `after` stored); on timeout
///   `{"held": false}`;
/// - `POST /_sim/release`: lets the held call go and disarms any armed hold; answers
///   `{"released": true}`, or `{"released": false}` when no call was held.
struct SimulatorControlRoutes: Sendable {
    let store: TaskStore
    let log: RequestLog
    let hold: CallHold

    /// The longest `GET /_sim/hold/wait` waits, in seconds.
    static let maxWaitSeconds = 600.0

    func register(on router: Router<BasicRequestContext>) {
        router.get("/_sim/log") { _, _ in
            let entries = await log.entries()
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            let data = (try? encoder.encode(entries)) ?? Data("[]".utf8)
            return Self.json(ByteBuffer(bytes: data))
        }
        router.delete("/_sim/log") { _, _ in
            await log.clear()
            return Response(status: .noContent)
        }
        router.get("/_sim/tasks") { _, _ in
            let tasks = await store.allTasks()
            return Self.json(ByteBuffer(string: JSONValue.array(tasks.map(\.detail)).serialized()))
        }
        router.get("/_sim/clock") { _, _ in
            Self.json(ByteBuffer(string: JSONValue.object(["now": .string(await store.dialerTime)]).serialized()))
        }
        router.put("/_sim/clock") { request, _ in
            let body = try await request.body.collect(upTo: 4096)
            guard let value = try? JSONValue.parse(Data(body.readableBytesView)), let now = value["now"]?.stringValue,
                  await store.setDialerTime(now) else {
                return Response(status: .badRequest)
            }
            return Response(status: .noContent)
        }
        router.get("/_sim/put/:task_id") { _, context in
            guard let taskId = context.parameters.get("task_id"), let body = await log.lastPutBody(taskId: taskId) else {
                return Response(status: .notFound)
            }
            return Self.json(ByteBuffer(bytes: body))
        }
        router.get("/_sim/create") { _, _ in
            let bodies = await log.createBodies().map { body in
                (try? JSONValue.parse(body)) ?? .string(String(decoding: body, as: UTF8.self))
            }
            return Self.json(ByteBuffer(string: JSONValue.array(bodies).serialized()))
        }
        registerHold(on: router)
    }

    private func registerHold(on router: Router<BasicRequestContext>) {
        router.post("/_sim/hold") { request, _ in
            let body = try await request.body.collect(upTo: 4096)
            let parsed: CallHold.Request
            switch Self.holdRequest(Data(body.readableBytesView)) {
            case .success(let value): parsed = value
            case .failure(let problem): return Self.json(["error": .string(problem.message)], status: .badRequest)
            }
            guard await hold.arm(parsed) else {
                return Self.json(["error": "a call is held: release it first (POST /_sim/release)"], status: .conflict)
            }
            return Self.json(["armed": Self.describe(parsed)])
        }
        router.get("/_sim/hold") { _, _ in
            let armed = await hold.armedRequest
            let held = await hold.heldCall
            return Self.json(["armed": armed.map(Self.describe) ?? .null, "held": held.map(Self.describe) ?? .null])
        }
        router.get("/_sim/hold/wait") { request, _ in
            let asked = request.uri.queryParameters.get("timeout").flatMap { Double($0) } ?? 10
            let seconds = asked.isFinite ? min(max(0, asked), Self.maxWaitSeconds) : 10
            let deadline = ContinuousClock.now.advanced(by: .milliseconds(Int64(seconds * 1000)))
            while true {
                if let held = await hold.heldCall {
                    var answer = Self.describe(held)
                    answer["held"] = true
                    return Self.json(answer)
                }
                guard ContinuousClock.now < deadline else { return Self.json(["held": false]) }
                try await Task.sleep(for: .milliseconds(5))
            }
        }
        router.post("/_sim/release") { _, _ in
            Self.json(["released": .bool(await hold.release())])
        }
    }

    /// Why a `POST /_sim/hold` body is refused.
    struct BadHold: Error {
        var message: String
    }

    /// The calls a hold may name.
    static let holdableCalls: [RequestKind] = [.list, .create, .detail, .update, .pause, .resume]

    /// Reads `{"call", "when", "task"?}`.
    static func holdRequest(_ data: Data) -> Result<CallHold.Request, BadHold> {
        guard let value = try? JSONValue.parse(data), let object = value.objectValue else {
            return .failure(BadHold(message: "the body must be a JSON object {\"call\", \"when\", \"task\"}"))
        }
        if let unknown = object.keys.sorted().first(where: { !["call", "when", "task"].contains($0) }) {
            return .failure(BadHold(message: "unknown key '\(unknown)'"))
        }
        let names = holdableCalls.map(\.rawValue).joined(separator: ", ")
        guard let callName = object["call"]?.stringValue, let call = RequestKind(rawValue: callName),
              holdableCalls.contains(call) else {
            return .failure(BadHold(message: "'call' must be one of \(names)"))
        }
        guard let whenName = object["when"]?.stringValue, let when = CallHold.Moment(rawValue: whenName) else {
            return .failure(BadHold(message: "'when' must be before or after"))
        }
        var task: String?
        switch object["task"] {
        case .none, .some(.null): task = nil
        case .some(.string(let text)) where !text.isEmpty: task = text
        default: return .failure(BadHold(message: "'task' must be a task uuid or name"))
        }
        return .success(CallHold.Request(call: call, when: when, task: task))
    }

    private static func describe(_ request: CallHold.Request) -> JSONValue {
        ["call": .string(request.call.rawValue), "when": .string(request.when.rawValue), "task": request.task.map(JSONValue.string) ?? .null]
    }

    private static func describe(_ held: CallHold.Held) -> JSONValue {
        ["call": .string(held.call.rawValue), "when": .string(held.when.rawValue),
         "task_id": held.taskId.map(JSONValue.string) ?? .null, "name": held.name.map(JSONValue.string) ?? .null]
    }

    private static func json(_ value: JSONValue, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                 body: ResponseBody(byteBuffer: ByteBuffer(string: value.serialized())))
    }

    private static func json(_ buffer: ByteBuffer) -> Response {
        Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: ResponseBody(byteBuffer: buffer))
    }
}
