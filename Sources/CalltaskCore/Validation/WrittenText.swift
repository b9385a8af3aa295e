import CalltaskYAML

/// How a value is written in the spec's file, for the few rules that must tell `12345` from `"12345"`
/// after decoding made both the same text (a line id decodes from either).
///
/// It reads the file's bytes at the value's location (the file is kept for snippets), so it costs a
/// scan from the start of the file: rules call it only for values that look suspicious once decoded.
enum WrittenText {
    /// Whether the value at `path` is written as a plain (unquoted, untagged) scalar; nil when the path is
    /// not written or the place cannot be read.
    static func isPlain(_ path: FieldPath, in spec: LoadedSpec) -> Bool? {
        let found = spec.locations.lookup(path)
        guard found.complete, let first = firstByte(at: found.location, in: spec.source.bytes) else { return nil }
        switch first {
        case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "!"), UInt8(ascii: "|"), UInt8(ascii: ">"):
            return false
        case UInt8(ascii: "&"), UInt8(ascii: "*"):
            return nil  // an anchor or alias: the scalar itself is elsewhere
        default:
            return true
        }
    }

    /// The first byte at a 1-based line and column (in Unicode scalars).
    private static func firstByte(at location: SourceLocation, in bytes: [UInt8]) -> UInt8? {
        var line = 1
        var offset = 0
        while line < location.line {
            guard let newline = bytes[offset...].firstIndex(of: UInt8(ascii: "\n")) else { return nil }
            offset = newline + 1
            line += 1
        }
        var column = 1
        while column < location.column {
            guard offset < bytes.count, bytes[offset] != UInt8(ascii: "\n") else { return nil }
            // Step over one scalar: a lead byte and its continuation bytes (10xxxxxx).
            offset += 1
            while offset < bytes.count, bytes[offset] & 0xC0 == 0x80 { offset += 1 }
            column += 1
        }
        return offset < bytes.count ? bytes[offset] : nil
    }
}
