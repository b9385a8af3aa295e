import CalltaskYAML
import Testing

/// The edit-distance suggestion behind "did you mean".
struct SuggestionTests {
    @Test("Levenshtein distance over Unicode scalars", arguments: [
        ("", "", 0), ("", "abc", 3), ("abc", "", 3), ("kitten", "sitting", 3), ("flaw", "lawn", 2),
        ("name", "nmae", 2), ("schedul", "schedule", 1), ("名前", "名字", 1), ("é", "e", 1),
    ])
    func editDistance(a: String, b: String, distance: Int) {
        #expect(Suggestion.editDistance(a, b) == distance)
        #expect(Suggestion.editDistance(b, a) == distance)
    }

    @Test("a close key is suggested", arguments: [
        ("maximumcal", "maximumcall"), ("redial_intervall", "redial_interval"), ("nmae", "name"),
        ("Name", "name"), ("task_extra", "task_extras"), ("popmode", "pop_mode"),
    ])
    func closeKey(word: String, expected: String) {
        let candidates = ["name", "maximumcall", "redial_interval", "redial_max_times", "task_extras", "pop_mode"]
        #expect(Suggestion.closest(to: word, in: candidates) == expected)
    }

    @Test("a far-fetched key gets no suggestion", arguments: ["colour", "x", "zzzz", "redial"])
    func farKey(word: String) {
        #expect(Suggestion.closest(to: word, in: ["name", "maximumcall", "task_extras", "redial_interval"]) == nil)
    }

    @Test("ties go to the alphabetically first candidate")
    func ties() {
        #expect(Suggestion.closest(to: "bat", in: ["cat", "bar"]) == "bar")
    }

    @Test("no candidates, no suggestion")
    func noCandidates() {
        #expect(Suggestion.closest(to: "name", in: [String]()) == nil)
    }

    @Test("a suggestion as far away as the word is long is not offered")
    func distanceMustBeBelowWordLength() {
        // EditDistance.swift: "a distance of at most 4 and less than the word's own length".
        #expect(Suggestion.closest(to: "ab", in: ["cd"]) == nil)
        #expect(Suggestion.closest(to: "a", in: ["b"]) == nil)
    }

    @Test("nearest(to:in:count:) ranks by distance, then name")
    func nearest() {
        #expect(Suggestion.nearest(to: "sale", in: ["spring-sale", "sales", "sail", "xyz"], count: 2) == ["sales", "sail"])
        #expect(Suggestion.nearest(to: "bat", in: ["xyz", "cat", "bar"], count: 3) == ["bar", "cat", "xyz"])
    }
}
