import Foundation
import Yams

/// Dotted key paths: ["taxes", "[0]", "rate"] → "taxes[0].rate".
enum KeyPathText {
    static func join(_ components: [String]) -> String {
        var text = ""
        for component in components {
            if !text.isEmpty && !component.hasPrefix("[") { text += "." }
            text += component
        }
        return text
    }
}
