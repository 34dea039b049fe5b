import Foundation
import Yams

/// Yams refuses a mapping with a repeated key but reports only the first occurrence, without its path.
/// To name the repeated one and its key path, the first occurrence is renamed in the text (same length,
/// so positions do not move) and the text composed again.
enum DuplicateKeyLocator {
    /// Stand-in characters, one per renaming pass; none can start an indicator in YAML.
    private static let standIns: [Character] = ["§", "¶", "¤", "µ", "¥", "£", "©", "®"]

    static func error(key: String, firstMark: Mark, text: String, path: String) -> ScenarioError {
        let fallback = ScenarioError(file: path, line: firstMark.line, column: firstMark.column, keyPath: key,
                                     message: "clé « \(key) » donnée deux fois dans le même mapping ; attendu chaque clé une seule fois")
        // Split on scalars, not Characters: "\r\n" is one Character and would hide the line breaks.
        var lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
            .map { String(String.UnicodeScalarView($0)) }
        var renamed: [String: String] = [:]  // stand-in text → original key
        var mark = firstMark, current = key
        for standIn in standIns {
            let replacement = String(repeating: standIn, count: current.unicodeScalars.count)
            guard rename(current, at: mark, to: replacement, in: &lines) else { return fallback }
            renamed[replacement] = current
            do {
                guard let root = try Yams.compose(yaml: lines.joined(separator: "\n")) else { return fallback }
                let firstStandIn = String(repeating: standIns[0], count: key.unicodeScalars.count)
                return locate(key: key, standIn: firstStandIn, renamed: renamed, firstMark: firstMark, in: root, path: path)
                    ?? fallback
            } catch YamlError.duplicatedKeysInMapping(let duplicates, let context) {
                // Another repeat (a third occurrence, or another key): rename it too and try again.
                guard let next = duplicates.first else { return fallback }
                current = next
                mark = context.mark
            } catch {
                return fallback
            }
        }
        return fallback
    }

    /// Replaces the key written at `mark` (plain or quoted) by `replacement`; false if it is not written there plainly.
    private static func rename(_ key: String, at mark: Mark, to replacement: String, in lines: inout [String]) -> Bool {
        guard mark.line >= 1, mark.line <= lines.count else { return false }
        var scalars = Array(lines[mark.line - 1].unicodeScalars)
        var start = mark.column - 1
        guard start >= 0, start < scalars.count else { return false }
        if scalars[start] == "\"" || scalars[start] == "'" { start += 1 }
        let keyScalars = Array(key.unicodeScalars)
        guard start + keyScalars.count <= scalars.count,
              Array(scalars[start..<start + keyScalars.count]) == keyScalars else { return false }
        scalars.replaceSubrange(start..<start + keyScalars.count, with: replacement.unicodeScalars)
        var line = String.UnicodeScalarView()
        line.append(contentsOf: scalars)
        lines[mark.line - 1] = String(line)
        return true
    }

    /// Finds the mapping holding the renamed first occurrence; the repeat is the next key there with the same name.
    private static func locate(key: String, standIn: String, renamed: [String: String], firstMark: Mark,
                               in root: Node, path: String) -> ScenarioError? {
        guard let (mapping, parents) = mapping(containing: standIn, in: root, parents: [], renamed: renamed) else { return nil }
        let repeats = mapping.keys.filter { node in
            let name = node.scalar?.string ?? ""
            return (renamed[name] ?? name) == key && name != standIn
        }
        guard let repeatMark = repeats.compactMap(\.mark).first else { return nil }
        let keyPath = KeyPathText.join(parents + [key])
        return ScenarioError(file: path, line: repeatMark.line, column: repeatMark.column, keyPath: keyPath,
                             message: "clé donnée deux fois dans le même mapping (déjà ligne \(firstMark.line)) ; "
                                 + "attendu chaque clé une seule fois")
    }

    private static func mapping(containing key: String, in node: Node, parents: [String],
                                renamed: [String: String]) -> (Node.Mapping, [String])? {
        switch node {
        case .mapping(let mapping):
            if mapping.keys.contains(where: { $0.scalar?.string == key }) { return (mapping, parents) }
            for (name, value) in mapping {
                let text = name.scalar?.string ?? "?"
                if let found = self.mapping(containing: key, in: value, parents: parents + [renamed[text] ?? text],
                                            renamed: renamed) {
                    return found
                }
            }
        case .sequence(let sequence):
            for (i, item) in sequence.enumerated() {
                if let found = mapping(containing: key, in: item, parents: parents + ["[\(i)]"], renamed: renamed) {
                    return found
                }
            }
        case .scalar, .alias:
            break
        }
        return nil
    }
}
