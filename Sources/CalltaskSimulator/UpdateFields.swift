/// The update call's body (`PUT .../task/{task_id}`), key by key, as the platform's own pages describe
/// it — written from ../shared/seeds/ (001: the update page, 000: the list page) and nothing else: not
/// from docs/fields.md, not from calltask's models. If calltask and the simulator read the docs
/// differently, a test fails instead of the two mistakes cancelling out.
///
/// Citations: "001:N" and "000:N" are line numbers in seed 001 (`001_7a4d046128076e06.txt`) and seed
/// 000 (`000_77468b5a656eee49.txt`). Seed 001 has two sections, both for 2.0 tasks: "新版任务2.0" (new
/// 2.0, lines 16-587: curl example 24-91, annotated body 445-532, parameter table 534-587) and "旧版任务
/// 2.0" (old 2.0, lines 589-921: curl example 597-614, annotated body 869-895, parameter table 897-921),
/// then notes (923-932). A key either section names is a key of the update call, whatever the task's
/// type: the docs do not say that the platform refuses an old 2.0 key on a new 2.0 task.
///
/// Each entry says where the platform keeps the value and how a GET gives it back: at the top level
/// of the task, in the local copy `task_extras` (本地任务, 000:204) and/or the dialer's copy
/// `new_task_extra` (远程任务, 000:276), in the shapes seed 000 shows. Which of these the list item
/// carries and which only the detail call is `TaskShape`'s business.
///
/// Where the docs say nothing, the comment says so and the stricter behaviour is chosen.
enum UpdateFields {
    /// Every key of the body's top level.
    static let topLevel: [UpdateField] = [
        // Selects the sub-account the call acts on (001:537, 001:900); not part of the task, so never
        // stored (`APIGateway` reads it).
        UpdateField(.top, "sub_user_id", .text(nonEmpty: false), stored: []),
        // 001:25, 001:447, 001:545; old 001:598, 001:871, 001:905. Required: the tables' 必填 column
        // lost its marks in the seed's text, the other page of the docs (../api/facts.md §2.3) has it
        // required. Read back at the top (000:151) and as the dialer's name (000:278).
        UpdateField(.top, "name", .text(nonEmpty: true), required: true,
                    stored: [(.top, "name"), (.dialer, "name")], reset: ""),
        // 001:546, 001:906. Read back at the top, null when unset (000:170).
        UpdateField(.top, "remark", .text(nonEmpty: false), stored: [(.top, "remark")], reset: .null),
        // 001:88 (new 2.0 curl example only; 7 = new 2.0). Codes from 000:19 (6: 2.0 task, 7: new 2.0
        // task). Read back at the top (000:189). It says what kind of task this is: --strict-put never
        // resets it (no reset value).
        UpdateField(.top, "task_type", .code([6, 7]), stored: [(.top, "task_type")]),
        // 001:26, 001:448 ("group"). Values from 000:398 (group: 1.0 scripts, robot: 2.0 scripts); docs
        // silent on other values, so they are refused. Read back at the top (000:163).
        UpdateField(.top, "group_type", .oneOf(["group", "robot"]), stored: [(.top, "group_type")], reset: ""),
        // An int (001:27, 001:449, 001:542; old 001:599, 001:872, 001:902). Required (facts §2.3, as for
        // name). Read back as a STRING at the top (000:162, "102") and in the dialer's copy (000:311,
        // 000:453 types it string).
        UpdateField(.top, "destination_extension", .id, required: true,
                    stored: [(.top, "destination_extension"), (.dialer, "destination_extension")],
                    readBack: .idAsString, reset: .null),
        // 001:27, 001:450: 0 unified, 1 by time, 2 by number variable, 3 multiple script groups. Read back
        // at the top (000:202).
        UpdateField(.top, "is_group_switch", .code([0, 1, 2, 3]), stored: [(.top, "is_group_switch")], reset: 0),
        // Old 2.0's time-sliced scripts: 001:29-36 (also in the new 2.0 curl example), 001:887-894.
        // Seed 000's list item has no such key: kept at the top of the detail only (`TaskShape`).
        UpdateField(.top, "group_switch_rule", .list(of: .object([
            .init("switch_start", .clock, required: true),   // 001:889
            .init("switch_end", .clock, required: true),     // 001:890
            .init("group_id", .id, required: true),          // 001:891
            .init("default_group_id", .id, required: true),  // 001:892
        ])), stored: [(.top, "group_switch_rule")], reset: []),
        // 001:37, 001:451, 001:544; old 001:600, 001:873, 001:904. Required (facts §2.3). At least 1 and
        // divisible by the number of lines (note 5, 001:932; `UpdateValidator`). Read back at the top
        // (000:156) and as the dialer's `limit` (000:281): docs silent on `limit`, but seed 000's example
        // has limit 1 with maximumcall 1, so it mirrors maximumcall.
        UpdateField(.top, "maximumcall", .integer(1...Int.max), required: true,
                    stored: [(.top, "maximumcall"), (.dialer, "limit")], reset: 0),
        // 001:38, 001:452, 001:543; old 001:601, 001:874, 001:903. Required (facts §2.3). Read back as an
        // int (000:161).
        UpdateField(.top, "dial_time_id", .id, required: true, stored: [(.top, "dial_time_id")], reset: .null),
        // 001:39, 001:453, 001:551; old 001:602, 001:875, 001:910. Read back at the top (000:201).
        UpdateField(.top, "background_id", .id, stored: [(.top, "background_id")], reset: .null),
        // 001:539-541, 001:901: "不传这个键,则表示为空 / 传了则必填" — left out it means none (stored as null
        // whatever the mode), sent it must have a value (null is refused, `UpdateValidator`). Read back at
        // the top (000:182).
        UpdateField(.top, "bridge_group_id", .id, stored: [(.top, "bridge_group_id")], whenOmitted: .null),
        // 001:547, 001:907 (int). Seed 000's table types it string (000:412; its example is null,
        // 000:176): read back as a string.
        UpdateField(.top, "auto_recycle_rule_id", .id, stored: [(.top, "auto_recycle_rule_id")],
                    readBack: .idAsString, reset: .null),
        // 001:548, 001:908: bool ("FALSE"); 0/1 accepted like the other bools, which the examples send as
        // 0/1 (001:80). Seed 000 does not show it: kept at the top of the detail only, as a bool.
        UpdateField(.top, "elasticity_type", .flag, stored: [(.top, "elasticity_type")], readBack: .flagAsBool, reset: false),
        // 001:549-550, 001:909; cannot be on together with elasticity_type (`UpdateValidator`). Codes from
        // 000:426 (0 nothing, 1 pause and release, 2 pause and keep concurrency). Read back at the top
        // (000:188).
        UpdateField(.top, "end_action", .code([0, 1, 2]), stored: [(.top, "end_action")], reset: .null),
        // 001:89, 001:530, 001:552; old 001:911. Read back as an int, 0 when unset (000:197).
        UpdateField(.top, "llm_intention_id", .id, stored: [(.top, "llm_intention_id")], reset: 0),
        // 001:90, 001:531 (examples only). Read back as an int, 0 when unset (000:198).
        UpdateField(.top, "score_scheme_id", .id, stored: [(.top, "score_scheme_id")], reset: 0),
        // Old 2.0's redial rules, 001:918-921 only. Not in seed 000: kept at the top of the detail only.
        UpdateField(.top, "new_call_rules", .list(of: .object([
            .init("re_call_time", .redialTime, required: true),            // 001:919 ("10:00:00", 10-11 13-22)
            .init("call_interval", .integer(0...Int.max), required: true), // 001:920 (minutes)
            .init("rule_id", .id, required: true),                          // 001:921
        ])), stored: [(.top, "new_call_rules")], reset: []),
        // 001:40, 001:454, 001:553; old 001:603, 001:876, 001:912. The tables call it "array"; every
        // example is an object. Its members are `taskExtras`; the field itself is stored through them.
        UpdateField(.top, "task_extras", .extrasObject, required: true, stored: []),
    ]

