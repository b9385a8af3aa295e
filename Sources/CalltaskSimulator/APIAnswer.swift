import Hummingbird

/// One answer of the platform: an HTTP status and the envelope `{code, status, message, data[, meta]}`
/// (facts §1.4).
struct APIAnswer: Sendable {
    var status: HTTPResponse.Status
    var envelope: JSONValue
    var headers: HTTPFields = [:]

    /// The envelope's `code`.
    var envelopeCode: Int? { envelope["code"]?.intValue }

    /// `{"code": 200, "status": "success", "message": …, "data": …}` with HTTP 200.
    static func success(_ message: String, data: JSONValue, meta: JSONValue? = nil) -> APIAnswer {
        var envelope: JSONValue = ["code": 200, "status": "success", "message": .string(message), "data": data]
        if let meta { envelope["meta"] = meta }
        return APIAnswer(status: .ok, envelope: envelope)
    }

    /// `{"code": code, "status": "error", "message": …, "data": []}` (seed 001's 6007 shape).
    static func failure(http: Int, code: Int, _ message: String) -> APIAnswer {
        APIAnswer(status: .init(code: http),
                  envelope: ["code": .int(code), "status": "error", "message": .string(message), "data": []])
    }

    static let unauthorized = failure(http: 401, code: 401, "unauthorized")
    static let forbidden = failure(http: 403, code: 403, "forbidden: this token may not act on that user_id")
    static let taskNotFound = failure(http: 404, code: 404, "任务不存在")
    /// Seed 001, note 4: the update of a started 2.0 task, answered with HTTP 200.
    static let taskRunning = failure(http: 200, code: 6007, "2.0任务启动中,请先停止任务")
    static let serverError = failure(http: 500, code: 500, "simulated server error")

    /// HTTP 429 with `Retry-After: seconds`.
    static func throttled(retryAfter seconds: Int) -> APIAnswer {
        var answer = failure(http: 429, code: 429, "too many requests")
        answer.headers[.retryAfter] = String(max(0, seconds))
        return answer
    }

    /// The JSON answer.
    func response() -> Response {
        let buffer = ByteBuffer(string: envelope.serialized())
        var fields = headers
        fields[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: buffer))
    }

    /// The same answer cut short: headers announce the full `Content-Length`, half the body is written,
    /// then the body writer throws, which makes Hummingbird close the connection. The client sees a
    /// truncated answer (curl: "transfer closed with N bytes remaining to read").
    func droppedResponse() -> Response {
        let buffer = ByteBuffer(string: envelope.serialized())
        var fields = headers
        fields[.contentType] = "application/json; charset=utf-8"
        let half = buffer.getSlice(at: buffer.readerIndex, length: buffer.readableBytes / 2) ?? ByteBuffer()
        let body = ResponseBody(contentLength: buffer.readableBytes) { writer in
            try await writer.write(half)
            throw DroppedConnection()
        }
        return Response(status: status, headers: fields, body: body)
    }
}

/// Thrown from a response body writer to close the connection mid-answer (`FaultOptions.dropRate`).
struct DroppedConnection: Error {}
