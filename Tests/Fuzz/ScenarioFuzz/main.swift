import CLibFuzzer
import Foundation

// libFuzzer's driver, with FuzzScenario.swift's callback: `scripts/fuzz` passes its options.
// The scratch directory of the inputs goes when the fuzzer exits (libFuzzer ends with exit()).
atexit { try? FileManager.default.removeItem(at: workspace) }
var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { bytes, count in fuzzScenario(bytes, count) })
