/// A stable 64-bit FNV-1a content hash, hex-encoded (for plan fingerprints; not a security measure).
///
/// Swift's `Hasher` is seeded per process, so it cannot fingerprint across runs; this can.
public enum ContentHash {
    public static func hex(of bytes: some Sequence<UInt8>) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
