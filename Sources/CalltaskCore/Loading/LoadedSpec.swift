public import CalltaskYAML
public import CalltaskModels

/// A task spec together with where it came from, so every later finding can be located.
///
/// It keeps its file's bytes (shared with the loader's copy, not duplicated), not its YAML node tree:
/// a tree costs ten times the bytes and is needed only to locate a finding, which is rare. `root`
/// parses the document again on demand.
public struct LoadedSpec: Sendable {
    public var spec: TaskSpec
    /// The file and document start.
    public var location: SourceLocation
    /// Fields dropped because their values failed to decode (they already have an error).
    public var removedPaths: [FieldPath]
    /// The file the spec was read from, and which of its documents it is.
    public var source: SourceFile
    public var documentIndex: Int
    let limits: YAMLLimits

    public init(spec: TaskSpec, location: SourceLocation, source: SourceFile, documentIndex: Int,
                limits: YAMLLimits = .default, removedPaths: [FieldPath] = []) {
        self.spec = spec
        self.location = location
        self.source = source
        self.documentIndex = documentIndex
        self.limits = limits
        self.removedPaths = removedPaths
    }

    /// The document's node tree, parsed again from the kept bytes (the parse is deterministic, so it
    /// is the tree the spec was decoded from).
    public var root: YAMLNode {
        let parsed = YAMLParser.parse(source.bytes, file: source.path, limits: limits)
        return parsed.documents.first { $0.index == documentIndex }?.root
            ?? YAMLNode(.mapping([]), at: location)
    }

    /// Where the value at `path` is written, or the nearest enclosing node when it is not written.
    public func location(of path: FieldPath) -> SourceLocation {
        root.node(at: path).node.location
    }
}
