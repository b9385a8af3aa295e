import AsyncHTTPClient
import CalltaskModels
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import NIOPosix

/// One HTTP exchange as received: status, body and `Retry-After`.
struct RawResponse: Sendable {
    var status: Int
    var body: [UInt8]
    /// `Retry-After` in seconds, when the header holds a number (an HTTP-date is ignored).
    var retryAfter: Double?
}

extension APIClient {
    /// Sends one attempt of `request`: waits for the rate limiter, counts it, and maps every failure to
    /// an `APIError`. Does not look at the status or the body.
    func perform(_ request: APIRequest, attempt: Int) async throws(APIError) -> RawResponse {
        let call = request.call
        do {
            try await rateLimiter.acquire()
        } catch {
            throw .cancelled(call: call)
        }
        await stats.recordRequest(call.kind)

        var http = HTTPClientRequest(url: account.endpoint + request.pathAndQuery)
        switch request.method {
        case .get: http.method = .GET
        case .put: http.method = .PUT
        case .post: http.method = .POST
        }
        http.headers.add(name: "Authorization", value: "Bearer " + account.token.revealForAuthorizationHeader())
        http.headers.add(name: "Accept", value: "application/json")
        http.headers.add(name: "Content-Type", value: "application/json")
        http.headers.add(name: "User-Agent", value: "calltask/\(calltaskVersion)")
        if let body = request.body {
            http.body = .bytes(ByteBuffer(bytes: body))
        }

        let clock = ContinuousClock()
        let started = clock.now
        let line = "\(request.method.rawValue) \(request.pathAndQuery)"
        logger.trace("sending request", metadata: [
            "method": "\(request.method.rawValue)", "path": "\(request.path)", "call": "\(call)", "attempt": "\(attempt)",
        ])
        if let body = request.body, logger.logLevel <= .debug {
            logger.debug("> \(line) body: \(bodyForLog(body))")
        }
        do {
            // AHC's timeout ends when the head arrives; the deadline covers the body too, so a server
            // that stalls mid-body is a timeout, not a hang.
            let (response, buffer) = try await Self.withDeadline(seconds: tuning.requestTimeout) { [httpClient, tuning, http] in
                let response = try await httpClient.execute(http, timeout: .milliseconds(Int64(tuning.requestTimeout * 1000)))
                let buffer = try await response.body.collect(upTo: tuning.maxBodyBytes)
                return (response, buffer)
            }
            let status = Int(response.status.code)
            await stats.recordAnswer()
            let elapsed = Self.milliseconds(started.duration(to: clock.now))
            // One line per request at info (-v); the bodies at debug (-vv). The token is never logged:
            // it is only in a header, and bodies are scrubbed of it anyway.
            logger.info("\(line) \(status) \(elapsed) ms", metadata: [
                "method": "\(request.method.rawValue)", "path": "\(request.path)", "status": "\(status)",
                "duration_ms": "\(elapsed)", "attempt": "\(attempt)",
            ])
            let bytes = Array(buffer.readableBytesView)
            if logger.logLevel <= .debug {
                logger.debug("< \(line) \(status) body: \(bodyForLog(bytes))")
            }
            return RawResponse(status: status, body: bytes,
                               retryAfter: Self.retryAfter(response.headers.first(name: "Retry-After")))
        } catch {
            let mapped = error is DeadlineExceeded ? APIError.timeout(call: call, seconds: tuning.requestTimeout) : classify(error, call: call)
            let elapsed = Self.milliseconds(started.duration(to: clock.now))
            logger.info("\(line) failed: \(mapped.shortDescription) \(elapsed) ms", metadata: [
                "method": "\(request.method.rawValue)", "path": "\(request.path)", "error": "\(mapped.shortDescription)",
                "duration_ms": "\(elapsed)", "attempt": "\(attempt)",
            ])
            throw mapped
        }
    }

    /// The most characters of a body a -vv log line shows.
    static let loggedBodyLimit = 64 << 10

