internal import CLibYAML

/// A YAML tree to write: the emitter's input. Plain Swift values, no libyaml types.
///
/// Scalars say what they ARE, not how to write them: a `.string` is written so that it reads back as
/// that string under YAML 1.2 core and YAML 1.1 alike (plain when that is safe, double-quoted when a
/// reader could take it for anything else, literal block when it spans lines); `.int`, `.bool` and
/// `.null` are written plain.
public indirect enum EmitNode: Sendable, Hashable {
    case string(String)
    case int(Int)
    case bool(Bool)
    case null
    /// A list; `flow` writes it on one line as `[a, b]`.
    case sequence([EmitNode], flow: Bool = false)
    /// A mapping with its keys in the given order; `flow` writes it on one line as `{a: 1, b: 2}`.
    case mapping([EmitEntry], flow: Bool = false)
}

/// One key of a mapping, with comment lines to write above it (block mappings only; a flow mapping
/// has no line of its own for a key, so comments there are dropped).
public struct EmitEntry: Sendable, Hashable {
    public var key: String
    public var value: EmitNode
    /// Comment lines without the leading `# `.
    public var comment: [String]

    public init(_ key: String, _ value: EmitNode, comment: [String] = []) {
        self.key = key
        self.value = value
        self.comment = comment
    }
}

/// Why a tree could not be written.
public enum YAMLEmitterError: Error, Hashable, Sendable, CustomStringConvertible {
    /// libyaml could not start (out of memory).
    case initialization
    /// libyaml refused an event; `problem` is its message.
    case emitter(problem: String)

    public var description: String {
        switch self {
        case .initialization: "libyaml's emitter could not start (out of memory)"
        case .emitter(let problem): "libyaml's emitter failed: \(problem)"
        }
    }
}

/// Writes `EmitNode` trees as YAML text through libyaml's event emitter, so indentation, escaping and
/// block scalars are libyaml's; which scalars need quotes is decided here (`YAMLEmitter.needsQuotes`).
///
/// libyaml has no comment events. Comments are written by emitting a placeholder key where an entry
/// has a comment and replacing that line afterwards; a header block goes before the document.
///
/// ```swift
/// let text = try YAMLEmitter.emit(.mapping([EmitEntry("at", .string("09:00"))]), header: ["hello"])
/// // "# hello\nat: \"09:00\"\n"
/// ```
public enum YAMLEmitter {
    /// The whole document as text, ending with a newline.
    ///
    /// - Parameters:
    ///   - root: the document's root node.
    ///   - header: comment lines written before the document (without the leading `# `).
    public static func emit(_ root: EmitNode, header: [String] = []) throws(YAMLEmitterError) -> String {
        let marker = uniqueMarker(for: root)
        var comments: [[String]] = []
        let output = OutputBuffer()
        let emitter = UnsafeMutablePointer<yaml_emitter_t>.allocate(capacity: 1)
        defer { emitter.deallocate() }
        guard yaml_emitter_initialize(emitter) == 1 else { throw .initialization }
        defer { yaml_emitter_delete(emitter) }
        yaml_emitter_set_unicode(emitter, 1)
        yaml_emitter_set_width(emitter, -1)
        yaml_emitter_set_indent(emitter, 2)
        yaml_emitter_set_break(emitter, YAML_LN_BREAK)
        let context = Unmanaged.passUnretained(output).toOpaque()
        yaml_emitter_set_output(emitter, { data, buffer, size in
            guard let data, let buffer else { return 0 }
            let output = Unmanaged<OutputBuffer>.fromOpaque(data).takeUnretainedValue()
            output.bytes.append(contentsOf: UnsafeBufferPointer(start: buffer, count: size))
            return 1
        }, context)

        let writer = EventWriter(emitter: emitter, marker: marker)
        // `output` is read below, after the last event, so it outlives every call of the write handler.
        try writer.emit { event in yaml_stream_start_event_initialize(&event, YAML_UTF8_ENCODING) }
        try writer.emit { event in yaml_document_start_event_initialize(&event, nil, nil, nil, 1) }
        try writer.node(root, comments: &comments)
        try writer.emit { event in yaml_document_end_event_initialize(&event, 1) }
        try writer.emit { event in yaml_stream_end_event_initialize(&event) }
        guard yaml_emitter_flush(emitter) == 1 else { throw writer.failure() }
        let body = String(decoding: output.bytes, as: UTF8.self)
        let headerText = header.map { commentLine($0) }.joined()
        return headerText + insertComments(body, marker: marker, comments: comments)
    }

