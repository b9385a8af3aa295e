/// The spec-input decoding mode: a spec a person wrote, where quoted values are always text (README).
///
/// The models read the platform's JSON leniently (it sends numbers and flags as strings: `"2"`,
/// `"1"`, `"09:00:00"`). A spec's decoder sets `userInfo[SpecInput.userInfoKey] = true` (the YAML
/// decoder does when `SpecLoader` loads specs), and the models then refuse a quoted number or boolean
/// where they expect one. Ids keep their documented exception (docs/fields.md A2: `"102"` is the id 102).
public enum SpecInput {
    /// The key of the flag. The YAML module does not know this module, so it creates the same key from
    /// the same string: keep this string equal to `YAMLDecoder.specInputKey`'s
    /// (Sources/CalltaskYAML/Decoding/YAMLDecoder.swift).
    public static let userInfoKey = CodingUserInfoKey(rawValue: "calltask.specInput")!

    /// The error for a quoted number or boolean: "expected a number, found the quoted text '2'", with the
    /// hint to remove the quotes (the YAML decoder says the same for the plain `Int` and `Bool` fields).
    static func quotedText(in container: any SingleValueDecodingContainer, expected: String, _ text: String) -> DecodingError {
        DecodingHint.dataCorrupted(
            in: container, "expected \(expected), found the quoted text '\(text)'", hint: "remove the quotes: quoted values are text")
    }
}

extension Decoder {
    /// Whether this decode reads a spec a person wrote (`SpecInput`).
    var isSpecInput: Bool { userInfo[SpecInput.userInfoKey] as? Bool == true }
}
