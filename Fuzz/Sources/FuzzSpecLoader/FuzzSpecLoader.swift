// libFuzzer target: one input is one spec file's bytes. Loads it (libyaml parse, tree building with
// the size/depth/alias limits, decoding into TaskSpec), validates it, canonicalizes every spec the way
// the planner does, and renders every diagnostic with its source snippet, as `calltask validate` does.
//
// Build and run: scripts/fuzz.sh SECONDS (see RELIABILITY.md). Only builds with -sanitize=fuzzer.
import CalltaskCore
import CalltaskYAML

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSpecLoaderOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let path = "fuzz/spec.yaml"
    let loaded = SpecLoader.load([SourceFile(path: path, bytes: bytes)])
    let diagnostics = loaded.diagnostics + Validator.validate(loaded.specs)
    for spec in loaded.specs {
        _ = Canonical.canonicalize(spec.spec.config)
    }
    _ = DiagnosticRenderer.text(Diagnostic.sortedByLocation(diagnostics), sources: [path: bytes])
    _ = DiagnosticRenderer.summary(diagnostics)
    return 0
}

@_cdecl("FuzzSpecLoader_main")
public func fuzzSpecLoaderMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv, fuzzSpecLoaderOneInput)
}