    /// Every key of `task_extras`.
    ///
    /// Not here, on purpose: `task_extras.da_status`. The new 2.0 table names that row (001:581-585),
    /// but every body in the same section nests `da_status` inside `redial_conditions` (001:84-86,
    /// 001:149-151, 001:217-219, 001:267, 001:316-318, 001:418, 001:524-528) and the table has no
    /// `redial_conditions` row: the row is read as `redial_conditions.da_status`, and a bare
    /// `task_extras.da_status` is an unknown key (the stricter reading).
    static let taskExtras: [UpdateField] = [
        // 001:41, 001:455 ("(必填)"), 001:554; old 001:604, 001:877, 001:913. Format: the examples write
        // "2024-12-23 19:00:00", the tables "2024/11/1 13:25": either form, a real date and time. Read
        // back in both copies (000:268, 000:283).
        UpdateField(.taskExtras, "start_time", .dateTime, required: true,
                    stored: [(.local, "start_time"), (.dialer, "start_time")], reset: ""),
        // 001:42, 001:456, 001:555; old 001:605, 001:878, 001:914. Required (facts §2.3). Formats as for
        // start_time. Both copies (000:206, 000:284).
        UpdateField(.taskExtras, "stop_time", .dateTime, required: true,
                    stored: [(.local, "stop_time"), (.dialer, "stop_time")], reset: ""),
        // New 2.0: [{id, limit}] (001:43-48, 001:457-462, 001:560); old 2.0: ids (001:606, 001:879,
        // 001:916). Must be sent, [] when empty (001:457, 001:561, 001:879, note 1 at 001:927). The
        // table row (001:560) drops the `task_extras.` prefix; every body puts it in task_extras. Which
        // shape goes with which task type: `UpdateValidator`. Both copies, as sent (000:205, 000:280).
        UpdateField(.taskExtras, "line", .list(of: .line), required: true,
                    stored: [(.local, "line"), (.dialer, "line")], reset: []),
        // 001:76, 001:516, 001:556-559; old 001:607-612, 001:880-885, 001:915. Must be sent, [] when
        // empty (same notes as line). The bound is `start` in the tables (001:556, 001:915) and `begin`
        // in the old example (001:609, 001:882): either is taken. Seed 000's list has no holiday; the
        // detail carries it in both copies as {start, end} (facts §2.6).
        UpdateField(.taskExtras, "holiday", .list(of: .holiday), required: true,
                    stored: [(.local, "holiday"), (.dialer, "holiday")], readBack: .holidays, reset: []),
        // 001:562 (the new 2.0 table, prefix dropped as for line), old 001:917 ("task_extras.
        // interval_time", default 0). Detail only, both copies (facts §2.6 does not show it; docs silent).
        UpdateField(.taskExtras, "interval_time", .integer(0...Int.max),
                    stored: [(.local, "interval_time"), (.dialer, "interval_time")], reset: 0),
        // 001:78, 001:518 (only `[]`). Days 0..6 as seed 000 reads them back (000:259-267, 000:285-293);
        // docs silent on repeats: refused. Both copies.
        UpdateField(.taskExtras, "work_week", .list(of: .integer(0...6), unique: true),
                    stored: [(.local, "work_week"), (.dialer, "work_week")], reset: []),
        // 001:77, 001:517 (only `[]`): seed 001 never shows an entry, so the entry shape is the one seed
        // 000 reads back (000:207-258, 000:294-310): {wday 0..6, begin, end}. Both copies, as sent.
        UpdateField(.taskExtras, "work_hour", .list(of: .object([
            .init("wday", .integer(0...6), required: true),
            .init("begin", .clock, required: true),
            .init("end", .clock, required: true),
        ])), stored: [(.local, "work_hour"), (.dialer, "work_hour")], reset: []),
        // New 2.0's time-sliced scripts: 001:49-55, 001:463-469, 001:564-568. The script id is an int in
        // the examples (001:53) and a string in the table (001:567): either. Read back in the dialer's
        // copy only, ids as strings (000:312-318, 000:454); the local copy of seed 000 (000:204-269) has
        // no such key.
        UpdateField(.taskExtras, "destination_extension_list", .list(of: .object([
            .init("begin", .clock, required: true),                     // 001:465
            .init("end", .clock, required: true),                       // 001:466
            .init("destination_extension", .idOrDigits, required: true), // 001:467
        ])), stored: [(.dialer, "destination_extension_list")], readBack: .timedScriptIdsAsStrings, reset: []),
        // Scripts by number variable: 001:56-75, 001:470-502, 001:569-574; at most 100 rules (001:472),
        // at most 10 keywords each, no repeats (001:478). Required with is_group_switch 2 (001:471,
        // 001:574; `UpdateValidator`). Detail only, both copies, as sent (docs silent on the read-back
        // shape).
        UpdateField(.taskExtras, "destination_extension_with_variable_list", .list(of: .object([
            .init("mode", .code([0, 1]), required: true),                                        // 001:477
            .init("values", .list(of: .text(nonEmpty: false), maxCount: 10, unique: true), required: true), // 001:478
            .init("destination_extension", .id, required: true),                                 // 001:482
            .init("sort", .integer(Int.min...Int.max), required: true),                          // 001:483
        ]), maxCount: 100),
        stored: [(.local, "destination_extension_with_variable_list"), (.dialer, "destination_extension_with_variable_list")],
        reset: []),
        // Several script groups: 001:503-515 (annotated new 2.0 body only). Script ids are strings there
        // ("13601"): int or digits. `sort` must be sent (001:508). Detail only, both copies, as sent.
        UpdateField(.taskExtras, "destination_extension_multi_config", .object([
            .init("dial_mode", .code([0, 1]), required: true),   // 001:504: 0 round robin, 1 random
            .init("list", .list(of: .object([
                .init("destination_extension", .idOrDigits, required: true),  // 001:507
                .init("sort", .integer(Int.min...Int.max), required: true),   // 001:508
            ])), required: true),
        ]), stored: [(.local, "destination_extension_multi_config"), (.dialer, "destination_extension_multi_config")],
        reset: .null),
        // 001:79, 001:519 ("(新2.0必填)"), 001:586-587: 0 random, 1 in order, 2 reverse. Required for new
        // 2.0 (`UpdateValidator`). Read back in the dialer's copy (000:460).
        UpdateField(.taskExtras, "pop_mode", .code([0, 1, 2]), stored: [(.dialer, "pop_mode")], reset: 0),
        // 001:80, 001:520, 001:575 ("bool", sent as 0/1). Read back as a bool in the dialer's copy
        // (000:319, 000:455).
        UpdateField(.taskExtras, "redial_enabled", .flag, stored: [(.dialer, "redial_enabled")],
                    readBack: .flagAsBool, reset: false),
        // 001:81, 001:521, 001:576. A bool in the dialer's copy (000:320, 000:456).
        UpdateField(.taskExtras, "redial_new_number_policy", .flag, stored: [(.dialer, "redial_new_number_policy")],
                    readBack: .flagAsBool, reset: false),
        // 001:82, 001:522, 001:577-578: minutes, at most 60. No lower bound in the docs: 0 is taken,
        // since a task without redial settings holds 0 and an update carries back what the detail
        // gave. Dialer's copy (000:321, 000:457).
        UpdateField(.taskExtras, "redial_interval", .integer(0...60), stored: [(.dialer, "redial_interval")], reset: 0),
        // 001:83, 001:523, 001:579-580: at most 3 (0 taken, as above). Dialer's copy (000:322, 000:458).
        UpdateField(.taskExtras, "redial_max_times", .integer(0...3), stored: [(.dialer, "redial_max_times")], reset: 0),
        // An object {da_status: [codes 2..12]} in every example (001:84-86, 001:149-151, 001:217-219,
        // 001:267, 001:316-318, 001:418); the annotated body prints brackets (001:524-528), not valid
        // JSON, read as the same object. Read back in the dialer's copy as a LIST of {hangup_cause,
        // da_status: [English strings]} (000:323-346, 000:459): `DaStatusTable`.
        UpdateField(.taskExtras, "redial_conditions", .object([
            .init("da_status", .list(of: .code(Array(DaStatusTable.codes))), required: true),
        ]), stored: [(.dialer, "redial_conditions")], readBack: .daStatusStrings, reset: []),
    ]

