/// A file's path and bytes: the core never opens files itself.
public struct SourceFile: Sendable, Hashable {
    /// The path as the user named it, used in every location.
    public var path: String
    public var bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }
}
