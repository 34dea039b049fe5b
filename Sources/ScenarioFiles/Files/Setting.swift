import Foundation
import Yams

/// One parameter as one file sets it.
struct Setting: Sendable {
    var value: ParameterValue
    /// The `source:` written beside the value, if any.
    var source: String?
    /// Where the key is written.
    var location: SourceLocation
    /// The file's place in the `extends` chain (0 = the file loaded).
    var layer: Int
}
