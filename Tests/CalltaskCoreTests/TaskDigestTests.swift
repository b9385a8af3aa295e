import CalltaskCore
import CalltaskModels
import CalltaskYAML
import Foundation
import Testing

/// The reviewed-plan digest: SHA-256 against the FIPS 180-4 examples; what changes a digest and what
/// does not; and reading the digests back from a plan's JSON and Markdown forms.
struct TaskDigestTests {
    @Test("SHA-256 matches the published test vectors")
    func sha256Vectors() {
        #expect(SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hex(Array(repeating: UInt8(ascii: "a"), count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    static func loaded(_ text: String, path: String = "tasks/a.yaml") -> LoadedSpec? {
        SpecLoader.load([SourceFile(path: path, text: text)]).specs.first
    }

    @Test("the digest covers identity and desired values, not the file's layout")
    func whatCounts() throws {
        let base = try #require(Self.loaded("uuid: u-1\nmaximumcall: 4\ntask_extras:\n  work_week: [1, 2]\n"))
        let digest = TaskDigest.of(base)
        #expect(digest.count == 32)
        // Same values, other layout (comments, order of a set, ./ prefix): same digest.
        let relaid = try #require(Self.loaded("# a comment\ntask_extras: {work_week: [2, 1]}\nmaximumcall: 4\nuuid: u-1\n", path: "./tasks/a.yaml"))
        #expect(TaskDigest.of(relaid) == digest)
        // Any change of a desired value, of `enable`, of the identity or of the file: another digest.
        for other in ["uuid: u-1\nmaximumcall: 5\ntask_extras:\n  work_week: [1, 2]\n",
                      "uuid: u-1\nenable: true\nmaximumcall: 4\ntask_extras:\n  work_week: [1, 2]\n",
                      "uuid: u-2\nmaximumcall: 4\ntask_extras:\n  work_week: [1, 2]\n"] {
            #expect(TaskDigest.of(try #require(Self.loaded(other))) != digest, "\(other)")
        }
        #expect(TaskDigest.of(try #require(Self.loaded("uuid: u-1\nmaximumcall: 4\ntask_extras:\n  work_week: [1, 2]\n", path: "tasks/b.yaml"))) != digest)
    }

    @Test("reviewed digests read from the JSON plan (updates and creates only) and from the Markdown comment")
    func reviewedForms() throws {
        var plan = try PlanRendererTests.fixture()
        plan.tasks = plan.tasks.map { task in
            var task = task
            task.digest = String(repeating: task.uuid.last.map(String.init) ?? "0", count: 32)
            return task
        }
        let updates = Set((plan.toUpdate + plan.toCreate).map(\.digest))
        #expect(updates.count == 3)
        #expect(TaskDigest.reviewed(in: PlanRenderer.json(plan)) == updates)
        #expect(TaskDigest.reviewed(in: PlanRenderer.markdown(plan)) == updates)
        #expect(TaskDigest.reviewed(in: "LGTM") == nil)
        #expect(TaskDigest.reviewed(in: "<!-- calltask-digests:\n-->") == [])
    }
}
