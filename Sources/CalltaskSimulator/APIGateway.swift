import Foundation
import Hummingbird

/// What every `/agent-api` call goes through, in this order:
///
/// 1. injected faults (`FaultOptions`): delay, then 429 or 500 before anything else is looked at, so a
///    refused call never half-applies; a create call also draws its own fault here (`CreateFault`);
/// 2. the bearer token (`Authorization: Bearer <token>`; else HTTP 401, envelope code 401);
/// 3. the `{user_id}` path parameter (must be the configured account; else HTTP 403, code 403);
/// 4. the `sub_user_id` (query, or the update and create body): tasks are visible only to the account
///    that owns them (`SimulatorOptions.subUserId`);
/// 5. a create's fail-before fault (HTTP 500, nothing stored);
/// 6. a hold armed for this call, `before` (`CallHold`), then the call itself (`TaskAPI`);
/// 7. a hold armed for this call, `after`;
/// 8. a create's commit-then-fail or commit-then-drop fault, then a dropped connection (fault) is cut
///    only now, after the change;
/// 9. the request log (`RequestLog`).
struct APIGateway: Sendable {
    let api: TaskAPI
    let faults: FaultInjector
    let hold: CallHold
    let options: SimulatorOptions

    /// The largest request body read (larger ones get HTTP 413).
    static let maxBodySize = 4 << 20

    /// An answer with the fault it carries and the task it concerns (for the log).
    private struct Handled {
        var answer: APIAnswer
        var fault: InjectedFault?
        var taskId: String?
    }

    func handle(_ request: Request, context: some RequestContext, kind: RequestKind) async -> Response {
        let taskId = context.parameters.get("task_id")
        let (delayMs, fault) = await faults.nextCall()
        let createFault = kind == .create && (fault == nil || fault == .dropped) ? await faults.nextCreate() : nil
        if delayMs > 0 { try? await Task.sleep(for: .milliseconds(delayMs)) }

        let handled: Handled
        switch fault {
        case .throttled: handled = Handled(answer: .throttled(retryAfter: options.faults.retryAfterSeconds), fault: fault, taskId: taskId)
        case .serverError, .serverErrorAfterCommit: handled = Handled(answer: .serverError, fault: fault, taskId: taskId)
        case .dropped, .none:
            var inner = await authorisedAnswer(request, context: context, kind: kind, taskId: taskId, createFault: createFault)
            if fault == .dropped { inner.fault = .dropped }
            handled = inner
        }

        let entry = RequestLogEntry(
            method: request.method.rawValue, path: request.uri.path, query: request.uri.query, kind: kind,
            taskId: handled.taskId, httpStatus: handled.answer.status.code, envelopeCode: handled.answer.envelopeCode,
            fault: handled.fault)
        await api.log.record(entry)
        return handled.fault == .dropped ? handled.answer.droppedResponse() : handled.answer.response()
    }

