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
        b.fill(count: 100, with: 2)  // and grows past the capacity
        #expect(Self.contents(b) == Array(repeating: 2, count: 100))
    }

    /// Room made in advance is used: appends up to it leave the storage where it is.
    @Test func reservedRoomKeepsStorage() {
        var b = ScratchBuffer<Int>(capacity: 2)
        b.append(1)
        b.reserve(500)
        let start = b.elements.baseAddress
        for i in 2...500 { b.append(i) }
        #expect(b.elements.baseAddress == start)
        #expect(Self.contents(b) == Array(1...500))
        b.reserve(10)  // less than there is: nothing changes
        #expect(b.elements.baseAddress == start && b.count == 500)
    }

    @Test func removalsKeepOrder() {
        var b = ScratchBuffer<Int>(capacity: 4)
        for i in 0..<20 { b.append(i) }
        b.removeAll { $0 % 3 == 1 }
        #expect(Self.contents(b) == (0..<20).filter { $0 % 3 != 1 })
        b.removeLast()
        #expect(Self.contents(b) == (0..<18).filter { $0 % 3 != 1 })  // 18 was the last
        b.removeAll { _ in false }
        #expect(Self.contents(b) == (0..<18).filter { $0 % 3 != 1 })
        let start = b.elements.baseAddress
        b.removeAll()
        #expect(b.isEmpty as Bool)
        b.append(5)  // storage reused after emptying
        #expect(Self.contents(b) == [5] && b.elements.baseAddress == start)
        b.removeAll { _ in true }
        #expect(b.isEmpty as Bool)
    }
}
