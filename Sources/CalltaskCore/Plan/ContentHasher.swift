/// A streaming 64-bit FNV-1a hasher: fed field by field (plan fingerprints, the spec-set hash).
///
/// Unlike Swift's `Hasher` it is not seeded, so the same bytes give the same hash in every process
/// and on every run (plan fingerprints are saved and compared later). Not a security measure.
///
/// The `feed` methods write self-delimiting bytes: integers are fixed-width, text and lists carry their
/// length first, so two different sequences of fed values never produce the same byte stream.
public struct ContentHasher: Sendable {
    private var state: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    /// Feeds one raw byte.
    public mutating func feed(byte: UInt8) {
        state = (state ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }

    /// Feeds raw bytes, with no length (callers that need a boundary feed the count first).
    public mutating func feed(bytes: some Sequence<UInt8>) {
        var hash = state
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        state = hash
    }

    /// Feeds an array of raw bytes, with no length. A concrete overload: the generic one is not
    /// specialised for callers in other modules, and a spec set hashes megabytes through this.
    public mutating func feed(bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { buffer in
            var hash = state
            for byte in buffer { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
            state = hash
        }
    }

    /// Feeds an integer as 8 little-endian bytes.
    public mutating func feed(_ value: Int) {
        var bits = UInt64(bitPattern: Int64(value))
        var hash = state
        for _ in 0..<8 {
            hash = (hash ^ (bits & 0xff)) &* 0x0000_0100_0000_01B3
            bits >>= 8
        }
        state = hash
    }

    /// Feeds a boolean as one byte.
    public mutating func feed(_ value: Bool) { feed(byte: value ? 1 : 0) }

    /// Feeds text as its UTF-8 byte count, then its UTF-8 bytes.
    public mutating func feed(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            feed(bytes.count)
            feed(bytes: bytes)
        }
    }

    /// The hash so far, as 16 lowercase hex digits.
    public var hex: String {
        let digits = String(state, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
