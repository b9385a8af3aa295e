// libFuzzer target: one input is one HTTP answer body of the list call
// (`GET /agent-api/new/user/{user_id}/task?page=P`). Decodes it exactly as APIClient does
// (`Envelope<[LiveTask]>` with Foundation's JSONDecoder, lenient ints/bools/strings), normalizes every
// task as the planner does, and also decodes the same bytes as a detail answer (`Envelope<LiveTask>`).
//
// Build and run: scripts/fuzz.sh SECONDS (see RELIABILITY.md). Only builds with -sanitize=fuzzer.
import CalltaskCore
import CalltaskModels
import Foundation

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzListPageOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let body = data.map { Data(bytes: $0, count: size) } ?? Data()
    let decoder = JSONDecoder()
    if let page = try? decoder.decode(Envelope<[LiveTask]>.self, from: body) {
        _ = page.meta.map { ($0.total, $0.lastPage, $0.currentPage, $0.perPage) }
        for task in page.data ?? [] {
            _ = Normalizer.normalize(task)
            _ = task.isEnabled
        }
    }
    if let detail = try? decoder.decode(Envelope<LiveTask>.self, from: body), let task = detail.data {
        _ = Normalizer.normalize(task)
    }
    return 0
}

@_cdecl("FuzzListPage_main")
public func fuzzListPageMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv, fuzzListPageOneInput)
}
