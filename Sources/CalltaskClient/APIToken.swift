/// The platform's bearer token, kept opaque so that it cannot end up in output by accident.
///
/// Every API call sends `Authorization: Bearer <token>` (../api/facts.md §1.2). The token is a partner
/// credential: whoever holds it acts on every account it manages, so `calltask` never prints it, logs it
/// or writes it to a plan or journal. `description`, `debugDescription`, string interpolation and
/// `dump` all show `<redacted>`; the secret is read only by `revealForAuthorizationHeader()`, which
/// the client calls in exactly one place, when it builds a request's headers.
///
/// ```swift
/// let token = APIToken("…")
/// print(token)   // <redacted>
/// ```
public struct APIToken: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    private let secret: String

    /// Wraps a token, dropping surrounding whitespace and trailing newlines (as read from a file).
    public init(_ secret: String) {
        self.secret = secret.trimmingWhitespace()
    }

    /// Whether the token is empty (an empty `CALLTASK_TOKEN` or token file).
    public var isEmpty: Bool { secret.isEmpty }

    /// Always `<redacted>`.
    public var description: String { "<redacted>" }
    /// Always `<redacted>`.
    public var debugDescription: String { "<redacted>" }
    /// Hides the secret from `dump` and debuggers' mirrors.
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }

    /// The secret itself, for the `Authorization` header only.
    ///
    /// Called once, by `APIClient` when it builds the headers of a request. Nothing else may read it.
    func revealForAuthorizationHeader() -> String { secret }

    /// Replaces every occurrence of the token in `text` with `<redacted>`.
    ///
    /// Text that comes from the server (messages, error pages) is passed through this before it is put
    /// into an error or a log line, in case a proxy or a debug page echoes the request headers.
    public func redacting(in text: String) -> String {
        guard secret.count >= 4, text.contains(secret) else { return text }
        return text.replacingAll(secret, with: "<redacted>")
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs, carriage returns and newlines.
    func trimmingWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }

    /// Every non-overlapping occurrence of `target` replaced by `replacement` (no Foundation needed).
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var out = ""
        var rest = self[...]
        while let range = rest.firstRange(of: target) {
            out += rest[..<range.lowerBound]
            out += replacement
            rest = rest[range.upperBound...]
        }
        out += rest
        return out
    }
}
