import CalltaskModels
public import CalltaskYAML

/// Turns live tasks (normalized from their DETAIL read) into spec files. Pure: no network, no files.
///
/// What a file holds (docs/fields.md A17):
/// - the schema modeline and an "exported by" line, then `uuid`, `name`, `enable` (only when asked:
///   pinning the run state in git would make the next apply undo every pause made in the console),
///   then every settable field in the field table's order (`TaskConfig.CodingKeys`, then `task_extras`
///   in `TaskExtras.CodingKeys` order);
/// - values as the platform returned them (`asRead`: its order of lines, weekdays, windows), each in
///   its `FieldValue.yaml` form: coded values by name, ids as numbers (non-numeric text quoted, with a
///   warning), times as `HH:MM`;
/// - not: unset values (null, and a row's `exportOmits`: 0 for `llm_intention_id`, `score_scheme_id`,
///   `redial_interval`, `redial_max_times`; an empty `remark`), whose absence the plan does not compare
///   either;
/// - `redial_conditions` only when every read-back string has a code: strings of call loss (呼损) have
///   no code, so a spec cannot hold them and a spec that set the field would plan their removal. The
///   field is then written as a comment, with the strings named. Codes 11 and 12 are never read back;
///   a comment says so where redial is on.
///
/// Each file is loaded, validated and diffed against its task before it is returned; findings become
/// the file's warnings (live data that breaks a rule is still exported as it is).
public enum SpecExporter {
    /// The schema's `$id` (schemas/calltask-task.schema.json), for the modeline.
    public static let defaultSchema = "https://calltask.dev/schemas/calltask-task.schema.json"

    public struct Options: Sendable, Hashable {
        /// Write the run state (`enable`).
        public var withEnable: Bool
        /// What the `$schema=` modeline points at (a URL or a path relative to the files).
        public var schema: String
        /// The account, for the header (`AccountSettings.accountDescription`).
        public var account: String

        public init(withEnable: Bool = false, schema: String = SpecExporter.defaultSchema, account: String) {
            self.withEnable = withEnable
            self.schema = schema
            self.account = account
        }
    }

    /// One exported task.
    public struct File: Sendable, Hashable {
        public var fileName: String
        public var text: String
        public var uuid: String
        public var name: String
        /// Problems of the live data the file shows faithfully (validation findings, unreadable values).
        public var warnings: [String]
    }

    /// A task that was not exported.
    public struct Skip: Sendable, Hashable {
        public var uuid: String
        public var name: String
        public var reason: String

        public init(uuid: String, name: String, reason: String) {
            self.uuid = uuid
            self.name = name
            self.reason = reason
        }
    }

    public struct Result: Sendable {
        public var files: [File]
        public var skipped: [Skip]
    }

    /// Exports every task: abnormal ones are skipped, file names are made unique (sorted by file name).
    public static func export(_ tasks: [NormalizedTask], options: Options) -> Result {
        var files: [File] = []
        var skipped: [Skip] = []
        var used: Set<String> = []
        for task in tasks.sorted(by: { ($0.name, $0.uuid) < ($1.name, $1.uuid) }) {
            if task.abnormal {
                skipped.append(Skip(uuid: task.uuid, name: task.name, reason: abnormalReason))
                continue
            }
            do {
                var file = try export(task, options: options)
                file.fileName = unique(file.fileName, used: &used)
                files.append(file)
            } catch {
                skipped.append(Skip(uuid: task.uuid, name: task.name, reason: "could not be written as YAML: \(error)"))
            }
        }
        return Result(files: files.sorted { $0.fileName < $1.fileName }, skipped: skipped)
    }

    public static let abnormalReason =
        "abnormal task: its new_task_extra is empty (the platform's docs say to delete and recreate it); not exported"

    /// One task's file. The task must come from a detail read, or detail-only fields are missing.
    ///
    /// The fields are a loop over the field table: each row says how its value is written and which
    /// values mean "unset" (left out).
    public static func export(_ task: NormalizedTask, options: Options, table: FieldTable = .standard) throws(YAMLEmitterError) -> File {
        let config = task.asRead
        var entries: [EmitEntry] = [EmitEntry("uuid", .string(task.uuid))]
        entries.append(EmitEntry("name", .string(config.name ?? task.name)))
        if options.withEnable { entries.append(EmitEntry("enable", .bool(task.enabled))) }
        var warnings: [String] = []
        let name = TaskConfig.CodingKeys.name.rawValue
        for field in table.fields where !field.inExtras && field.key != name {
            if let node = field.export(config, &warnings) { entries.append(EmitEntry(field.key, node)) }
        }
        let extras = extrasEntries(config, table: table, task: task, warnings: &warnings)
        if !extras.isEmpty { entries.append(EmitEntry(TaskConfig.CodingKeys.taskExtras.rawValue, .mapping(extras))) }
        let account = options.account.hasPrefix("account: ") ? String(options.account.dropFirst(9)) : options.account
        let header = ["yaml-language-server: $schema=\(options.schema)", "exported by calltask from \(account) — task \(task.uuid)"]
        let text = try YAMLEmitter.emit(.mapping(entries), header: header)
        let fileName = fileName(name: task.name, uuid: task.uuid)
        warnings += check(text, fileName: fileName, task: task)
        return File(fileName: fileName, text: text, uuid: task.uuid, name: task.name, warnings: warnings)
    }

    // MARK: - File names

    /// `<slug of the name>-<first 8 characters of the uuid>.yaml`.
    public static func fileName(name: String, uuid: String) -> String {
        let short = String(slug(uuid).filter { $0 != "-" }.prefix(8))
        return slug(name) + (short.isEmpty ? "" : "-" + short) + ".yaml"
    }

