/// A stable 64-bit FNV-1a content hash, hex-encoded (for plan fingerprints; not a security measure).
///
/// Swift's `Hasher` is seeded per process, so it cannot fingerprint across runs; this can.
/// `ContentHasher` is the same hash, fed value by value.
public enum ContentHash {
    public static func hex(of bytes: some Sequence<UInt8>) -> String {
        var hasher = ContentHasher()
        hasher.feed(bytes: bytes)
        return hasher.hex
    }
}
