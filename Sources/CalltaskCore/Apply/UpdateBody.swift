public import CalltaskModels

/// Builds the update (PUT) body: the live task's detail with the spec's fields laid over it.
///
/// Nothing the spec leaves out changes, even on a server that resets omitted fields: every field the
/// detail returned is carried. A field the update must carry (seed 001: name, destination_extension,
/// dial_time_id, maximumcall, start/stop time, and `line` and `holiday` as arrays) whose live value is
/// unknown and which the spec does not set is an error naming the field: an empty value is never guessed.
public enum UpdateBody {
    public struct MissingFields: Error, Hashable, Sendable, CustomStringConvertible {
        public var fields: [String]
        public var description: String {
            "the update must carry " + fields.joined(separator: ", ")
                + " but the live task's detail does not return " + (fields.count == 1 ? "it" : "them")
                + " and the spec does not set " + (fields.count == 1 ? "it" : "them")
                + "; set " + (fields.count == 1 ? "it" : "them") + " in the spec"
        }
    }

    /// - Parameter desired: the spec's fields as written (their order is the spec's).
    public static func build(live: NormalizedTask, desired: TaskConfig) -> Result<TaskConfig, MissingFields> {
        var body = live.asRead
        // docs/fields.md A7: 0 means "not set" for these two ids, and an unset id is left out of the
        // body, not sent as 0 (a spec that writes 0 itself still sends it: the overlay comes after).
        if body.llmIntentionId?.value == 0, body.llmIntentionId?.text == nil { body.llmIntentionId = nil }
        if body.scoreSchemeId?.value == 0, body.scoreSchemeId?.text == nil { body.scoreSchemeId = nil }
        for field in FieldTable.fields { field.copy(&body, desired) }
        let missing = FieldTable.fields.filter { $0.requiredInBody && !$0.isSet(body) }.map(\.path)
        guard missing.isEmpty else { return .failure(MissingFields(fields: missing)) }
        return .success(body)
    }
}
