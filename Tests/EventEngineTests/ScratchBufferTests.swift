import EventEngine
import Testing

/// A worker's scratch keeps what was written to it, in order, through growth and removals.
@Suite("Scratch buffer")
struct ScratchBufferTests {
    static func contents(_ b: borrowing ScratchBuffer<Int>) -> [Int] { Array(b.elements) }

    /// Appends past the initial capacity (several times over) keep every element and its order.
    @Test func growthKeepsContents() {
        var b = ScratchBuffer<Int>(capacity: 2)
        for i in 0..<100 { b.append(i * i) }
        #expect(Self.contents(b) == (0..<100).map { $0 * $0 })
        let source = Array(1000..<1300)
        source.withUnsafeBufferPointer { b.append($0.baseAddress!, count: $0.count) }
        #expect(Self.contents(b) == (0..<100).map { $0 * $0 } + source)
    }

    @Test func writesInPlace() {
        var b = ScratchBuffer<Int>()
        b.fill(count: 40, with: 7)
        for i in b.indices where i % 3 == 0 { b[i] += i }
        #expect(Self.contents(b) == (0..<40).map { $0 % 3 == 0 ? 7 + $0 : 7 })
        b.fill(count: 3, with: -1)  // refilling shrinks
        #expect(Self.contents(b) == [-1, -1, -1])
    }

    @Test func removalsKeepOrder() {
        var b = ScratchBuffer<Int>(capacity: 4)
        for i in 0..<20 { b.append(i) }
        b.removeAll { $0 % 3 == 1 }
        #expect(Self.contents(b) == (0..<20).filter { $0 % 3 != 1 })
        b.removeLast()
        #expect(Self.contents(b) == (0..<18).filter { $0 % 3 != 1 })  // 18 was the last
        b.removeAll()
        #expect(b.isEmpty as Bool)
        b.append(5)  // storage reused after emptying
        #expect(Self.contents(b) == [5])
    }
}
