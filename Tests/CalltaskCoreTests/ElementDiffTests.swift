@testable import CalltaskCore
import Testing

/// Lists and objects diffed element by element: keyed, by value, ordered (moves) and as sets.
struct ElementDiffTests {
    static func rule(_ sort: Int, _ script: Int, _ values: [String] = ["a"]) -> PlanValue {
        .object(["sort": .int(sort), "destination_extension": .int(script), "values": .list(values.map(PlanValue.string))])
    }

    @Test("keyed ordered list: a part changed, an element added, one removed, one moved")
    func keyed() throws {
        let old = PlanValue.list([Self.rule(1, 10), Self.rule(2, 20), Self.rule(3, 30)])
        let new = PlanValue.list([Self.rule(3, 30), Self.rule(1, 11), Self.rule(4, 40)])
        let changes = try #require(ElementDiff.changes(old: old, new: new, key: "sort", ordered: true))
        #expect(changes == [
            ElementChange(kind: .removed, at: "[sort: 2]", old: Self.rule(2, 20), from: 1),
            ElementChange(kind: .changed, at: "[sort: 1].destination_extension", old: .int(10), new: .int(11)),
            ElementChange(kind: .added, at: "[sort: 4]", new: Self.rule(4, 40), to: 2),
            ElementChange(kind: .moved, at: "[sort: 1]", old: Self.rule(1, 10), new: Self.rule(1, 11), from: 0, to: 1),
        ])
    }

    @Test("a key twice on one side: matched by whole values instead")
    func duplicateKeys() throws {
        let old = PlanValue.list([Self.rule(1, 10), Self.rule(1, 20)])
        let new = PlanValue.list([Self.rule(1, 10)])
        let changes = try #require(ElementDiff.changes(old: old, new: new, key: "sort", ordered: true))
        #expect(changes == [ElementChange(kind: .removed, at: "[1]", old: Self.rule(1, 20), from: 1)])
    }

    @Test("unkeyed ordered list: a value removed at one place and added at another is a move")
    func unkeyedMove() throws {
        let old = PlanValue.list([.string("a"), .string("b"), .string("c")])
        let new = PlanValue.list([.string("c"), .string("a"), .string("b")])
        let changes = try #require(ElementDiff.changes(old: old, new: new, key: nil, ordered: true))
        #expect(changes == [ElementChange(kind: .moved, at: "[2]", old: .string("c"), new: .string("c"), from: 2, to: 0)])
    }

    @Test("set: order means nothing; elements added and removed")
    func set() throws {
        let changes = try #require(ElementDiff.changes(old: .list([.int(1), .int(2), .int(6)]), new: .list([.int(2), .int(1), .int(4)]),
                                                       key: nil, ordered: false))
        #expect(changes == [ElementChange(kind: .removed, at: "", old: .int(6)), ElementChange(kind: .added, at: "", new: .int(4))])
    }

    @Test("keyed set of scalars and objects: a line's limit changed, a bare id given a limit")
    func lines() throws {
        let old = PlanValue.list([.object(["id": .string("L1"), "limit": .int(5)]), .string("L2")])
        let new = PlanValue.list([.object(["id": .string("L1"), "limit": .int(9)]), .object(["id": .string("L2"), "limit": .int(1)])])
        let changes = try #require(ElementDiff.changes(old: old, new: new, key: "id", ordered: false))
        #expect(changes == [
            ElementChange(kind: .changed, at: "[id: \"L1\"].limit", old: .int(5), new: .int(9)),
            ElementChange(kind: .changed, at: "[id: \"L2\"]", old: .string("L2"), new: .object(["id": .string("L2"), "limit": .int(1)])),
        ])
    }

    @Test("object: each part that differs, a nested list element by element")
    func object() throws {
        let old = PlanValue.object(["dial_mode": .string("round_robin"), "list": .list([Self.rule(1, 10)])])
        let new = PlanValue.object(["dial_mode": .string("random"), "list": .list([Self.rule(1, 10), Self.rule(2, 20)])])
        let changes = try #require(ElementDiff.changes(old: old, new: new, key: "sort", ordered: true))
        #expect(changes == [
            ElementChange(kind: .changed, at: "dial_mode", old: .string("round_robin"), new: .string("random")),
            ElementChange(kind: .added, at: "list[sort: 2]", new: Self.rule(2, 20), to: 1),
        ])
    }

    @Test("scalars are not diffed element by element")
    func scalars() {
        #expect(ElementDiff.changes(old: .int(1), new: .int(2), key: nil, ordered: true) == nil)
    }

    @Test("a coded name shows bare; text that YAML would read otherwise is quoted; keys in spec order",
          arguments: [
              (PlanValue.string("sequential"), "sequential"), (.string("true"), "\"true\""), (.string("09:00"), "\"09:00\""),
              (.string("Sequential"), "\"Sequential\""), (.string(""), "\"\""), (.string("a b"), "\"a b\""),
              (.object(["end": .string("x"), "start": .string("a")]), "{start: a, end: x}"),
          ])
    func description(value: PlanValue, shown: String) {
        #expect(value.description == shown)
    }
}
