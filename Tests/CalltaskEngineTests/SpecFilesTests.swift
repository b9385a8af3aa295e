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

    @Test("a directory without spec files is an error naming it, even next to one that has them")
    func emptyDirectory() throws {
        let root = try Self.directory()
        defer { try? FileManager.default.removeItem(at: root) }
        let empty = root.appendingPathComponent("empty")
        let specs = root.appendingPathComponent("specs")
        for directory in [empty, specs, root.appendingPathComponent("specs/.hidden")] {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        }
        try Data("name: a\n".utf8).write(to: specs.appendingPathComponent("a.yaml"))
        try Data("name: b\n".utf8).write(to: specs.appendingPathComponent(".hidden/b.yaml"))
        try Data("x".utf8).write(to: empty.appendingPathComponent("notes.txt"))
        try Data("specs: [.]\n".utf8).write(to: empty.appendingPathComponent("calltask.yaml"))

        let alone = SpecSet.load([empty.path], workingDirectory: root.path)
        #expect(alone.hasErrors)
        #expect(alone.diagnostics.map(\.description) == ["error: no spec files (*.yaml, *.yml) in \(empty.path)"])
        #expect(alone.diagnostics.first?.hint == "check the path; hidden directories and calltask.yaml are not read")

        let both = SpecSet.load([specs.path, empty.path], workingDirectory: root.path)
        #expect(both.specs.count == 1)
        #expect(both.hasErrors)
        #expect(both.diagnostics.map(\.message) == ["no spec files (*.yaml, *.yml) in \(empty.path)"])
    }

    @Test("spec files that hold no task are an error naming the paths")
    func noTasks() throws {
        let root = try Self.directory()
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("# only a comment\n---\n".utf8).write(to: root.appendingPathComponent("a.yaml"))
        let set = SpecSet.load([root.path], workingDirectory: root.path)
        #expect(set.hasErrors)
        #expect(set.diagnostics.map(\.message) == ["no task specs in \(root.path)"])
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