    /// Both lists.
    static let all: [UpdateField] = topLevel + taskExtras

    /// The top-level keys seed 001 names.
    static let topLevelKeys: Set<String> = Set(topLevel.map(\.key))

    /// The `task_extras` keys seed 001 names.
    static let taskExtrasKeys: Set<String> = Set(taskExtras.map(\.key))

    /// The field at the top level (`task_extras` false) or in `task_extras` (true).
    static func field(_ key: String, inTaskExtras: Bool) -> UpdateField? {
        (inTaskExtras ? taskExtras : topLevel).first { $0.key == key }
    }
}

/// One key of the update body: what it takes, where it is kept, how it reads back.
struct UpdateField: Sendable {
    /// Where the key sits in the body.
    enum Section: Sendable { case top, taskExtras }

    /// Where a stored task keeps a value (`SimTask.record`).
    enum Copy: Sendable, Hashable {
        /// The task's top level.
        case top
        /// `task_extras`, the local copy (本地任务, seed 000).
        case local
        /// `new_task_extra`, the dialer's copy (远程任务, seed 000); absent on an abnormal task.
        case dialer
    }

    /// How a sent value is turned into what GET returns.
    enum ReadBack: Sendable {
        /// Unchanged (after unknown members are dropped).
        case asSent
        /// An int id comes back as a string of digits.
        case idAsString
        /// 0/1 comes back as false/true.
        case flagAsBool
        /// Holidays come back as {start, end} whether sent with `start` or `begin`.
        case holidays
        /// Each entry's `destination_extension` comes back as a string.
        case timedScriptIdsAsStrings
        /// {da_status: [codes]} comes back as [{hangup_cause, da_status: [strings]}] (`DaStatusTable`).
        case daStatusStrings
    }

