import Foundation
import Yams

/// "Vouliez-vous dire ... ?": the nearest known key by edit distance.
enum Suggestions {
    static func unknownKey(_ name: String, parent: String?, candidates: [String]) -> String {
        let full = KeyPathText.join((parent.map { [$0] } ?? []) + [name])
        var message = "clé inconnue « \(full) »"
        if let nearest = nearest(to: name, among: candidates) {
            message += " ; vouliez-vous dire « \(KeyPathText.join((parent.map { [$0] } ?? []) + [nearest])) » ?"
        }
        return message
    }

    static func nearest(to word: String, among candidates: [String]) -> String? {
        candidates.min { levenshtein(word, $0) < levenshtein(word, $1) }
    }

    /// Edit distance (insertions, deletions, substitutions), case-insensitive.
    static func levenshtein(_ a: String, _ b: String) -> Int {
        let a = Array(a.lowercased().unicodeScalars), b = Array(b.lowercased().unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