    /// Whether `text` must be double-quoted to read back as this very string: it would resolve to a
    /// null, boolean, number or timestamp under YAML 1.2 core or YAML 1.1 (`no`, `~`, `09:00`,
    /// `2026-03-01`, `1_000`), or it cannot be a plain scalar (empty, leading or trailing spaces,
    /// indicators such as `: `, ` #`, a leading `-`, `[`, `&`, flow punctuation, control characters).
    public static func needsQuotes(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return true }
        if case .string = ScalarResolver.resolve(YAMLNode.Scalar(text)) {} else { return true }
        if YAML11.resolvesToNonString(text) { return true }
        if first == " " || last == " " || last == ":" { return true }
        if "-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) { return true }
        if text.contains(": ") || text.contains(" #") { return true }
        for scalar in text.unicodeScalars {
            if ",[]{}".unicodeScalars.contains(scalar) { return true }  // flow indicators: unsafe inside [..] and {..}
            if scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value) { return true }
            if scalar.value == 0xFEFF || scalar.value == 0x2028 || scalar.value == 0x2029 || scalar.value == 0x85 { return true }
        }
        return false
    }

    // MARK: - Comments

    private static func commentLine(_ text: String, indent: String = "") -> String {
        text.isEmpty ? indent + "#\n" : indent + "# " + text + "\n"
    }

    /// A placeholder key that occurs nowhere in the tree's text.
    private static func uniqueMarker(for root: EmitNode) -> String {
        var texts: [String] = []
        collectTexts(root, into: &texts)
        var attempt = 0
        while true {
            let marker = "zzcalltaskcomment\(attempt)x"
            if !texts.contains(where: { $0.contains(marker) }) { return marker }
            attempt += 1
        }
    }

    private static func collectTexts(_ node: EmitNode, into texts: inout [String]) {
        switch node {
        case .string(let text): texts.append(text)
        case .int, .bool, .null: break
        case .sequence(let items, _): for item in items { collectTexts(item, into: &texts) }
        case .mapping(let entries, _):
            for entry in entries {
                texts.append(entry.key)
                collectTexts(entry.value, into: &texts)
            }
        }
    }

    /// Replaces each placeholder line `<indent>[- ]<marker>N: ~` with its comment lines at `<indent>`.
    /// When the placeholder was the first key of a mapping inside a block list (`- marker: ~`), the
    /// next line (the real first key) takes over the `- `.
    static func insertComments(_ body: String, marker: String, comments: [[String]]) -> String {
        guard !comments.isEmpty else { return body }
        var lines = body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var index = 0
        while index < lines.count {
            let line = lines[index]
            let indentCount = line.prefix { $0 == " " }.count
            var rest = line.dropFirst(indentCount)
            var dash = false
            if rest.hasPrefix("- ") {
                dash = true
                rest = rest.dropFirst(2)
            }
            guard rest.hasPrefix(marker), let colon = rest.firstIndex(of: ":"),
                  let number = Int(rest[rest.index(rest.startIndex, offsetBy: marker.count)..<colon]),
                  comments.indices.contains(number), rest[colon...] == ": ~"
            else {
                index += 1
                continue
            }
            let indent = String(repeating: " ", count: indentCount)
            let replacement = comments[number].map { commentLine($0, indent: indent) }.map { String($0.dropLast()) }
            if dash, index + 1 < lines.count {
                let next = lines[index + 1]
                let inner = indent + "  "
                if next.hasPrefix(inner) { lines[index + 1] = indent + "- " + next.dropFirst(inner.count) }
            }
            lines.replaceSubrange(index...index, with: replacement)
            index += replacement.count
        }
        return lines.joined(separator: "\n")
    }
}

/// libyaml's output, collected by the write handler.
private final class OutputBuffer {
    var bytes: [UInt8] = []
}

/// Feeds libyaml one event at a time.
private struct EventWriter {
    let emitter: UnsafeMutablePointer<yaml_emitter_t>
    let marker: String

    func failure() -> YAMLEmitterError {
        .emitter(problem: emitter.pointee.problem.map { String(cString: $0) } ?? "unknown problem")
    }

    /// Initializes an event with `make` and emits it (libyaml frees the event in both outcomes).
    func emit(_ make: (inout yaml_event_t) -> Int32) throws(YAMLEmitterError) {
        var event = yaml_event_t()
        guard make(&event) == 1 else { throw .emitter(problem: "an event could not be created (out of memory)") }
        guard yaml_emitter_emit(emitter, &event) == 1 else { throw failure() }
    }