    let section: Section
    let key: String
    let rule: ValueRule
    /// The body must carry it (with a value; for arrays, an array).
    let required: Bool
    /// Where the value is kept, and under which key there.
    let stored: [(copy: Copy, key: String)]
    let readBack: ReadBack
    /// Under --strict-put, what a copy that holds the field gets when the body leaves the key out;
    /// `nil`: never reset.
    let reset: JSONValue?
    /// What is stored when the body leaves the key out, in either mode (`bridge_group_id`).
    let whenOmitted: JSONValue?

    init(_ section: Section, _ key: String, _ rule: ValueRule, required: Bool = false,
         stored: [(copy: Copy, key: String)], readBack: ReadBack = .asSent,
         reset: JSONValue? = nil, whenOmitted: JSONValue? = nil) {
        self.section = section
        self.key = key
        self.rule = rule
        self.required = required
        self.stored = stored
        self.readBack = readBack
        self.reset = reset
        self.whenOmitted = whenOmitted
    }

    /// The key's path in messages: `name`, `task_extras.line`.
    var path: String { section == .top ? key : "task_extras.\(key)" }

    /// The value as GET gives it back: unknown members dropped (ignored), then `readBack` applied.
    func storedValue(_ sent: JSONValue) -> JSONValue {
        let value = rule.known(sent)
        switch readBack {
        case .asSent:
            return value
        case .idAsString:
            if case .int(let id) = value { return .string(String(id)) }
            return value
        case .flagAsBool:
            return value.boolValue.map(JSONValue.bool) ?? value
        case .holidays:
            guard let entries = value.arrayValue else { return value }
            return .array(entries.map { entry in
                guard var members = entry.objectValue else { return entry }
                if members["start"] == nil { members["start"] = members["begin"] }
                members["begin"] = nil
                return .object(members)
            })
        case .timedScriptIdsAsStrings:
            guard let entries = value.arrayValue else { return value }
            return .array(entries.map { entry in
                var entry = entry
                if case .int(let id)? = entry["destination_extension"] { entry["destination_extension"] = .string(String(id)) }
                return entry
            })
        case .daStatusStrings:
            let codes = value["da_status"]?.arrayValue?.compactMap { value -> Int? in
                if case .int(let code) = value { return code }
                return nil
            } ?? []
            return DaStatusTable.readBack(codes: codes)
        }
    }
}
