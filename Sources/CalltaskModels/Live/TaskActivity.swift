/// What a task is doing, as GET answers report it beside its configuration: the platform's status text
/// and the counters (seed 000's list item; the detail call carries the same keys, ../api/facts.md §2.6).
///
/// Read from the same JSON object as `LiveTask`, for `calltask show`; nothing compares or writes it.
/// Decoded leniently, key by key: a counter the platform sends in an odd shape is left out, it never
/// fails the read of a task.
///
/// ```json
/// {"status_str": "拨打中", "cache_number_count": 0,
///  "new_task_extra": {"number_count": 1840, "call_info": {"<line id>": {"dialed_number_total": 2, …}}}}
/// ```
public struct TaskActivity: Hashable, Sendable, Decodable {
    /// `status_str`, the platform's own words for the state (`拨打中`, `等待执行`, `停止`).
    public var statusText: String?
    /// `new_task_extra.number_count`: numbers in the task.
    public var numberCount: Int?
    /// `cache_number_count`: numbers cached for dialing.
    public var cacheNumberCount: Int?
    /// `new_task_extra.call_info`: what each line is doing, in line-id order.
    public var lines: [LineActivity]

    public init(statusText: String? = nil, numberCount: Int? = nil, cacheNumberCount: Int? = nil, lines: [LineActivity] = []) {
        self.statusText = statusText
        self.numberCount = numberCount
        self.cacheNumberCount = cacheNumberCount
        self.lines = lines
    }

    private enum CodingKeys: String, CodingKey {
        case statusText = "status_str"
        case cacheNumberCount = "cache_number_count"
        case newTaskExtra = "new_task_extra"
    }

    private enum DialerKeys: String, CodingKey {
        case numberCount = "number_count"
        case callInfo = "call_info"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        statusText = (try? c.decodeIfPresent(LenientString.self, forKey: .statusText))?.value
        cacheNumberCount = Self.number(c, .cacheNumberCount)
        lines = []
        guard let dialer = try? c.nestedContainer(keyedBy: DialerKeys.self, forKey: .newTaskExtra) else { return }
        numberCount = Self.number(dialer, .numberCount)
        // `call_info` is an object keyed by line id (seed 000) or a list (facts §2.6); empty as `[]` or `{}`.
        if let byLine = try? dialer.decodeIfPresent([String: LineActivity].self, forKey: .callInfo) {
            lines = byLine.map { id, line in
                var line = line
                if line.lineID == nil { line.lineID = id }
                return line
            }
        } else if let list = try? dialer.decodeIfPresent([LineActivity].self, forKey: .callInfo) {
            lines = list
        }
        lines.sort { ($0.lineID ?? "", $0.lineName ?? "") < ($1.lineID ?? "", $1.lineName ?? "") }
    }

    private static func number<Key: CodingKey>(_ c: KeyedDecodingContainer<Key>, _ key: Key) -> Int? {
        guard let value = try? c.decodeIfPresent(LenientInt.self, forKey: key), value.isNumber else { return nil }
        return value.value
    }
}

/// One line's entry of `new_task_extra.call_info` (seed 000: 当前任务线路拨打情况).
public struct LineActivity: Hashable, Sendable, Codable {
    public var lineID: String?
    public var lineName: String?
    /// Concurrency on this line (`limit`).
    public var limit: Int?
    /// `dialed_number_total`: numbers dialled.
    public var dialedNumberTotal: Int?
    /// `answer_total`: numbers that answered.
    public var answerTotal: Int?
    /// `normal_hangup_total`: calls hung up normally.
    public var normalHangupTotal: Int?
    /// `gateway_error_hangup_total`: calls ended by a gateway error.
    public var gatewayErrorHangupTotal: Int?
    /// `calling_count`: calls being dialled now.
    public var callingCount: Int?
    /// `answering_count`: calls in conversation now.
    public var answeringCount: Int?

    public init(lineID: String? = nil, lineName: String? = nil) {
        self.lineID = lineID
        self.lineName = lineName
    }

    /// The counters by their platform keys, in a fixed order, leaving out those not sent.
    public var counters: [(key: String, value: Int)] {
        let all: [(String, Int?)] = [
            ("limit", limit), ("dialed_number_total", dialedNumberTotal), ("answer_total", answerTotal),
            ("normal_hangup_total", normalHangupTotal), ("gateway_error_hangup_total", gatewayErrorHangupTotal),
            ("calling_count", callingCount), ("answering_count", answeringCount),
        ]
        return all.compactMap { key, value in value.map { (key, $0) } }
    }

    private enum CodingKeys: String, CodingKey {
        case lineID = "line_id"
        case lineName = "line_name"
        case limit
        case dialedNumberTotal = "dialed_number_total"
        case answerTotal = "answer_total"
        case normalHangupTotal = "normal_hangup_total"
        case gatewayErrorHangupTotal = "gateway_error_hangup_total"
        case callingCount = "calling_count"
        case answeringCount = "answering_count"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        func number(_ key: CodingKeys) -> Int? {
            guard let value = try? c.decodeIfPresent(LenientInt.self, forKey: key), value.isNumber else { return nil }
            return value.value
        }
        lineID = (try? c.decodeIfPresent(LenientString.self, forKey: .lineID))?.value
        lineName = (try? c.decodeIfPresent(LenientString.self, forKey: .lineName))?.value
        limit = number(.limit)
        dialedNumberTotal = number(.dialedNumberTotal)
        answerTotal = number(.answerTotal)
        normalHangupTotal = number(.normalHangupTotal)
        gatewayErrorHangupTotal = number(.gatewayErrorHangupTotal)
        callingCount = number(.callingCount)
        answeringCount = number(.answeringCount)
    }
}
