internal import CLibYAML

/// One YAML document of a file (files may hold several, separated by `---`).
public struct YAMLDocument: Sendable {
    public var root: YAMLNode
    /// 0-based position of the document in its file.
    public var index: Int
}

/// Limits that turn hostile or broken input into a clear error instead of exhaustion.
public struct YAMLLimits: Sendable, Hashable {
    /// Deepest allowed nesting of lists and mappings (libyaml 0.2.5 has no guard of its own).
    public var maxDepth: Int
    /// Most nodes a document may expand to once aliases and merges are counted (billion-laughs guard);
    /// a scalar counts one node per 64 bytes of text, so aliases of a huge scalar are bounded too.
    public var maxNodes: Int
    /// Largest allowed scalar, in bytes.
    public var maxScalarBytes: Int
    /// Largest allowed file, in bytes.
    public var maxFileBytes: Int

    public init(maxDepth: Int = 64, maxNodes: Int = 250_000, maxScalarBytes: Int = 1 << 20, maxFileBytes: Int = 16 << 20) {
        self.maxDepth = maxDepth
        self.maxNodes = maxNodes
        self.maxScalarBytes = maxScalarBytes
        self.maxFileBytes = maxFileBytes
    }

    public static let `default` = YAMLLimits()
}

/// The version of the libyaml the program is linked with (Debian's 0.2.5 on our machines).
public var libyamlVersion: String { String(cString: yaml_get_version_string()) }

/// Parses YAML bytes with libyaml's event API into `YAMLNode` trees.
///
/// The tree is built iteratively (an explicit stack), so nesting depth costs heap, not stack, and is
/// capped by `YAMLLimits.maxDepth`. Every problem becomes a located `Diagnostic`; nothing here throws,
/// prints or traps on input.
public enum YAMLParser {
    /// Parses every document in `bytes`.
    ///
    /// - Parameters:
    ///   - bytes: the file's contents.
    ///   - file: the path to report in locations.
    ///   - limits: the size, depth and expansion limits.
    /// - Returns: the documents parsed before the first fatal error, and every diagnostic.
    public static func parse(
        _ bytes: [UInt8],
        file: String,
        limits: YAMLLimits = .default
    ) -> (documents: [YAMLDocument], diagnostics: [Diagnostic]) {
        if bytes.count > limits.maxFileBytes {
            let message = "file is \(bytes.count) bytes, above the limit of \(limits.maxFileBytes) bytes"
            return ([], [Diagnostic(at: SourceLocation(file: file, line: 1, column: 1), message,
                                    hint: "split the tasks into several files")])
        }
        if let nul = bytes.firstIndex(of: 0) {
            let location = TextPosition.location(ofByte: nul, in: bytes, file: file)
            return ([], [Diagnostic(at: location, "the file contains a NUL byte; YAML files are text",
                                    hint: "check that the file is UTF-8 text and not binary")])
        }
        var builder = TreeBuilder(file: file, limits: limits, bytes: bytes)
        bytes.withUnsafeBufferPointer { buffer in
            builder.run(buffer)
        }
        return (builder.documents, builder.diagnostics)
    }
}

/// Turns libyaml events into nodes. Lives only for one `parse` call.
private struct TreeBuilder {
    let file: String
    let limits: YAMLLimits
    let bytes: [UInt8]
    var documents: [YAMLDocument] = []
    var diagnostics: [Diagnostic] = []

    /// An open list or mapping. Mutated in place on the stack (`stack[last]`), never popped and
    /// pushed back, so appending a child never copies the children gathered so far.
    private struct Frame {
        var isMapping: Bool
        var location: SourceLocation
        var anchor: String?
        var tag: String?
        var serial: Int32
        var elements: [YAMLNode] = []
        var pairs: [YAMLNode.Pair] = []
        var merged: [YAMLNode.Pair] = []
        var pendingKey: YAMLNode?
        /// The keys of `pairs`, in order, to find a duplicate without copying pairs.
        var names: [String] = []
        /// Key → its position, built only once a mapping is big enough for a scan of `names` to cost
        /// more than hashing (most spec mappings have a handful of keys).
        var keyIndex: [String: Int]?
        var weight = 1