    /// A body as UTF-8 text for a debug log line: the token replaced by `<redacted>` (before the text is
    /// cut, so no part of it survives a cut), control characters other than newline and tab shown as
    /// `\u{…}` (a hostile body cannot drive the terminal), at most `loggedBodyLimit` characters.
    func bodyForLog(_ body: [UInt8]) -> String {
        guard !body.isEmpty else { return "(empty)" }
        let redacted = account.token.redacting(in: String(decoding: body, as: UTF8.self))
        var text = ""
        var count = 0
        for scalar in redacted.unicodeScalars {
            if count == Self.loggedBodyLimit {
                text += "… (cut at \(Self.loggedBodyLimit) characters)"
                break
            }
            if (scalar.value < 0x20 && scalar != "\n" && scalar != "\t") || scalar.value == 0x7F {
                text += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                text.unicodeScalars.append(scalar)
            }
            count += 1
        }
        return text
    }

    /// Reads an answer: the envelope is decoded whatever the HTTP status, then
    /// 401/403 → `unauthorized`; code 6007 → `taskRunning`; 429/5xx → `httpStatus` (retryable);
    /// another non-2xx → `platform` when an envelope says why, else `httpStatus`; a non-200 `code` →
    /// `platform`; a 2xx body that is not an envelope → `undecodable`.
    func interpret<Payload: Decodable & Sendable>(
        _ raw: RawResponse, call: APICall, as payload: Payload.Type
    ) throws(APIError) -> Envelope<Payload> {
        var envelope: Envelope<Payload>?
        var decodeFailure = ""
        do {
            envelope = try JSONDecoder().decode(Envelope<Payload>.self, from: Data(raw.body))
        } catch {
            decodeFailure = Self.describeDecoding(error)
        }
        let message = envelope?.message.map { account.token.redacting(in: $0) }

        if raw.status == 401 || raw.status == 403 { throw .unauthorized(call: call) }
        if let envelope {
            if envelope.code == taskRunningCode { throw .taskRunning(call: call) }
            if envelope.code == 401 || envelope.code == 403 { throw .unauthorized(call: call) }
        }
        if raw.status == 429 || (500...599).contains(raw.status) {
            throw .httpStatus(call: call, status: raw.status, message: message ?? snippet(raw.body), retryAfter: raw.retryAfter)
        }
        if !(200...299).contains(raw.status) {
            if let envelope, envelope.code != 200 {
                throw .platform(call: call, code: envelope.code, message: message)
            }
            throw .httpStatus(call: call, status: raw.status, message: message ?? snippet(raw.body), retryAfter: nil)
        }
        guard let envelope else {
            throw .undecodable(call: call, detail: account.token.redacting(in: decodeFailure))
        }
        guard envelope.isSuccess else {
            throw .platform(call: call, code: envelope.code, message: message)
        }
        return envelope
    }

    /// Maps an AsyncHTTPClient/NIO failure to the case that says what happened and whether to retry.
    func classify(_ error: any Error, call: APICall) -> APIError {
        if let error = error as? APIError { return error }
        if error is CancellationError { return .cancelled(call: call) }
        if error is NIOTooManyBytesError { return .bodyTooLarge(call: call, limit: tuning.maxBodyBytes) }
        if let reason = Self.connectionFailure(error, connectTimeout: tuning.connectTimeout) {
            return .cannotConnect(call: call, address: account.address, reason: reason)
        }
        if let error = error as? HTTPClientError {
            switch error {
            case .readTimeout, .writeTimeout, .deadlineExceeded, .getConnectionFromPoolTimeout, .tlsHandshakeTimeout:
                return .timeout(call: call, seconds: tuning.requestTimeout)
            case .remoteConnectionClosed, .bodyLengthMismatch, .uncleanShutdown:
                return .connectionDropped(call: call, detail: "\(error)")
            case .cancelled:
                return Task.isCancelled ? .cancelled(call: call) : .connectionDropped(call: call, detail: "request cancelled")
            default:
                return .transport(call: call, detail: account.token.redacting(in: "\(error)"))
            }
        }
        if let error = error as? ChannelError {
            switch error {
            case .ioOnClosedChannel, .eof, .outputClosed, .inputClosed, .alreadyClosed:
                return .connectionDropped(call: call, detail: "\(error)")
            default:
                return .transport(call: call, detail: "\(error)")
            }
        }
        if let error = error as? IOError {
            // ECONNRESET, EPIPE, ECONNABORTED: the peer dropped an established connection.
            if [104, 32, 103, 54].contains(error.errnoCode) {
                return .connectionDropped(call: call, detail: "\(error)")
            }
            return .transport(call: call, detail: "\(error)")
        }
        if error is HTTPParserError {
            return .connectionDropped(call: call, detail: "malformed or truncated HTTP answer (\(error))")
        }
        return .transport(call: call, detail: account.token.redacting(in: String(describing: error)))
    }

