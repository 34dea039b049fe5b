import CLibFuzzer
import Foundation

// libFuzzer's driver, with FuzzScenario.swift's callback: `scripts/fuzz` passes its options.
var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { bytes, count in fuzzScenario(bytes, count) })
