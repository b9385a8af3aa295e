public import CalltaskYAML
public import CalltaskModels

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

/// A task spec together with where it came from, so every later finding can be located.
public struct LoadedSpec: Sendable {
    public var spec: TaskSpec
    /// The file and document start.
    public var location: SourceLocation
    /// The document's node tree, to locate fields by path.
    public var root: YAMLNode
    /// Fields dropped because their values failed to decode (they already have an error).
    public var removedPaths: [FieldPath]

    public init(spec: TaskSpec, location: SourceLocation, root: YAMLNode, removedPaths: [FieldPath] = []) {
        self.spec = spec
        self.location = location
        self.root = root
        self.removedPaths = removedPaths
    }

    /// Where the value at `path` is written, or the nearest enclosing node when it is not written.
    public func location(of path: FieldPath) -> SourceLocation {
        root.node(at: path).node.location
    }
}


