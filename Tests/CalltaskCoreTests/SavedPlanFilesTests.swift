import CalltaskCore
import CalltaskModels
import Foundation
import Testing

/// Saved plans name their spec files by a normalized path with a hash each, so `apply --plan` accepts
/// any spelling of the same paths and names the file that really changed.
struct SavedPlanFilesTests {
    @Test("every spelling of the same file normalizes to one path: relative under the working directory, else absolute",
          arguments: [
            ("examples/a.yaml", "examples/a.yaml"), ("./examples/a.yaml", "examples/a.yaml"),
            ("examples//a.yaml", "examples/a.yaml"), ("examples/./x/../a.yaml", "examples/a.yaml"),
            ("/work/repo/examples/a.yaml", "examples/a.yaml"), ("/work/repo/./examples/a.yaml", "examples/a.yaml"),
            ("../other/b.yaml", "/work/other/b.yaml"), ("/etc/specs/c.yaml", "/etc/specs/c.yaml"),
            ("/work/repository/d.yaml", "/work/repository/d.yaml"), ("../../../../e.yaml", "/e.yaml"),
          ])
    func normalize(path: String, expected: String) {
        #expect(SpecPath.normalize(path, workingDirectory: "/work/repo") == expected)
        #expect(SpecPath.normalize(path, workingDirectory: "/work/repo/") == expected)
    }

    @Test("the differences between two file lists: changed, added, removed, each sorted")
    func differences() {
        let saved = [SpecFileDigest(path: "a.yaml", hash: "1"), SpecFileDigest(path: "b.yaml", hash: "2"),
                     SpecFileDigest(path: "c.yaml", hash: "3")]
        let now = [SpecFileDigest(path: "a.yaml", hash: "1"), SpecFileDigest(path: "b.yaml", hash: "9"),
                   SpecFileDigest(path: "d.yaml", hash: "4")]
        let (changed, added, removed) = SpecFileDigest.differences(from: saved, to: now)
        #expect(changed == ["b.yaml"] && added == ["d.yaml"] && removed == ["c.yaml"])
        #expect(SpecFileDigest(path: "x", bytes: Array("name: a\n".utf8)) == SpecFileDigest(path: "x", bytes: Array("name: a\n".utf8)))
        #expect(SpecFileDigest(path: "x", bytes: Array("name: a\n".utf8)).hash != SpecFileDigest(path: "x", bytes: Array("name: b\n".utf8)).hash)
    }

    static func plan(hash: String, files: [SpecFileDigest]) -> Plan {
        var plan = Plan(account: "account: h user_id=u sub_user_id=—", specHash: hash, tasks: [], unmatched: [], unmanaged: [],
                        notes: [], requests: 1)
        plan.specFiles = files
        return plan
    }

    @Test("a refusal names the changed, new and missing files")
    func refusalNamesFiles() {
        let saved = Self.plan(hash: "h1", files: [SpecFileDigest(path: "specs/a.yaml", hash: "1"), SpecFileDigest(path: "specs/b.yaml", hash: "2")])
        let fresh = Self.plan(hash: "h2", files: [SpecFileDigest(path: "specs/a.yaml", hash: "5"), SpecFileDigest(path: "specs/c.yaml", hash: "3")])
        guard case .failure(let refusal) = SavedPlanCheck.check(saved, fresh: fresh, specHash: "h2") else {
            Issue.record("expected a refusal")
            return
        }
        #expect(refusal == .specsChanged(changed: ["specs/a.yaml"], added: ["specs/c.yaml"], removed: ["specs/b.yaml"]))
        #expect(refusal.description == "the spec files changed since the plan was made (changed: specs/a.yaml; "
                + "new: specs/c.yaml; missing: specs/b.yaml). Nothing was applied; plan again.")
        #expect(throws: Never.self) { try SavedPlanCheck.check(saved, fresh: saved, specHash: "h1").get() }
    }

    @Test("a saved plan reads back; a plan of format 1 is refused as another format, not as a malformed file")
    func formatVersion() throws {
        var plan = Self.plan(hash: "h", files: [SpecFileDigest(path: "a.yaml", hash: "1")])
        #expect(plan.formatVersion == Plan.currentFormatVersion && Plan.currentFormatVersion == 3)
        let data = Data(PlanRenderer.json(plan).utf8)
        #expect(try Plan.decodeSaved(data) == plan)
        #expect(PlanRenderer.json(plan).contains("\"spec_files\""))

        plan.formatVersion = 1
        var old = try #require(try JSONSerialization.jsonObject(with: Data(PlanRenderer.json(plan).utf8)) as? [String: Any])
        old["spec_files"] = nil  // a format 1 plan has no spec_files
        let oldData = try JSONSerialization.data(withJSONObject: old)
        #expect(throws: Plan.SavedPlanError.otherFormat(found: 1)) { try Plan.decodeSaved(oldData) }
        #expect {
            try Plan.decodeSaved(Data("{\"tasks\": []}".utf8))
        } throws: { error in
            if case .notAPlan = error as? Plan.SavedPlanError { return true }
            return false
        }
    }
}
