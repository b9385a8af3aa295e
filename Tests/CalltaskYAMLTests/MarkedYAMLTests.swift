import CalltaskTestSupport
import CalltaskYAML
import Testing

/// `Testing` has a `SourceLocation` too; in this module the name means ours.
typealias SourceLocation = CalltaskYAML.SourceLocation

struct MarkedYAMLTests {
    @Test("strips markers and reports their positions in Unicode scalars")
    func stripsMarkers() {
        let yaml = MarkedYAML("a: 1️⃣1\n名前: 2️⃣[\n🔟x")
        #expect(yaml.text == "a: 1\n名前: [\nx")
        #expect(yaml.location("1️⃣", file: "f") == SourceLocation(file: "f", line: 1, column: 4))
        #expect(yaml.location("2️⃣", file: "f") == SourceLocation(file: "f", line: 2, column: 5))
        #expect(yaml.location("🔟", file: "f") == SourceLocation(file: "f", line: 3, column: 1))
    }

    @Test("a marker at the end of the text points one past the last character")
    func markerAtEnd() {
        let yaml = MarkedYAML("a: [1️⃣")
        #expect(yaml.text == "a: [")
        #expect(yaml.markers["1️⃣"]?.line == 1)
        #expect(yaml.markers["1️⃣"]?.column == 5)
    }
}
