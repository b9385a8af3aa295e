import CalltaskCore
import CalltaskEngine
import CalltaskYAML
import Foundation
import Testing

/// Reading spec files: the size limit is checked before the bytes are read, and every failure is located.
struct SpecFilesTests {
    static func directory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("calltask-specfiles-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("files are read in sorted order; an oversized one is an error naming its size and the limit")
    func sizeLimit() throws {
        let root = try Self.directory()
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("name: b\n".utf8).write(to: root.appendingPathComponent("b.yaml"))
        try Data("name: a\n".utf8).write(to: root.appendingPathComponent("a.yml"))
        try Data(String(repeating: "x", count: 40).utf8).write(to: root.appendingPathComponent("big.yaml"))
        let found = SpecFiles.read([root.path], maxFileBytes: 20)
        #expect(found.files.map { URL(fileURLWithPath: $0.path).lastPathComponent } == ["a.yml", "b.yaml"])
        #expect(found.files.first?.bytes == Array("name: a\n".utf8))
        #expect(found.diagnostics.map(\.description) == [
            "\(root.path)/big.yaml:1:1: error: file is 40 bytes, above the limit of 20 bytes",
        ])
    }

    @Test("a path that does not exist is an error, and the other paths are still read")
    func missing() throws {
        let root = try Self.directory()
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("name: a\n".utf8).write(to: root.appendingPathComponent("a.yaml"))
        let found = SpecFiles.read([root.appendingPathComponent("nope.yaml").path, root.path])
        #expect(found.files.count == 1)
        #expect(found.diagnostics.map(\.message) == ["no such file or directory: \(root.path)/nope.yaml"])
    }

    @Test("the spec hash and file list do not depend on how the paths are spelled; a file named twice is read once")
    func spellings() throws {
        let root = try Self.directory()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("specs"), withIntermediateDirectories: true)
        try Data("name: a\n".utf8).write(to: root.appendingPathComponent("specs/a.yaml"))
        try Data("name: b\n".utf8).write(to: root.appendingPathComponent("specs/b.yaml"))
        // Absolute spellings only: the test process's working directory is shared with parallel tests.
        let here = root.path
        let reference = SpecSet.load([here + "/specs"], workingDirectory: here)
        #expect(reference.files.map(\.path) == ["specs/a.yaml", "specs/b.yaml"])
        for spelling in [[here + "/specs/"], [here + "/./specs"], [here + "//specs"],
                         [here + "/specs/b.yaml", here + "/specs/../specs/a.yaml"], [here + "/specs", here + "/specs/./a.yaml"]] {
            let set = SpecSet.load(spelling, workingDirectory: here)
            #expect(set.hash == reference.hash, "\(spelling)")
            #expect(set.files == reference.files, "\(spelling)")
            #expect(set.specs.count == 2 && set.diagnostics.isEmpty, "\(spelling): \(set.diagnostics)")
        }
        try Data("name: b2\n".utf8).write(to: root.appendingPathComponent("specs/b.yaml"))
        let changed = SpecSet.load([here + "/specs"], workingDirectory: here)
        #expect(changed.hash != reference.hash)
        #expect(SpecFileDigest.differences(from: reference.files, to: changed.files).changed == ["specs/b.yaml"])
    }
}
