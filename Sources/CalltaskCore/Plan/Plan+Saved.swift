import Foundation

extension Plan {
    /// Why a saved plan file cannot be used.
    public enum SavedPlanError: Error, Hashable, Sendable {
        /// The file is not JSON of a calltask plan (`detail` says where it failed).
        case notAPlan(detail: String)
        /// The plan was written in another format version than `Plan.currentFormatVersion`.
        case otherFormat(found: Int)
    }

    /// Reads a plan saved by `plan --out FILE`. The format version is read first, so a plan of another
    /// version is told as such (not as a malformed file) even when its shape differs.
    public static func decodeSaved(_ data: Data) throws(SavedPlanError) -> Plan {
        struct Version: Decodable {
            var formatVersion: Int
            enum CodingKeys: String, CodingKey { case formatVersion = "format_version" }
        }
        let decoder = JSONDecoder()
        let version: Version
        do {
            version = try decoder.decode(Version.self, from: data)
        } catch {
            throw .notAPlan(detail: "\(error)")
        }
        guard version.formatVersion == currentFormatVersion else { throw .otherFormat(found: version.formatVersion) }
        do {
            return try decoder.decode(Plan.self, from: data)
        } catch {
            throw .notAPlan(detail: "\(error)")
        }
    }
}
