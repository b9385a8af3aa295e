import Foundation
import Hummingbird

/// What every `/agent-api` call goes through, in this order:
///
/// 1. injected faults (`FaultOptions`): delay, then 429 or 500 before anything else is looked at, so a
///    refused call never half-applies;
/// 2. the bearer token (`Authorization: Bearer <token>`; else HTTP 401, envelope code 401);
/// 3. the `{user_id}` path parameter (must be the configured account; else HTTP 403, code 403);
/// 4. the `sub_user_id` (query, or the update body): tasks are visible only to the account that owns
///    them (`SimulatorOptions.subUserId`);
/// 5. the call itself (`TaskAPI`); a dropped connection (fault) is cut only now, after the change;
/// 6. the request log (`RequestLog`).
struct APIGateway: Sendable {
    let api: TaskAPI
    let faults: FaultInjector
    let options: SimulatorOptions

    /// The largest request body read (larger ones get HTTP 413).
    static let maxBodySize = 4 << 20

    func handle(_ request: Request, context: some RequestContext, kind: RequestKind) async -> Response {
        let taskId = context.parameters.get("task_id")
        let (delayMs, fault) = await faults.nextCall()
        if delayMs > 0 { try? await Task.sleep(for: .milliseconds(delayMs)) }

        let answer: APIAnswer
        switch fault {
        case .throttled: answer = .throttled(retryAfter: options.faults.retryAfterSeconds)
        case .serverError: answer = .serverError
        case .dropped, .none: answer = await authorisedAnswer(request, context: context, kind: kind, taskId: taskId)
        }

        let entry = RequestLogEntry(
            method: request.method.rawValue, path: request.uri.path, query: request.uri.query, kind: kind,
            taskId: taskId, httpStatus: answer.status.code, envelopeCode: answer.envelopeCode, fault: fault)
        await api.log.record(entry)
        return fault == .dropped ? answer.droppedResponse() : answer.response()
    }

    private func authorisedAnswer(_ request: Request, context: some RequestContext, kind: RequestKind, taskId: String?) async -> APIAnswer {
        guard request.headers[.authorization] == "Bearer \(options.token)" else { return .unauthorized }
        if let userId = context.parameters.get("user_id"), userId != options.userId { return .forbidden }
        let querySubUser = request.uri.queryParameters.get("sub_user_id").flatMap { $0.isEmpty ? nil : $0 }
        let visible = querySubUser == options.subUserId

        switch kind {
        case .list:
            var query = ListQuery()
            for (name, value) in request.uri.queryParameters {
                query.values[String(name), default: []].append(String(value))
            }
            return await api.list(query: query, visible: visible)
        case .detail:
            guard let taskId else { return .taskNotFound }
            return await api.detail(taskId: taskId, visible: visible)
        case .update:
            guard let taskId else { return .taskNotFound }
            let body: Data
            do {
                body = Data(try await request.body.collect(upTo: Self.maxBodySize).readableBytesView)
            } catch {
                return .failure(http: 413, code: 413, "request body too large or unreadable")
            }
            var bodyVisible = visible
            if let bodySubUser = (try? JSONValue.parse(body))?["sub_user_id"]?.stringValue, !bodySubUser.isEmpty {
                bodyVisible = bodySubUser == options.subUserId
            }
            return await api.update(taskId: taskId, body: body, visible: bodyVisible)
        case .pause, .resume:
            guard let taskId else { return .taskNotFound }
            return await api.setRunState(taskId: taskId, enabled: kind == .resume, visible: visible)
        case .other:
            return .failure(http: 404, code: 404, "no such API call: \(request.method.rawValue) \(request.uri.path)")
        }
    }
}