    private func authorisedAnswer(
        _ request: Request, context: some RequestContext, kind: RequestKind, taskId: String?, createFault: CreateFault?
    ) async -> Handled {
        guard request.headers[.authorization] == "Bearer \(options.token)" else { return Handled(answer: .unauthorized, taskId: taskId) }
        if let userId = context.parameters.get("user_id"), userId != options.userId {
            return Handled(answer: .forbidden, taskId: taskId)
        }
        let querySubUser = request.uri.queryParameters.get("sub_user_id").flatMap { $0.isEmpty ? nil : $0 }
        let visible = querySubUser == options.subUserId

        switch kind {
        case .list:
            var query = ListQuery()
            for (name, value) in request.uri.queryParameters {
                query.values[String(name), default: []].append(String(value))
            }
            let names = query.first("name").map { [$0] } ?? []
            let call = CallHold.Held(call: .list, when: .before, taskId: nil, name: query.first("name"))
            await hold.pass(call, names: names)
            let answer = await api.list(query: query, visible: visible)
            await hold.pass(call.at(.after), names: names)
            return Handled(answer: answer, taskId: taskId)
        case .create:
            return await create(request, querySubUser: querySubUser, fault: createFault)
        case .detail, .update, .pause, .resume:
            guard let taskId else { return Handled(answer: .taskNotFound, taskId: nil) }
            var body = Data()
            var callVisible = visible
            if kind == .update {
                guard let read = await readBody(request) else {
                    return Handled(answer: .failure(http: 413, code: 413, "request body too large or unreadable"), taskId: taskId)
                }
                body = read
                if let bodySubUser = (try? JSONValue.parse(body))?["sub_user_id"]?.stringValue, !bodySubUser.isEmpty {
                    callVisible = bodySubUser == options.subUserId
                }
            }
            let name = await api.store.task(id: taskId)?.name
            let names = [taskId] + (name.map { [$0] } ?? [])
            let call = CallHold.Held(call: kind, when: .before, taskId: taskId, name: name)
            await hold.pass(call, names: names)
            let answer: APIAnswer
            switch kind {
            case .detail: answer = await api.detail(taskId: taskId, visible: callVisible)
            case .update: answer = await api.update(taskId: taskId, body: body, visible: callVisible)
            default: answer = await api.setRunState(taskId: taskId, enabled: kind == .resume, visible: callVisible)
            }
            await hold.pass(call.at(.after), names: names)
            return Handled(answer: answer, taskId: taskId)
        case .other:
            return Handled(answer: .failure(http: 404, code: 404, "no such API call: \(request.method.rawValue) \(request.uri.path)"),
                           taskId: taskId)
        }
    }

    /// `POST .../task`. `sub_user_id` may come in the query and in the body (the create page lists it
    /// as a body field); when both are sent they must agree (docs silent: the stricter reading, 422).
    /// The simulator serves one account: a create for another account (sub-account) is refused with
    /// 403 rather than stored where no call could see it.
    private func create(_ request: Request, querySubUser: String?, fault: CreateFault?) async -> Handled {
        guard let body = await readBody(request) else {
            return Handled(answer: .failure(http: 413, code: 413, "request body too large or unreadable"))
        }
        await api.log.recordCreateBody(body)
        let parsed = try? JSONValue.parse(body)
        let bodySubUser = parsed?["sub_user_id"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        if let bodySubUser, let querySubUser, bodySubUser != querySubUser {
            return Handled(answer: .failure(http: 422, code: 422,
                                            "The sub_user_id field (\(bodySubUser)) differs from the sub_user_id query parameter (\(querySubUser))."))
        }
        guard (bodySubUser ?? querySubUser) == options.subUserId else {
            return Handled(answer: .failure(http: 403, code: 403, "forbidden: this token may not create tasks for that sub_user_id"))
        }
        if fault == .failBeforeCommit {
            return Handled(answer: .serverError, fault: .serverError)
        }
        let name = parsed?["name"]?.stringValue
        let names = name.map { [$0] } ?? []
        await hold.pass(CallHold.Held(call: .create, when: .before, taskId: nil, name: name), names: names)
        let (answer, created) = await api.create(body: body)
        await hold.pass(CallHold.Held(call: .create, when: .after, taskId: created?.uuid, name: name), names: names)
        guard let created else { return Handled(answer: answer) }
        switch fault {
        case .failAfterCommit: return Handled(answer: .serverError, fault: .serverErrorAfterCommit, taskId: created.uuid)
        case .dropAfterCommit: return Handled(answer: answer, fault: .dropped, taskId: created.uuid)
        case .failBeforeCommit, .none: return Handled(answer: answer, taskId: created.uuid)
        }
    }

    private func readBody(_ request: Request) async -> Data? {
        try? Data(await request.body.collect(upTo: Self.maxBodySize).readableBytesView)
    }
}

extension CallHold.Held {
    /// The same call at another moment.
    func at(_ moment: CallHold.Moment) -> CallHold.Held {
        var copy = self
        copy.when = moment
        return copy
    }
}
