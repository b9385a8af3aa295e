/// The create call's body (`POST /agent-api/new/user/{user_id}/task`), key by key, as the platform's
/// "2.0任务创建" page describes it (../shared/api/facts.md §2.2, source M2, whose parameter table is fully
/// visible) — and nothing else: not the update's key list (`UpdateFields`), not calltask's models.
///
/// The create page's table is shorter than the update's: no `task_type`, `group_type`, `pop_mode`,
/// redial, work hours or scripts. Whether create takes the update's newer keys is not stated
/// (facts §5 q9): a key this list does not hold is refused (the stricter reading).
///
/// Where the page is silent the comment says so and the stricter behaviour is chosen.
enum CreateFields {
    /// One key of the create body and the rule its value follows.
    struct Field: Sendable {
        let key: String
        let rule: ValueRule
        /// The body must carry it with a value (for `line` and `holiday`: an array, maybe empty).
        let required: Bool
        /// In `task_extras` rather than at the top level.
        let inTaskExtras: Bool

        init(_ key: String, _ rule: ValueRule, required: Bool = false, inTaskExtras: Bool = false) {
            self.key = key
            self.rule = rule
            self.required = required
            self.inTaskExtras = inTaskExtras
        }

        /// The key's path in messages: `name`, `task_extras.line`.
        var path: String { inTaskExtras ? "task_extras.\(key)" : key }
    }

    /// The top-level keys, in the page's order.
    static let topLevel: [Field] = [
        // "sub-account", string, optional. It selects the account the call acts on (`APIGateway`); it is
        // not part of the task and is never stored.
        Field("sub_user_id", .text(nonEmpty: false)),
        // "task name", string, required. Blank counts as empty (docs silent: the stricter reading). The
        // page promises no uniqueness: a second task of an existing name is accepted.
        Field("name", .text(nonEmpty: true), required: true),
        // 话术分组 id, int, required. A JSON integer (a string of digits is refused: the page types it
        // int). Docs silent on 0: refused, since a required id of 0 would name nothing.
        Field("destination_extension", .integer(1...Int.max), required: true),
        // 呼叫时间组 id, int, required; 0 refused as above.
        Field("dial_time_id", .integer(1...Int.max), required: true),
        // Line concurrency, int, required; at least 1 (a task with no concurrency cannot dial).
        Field("maximumcall", .integer(1...Int.max), required: true),
        // 转接组 id, int, optional.
        Field("bridge_group_id", .id),
        // "task type, default 0", int, optional. The page lists no values: any integer ≥ 0 is taken.
        Field("enable_type", .integer(0...Int.max)),
        // "0 outbound (default), 1 inbound", int, optional.
        Field("is_call_in", .code([0, 1])),
        // Description, string, optional.
        Field("remark", .text(nonEmpty: false)),
        // 重呼规则 id, int, optional.
        Field("auto_recycle_rule_id", .id),
        // "0 none, 1 pause task and release concurrency", int, optional. The create page lists only these
        // two codes (seed 000 also knows 2 for a GET): other codes are refused.
        Field("end_action", .code([0, 1])),
        // 背景音 id, int, optional.
        Field("background_id", .id),
        // 大模型质检 id, int, optional.
        Field("llm_intention_id", .id),
        // The 2.0 configuration block, required. The page's type column says "array", but its members
        // are named keys (`task_extras.start_time`…): it must be a JSON object. Its members are
        // `taskExtras` below.
        Field("task_extras", .object([]), required: true),
    ]

    /// The `task_extras` keys.
    static let taskExtras: [Field] = [
        // Task start, `YYYY-MM-DD HH:MM:SS`, required. Only that form: the update's other form
        // (`2024/11/1 13:25`, seed 001's tables) is not on the create page.
        Field("start_time", .dashedDateTime, required: true, inTaskExtras: true),
        // Task end, same form, required.
        Field("stop_time", .dashedDateTime, required: true, inTaskExtras: true),
        // Holidays: {start, end}, each `YYYY-MM-DD HH:MM`. The table marks it optional, the page's note
        // says it must always be sent, `[]` when unused: required (the stricter reading). Members other
        // than `start` and `end` (e.g. the update's old `begin`) are refused.
        Field("holiday", .list(of: .object([
            .init("start", .dateMinute, required: true),
            .init("end", .dateMinute, required: true),
        ])), required: true, inTaskExtras: true),
        // Lines: "array of line-id strings", required, always sent (`[]` allowed by the same note). The
        // update's {id, limit} objects are not on the create page: refused.
        Field("line", .list(of: .text(nonEmpty: true)), required: true, inTaskExtras: true),
        // Call interval, int, optional, default 0.
        Field("interval_time", .integer(0...Int.max), inTaskExtras: true),
    ]

    /// The top-level keys the create page names.
    static let topLevelKeys: Set<String> = Set(topLevel.map(\.key))

    /// The `task_extras` keys the create page names.
    static let taskExtrasKeys: Set<String> = Set(taskExtras.map(\.key))

    /// The members of a holiday entry.
    static let holidayKeys: Set<String> = ["start", "end"]
}