    /// Why no connection could be made, in words (`connection refused`, `no answer within 5 s`), when
    /// `error` says that a connection was never established; nil for every other failure.
    ///
    /// The words are fixed, not NIO's descriptions (which nest parentheses and `errno` numbers).
    static func connectionFailure(_ error: any Error, connectTimeout: Double) -> String? {
        let timedOut = "no answer within \(connectTimeout == connectTimeout.rounded() ? "\(Int(connectTimeout))" : "\(connectTimeout)") s"
        if let error = error as? HTTPClientError, error == .connectTimeout { return timedOut }
        if let error = error as? ChannelError, case .connectTimeout = error { return timedOut }
        if let error = error as? NIOConnectionError {
            if error.dnsAError != nil || error.dnsAAAAError != nil { return "the host name could not be resolved" }
            for failure in error.connectionErrors {
                if let reason = connectionFailure(failure.error, connectTimeout: connectTimeout) { return reason }
            }
            return error.connectionErrors.isEmpty ? "the host name has no address" : "the connection failed"
        }
        if let error = error as? IOError {
            switch error.errnoCode {
            case ECONNREFUSED: return "connection refused"
            case EHOSTUNREACH: return "no route to host"
            case ENETUNREACH: return "network unreachable"
            case ETIMEDOUT: return timedOut
            case EADDRNOTAVAIL: return "address not available"
            default: return nil
            }
        }
        return nil
    }

    /// At most 160 printable characters of a non-JSON body, token scrubbed, for error messages.
    func snippet(_ body: [UInt8]) -> String? {
        guard !body.isEmpty else { return nil }
        let text = String(decoding: body.prefix(160), as: UTF8.self)
            .map { $0.isASCIIControl ? " " : String($0) }.joined()
            .trimmingWhitespace()
        guard !text.isEmpty else { return nil }
        return account.token.redacting(in: body.count > 160 ? text + "…" : text)
    }

    /// `Retry-After` as seconds (`"2"`, `"0.5"`); nil for an HTTP-date or garbage.
    static func retryAfter(_ header: String?) -> Double? {
        guard let header, let seconds = Double(header.trimmingWhitespace()), seconds.isFinite, seconds >= 0 else { return nil }
        return seconds
    }

    static func milliseconds(_ duration: Duration) -> Int64 {
        duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
    }

    /// A one-line account of a decoding failure: where in the JSON, and what was wrong.
    static func describeDecoding(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        func path(_ context: DecodingError.Context) -> String {
            let text = context.codingPath.map { key in key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)" }.joined()
            return text.isEmpty ? "the body" : String(text.drop { $0 == "." })
        }
        switch error {
        case .keyNotFound(let key, let context):
            let parent = path(context)
            return "missing key '\(key.stringValue)' in \(parent)"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return "\(path(context)): \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }
}

/// The whole of one attempt (head and body) ran past `requestTimeout`.
struct DeadlineExceeded: Error {}

extension APIClient {
    /// Runs `body`, cancelling it and throwing `DeadlineExceeded` when it takes longer than `seconds`.
    static func withDeadline<T: Sendable>(seconds: Double, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
        try await withThrowingTaskGroup(of: T.self) { group in
            group.addTask { try await body() }
            group.addTask {
                try await Task.sleep(for: .milliseconds(Int64(seconds * 1000)))
                throw DeadlineExceeded()
            }
            defer { group.cancelAll() }
            guard let first = try await group.next() else { throw DeadlineExceeded() }
            return first
        }
    }
}
