public import CalltaskYAML
import Testing

/// YAML text with markers (`1️⃣`, `2️⃣`, … `9️⃣`, `🔟`) where diagnostics must point, swift-format's
/// marker idea applied to YAML.
///
/// The markers are stripped from `text`; each one's position is kept as the line and column (1-based,
/// columns in Unicode scalars, libyaml's unit) of the character that followed it. No hand-counted columns:
///
/// ```swift
/// let yaml = MarkedYAML("名前: 1️⃣[")
/// let result = YAMLParser.parse(yaml.bytes, file: "a.yaml")
/// #expect(result.diagnostics.first?.location == yaml.location("1️⃣", file: "a.yaml"))
/// ```
public struct MarkedYAML: Sendable {
    /// The YAML without its markers.
    public let text: String
    /// Marker → (line, column), 1-based.
    public let markers: [String: (line: Int, column: Int)]

    /// The text as UTF-8 bytes, what `YAMLParser.parse` and `SourceFile` take.
    public var bytes: [UInt8] { Array(text.utf8) }

    public init(_ marked: String) {
        var out = String.UnicodeScalarView()
        var markers: [String: (line: Int, column: Int)] = [:]
        var line = 1
        var column = 1
        let scalars = Array(marked.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            // A keycap marker: digit, U+FE0F (emoji presentation), U+20E3 (combining keycap).
            if ("1"..."9").contains(scalar), index + 2 < scalars.count,
               scalars[index + 1] == "\u{FE0F}", scalars[index + 2] == "\u{20E3}" {
                markers[String(String.UnicodeScalarView(scalars[index...index + 2]))] = (line, column)
                index += 3
                continue
            }
            if scalar == "\u{1F51F}" {  // 🔟
                markers["🔟"] = (line, column)
                index += 1
                continue
            }
            out.append(scalar)
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index += 1
        }
        self.text = String(out)
        self.markers = markers
    }

    /// Where `marker` stood, as a location in `file`. Records an issue when the text has no such marker.
    public func location(
        _ marker: String, file: String,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) -> CalltaskYAML.SourceLocation {
        guard let position = markers[marker] else {
            Issue.record("the YAML has no marker \(marker)", sourceLocation: sourceLocation)
            return CalltaskYAML.SourceLocation(file: file, line: 0, column: 0)
        }
        return CalltaskYAML.SourceLocation(file: file, line: position.line, column: position.column)
    }
}
