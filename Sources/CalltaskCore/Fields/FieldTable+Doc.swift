import CalltaskModels
import Foundation

extension FieldTable {
    /// What docs/fields.md's table says about a field, cell by cell (Markdown). The write key is the
    /// row's path and "Required" follows `requiredInBody` unless `required` says more.
    public struct Doc: Sendable, Hashable {
        /// The JSON type the update body carries (and the names a spec may write instead of codes).
        public var writeType: String
        /// Where a GET answer carries the field, and its type there: starts with `list` when the task
        /// list returns it, `detail` when only the detail call does (checked against `inList`).
        public var readBack: String
        /// How the spec's and the live value are found equal.
        public var compare: String
        /// What the update body carries when a spec leaves the field out.
        public var leftOut: String
        /// The "Required" cell, when a plain yes/no says too little.
        public var required: String?
        /// Where the facts come from: seed 000 / 001, facts §n, assumptions A*n*.
        public var source: String

        public init(
            writeType: String, readBack: String, compare: String, leftOut: String = "kept from live",
            required: String? = nil, source: String
        ) {
            self.writeType = writeType
            self.readBack = readBack
            self.compare = compare
            self.leftOut = leftOut
            self.required = required
            self.source = source
        }
    }

    /// The `task_extras` object itself, a line of the top-level table (its fields have rows of their own).
    static let extrasBlockDoc = Doc(
        writeType: "object", readBack: "list and detail (`new_task_extra`, `task_extras`)", compare: "per field, below",
        leftOut: "per field, below", required: "**yes**", source: "001, facts §2.3")

    /// How the generated part of docs/fields.md opens; it ends with `markdownEnd`.
    public static let markdownBegin =
        "<!-- BEGIN GENERATED FIELD TABLE: from Sources/CalltaskCore/Fields/FieldTable+Rows.swift; do not edit by hand. "
        + "Regenerate: RECORD_FIELDS_DOC=1 swift test --filter FieldsDoc -->"
    public static let markdownEnd = "<!-- END GENERATED FIELD TABLE -->"

    /// The two tables of docs/fields.md (top-level fields, then `task_extras` fields), with their headings,
    /// between the begin and end markers.
    public func markdown() -> String {
        let header = "| Write key | Write type | Read back (type there) | Compare | Spec leaves it out | Required | Source |\n"
            + "| --- | --- | --- | --- | --- | --- | --- |\n"
        func line(_ path: String, _ doc: Doc, required: Bool) -> String {
            let cells = ["`\(path)`", doc.writeType, doc.readBack, doc.compare, doc.leftOut,
                         doc.required ?? (required ? "**yes**" : "no"), doc.source]
            return "| " + cells.joined(separator: " | ") + " |\n"
        }
        var out = Self.markdownBegin + "\n\n## Top-level fields\n\n" + header
        for field in fields where !field.inExtras { out += line(field.path, field.doc, required: field.requiredInBody) }
        out += line(TaskConfig.CodingKeys.taskExtras.rawValue, Self.extrasBlockDoc, required: true)
        out += "\n## `task_extras` fields\n\n" + header
        for field in fields where field.inExtras { out += line(field.path, field.doc, required: field.requiredInBody) }
        return out + "\n" + Self.markdownEnd
    }

    /// `text` (docs/fields.md) with its generated part replaced by `markdown()`, or nil when the
    /// markers are missing.
    public func replacingMarkdown(in text: String) -> String? {
        guard let begin = text.range(of: Self.markdownBegin.prefix(while: { $0 != ":" })),
              let end = text.range(of: Self.markdownEnd, range: begin.upperBound..<text.endIndex) else { return nil }
        return String(text[..<begin.lowerBound]) + markdown() + String(text[end.upperBound...])
    }
}
