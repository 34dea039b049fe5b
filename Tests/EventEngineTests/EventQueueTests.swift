import EventEngine
import Testing

/// The tie rule, in one sentence: events fire in order of time; events at the same time fire in the
/// order they were scheduled; cancelled events never fire.
@Suite("Event queue")
struct EventQueueTests {
    /// Pops every remaining event (up to `limit`), returning the payloads in firing order.
    static func drain<P>(_ q: inout EventQueue<P>, before limit: SimTime = .infinity) -> [P] {
        var fired: [P] = []
        while let e = q.popNext(before: limit) { fired.append(e.payload) }
        return fired
    }

    @Test func popsInTimeOrder() {
        var q = EventQueue<Double>()
        let times: [SimTime] = [2027.5, 2020.0, 2035.9, 2021.25, 2020.5, 2033.0, 2024.75, 2020.001]
        for t in times { q.schedule(at: t, t) }
        #expect(q.count as Int == times.count)
        var last = -SimTime.infinity
        while let e = q.popNext() {
            #expect(e.time == e.payload)
            #expect(e.time >= last)
            last = e.time
        }
        #expect(q.isEmpty as Bool)
    }

    @Test func tiesFireInSchedulingOrder() {
        var q = EventQueue<Label>()
        // Ties at 2021.0 (a1…a5) and 2023.5 (b1…b3), scheduled interleaved with each other and with
        // other times, some earlier and some later than the ties.
        q.schedule(at: 2023.5, "b1")
        q.schedule(at: 2021.0, "a1")
        q.schedule(at: 2030.0, "late")
        q.schedule(at: 2021.0, "a2")
        q.schedule(at: 2020.5, "early")
        q.schedule(at: 2023.5, "b2")
        q.schedule(at: 2021.0, "a3")
        q.schedule(at: 2022.0, "mid")
        q.schedule(at: 2021.0, "a4")
        q.schedule(at: 2023.5, "b3")
        q.schedule(at: 2021.0, "a5")
        #expect(Self.drain(&q) == ["early", "a1", "a2", "a3", "a4", "a5", "mid", "b1", "b2", "b3", "late"])
    }

    /// Many events at one instant, with others scheduled between them while the queue is popped:
    /// an event scheduled later at the current time still fires after the earlier ones at that time.
    @Test func tiesHoldWhileSchedulingDuringProcessing() {
        var q = EventQueue<Int>()
        for i in 0..<50 { q.schedule(at: 2025.0, i) }
        var fired: [Int] = []
        while let e = q.popNext() {
            fired.append(e.payload)
            if (0..<10).contains(e.payload) { q.schedule(at: 2025.0, 100 + e.payload) }  // same instant, scheduled later
            if e.payload == 3 { q.schedule(at: 2024.0, -1) }  // in the past of later ties: fires next
        }
        #expect(fired == Array(0...3) + [-1] + Array(4..<50) + Array(100..<110))
    }

    @Test func cancelledEventsNeverFire() {
        var q = EventQueue<Int>()
        var handles: [EventHandle] = []
        for i in 0..<10 { handles.append(q.schedule(at: 2020.0 + Double(i % 3), i)) }
        #expect(q.count as Int == 10)
        // 0 is at the top of the heap; 4 and 9 are inside it.
        let firstCancels = [handles[0], handles[4], handles[9]].map { q.cancel($0) }
        #expect(firstCancels == [true, true, true])
        #expect(q.count as Int == 7)
        #expect(!(q.isEmpty as Bool))
        // Cancelling again does nothing.
        let again = q.cancel(handles[4])
        #expect(!again)
        #expect(q.count as Int == 7)
        let first = q.popNext()
        #expect(first?.payload == 3)  // 0 at 2020.0 cancelled: 3 is next at 2020.0
        #expect(q.count as Int == 6)
        // Cancelling an event that already fired does nothing.
        let afterFiring = q.cancel(handles[3])
        #expect(!afterFiring)
        #expect(q.count as Int == 6)
        #expect(Self.drain(&q) == [6, 1, 7, 2, 5, 8])
        #expect(q.count as Int == 0)
        #expect(q.isEmpty as Bool)
        let next = q.nextTime()
        #expect(next == nil)
        let late = handles.map { q.cancel($0) }
        #expect(!late.contains(true))
        #expect(q.count as Int == 0)
    }