        /// The position of the pair already holding `name`, if any.
        mutating func existingPair(_ name: String) -> Int? {
            if let keyIndex { return keyIndex[name] }
            if let found = names.firstIndex(of: name) { return found }
            if names.count >= 16 {
                keyIndex = Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
            }
            return nil
        }

        mutating func appendPair(_ pair: YAMLNode.Pair, name: String) {
            keyIndex?[name] = names.count
            names.append(name)
            pairs.append(pair)
        }
    }

    private var stack: [Frame] = []
    private var anchors: [String: YAMLNode] = [:]
    private var documentIndex = 0
    private var documentWeight = 0
    private var nextSerial: Int32 = 0
    private var failed = false

    /// The next node number in this document (wraps instead of trapping; the decoder ignores negatives).
    private mutating func takeSerial() -> Int32 {
        defer { nextSerial &+= 1 }
        return nextSerial
    }

    init(file: String, limits: YAMLLimits, bytes: [UInt8]) {
        self.file = file
        self.limits = limits
        self.bytes = bytes
    }

    mutating func run(_ buffer: UnsafeBufferPointer<UInt8>) {
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        guard yaml_parser_initialize(parser) == 1 else {
            diagnostics.append(Diagnostic(at: location(line: 0, column: 0), "libyaml could not start (out of memory)"))
            return
        }
        defer { yaml_parser_delete(parser) }
        yaml_parser_set_input_string(parser, buffer.baseAddress, buffer.count)

        var event = yaml_event_t()
        while !failed {
            guard yaml_parser_parse(parser, &event) == 1 else {
                reportParserError(parser.pointee)
                return
            }
            let done = event.type == YAML_STREAM_END_EVENT
            handle(&event)
            yaml_event_delete(&event)
            if done { return }
        }
    }

