import CalltaskModels
public import CalltaskYAML

/// Turns live tasks (normalized from their DETAIL read) into spec files. Pure: no network, no files.
///
/// What a file holds (docs/fields.md A17):
/// - the schema modeline and an "exported by" line, then `uuid`, `name`, `enable` (only when asked:
///   pinning the run state in git would make the next apply undo every pause made in the console),
///   then every settable field in `TaskConfig.CodingKeys` order and `task_extras` in
///   `TaskExtras.CodingKeys` order;
/// - values as the platform returned them (`asRead`: its order of lines, weekdays, windows), coded
///   values by name, ids as numbers (non-numeric text quoted, with a warning), times as `HH:MM`;
/// - not: unset values (null; 0 for `llm_intention_id`, `score_scheme_id`, `redial_interval`,
///   `redial_max_times`; an empty `remark`), whose absence the plan does not compare either;
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
    public static func export(_ task: NormalizedTask, options: Options) throws(YAMLEmitterError) -> File {
        let config = task.asRead
        var entries: [EmitEntry] = [EmitEntry("uuid", .string(task.uuid))]
        entries.append(EmitEntry("name", .string(config.name ?? task.name)))
        if options.withEnable { entries.append(EmitEntry("enable", .bool(task.enabled))) }
        var warnings: [String] = []
        for key in TaskConfig.CodingKeys.allCases where key != .name {
            if let value = topLevel(key, of: config, task: task, warnings: &warnings) { entries.append(value) }
        }
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

    // MARK: - Values

    private static func id(_ value: LenientInt, path: String, warnings: inout [String]) -> EmitNode {
        if let text = value.text {
            warnings.append("\(path): the platform returned the text '\(text)' where an id (a number) belongs; exported as text")
            return .string(text)
        }
        return .int(value.value)
    }

    private static func time(_ value: ClockTime) -> EmitNode { .string(value.description) }

    private static func flow(_ entries: [(String, EmitNode)]) -> EmitNode {
        .mapping(entries.map { EmitEntry($0.0, $0.1) }, flow: true)
    }

    /// A top-level field, or nil when it is unset (left out).
    private static func topLevel(_ key: TaskConfig.CodingKeys, of config: TaskConfig, task: NormalizedTask, warnings: inout [String]) -> EmitEntry? {
        let name = key.rawValue
        func entry(_ node: EmitNode?) -> EmitEntry? { node.map { EmitEntry(name, $0) } }
        func idEntry(_ value: LenientInt?, zeroIsUnset: Bool = false) -> EmitEntry? {
            guard let value, !(zeroIsUnset && value.isNumber && value.value == 0) else { return nil }
            return entry(id(value, path: name, warnings: &warnings))
        }
        switch key {
        case .name: return entry(config.name.map(EmitNode.string))
        case .remark: return entry(config.remark.flatMap { $0.isEmpty ? nil : .string($0) })
        case .taskType: return entry(config.taskType.map { .string($0.name) })
        case .groupType: return entry(config.groupType.map(EmitNode.string))
        case .destinationExtension: return idEntry(config.destinationExtension)
        case .isGroupSwitch: return entry(config.isGroupSwitch.map { .string($0.name) })
        case .groupSwitchRule:
            return entry(config.groupSwitchRule.map { rules in
                .sequence(rules.enumerated().map { index, rule in
                    flow([("switch_start", time(rule.switchStart)), ("switch_end", time(rule.switchEnd)),
                          ("group_id", id(rule.groupId, path: "\(name)[\(index)].group_id", warnings: &warnings)),
                          ("default_group_id", id(rule.defaultGroupId, path: "\(name)[\(index)].default_group_id", warnings: &warnings))])
                })
            })
        case .maximumcall: return entry(config.maximumcall.map(EmitNode.int))
        case .dialTimeId: return idEntry(config.dialTimeId)
        case .backgroundId: return idEntry(config.backgroundId)
        case .bridgeGroupId: return idEntry(config.bridgeGroupId)
        case .autoRecycleRuleId: return idEntry(config.autoRecycleRuleId)
        case .llmIntentionId: return idEntry(config.llmIntentionId, zeroIsUnset: true)
        case .scoreSchemeId: return idEntry(config.scoreSchemeId, zeroIsUnset: true)
        case .elasticityType: return entry(config.elasticityType.map { .bool($0.value) })
        case .endAction: return entry(config.endAction.map { .string($0.name) })
        case .newCallRules:
            return entry(config.newCallRules.map { rules in
                .sequence(rules.enumerated().map { index, rule in
                    flow([("re_call_time", .string(rule.reCallTime)), ("call_interval", .int(rule.callInterval)),
                          ("rule_id", id(rule.ruleId, path: "\(name)[\(index)].rule_id", warnings: &warnings))])
                })
            })
        case .taskExtras:
            guard let extras = config.taskExtras else { return nil }
            let inner = extrasEntries(extras, task: task, warnings: &warnings)
            return inner.isEmpty ? nil : EmitEntry(name, .mapping(inner))
        }
    }

    private static func extrasEntries(_ extras: TaskExtras, task: NormalizedTask, warnings: inout [String]) -> [EmitEntry] {
        var entries: [EmitEntry] = []
        let uncoded = task.uncodedRedialStatuses
        let redialOn = extras.redialEnabled?.value == true
        var redialComment: [String] = []
        var heldBack: RedialConditions?
        for key in TaskExtras.CodingKeys.allCases {
            let name = key.rawValue
            let path = "task_extras." + name
            var node: EmitNode?
            switch key {
            case .startTime: node = extras.startTime.map(EmitNode.string)
            case .stopTime: node = extras.stopTime.map(EmitNode.string)
            case .line:
                node = extras.line.map { lines in
                    .sequence(lines.map { line in
                        line.limit.map { flow([("id", .string(line.id)), ("limit", .int($0))]) } ?? .string(line.id)
                    })
                }
            case .holiday:
                node = extras.holiday.map { days in .sequence(days.map { flow([("start", .string($0.start)), ("end", .string($0.end))]) }) }
            case .intervalTime: node = extras.intervalTime.map(EmitNode.int)
            case .workWeek: node = extras.workWeek.map { .sequence($0.map(EmitNode.int), flow: true) }
            case .workHour:
                node = extras.workHour.map { hours in
                    .sequence(hours.map { hour in
                        flow([("wday", id(hour.wday, path: path + ".wday", warnings: &warnings)), ("begin", time(hour.begin)), ("end", time(hour.end))])
                    })
                }
            case .destinationExtensionList:
                node = extras.destinationExtensionList.map { slices in
                    .sequence(slices.enumerated().map { index, slice in
                        flow([("begin", time(slice.begin)), ("end", time(slice.end)),
                              ("destination_extension", id(slice.destinationExtension, path: "\(path)[\(index)].destination_extension", warnings: &warnings))])
                    })
                }
            case .destinationExtensionWithVariableList:
                node = extras.destinationExtensionWithVariableList.map { rules in
                    .sequence(rules.enumerated().map { index, rule in
                        .mapping([
                            EmitEntry("mode", .string(rule.mode.name)),
                            EmitEntry("values", .sequence(rule.values.map(EmitNode.string), flow: true)),
                            EmitEntry("destination_extension", id(rule.destinationExtension, path: "\(path)[\(index)].destination_extension", warnings: &warnings)),
                            EmitEntry("sort", .int(rule.sort)),
                        ])
                    })
                }
            case .destinationExtensionMultiConfig:
                node = extras.destinationExtensionMultiConfig.map { multi in
                    .mapping([
                        EmitEntry("dial_mode", .string(multi.dialMode.name)),
                        EmitEntry("list", .sequence(multi.list.enumerated().map { index, item in
                            flow([("destination_extension", id(item.destinationExtension, path: "\(path).list[\(index)].destination_extension", warnings: &warnings)),
                                  ("sort", .int(item.sort))])
                        })),
                    ])
                }
            case .popMode: node = extras.popMode.map { .string($0.name) }
            case .redialEnabled: node = extras.redialEnabled.map { .bool($0.value) }
            case .redialNewNumberPolicy: node = extras.redialNewNumberPolicy.map { .bool($0.value) }
            case .redialInterval: node = extras.redialInterval.flatMap { $0 == 0 ? nil : .int($0) }
            case .redialMaxTimes: node = extras.redialMaxTimes.flatMap { $0 == 0 ? nil : .int($0) }
            case .redialConditions:
                if let conditions = extras.redialConditions {
                    if uncoded.isEmpty {
                        node = .mapping([EmitEntry("da_status", .sequence(conditions.daStatus.map { .string($0.name) }, flow: true))])
                    } else {
                        heldBack = conditions
                    }
                }
            }
            guard let node else { continue }
            var comment: [String] = []
            if task.disagreements.contains(path) {
                comment.append("the local copy (task_extras) and the dialer's copy (new_task_extra) disagree on \(name); this is the dialer's copy")
            }
            entries.append(EmitEntry(name, node, comment: comment))
        }
        if redialOn {
            redialComment.append("redial codes 11 (blacklisted) and 12 (user_blocked) cannot be read back from the platform; add them here if the task uses them.")
        }
        if !uncoded.isEmpty {
            redialComment.append("the platform reports call-loss statuses \(uncoded.joined(separator: ", ")) that no code writes; they are not exported.")
            if let heldBack {
                let names = heldBack.daStatus.map(\.name).joined(separator: ", ")
                redialComment.append("redial_conditions is left unmanaged: a spec that sets it would remove those statuses on the next apply.")
                redialComment.append("Its coded statuses today:")
                redialComment.append("redial_conditions: {da_status: [\(names)]}")
            }
        }
        if !redialComment.isEmpty {
            let anchors = ["redial_conditions", "redial_enabled", "redial_new_number_policy", "redial_interval", "redial_max_times"]
            if let index = anchors.lazy.compactMap({ key in entries.firstIndex { $0.key == key } }).first {
                entries[index].comment += redialComment
            } else if !entries.isEmpty {
                entries[entries.count - 1].comment += redialComment
            }
        }
        return entries
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
