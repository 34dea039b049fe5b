import EventEngine
import Testing

/// A small seeded generator for the test's own choices (SplitMix64), so the operation sequence is
/// fixed and the engine's tests need no random library.
struct SeededChoices {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// Uniform in 0..<n.
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}

/// The tie rule written the slow, obvious way: a list of events, the next one found by a full scan for
/// the smallest (time, order scheduled) among those neither fired nor cancelled.
struct ReferenceQueue {
    enum State { case pending, fired, cancelled }
    var events: [(time: SimTime, payload: Int, state: State)] = []

    var count: Int { events.count(where: { $0.state == .pending }) }

    mutating func schedule(at time: SimTime, _ payload: Int) -> Int {
        events.append((time, payload, .pending))
        return events.count - 1
    }

    mutating func cancel(_ index: Int) -> Bool {
        guard events[index].state == .pending else { return false }
        events[index].state = .cancelled
        return true
    }

    func nextIndex() -> Int? {
        var best: Int?
        for i in events.indices where events[i].state == .pending {
            if best == nil || events[i].time < events[best!].time { best = i }  // earlier index wins ties
        }
        return best
    }

    mutating func popNext(before limit: SimTime) -> (time: SimTime, payload: Int)? {
        guard let i = nextIndex(), events[i].time < limit else { return nil }
        events[i].state = .fired
        return (events[i].time, events[i].payload)
    }

    func nextTime() -> SimTime? { nextIndex().map { events[$0].time } }
}

@Suite("Event queue against a reference model")
struct EventQueuePropertyTests {
    /// Random schedule / cancel / pop / reset operations, on a time grid coarse enough for many ties,
    /// give exactly the reference's results at every step. (`#require`: the first divergence stops the run.)
    @Test(arguments: [1 as UInt64, 2024, 0xDEAD_BEEF])
    func matchesReference(seed: UInt64) throws {
        var choose = SeededChoices(state: seed)
        var q = EventQueue<Int>()
        var ref = ReferenceQueue()
        var handles: [EventHandle] = []  // handles[i] is the reference's event i (since the last reset)
        var fired = 0, cancelled = 0, ties = 0
        // Times on a grid of quarter years (many ties), or anywhere in 20 years.
        func randomTime(_ choose: inout SeededChoices) -> SimTime {
            choose.below(4) == 0 ? 2020 + Double(choose.next() >> 11) / Double(1 << 53) * 20
                                  : 2020 + Double(choose.below(80)) / 4
        }
        for step in 0..<20_000 {
            switch choose.below(100) {
            case 0..<45:
                let t = randomTime(&choose)
                if ref.events.contains(where: { $0.state == .pending && $0.time == t }) { ties += 1 }
                handles.append(q.schedule(at: t, step))
                _ = ref.schedule(at: t, step)
            case 45..<65 where !handles.isEmpty:
                // Any handle: pending, fired or already cancelled.
                let i = choose.below(handles.count)
                let expected = ref.cancel(i)
                try #require(q.cancel(handles[i]) == expected, "step \(step): cancel \(i)")
                if expected { cancelled += 1 }
            case 65..<90:
                let limit = randomTime(&choose)
                let got = q.popNext(before: limit)
                let want = ref.popNext(before: limit)
                try #require(got?.time == want?.time && got?.payload == want?.payload,
                        "step \(step): popNext(before: \(limit)) gave \(String(describing: got)), want \(String(describing: want))")
                if want != nil { fired += 1 }
            case 90..<96:
                let got = q.popNext()
                let want = ref.popNext(before: .infinity)
                try #require(got?.time == want?.time && got?.payload == want?.payload, "step \(step): popNext()")
                if want != nil { fired += 1 }
            case 96..<99:
                try #require(q.nextTime() == ref.nextTime(), "step \(step): nextTime")
            case 99 where choose.below(4) == 0:
                q.reset()
                ref = ReferenceQueue()
                handles = []
            default:
                break
            }
            try #require(q.count == ref.count, "step \(step): count")
            try #require(q.isEmpty == (ref.count == 0), "step \(step): isEmpty")
        }
        // Whatever is left drains in the reference's order.
        while let want = ref.popNext(before: .infinity) {
            let got = q.popNext()
            try #require(got?.time == want.time && got?.payload == want.payload)
        }
        #expect(q.popNext() == nil)
        // The run exercised what it is meant to: ties, cancellations and firings in the thousands.
        #expect(ties > 1000 && cancelled > 500 && fired > 3000, "ties \(ties), cancelled \(cancelled), fired \(fired)")
    }
}
