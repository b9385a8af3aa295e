import CalltaskCore
import CalltaskModels
import CalltaskTestSupport
import CalltaskYAML
import Foundation
import Testing

/// Every file in `Fixtures/invalid/` against the diagnostics written in its header (see the README there).
struct InvalidSpecCatalogueTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures").appendingPathComponent("invalid")

    static let fixtures: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted()
    }()

    /// Loads and validates one file as `calltask validate` does; the rendered text and the diagnostics.
    static func check(_ name: String) throws -> (rendered: String, diagnostics: [Diagnostic], bytes: [UInt8]) {
        let data = try Data(contentsOf: folder.appendingPathComponent(name))
        let bytes = [UInt8](data)
        let loaded = SpecLoader.load([SourceFile(path: name, bytes: bytes)])
        let diagnostics = Diagnostic.sortedByLocation(loaded.diagnostics + Validator.validate(loaded.specs))
        return (DiagnosticRenderer.text(diagnostics, sources: [name: bytes]), diagnostics, bytes)
    }

    /// The `# expect:`, `#   hint:` and `#   note:` lines of the file's header.
    static func expectations(in bytes: [UInt8]) -> [String] {
        var out: [String] = []
        for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("#") else { break }
            for prefix in ["# expect: ", "#   hint: ", "#   note: "] where line.hasPrefix(prefix) {
                out.append(prefix.dropFirst(2).trimmingPrefixSpaces + String(line.dropFirst(prefix.count)))
            }
        }
        return out
    }

    /// The rendered diagnostics in the same form: first lines, hints and notes, without the file name.
    static func actual(_ rendered: String, file: String) -> [String] {
        var out: [String] = []
        for line in rendered.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix(file + ":") {
                out.append("expect: " + line.dropFirst(file.count + 1))
            } else if line.hasPrefix("   hint: ") {
                out.append("hint: " + line.dropFirst("   hint: ".count))
            } else if line.hasPrefix("   note: ") {
                var note = line.dropFirst("   note: ".count)
                if note.hasPrefix(file + ":") { note = note.dropFirst(file.count + 1) }
                out.append("note: " + note)
            }
        }
        return out
    }

    @Test("the catalogue holds at least 30 invalid specs")
    func catalogueSize() {
        #expect(Self.fixtures.count >= 30)
    }

    @Test("each invalid spec renders exactly the diagnostics written in its header", arguments: fixtures)
    func fixture(name: String) throws {
        let (rendered, diagnostics, bytes) = try Self.check(name)
        let expected = Self.expectations(in: bytes)
        #expect(!expected.isEmpty, "\(name) has no '# expect:' line")
        #expect(!diagnostics.isEmpty)
        #expect(Self.actual(rendered, file: name) == expected, "\(name) rendered:\n\(rendered)")
        // Every diagnostic of the catalogue is located in the file itself.
        for diagnostic in diagnostics {
            #expect(diagnostic.location?.file == name)
        }
    }

    @Test("a multi-error file reports all its errors in one run, sorted by line")
    func allErrorsAtOnce() throws {
        let (rendered, diagnostics, _) = try Self.check("multi-error.yaml")
        let errors = diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 9)
        let lines = errors.compactMap { $0.location?.line }
        #expect(lines == lines.sorted())
        #expect(Set(lines).count == lines.count)
        // Decoding errors, unknown keys and rule findings from both documents come out together.
        let kinds = errors.map(\.message)
        #expect(kinds.contains { $0.hasPrefix("expected a whole number") })
        #expect(kinds.contains { $0.hasPrefix("unknown key 'colour'") })
        #expect(kinds.contains { $0.hasSuffix("is above the maximum of 60 minutes") })
        #expect(kinds.contains { $0.hasPrefix("unknown key 'redial_intervall'") })
        #expect(DiagnosticRenderer.summary(diagnostics) == "calltask: 9 errors in 1 file")
        assertSnapshot(rendered, named: "multi-error")
    }

    @Test("quoted ids are still ids (docs/fields.md A2), while quoted numbers and flags are refused above")
    func quotedIdsPass() throws {
        let yaml = """
            name: spring-sale
            destination_extension: "102"
            dial_time_id: "7"
            task_extras:
              redial_enabled: false
              work_hour:
                - {wday: 1, begin: "09:00", end: "12:00"}

            """
        let loaded = SpecLoader.load([SourceFile(path: "ids.yaml", text: yaml)])
        let diagnostics = loaded.diagnostics + Validator.validate(loaded.specs)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(loaded.specs.first?.spec.config.destinationExtension == LenientInt(102))
        #expect(loaded.specs.first?.spec.config.dialTimeId == LenientInt(7))
    }

    @Test("the YAML decoder and the models name the spec-input flag with the same key")
    func specInputKey() {
        #expect(YAMLDecoder.specInputKey == SpecInput.userInfoKey)
    }

    @Test("the same input order never changes the output: diagnostics are sorted by location")
    func sortedOutputIsDeterministic() throws {
        let (_, diagnostics, _) = try Self.check("multi-error.yaml")
        #expect(Diagnostic.sortedByLocation(diagnostics.reversed()).map(\.location) == diagnostics.map(\.location))
    }
}

extension Substring {
    fileprivate var trimmingPrefixSpaces: String { String(drop { $0 == " " }) }
}
