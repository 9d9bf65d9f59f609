// The libFuzzer target over the page pipeline. Only the fuzz recipe builds it
// with sanitizers (see README, "Fuzzing"); there libFuzzer supplies `main`, and
// `-parse-as-library` keeps Swift from writing one. A normal `swift build`
// compiles this file as an empty program, which keeps the target building.
import HandbookFuzzing

import HandbookKit

@_cdecl("LLVMFuzzerInitialize")
public func handbookFuzzInitialize(_ argc: UnsafeMutablePointer<Int32>?,
                                   _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?) -> Int32 {
    Parallelism.isEnabled = false  // one thread: reproducible runs, balanced allocations per input
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func handbookFuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let outcome = FuzzHarness.run(bytes)
    if let violation = outcome.violation {
        fatalError("invariant broken: \(violation)")
    }
    return 0
}