    @Test func cancellingEveryEventEmptiesTheQueue() {
        var q = EventQueue<Int>()
        let handles = (0..<20).map { q.schedule(at: Double(20 - $0), $0) }
        let cancels = handles.reversed().map { q.cancel($0) }
        #expect(!cancels.contains(false))
        #expect(q.isEmpty as Bool)
        #expect(Self.drain(&q).isEmpty)
        let next = q.nextTime()
        #expect(next == nil)
    }

    @Test func popBeforeLimitLeavesLaterEvents() {
        var q = EventQueue<Label>()
        q.schedule(at: 2021.0, "x")
        q.schedule(at: 2020.2, "a")
        q.schedule(at: 2021.0, "y")
        q.schedule(at: 2020.7, "b")
        q.schedule(at: 2022.3, "z")
        #expect(Self.drain(&q, before: 2021.0) == ["a", "b"])  // strictly before: 2021.0 stays
        #expect(q.count as Int == 3)
        #expect(q.nextTime() == 2021.0)
        #expect(q.popNext(before: 2021.0) == nil)
        #expect(q.popNext(before: -.infinity) == nil)
        #expect(q.count as Int == 3)
        #expect(Self.drain(&q, before: 2022.3) == ["x", "y"])
        #expect(q.count as Int == 1)
        #expect(Self.drain(&q) == ["z"])
    }

    /// A cancelled event at the top does not hide or block the live events behind it.
    @Test func cancelledTopDoesNotBlockLimit() {
        var q = EventQueue<Int>()
        let h = q.schedule(at: 2020.0, 0)
        q.schedule(at: 2020.5, 1)
        q.schedule(at: 2021.5, 2)
        q.cancel(h)
        #expect(q.nextTime() == 2020.5)
        #expect(Self.drain(&q, before: 2021.0) == [1])
        #expect(q.count as Int == 1)
    }

    @Test func resetEmptiesAndRestarts() {
        var q = EventQueue<Int>()
        for i in 0..<30 { q.schedule(at: Double(i % 4), i) }
        _ = q.popNext()
        q.reset()
        #expect(q.isEmpty as Bool)
        #expect(q.count as Int == 0)
        #expect(q.popNext() == nil)
        #expect(q.nextTime() == nil)
        // After a reset, the queue behaves as a new one, tie rule included.
        let fresh = [(1.0, 10), (0.5, 11), (1.0, 12), (0.5, 13)]
        var a = EventQueue<Int>()
        for (t, p) in fresh {
            q.schedule(at: t, p)
            a.schedule(at: t, p)
        }
        #expect(q.count as Int == 4)
        #expect(Self.drain(&q) == [11, 13, 10, 12])
        #expect(Self.drain(&a) == [11, 13, 10, 12])
    }

    /// Infinite and negative times are ordinary times; an event at +∞ is never due before +∞.
    @Test func extremeTimes() {
        var q = EventQueue<Int>()
        q.schedule(at: .infinity, 3)
        q.schedule(at: -1, 1)
        q.schedule(at: -.infinity, 0)
        q.schedule(at: 0, 2)
        #expect(Self.drain(&q) == [0, 1, 2])
        #expect(q.count as Int == 1)
        #expect(q.nextTime() == .infinity)
    }
}

/// A short name as an event payload (payloads are plain values: up to 8 ASCII characters, packed).
struct Label: BitwiseCopyable, Equatable, ExpressibleByStringLiteral, CustomStringConvertible {
    let bits: UInt64

    init(stringLiteral name: String) {
        precondition(name.utf8.count <= 8 && name.utf8.allSatisfy { $0 < 128 }, "a label is up to 8 ASCII characters")
        bits = name.utf8.reversed().reduce(0) { $0 << 8 | UInt64($1) }
    }

    var description: String {
        String(decoding: stride(from: 0, to: 64, by: 8).map { UInt8(truncatingIfNeeded: bits >> UInt64($0)) }
            .prefix { $0 != 0 }, as: UTF8.self)
    }
}
