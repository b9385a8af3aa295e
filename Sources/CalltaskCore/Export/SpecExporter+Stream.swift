extension SpecExporter {
    /// Exported files as one YAML stream: each file's text is one document, separated by `---` lines
    /// (`export --out -`). The stream loads back as the same specs: one task per document.
    public static func stream(_ files: [File]) -> String {
        var out = ""
        for (index, file) in files.enumerated() {
            if index > 0 { out += "---\n" }
            out += file.text
            if !file.text.hasSuffix("\n") { out += "\n" }
        }
        return out
    }
}