    private func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(file: file, line: line + 1, column: column + 1)
    }

    private func location(_ mark: yaml_mark_t) -> SourceLocation {
        location(line: Int(mark.line), column: Int(mark.column))
    }

    private mutating func fail(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
        failed = true
    }

    private mutating func reportParserError(_ parser: yaml_parser_t) {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"
        let context = parser.context.map { String(cString: $0) }
        let message = context.map { "\(problem) (\($0))" } ?? problem
        let where_: SourceLocation
        var hint: String?
        var notes: [Diagnostic.Note] = []
        if parser.error == YAML_READER_ERROR {
            // Reader errors carry a byte offset, not a mark. For a bad trailing octet libyaml gives the
            // offset of the octet after the lead byte; point at the sequence's lead byte instead.
            var offset = Int(parser.problem_offset)
            if problem.contains("trailing"), offset > 0, offset <= bytes.count {
                offset -= 1
                while offset > 0, bytes[offset] & 0xC0 == 0x80 { offset -= 1 }
            }
            where_ = TextPosition.location(ofByte: offset, in: bytes, file: file)
            hint = "save the file as UTF-8"
        } else {
            where_ = location(parser.problem_mark)
            if problem.contains("tab") || problem.contains("cannot start any token"),
               TextPosition.indentationTab(line: where_.line, in: bytes) {
                hint = "YAML does not allow tabs for indentation; indent with spaces"
            } else if problem.contains("mapping values are not allowed") {
                hint = "check the indentation, or quote a value that contains ': '"
            }
            // Where the construct being parsed started (e.g. the '[' of an unclosed list).
            if let context, parser.context_mark.line != parser.problem_mark.line || parser.context_mark.column != parser.problem_mark.column {
                notes.append(.init(location: location(parser.context_mark), message: Self.startedHere(context)))
            }
        }
        diagnostics.append(Diagnostic(at: where_, "invalid YAML: \(message)", hint: hint, notes: notes))
    }

    /// "while parsing a flow sequence" → "the flow sequence started here".
    static func startedHere(_ context: String) -> String {
        var words = context.split(separator: " ").map(String.init)
        if words.first == "while" { words.removeFirst() }
        if words.first == "parsing" || words.first == "scanning" { words.removeFirst() }
        if words.first == "a" || words.first == "an" { words.removeFirst() }
        return "the " + words.joined(separator: " ") + " started here"
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    private mutating func handle(_ event: inout yaml_event_t) {
        let start = location(event.start_mark)
        switch event.type {
        case YAML_DOCUMENT_START_EVENT:
            anchors = [:]
            documentWeight = 0
            nextSerial = 0
            stack = []
        case YAML_DOCUMENT_END_EVENT:
            documentIndex += 1
        case YAML_SCALAR_EVENT:
            let data = event.data.scalar
            let length = Int(data.length)
            if length > limits.maxScalarBytes {
                fail(Diagnostic(at: start, "a scalar of \(length) bytes is above the limit of \(limits.maxScalarBytes) bytes"))
                return
            }
            let value = data.value.map { String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self) } ?? ""
            let style: YAMLNode.ScalarStyle
            switch data.style {
            case YAML_SINGLE_QUOTED_SCALAR_STYLE: style = .singleQuoted
            case YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = .doubleQuoted
            case YAML_LITERAL_SCALAR_STYLE: style = .literal
            case YAML_FOLDED_SCALAR_STYLE: style = .folded
            default: style = .plain
            }
            // A scalar weighs by its size too, so aliases of one huge scalar cannot multiply it past the budget.
            let node = YAMLNode(.scalar(.init(value, style: style)), at: start, tag: Self.string(data.tag), weight: 1 + length / 64, serial: takeSerial())
            if let anchor = Self.string(data.anchor) { anchors[anchor] = node }
            add(node)
        case YAML_ALIAS_EVENT:
            let name = Self.string(event.data.alias.anchor) ?? ""
            guard var node = anchors[name] else {
                fail(Diagnostic(at: start, "alias '*\(name)' refers to no anchor defined before it",
                                hint: "define '&\(name)' earlier in the same document"))
                return
            }
            node.location = start
            add(node, isAlias: true)
        case YAML_SEQUENCE_START_EVENT:
            guard checkDepth(at: start) else { return }
            let data = event.data.sequence_start
            stack.append(Frame(isMapping: false, location: start, anchor: Self.string(data.anchor), tag: Self.string(data.tag), serial: takeSerial()))
        case YAML_MAPPING_START_EVENT:
            guard checkDepth(at: start) else { return }
            let data = event.data.mapping_start
            stack.append(Frame(isMapping: true, location: start, anchor: Self.string(data.anchor), tag: Self.string(data.tag), serial: takeSerial()))
        case YAML_SEQUENCE_END_EVENT:
            guard let frame = stack.popLast(), !frame.isMapping else { return }
            let node = YAMLNode(.sequence(frame.elements), at: frame.location, tag: frame.tag, weight: frame.weight, serial: frame.serial)
            if let anchor = frame.anchor { anchors[anchor] = node }
            add(node, counted: true)
        case YAML_MAPPING_END_EVENT:
            guard let frame = stack.popLast(), frame.isMapping else { return }
            var pairs = frame.pairs
            if !frame.merged.isEmpty {
                var present = Set(pairs.compactMap { $0.key.scalar?.value })
                for pair in frame.merged {
                    guard let key = pair.key.scalar?.value, !present.contains(key) else { continue }
                    present.insert(key)
                    pairs.append(pair)
                }
            }
            let node = YAMLNode(.mapping(pairs), at: frame.location, tag: frame.tag, weight: frame.weight, serial: frame.serial)
            if let anchor = frame.anchor { anchors[anchor] = node }
            add(node, counted: true)
        default:
            break
        }
    }

    private mutating func checkDepth(at start: SourceLocation) -> Bool {
        guard stack.count < limits.maxDepth else {
            fail(Diagnostic(at: start, "nesting is deeper than the limit of \(limits.maxDepth) levels",
                            hint: "a task spec needs only a few levels; check for unbalanced brackets"))
            return false
        }
        return true
    }

    /// Adds a finished node to its parent (or makes it the document's root).
    ///
    /// - Parameters:
    ///   - isAlias: the node is a copy of an anchored node; its whole weight counts against the budget.
    ///   - counted: a container whose children were already counted as they were added.
    private mutating func add(_ node: YAMLNode, isAlias: Bool = false, counted: Bool = false) {
        let cost = counted ? 1 : node.weight
        documentWeight += cost
        if documentWeight > limits.maxNodes {
            fail(Diagnostic(at: node.location,
                            "the document expands to more than \(limits.maxNodes) nodes" + (isAlias ? " through aliases" : ""),
                            hint: isAlias ? "aliases that repeat aliases grow exponentially (a 'billion laughs' document); write the values out" : "split the tasks into several documents"))
            return
        }
        guard !stack.isEmpty else {
            documents.append(YAMLDocument(root: node, index: documentIndex))
            return
        }
        let last = stack.count - 1
        stack[last].weight += node.weight
        guard stack[last].isMapping else {
            stack[last].elements.append(node)
            return
        }
        guard let key = stack[last].pendingKey else {
            if node.scalar == nil {
                diagnostics.append(Diagnostic(at: node.location, "mapping keys must be plain text, not \(node.kindDescription)",
                                              hint: "write the key as a string"))
            }
            stack[last].pendingKey = node
            return
        }
        stack[last].pendingKey = nil
        if let scalar = key.scalar, scalar.isPlain, scalar.value == "<<", key.tag == nil {
            diagnostics += Self.merge(node, into: &stack[last])
        } else if let name = key.scalar?.value {
            if let first = stack[last].existingPair(name) {
                diagnostics.append(Diagnostic(at: key.location, "duplicate key '\(name)'",
                                              hint: "remove one of the two; YAML keeps only one value per key",
                                              notes: [.init(location: stack[last].pairs[first].key.location, message: "'\(name)' first defined here")]))
            } else {
                stack[last].appendPair(YAMLNode.Pair(key: key, value: node, isMerged: false), name: name)
            }
        }
    }

    private static func merge(_ value: YAMLNode, into frame: inout Frame) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let sources: [YAMLNode]
        switch value.kind {
        case .mapping: sources = [value]
        case .sequence(let elements): sources = elements
        case .scalar:
            diagnostics.append(Diagnostic(at: value.location, "a merge key '<<' needs a mapping or a list of mappings, not \(value.kindDescription)",
                                          hint: "write '<<: *anchor' where '&anchor' names a mapping"))
            return diagnostics
        }
        for source in sources {
            guard let pairs = source.pairs else {
                diagnostics.append(Diagnostic(at: source.location, "a merge key '<<' needs mappings, not \(source.kindDescription)"))
                continue
            }
            for pair in pairs {
                frame.merged.append(YAMLNode.Pair(key: pair.key, value: pair.value, isMerged: true))
            }
        }
        return diagnostics
    }
}

/// Byte offsets to line and column, for libyaml's reader errors (which carry an offset, not a mark).
enum TextPosition {
    static func location(ofByte offset: Int, in bytes: [UInt8], file: String) -> SourceLocation {
        var line = 1
        var column = 1
        // A UTF-8 byte-order mark is not a column.
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let end = min(offset, bytes.count)
        while index < end {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            index += 1
        }
        return SourceLocation(file: file, line: line, column: column)
    }

    /// Whether `line` (1-based) or the line before it starts with indentation containing a tab.
    static func indentationTab(line: Int, in bytes: [UInt8]) -> Bool {
        var current = 1
        var atLineStart = true
        for byte in bytes {
            if byte == UInt8(ascii: "\n") {
                current += 1
                atLineStart = true
                if current > line { return false }
                continue
            }
            guard atLineStart else { continue }
            if byte == UInt8(ascii: "\t"), current == line || current == line - 1 { return true }
            if byte != UInt8(ascii: " ") { atLineStart = false }
        }
        return false
    }
}