    func scalar(_ text: String, style: yaml_scalar_style_t) throws(YAMLEmitterError) {
        var bytes = Array(text.utf8)
        bytes.append(0)
        let length = Int32(bytes.count - 1)
        try emit { event in
            bytes.withUnsafeBufferPointer { buffer in
                yaml_scalar_event_initialize(&event, nil, nil, buffer.baseAddress, length, 1, 1, style)
            }
        }
    }

    func string(_ text: String) throws(YAMLEmitterError) {
        if text.contains("\n") {
            try scalar(text, style: YAML_LITERAL_SCALAR_STYLE)  // libyaml falls back to double quotes where a block is impossible
        } else {
            try scalar(text, style: YAMLEmitter.needsQuotes(text) ? YAML_DOUBLE_QUOTED_SCALAR_STYLE : YAML_PLAIN_SCALAR_STYLE)
        }
    }

    func node(_ node: EmitNode, comments: inout [[String]], inFlow: Bool = false) throws(YAMLEmitterError) {
        switch node {
        case .string(let text): try string(text)
        case .int(let value): try scalar(String(value), style: YAML_PLAIN_SCALAR_STYLE)
        case .bool(let value): try scalar(value ? "true" : "false", style: YAML_PLAIN_SCALAR_STYLE)
        case .null: try scalar("null", style: YAML_PLAIN_SCALAR_STYLE)
        case .sequence(let items, let flow):
            let style = flow ? YAML_FLOW_SEQUENCE_STYLE : YAML_BLOCK_SEQUENCE_STYLE
            try emit { event in yaml_sequence_start_event_initialize(&event, nil, nil, 1, style) }
            for item in items { try self.node(item, comments: &comments, inFlow: inFlow || flow) }
            try emit { event in yaml_sequence_end_event_initialize(&event) }
        case .mapping(let entries, let flow):
            let style = flow ? YAML_FLOW_MAPPING_STYLE : YAML_BLOCK_MAPPING_STYLE
            try emit { event in yaml_mapping_start_event_initialize(&event, nil, nil, 1, style) }
            for entry in entries {
                if !flow, !inFlow, !entry.comment.isEmpty {
                    try scalar(marker + String(comments.count), style: YAML_PLAIN_SCALAR_STYLE)
                    try scalar("~", style: YAML_PLAIN_SCALAR_STYLE)
                    comments.append(entry.comment)
                }
                try string(entry.key)
                try self.node(entry.value, comments: &comments, inFlow: inFlow || flow)
            }
            try emit { event in yaml_mapping_end_event_initialize(&event) }
        }
    }
}

/// YAML 1.1's implicit types (https://yaml.org/type/), which YAML 1.1 readers (PyYAML, many editors
/// and CI tools) apply to plain scalars: a string that matches one of them must be quoted.
enum YAML11 {
    static func resolvesToNonString(_ text: String) -> Bool {
        let booleans: Set<String> = [
            "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
            "on", "On", "ON", "off", "Off", "OFF",
        ]
        if booleans.contains(text) { return true }
        if ["~", "null", "Null", "NULL", "", "<<", "="].contains(text) { return true }
        let scalars = Array(text.unicodeScalars)
        let digits = "0123456789".unicodeScalars
        // Anything that starts like a number (a digit, or a sign or dot before a digit) and holds only
        // number characters is quoted: this covers 1.1 ints (`0b1`, `0x1F`, octal `017`, `1_000`,
        // sexagesimal `1:30` and `09:00`) and floats (`1.`, `.5`, `1e3`); over-quoting is harmless.
        var start = 0
        if start < scalars.count, scalars[start] == "+" || scalars[start] == "-" { start += 1 }
        let body = scalars[start...]
        if let lead = body.first, digits.contains(lead) || (lead == "." && body.dropFirst().first.map { digits.contains($0) } == true) {
            let text = String(String.UnicodeScalarView(body))
            if text.hasPrefix("0x") || text.hasPrefix("0X") {
                if body.dropFirst(2).allSatisfy({ "0123456789abcdefABCDEF_".unicodeScalars.contains($0) }) { return true }
            } else if text.hasPrefix("0b") || text.hasPrefix("0o") {
                if body.dropFirst(2).allSatisfy({ "01234567_".unicodeScalars.contains($0) }) { return true }
            } else if body.allSatisfy({ "0123456789_:.+-eE".unicodeScalars.contains($0) }) {
                return true
            }
        }
        if [".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF", ".nan", ".NaN", ".NAN"].contains(text) { return true }
        // Timestamps: `2001-12-14`, `2001-12-14t21:59:43.10-05:00`, `2001-12-14 21:59:43.10 -5`.
        if scalars.count >= 8, scalars.prefix(4).allSatisfy({ ("0"..."9").contains($0) }), scalars[4] == "-" { return true }
        return false
    }
}
