/// Why an `AccountSettings` value was refused before any request was sent.
public enum AccountSettingsError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The endpoint is not an absolute `http://` or `https://` URL with a host.
    case invalidEndpoint(String)
    /// The endpoint uses plain HTTP for a host that is not loopback: the token would cross the network in clear.
    case insecureEndpoint(String)
    /// The user id is empty or is not a single path segment.
    case invalidUserID(String)
    /// The sub-account id is empty or contains characters that cannot be sent as-is.
    case invalidSubUserID(String)
    /// The token is empty.
    case emptyToken
    /// The resume path template is not a path containing `{task_id}`.
    case invalidResumePath(String)

    public var description: String {
        switch self {
        case .invalidEndpoint(let endpoint):
            return "invalid endpoint '\(endpoint)': expected an absolute URL such as https://ai.api.longlonglong.cn"
        case .insecureEndpoint(let endpoint):
            return "refusing plain HTTP endpoint '\(endpoint)': the token would be sent unencrypted; "
                + "use https:// (plain http:// is allowed only for 127.0.0.1, localhost and ::1)"
        case .invalidUserID(let id):
            return "invalid user id '\(id)': expected the main account's id, e.g. 5832d184-dd53-42a0-8ace-0bf8d660f4cc"
        case .invalidSubUserID(let id):
            return "invalid sub user id '\(id)': expected a sub-account id, or leave the setting out"
        case .emptyToken:
            return "the API token is empty: set CALLTASK_TOKEN or point --token-file at a file holding the token"
        case .invalidResumePath(let path):
            return "invalid resume path '\(path)': expected a path starting with '/' that contains {task_id}, "
                + "e.g. /agent-api/new/user/{user_id}/task_start/{task_id}"
        }
    }
}
