public import CalltaskModels

/// Builds the update (PUT) body: the live task's detail with the spec's fields laid over it, a loop
/// over the field table.
///
/// Nothing the spec leaves out changes, even on a server that resets omitted fields: every field the
/// detail returned is carried, except a live value that means "not set" (a row's `bodyOmits`: A7's
/// `llm_intention_id`/`score_scheme_id` 0), which is left out rather than sent back. A field the update
/// must carry (a row's `required`: seed 001's name, destination_extension, dial_time_id, maximumcall,
/// start/stop time, and `line` and `holiday` as arrays) whose live value is unknown and which the spec
/// does not set is an error naming the field: an empty value is never guessed.
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

    /// - Parameters:
    ///   - live: the task, normalized from its detail read (with the same table).
    ///   - desired: the spec's fields as written (their order is the spec's).
    public static func build(live: NormalizedTask, desired: TaskConfig, table: FieldTable = .standard) -> Result<TaskConfig, MissingFields> {
        var body = live.asRead
        // Unset live values are left out; a spec that writes such a value itself still sends it: the
        // overlay comes after.
        for omit in table.unsetLiveOmitters { omit(&body) }
        let fields = table.fields
        for index in fields.indices { fields[index].copy(&body, desired) }
        let missing = fields.filter { $0.requiredInBody && !$0.isSet(body) }.map(\.path)
        guard missing.isEmpty else { return .failure(MissingFields(fields: missing)) }
        return .success(body)
    }
}
