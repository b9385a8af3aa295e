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
///   `call_status` by the time (`DialerState`), never by the wall clock (400 for a bad time).
struct SimulatorControlRoutes: Sendable {
    let store: TaskStore
    let log: RequestLog

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
    }

    private static func json(_ buffer: ByteBuffer) -> Response {
        Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: ResponseBody(byteBuffer: buffer))
    }
}
