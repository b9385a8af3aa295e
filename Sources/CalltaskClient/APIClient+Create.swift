public import CalltaskModels
import Foundation
import Logging

extension APIClient {
    /// Creates a task: `POST /agent-api/new/user/{user_id}/task` (../api/facts.md §2.2), sent ONCE.
    ///
    /// A create is not idempotent and the platform promises no unique names, so a resent create can make
    /// a second task: unlike every other call, this one is never retried (`RetryPolicy` is not
    /// consulted). It waits for the rate limiter like any call, is counted in `stats` and logged like
    /// the others. `sub_user_id` goes in the query, as on every call, and in the body (the create page
    /// lists it as a body field): the body's `subUserId` is replaced by the account's, so the two always
    /// agree. The body is encoded with sorted keys.
    ///
    /// The answer's `data` is not documented (no task id is promised): find the new task with
    /// `findTasks(named:)`.
    ///
    /// ```swift
    /// switch await client.createTask(body) {
    /// case .created: let tasks = try await client.findTasks(named: body.name)   // expect exactly one
    /// case .rejected(let error): print("not created: \(error)")
    /// case .unknown: let tasks = try await client.findTasks(named: body.name)   // it may exist
    /// }
    /// ```
    ///
    /// - Parameter body: the create body (`TaskCreateBody`).
    /// - Returns: `created` after a success envelope; `rejected` when the platform refused it (any 4xx,
    ///   an error envelope) or it could not be sent; `unknown` when it may have been created (timeout,
    ///   dropped connection, 5xx, 429…). `CreateOutcome` has the full table.
    public func createTask(_ body: TaskCreateBody) async -> CreateOutcome {
        var body = body
        body.subUserId = account.subUserID
        let call = APICall.create(name: body.name)
        let bytes: [UInt8]
        do throws(APIError) {
            bytes = try Self.encodeBody(body, call: call)
        } catch {
            return .rejected(error)
        }

        let outcome: CreateOutcome
        do throws(APIError) {
            let raw = try await perform(endpoints.create(name: body.name, body: bytes), attempt: 1)
            if raw.status == 429 || (500...599).contains(raw.status) {
                // A server error may follow a stored task, whatever the envelope says: checked before
                // `interpret`, which reads some envelope codes (6007, 401) before the HTTP status.
                let envelope = try? JSONDecoder().decode(Envelope<IgnoredPayload>.self, from: Data(raw.body))
                let message = envelope?.message.map { account.token.redacting(in: $0) } ?? snippet(raw.body)
                throw APIError.httpStatus(call: call, status: raw.status, message: message, retryAfter: raw.retryAfter)
            }
            _ = try interpret(raw, call: call, as: IgnoredPayload.self)
            outcome = .created(answer: createAnswer(raw.body))
        } catch {
            await stats.recordFault(error.shortDescription)
            outcome = CreateOutcome.classify(error)
        }
        switch outcome {
        case .created:
            break
        case .rejected(let error):
            logger.info("\(call) was refused, not created (\(error.shortDescription))",
                        metadata: ["call": "\(call)", "error": "\(error.shortDescription)", "outcome": "rejected"])
        case .unknown(let error):
            logger.info("\(call): outcome unknown (\(error.shortDescription)), not retried",
                        metadata: ["call": "\(call)", "error": "\(error.shortDescription)", "outcome": "unknown"])
        }
        return outcome
    }

    /// Every task named exactly `name`: the list read through its `name` filter, over every page, then
    /// filtered by name in calltask.
    ///
    /// The docs do not say how the platform's `name` filter matches (seed 000 calls it 任务名称): it may
    /// be a substring search, or ignored. So the filter only narrows the listing, and a task is kept
    /// when its name equals `name` exactly (Swift string equality: no trimming, case folding or
    /// compatibility normalisation). The listing is `listTasks()`'s: every page, read with bounded
    /// concurrency, de-duplicated by uuid, checked against `meta.total`, retried per `RetryPolicy`.
    ///
    /// - Parameter name: the task name to look for.
    /// - Returns: the tasks of that name, in list order: none, one, or several (the platform promises
    ///   no unique names).
    /// - Throws: `APIError`, as `listTasks()`.
    public func findTasks(named name: String) async throws(APIError) -> [LiveTask] {
        try await listTasks(named: name).tasks.filter { $0.name == name }
    }

    /// A success answer's `data` as compact JSON (sorted keys), at most `CreateOutcome.answerLimit`
    /// characters, token scrubbed; `null` when there is none.
    func createAnswer(_ body: [UInt8]) -> String {
        guard let object = try? JSONSerialization.jsonObject(with: Data(body), options: [.fragmentsAllowed]) as? [String: Any],
              let data = object["data"],
              let encoded = try? JSONSerialization.data(withJSONObject: data, options: [.sortedKeys, .fragmentsAllowed, .withoutEscapingSlashes])
        else { return "null" }
        let text = account.token.redacting(in: String(decoding: encoded, as: UTF8.self))
        return text.count > CreateOutcome.answerLimit ? String(text.prefix(CreateOutcome.answerLimit - 1)) + "…" : text
    }
}
