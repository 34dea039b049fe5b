import Foundation
import Yams

/// One scenario file being read: the path its errors show and its place in the `extends` chain.
struct FileContext: Sendable {
    var path: String
    /// 0 for the file loaded, 1 for the file it extends, and so on.
    var layer: Int

    func location(of node: Node) -> SourceLocation {
        SourceLocation(path: path, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
    }

    func error(at node: Node, keyPath: String?, _ message: String) -> ScenarioError {
        ScenarioError(at: location(of: node), keyPath: keyPath, message)
    }
}
