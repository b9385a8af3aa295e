/// The platform's answer envelope: `{code, status, message, data, meta}` (../api/facts.md §1.4).
public struct Envelope<Payload: Decodable & Sendable>: Decodable, Sendable {
    public var code: Int
    public var status: String?
    public var message: String?
    public var data: Payload?
    public var meta: PageMeta?

    private enum CodingKeys: String, CodingKey { case code, status, message, data, meta }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        code = try c.decode(LenientInt.self, forKey: .code).value
        status = try c.decodeIfPresent(String.self, forKey: .status)
        message = try c.decodeIfPresent(String.self, forKey: .message)
        meta = try c.decodeIfPresent(PageMeta.self, forKey: .meta)
        // An error envelope carries `"data": []` whatever the call's payload type is.
        if code == 200 {
            data = try c.decodeIfPresent(Payload.self, forKey: .data)
        } else {
            data = try? c.decodeIfPresent(Payload.self, forKey: .data)
        }
    }

    public var isSuccess: Bool { code == 200 }
}

/// Pagination of a list answer. `per_page` comes back as a string (`"15"`), hence the lenient types.
public struct PageMeta: Decodable, Hashable, Sendable {
    public var hasPages: Bool?
    public var total: Int
    public var lastPage: Int
    public var currentPage: Int
    public var perPage: Int

    public init(total: Int, lastPage: Int, currentPage: Int, perPage: Int, hasPages: Bool? = nil) {
        self.total = total
        self.lastPage = lastPage
        self.currentPage = currentPage
        self.perPage = perPage
        self.hasPages = hasPages
    }

    private enum CodingKeys: String, CodingKey {
        case total
        case hasPages = "has_pages"
        case lastPage = "last_page"
        case currentPage = "current_page"
        case perPage = "per_page"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        hasPages = try c.decodeIfPresent(LenientBool.self, forKey: .hasPages)?.value
        total = try c.decode(LenientInt.self, forKey: .total).value
        lastPage = try c.decode(LenientInt.self, forKey: .lastPage).value
        currentPage = try c.decodeIfPresent(LenientInt.self, forKey: .currentPage)?.value ?? 1
        perPage = try c.decodeIfPresent(LenientInt.self, forKey: .perPage)?.value ?? 0
    }
}

/// The platform's code for "task is running; pause it before updating" (seed 001, note 4).
public let taskRunningCode = 6007
