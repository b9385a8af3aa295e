import CalltaskCore
import CalltaskModels
import Testing

/// `calltask show NAME_OR_UUID…`: finding live tasks by uuid or exact name.
struct TaskLookupTests {
    static let live = [
        MatcherTests.live("u-1", "spring-sale-followup"), MatcherTests.live("u-2", "legacy-collections"),
        MatcherTests.live("u-3", "twin"), MatcherTests.live("u-4", "twin"), MatcherTests.live("u-5", nil),
    ]

    @Test("a uuid or a unique name finds its task, in the order given, each once")
    func found() {
        let (uuids, problems) = TaskLookup.resolve(["legacy-collections", "u-5", "u-1", "spring-sale-followup"], in: Self.live)
        #expect(uuids == ["u-2", "u-5", "u-1"])
        #expect(problems.isEmpty)
    }

    @Test("a name that matches nothing lists the closest names; a shared name lists its uuids")
    func problems() {
        let (uuids, problems) = TaskLookup.resolve(["spring-sale-folowup", "twin", "u-1"], in: Self.live)
        #expect(uuids == ["u-1"])
        #expect(problems == [
            .notFound(selector: "spring-sale-folowup", closest: ["spring-sale-followup", "legacy-collections", "twin"]),
            .ambiguous(selector: "twin", uuids: ["u-3", "u-4"]),
        ])
        #expect(problems.first?.description
            == "no live task has the name or uuid 'spring-sale-folowup'; closest names: 'spring-sale-followup', 'legacy-collections', 'twin'")
        #expect(problems.last?.description == "the name 'twin' matches 2 live tasks: u-3, u-4; name one by its uuid")
        #expect(TaskLookup.resolve(["x"], in: []).problems.first?.description == "no live task has the name or uuid 'x'; the account has no tasks")
    }

    @Test("the run state in the docs' words: enable decides paused; call_status tells dialing from not",
          arguments: [(true, true, "dialing"), (true, false, "enabled but not dialing"), (false, true, "paused"),
                      (false, false, "paused"), (false, nil, "paused"), (true, nil, "enabled (dialer state unknown)")])
    func runState(enable: Bool, callStatus: Bool?, words: String) {
        #expect(RunState(enable: enable, callStatus: callStatus).description == words)
    }
}