    /// ASCII letters and digits (lowercased) and CJK letters are kept; every other run of characters
    /// becomes one `-`; at most 60 characters; `task` when nothing is left.
    public static func slug(_ name: String) -> String {
        var out = ""
        var count = 0
        var pendingDash = false
        for scalar in name.unicodeScalars {
            guard count < 60 else { break }
            let keep: Unicode.Scalar?
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                keep = Unicode.Scalar(UInt8(ascii: scalar) | (("A"..."Z").contains(scalar) ? 0x20 : 0))
            } else if isCJK(scalar) {
                keep = scalar
            } else {
                keep = nil
            }
            guard let keep else {
                pendingDash = !out.isEmpty
                continue
            }
            if pendingDash, count < 59 {
                out.append("-")
                count += 1
            }
            pendingDash = false
            out.unicodeScalars.append(keep)
            count += 1
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? "task" : out
    }

    private static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.properties.isIdeographic { return true }
        switch scalar.value {
        case 0x3040...0x30FF, 0x31F0...0x31FF, 0xFF66...0xFF9F, 0xAC00...0xD7AF, 0x1100...0x11FF, 0x3130...0x318F: return true
        default: return false
        }
    }

    private static func unique(_ fileName: String, used: inout Set<String>) -> String {
        guard used.contains(fileName) else {
            used.insert(fileName)
            return fileName
        }
        let stem = String(fileName.dropLast(".yaml".count))
        var number = 2
        while used.contains("\(stem)-\(number).yaml") { number += 1 }
        used.insert("\(stem)-\(number).yaml")
        return "\(stem)-\(number).yaml"
    }

    // MARK: - task_extras

    /// The `task_extras` entries, with what the rows cannot say because it is about the task: where the
    /// two GET copies disagree, and the redial comments (codes 11 and 12 are never read back; call-loss
    /// strings have no code, so `redial_conditions` is then left unmanaged and shown as a comment).
    private static func extrasEntries(_ config: TaskConfig, table: FieldTable, task: NormalizedTask, warnings: inout [String]) -> [EmitEntry] {
        guard let extras = config.taskExtras else { return [] }
        var entries: [EmitEntry] = []
        let uncoded = task.uncodedRedialStatuses
        var heldBack: String?
        for field in table.fields where field.inExtras {
            guard let node = field.export(config, &warnings) else { continue }
            if field.comparison == .redialStatuses, !uncoded.isEmpty {
                heldBack = field.key + ": " + flowText(node)
                continue
            }
            var comment: [String] = []
            if task.disagreements.contains(field.path) {
                comment.append("the local copy (task_extras) and the dialer's copy (new_task_extra) disagree on \(field.key); this is the dialer's copy")
            }
            entries.append(EmitEntry(field.key, node, comment: comment))
        }
        var redialComment: [String] = []
        if extras.redialEnabled?.value == true {
            redialComment.append("redial codes 11 (blacklisted) and 12 (user_blocked) cannot be read back from the platform; add them here if the task uses them.")
        }
        if !uncoded.isEmpty {
            redialComment.append("the platform reports call-loss statuses \(uncoded.joined(separator: ", ")) that no code writes; they are not exported.")
            if let heldBack {
                redialComment.append("redial_conditions is left unmanaged: a spec that sets it would remove those statuses on the next apply.")
                redialComment.append("Its coded statuses today:")
                redialComment.append(heldBack)
            }
        }
        if !redialComment.isEmpty {
            let anchors: [TaskExtras.CodingKeys] = [.redialConditions, .redialEnabled, .redialNewNumberPolicy, .redialInterval, .redialMaxTimes]
            if let index = anchors.lazy.compactMap({ key in entries.firstIndex { $0.key == key.rawValue } }).first {
                entries[index].comment += redialComment
            } else if !entries.isEmpty {
                entries[entries.count - 1].comment += redialComment
            }
        }
        return entries
    }

    /// A node on one line, for a comment: `{da_status: [no_answer, busy]}`.
    static func flowText(_ node: EmitNode) -> String {
        switch node {
        case .string(let text): text
        case .int(let value): String(value)
        case .bool(let value): String(value)
        case .null: "null"
        case .sequence(let items, _): "[" + items.map(flowText).joined(separator: ", ") + "]"
        case .mapping(let entries, _): "{" + entries.map { $0.key + ": " + flowText($0.value) }.joined(separator: ", ") + "}"
        }
    }

    // MARK: - Self-check

    /// Loads and validates the file, and diffs it against the task: the file must read back as the
    /// task's own configuration (an export followed by a plan is empty).
    static func check(_ text: String, fileName: String, task: NormalizedTask) -> [String] {
        let loaded = SpecLoader.load([SourceFile(path: fileName, text: text)])
        var out: [String] = []
        for diagnostic in loaded.diagnostics + Validator.validate(loaded.specs) where diagnostic.severity != .note {
            let line = diagnostic.location.map { ":\($0.line)" } ?? ""
            let field = diagnostic.path.isEmpty ? "" : "\(diagnostic.path): "
            out.append("\(fileName)\(line): \(diagnostic.severity.rawValue) in the live data: \(field)\(diagnostic.message)")
        }
        guard let spec = loaded.specs.first?.spec else {
            if out.isEmpty { out.append("\(fileName): the exported text does not read back as a task spec") }
            return out
        }
        let changes = Differ.diff(desired: Canonical.canonicalize(spec.config), live: task)
        for change in changes {
            out.append("\(fileName): \(change.path) does not read back as the live value; a plan would show a change")
        }
        if spec.uuid != task.uuid { out.append("\(fileName): the uuid does not read back") }
        return out
    }
}
