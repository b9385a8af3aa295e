/// What to write instead, for a value that failed to decode: carried as the `underlyingError` of the
/// `DecodingError` (which has no hint field), typed, never folded into the message text.
///
/// A decoder that reports to people (the YAML decoder) shows an underlying error's `description` as the
/// diagnostic's hint; one that does not (JSON from the platform) ignores it.
///
/// ```swift
/// throw DecodingHint.dataCorrupted(in: container, "'mon' is not a valid day", hint: "did you mean 'mo'?")
/// ```
public struct DecodingHint: Error, Hashable, Sendable, CustomStringConvertible {
    public var description: String

    public init(_ hint: String) {
        description = hint
    }

    /// A `dataCorrupted` error at the container's path, with `hint` (when given) as its underlying error.
    public static func dataCorrupted(in container: any SingleValueDecodingContainer, _ message: String, hint: String?) -> DecodingError {
        .dataCorrupted(.init(codingPath: container.codingPath, debugDescription: message, underlyingError: hint.map(DecodingHint.init)))
    }

    /// A `dataCorrupted` error at `key` of the container, with `hint` (when given) as its underlying error.
    public static func dataCorrupted<Key: CodingKey>(
        forKey key: Key, in container: KeyedDecodingContainer<Key>, _ message: String, hint: String?
    ) -> DecodingError {
        .dataCorrupted(.init(codingPath: container.codingPath + [key], debugDescription: message, underlyingError: hint.map(DecodingHint.init)))
    }
}
