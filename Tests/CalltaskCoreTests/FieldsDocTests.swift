@testable import CalltaskCore
import Foundation
import Testing

/// docs/fields.md's table is generated from the field table (`FieldTable.markdown`), between marker
/// comments; the prose and assumptions around it are written by hand.
///
/// Regenerate after changing a row: `RECORD_FIELDS_DOC=1 swift test --filter FieldsDoc`.
struct FieldsDocTests {
    static let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../docs/fields.md").standardized

    @Test("docs/fields.md's field table is the code's (RECORD_FIELDS_DOC=1 swift test --filter FieldsDoc rewrites it)")
    func upToDate() throws {
        let text = try String(contentsOf: Self.url, encoding: .utf8)
        let generated = try #require(FieldTable.standard.replacingMarkdown(in: text),
                                     "docs/fields.md lacks the markers \(FieldTable.markdownBegin) … \(FieldTable.markdownEnd)")
        if ProcessInfo.processInfo.environment["RECORD_FIELDS_DOC"] == "1" {
            if generated != text { try generated.write(to: Self.url, atomically: true, encoding: .utf8) }
            return
        }
        let old = text.split(separator: "\n", omittingEmptySubsequences: false)
        let new = generated.split(separator: "\n", omittingEmptySubsequences: false)
        let first = zip(old, new).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(old.count, new.count)
        if generated != text {
            Issue.record("""
                docs/fields.md's field table differs from the code's (Sources/CalltaskCore/Fields/FieldTable+Rows.swift) \
                from line \(first + 1): \(first < old.count ? String(old[first]) : "(end)")
                regenerate it with: RECORD_FIELDS_DOC=1 swift test --filter FieldsDoc
                """)
        }
    }

    @Test("each row's doc cells agree with what the row does")
    func cellsAgreeWithRows() {
        for field in FieldTable.standard.fields {
            let doc = field.doc
            #expect(doc.readBack.hasPrefix(field.inList ? "list" : "detail"), "\(field.path): read back vs inList")
            if field.omitUnsetLive != nil {
                #expect(doc.leftOut.contains("omitted when 0"), "\(field.path): the body leaves out a live 0")
            }
            if let required = doc.required {
                #expect(required.contains("**") == field.requiredInBody, "\(field.path): required cell vs requiredInBody")
            }
            switch field.comparison {
            case .set: #expect(doc.compare.hasPrefix("set"), "\(field.path): compares as a set")
            case .redialStatuses: #expect(doc.compare.contains("codes"), "\(field.path)")
            case .value: #expect(!doc.compare.hasPrefix("set"), "\(field.path): compares as a value")
            }
            for cell in [doc.writeType, doc.readBack, doc.compare, doc.leftOut, doc.required ?? "", doc.source] {
                #expect(!cell.contains("|") && !cell.contains("\n"), "\(field.path): a cell breaks the Markdown table")
            }
        }
    }

    @Test("the generated part is replaced in place: text before and after it is kept")
    func replacesBetweenMarkers() throws {
        let text = "# Title\n\n" + FieldTable.markdownBegin + "\nold\n" + FieldTable.markdownEnd + "\n\nprose\n"
        let replaced = try #require(FieldTable.standard.replacingMarkdown(in: text))
        #expect(replaced.hasPrefix("# Title\n\n" + FieldTable.markdownBegin + "\n\n## Top-level fields\n"))
        #expect(replaced.hasSuffix("\n" + FieldTable.markdownEnd + "\n\nprose\n"))
        #expect(!replaced.contains("\nold\n"))
        #expect(FieldTable.standard.replacingMarkdown(in: "no markers") == nil)
    }
}
