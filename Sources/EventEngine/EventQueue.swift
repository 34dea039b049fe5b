/// Simulation time, in years (2020.0 is the first instant of 2020).
public typealias SimTime = Double

/// A handle to a scheduled event, used to cancel it.
public struct EventHandle: Hashable, Sendable, BitwiseCopyable {
    public let sequence: UInt32
    @usableFromInline init(sequence: UInt32) { self.sequence = sequence }
}

/// A priority queue of timed events for one entity (or one block of entities).
///
/// Tie rule, in one sentence: events fire in order of time, and events at the same time fire in the
/// order they were scheduled. Cancelled events never fire. Storage (the heap, and a flag per sequence
/// number) is reused from one entity to the next (`reset`), so scheduling allocates nothing once the
/// queue has grown.
/// Not copyable: it owns its buffers (see `ScratchBuffer`).
public struct EventQueue<Payload: BitwiseCopyable>: ~Copyable {
    @usableFromInline struct Entry: BitwiseCopyable {
        @usableFromInline var time: SimTime
        @usableFromInline var sequence: UInt32
        @usableFromInline var payload: Payload

        @inlinable init(time: SimTime, sequence: UInt32, payload: Payload) {
            self.time = time
            self.sequence = sequence
            self.payload = payload
        }

        @inlinable func precedes(_ other: Entry) -> Bool {
            time < other.time || (time == other.time && sequence < other.sequence)
        }
    }

    @usableFromInline var heap = ScratchBuffer<Entry>()
    /// cancelled[sequence] is true once the event with that sequence number is cancelled.
    @usableFromInline var cancelled = ScratchBuffer<Bool>()
    @usableFromInline var nextSequence: UInt32 = 0
    @usableFromInline var liveCount = 0

    public init() {}

    /// Number of events scheduled and neither fired nor cancelled.
    @inlinable public var count: Int { liveCount }
    @inlinable public var isEmpty: Bool { liveCount == 0 }

    /// Empties the queue, keeping its storage, and restarts sequence numbers. Handles issued before a
    /// reset must be dropped with it: sequence numbers restart, so an old handle would name a new event.
    @inlinable public mutating func reset() {
        heap.removeAll()
        cancelled.removeAll()
        nextSequence = 0
        liveCount = 0
    }

    /// Schedules `payload` at `time`; returns a handle that can cancel it.
    @inlinable @discardableResult
    public mutating func schedule(at time: SimTime, _ payload: Payload) -> EventHandle {
        precondition(!time.isNaN, "an event cannot be scheduled at NaN")
        let seq = nextSequence
        nextSequence &+= 1
        cancelled.append(false)
        heap.append(Entry(time: time, sequence: seq, payload: payload))
        siftUp(heap.count - 1)
        liveCount += 1
        return EventHandle(sequence: seq)
    }

    /// Cancels a scheduled event; cancelling one that already fired or was cancelled does nothing.
    /// Returns whether an event was cancelled.
    @inlinable @discardableResult
    public mutating func cancel(_ handle: EventHandle) -> Bool {
        let i = Int(handle.sequence)
        // Fired events are marked too (see popNext), so only a pending event can be cancelled.
        guard i < cancelled.count, !cancelled[i] else { return false }
        cancelled[i] = true
        liveCount -= 1
        return true
    }

    /// Removes and returns the next event if it is due strictly before `limit`.
    @inlinable public mutating func popNext(before limit: SimTime = .infinity) -> (time: SimTime, payload: Payload)? {
        while !heap.isEmpty {
            let top = heap[0]
            if cancelled[Int(top.sequence)] {
                removeTop()
                continue
            }
            guard top.time < limit else { return nil }
            removeTop()
            // Mark as done so a later cancel of this handle is a no-op.
            cancelled[Int(top.sequence)] = true
            liveCount -= 1
            return (top.time, top.payload)
        }
        return nil
    }

    /// Time of the next live event, if any.
    @inlinable public mutating func nextTime() -> SimTime? {
        while !heap.isEmpty, cancelled[Int(heap[0].sequence)] { removeTop() }
        return heap.isEmpty ? nil : heap[0].time
    }

    /// Removes the top entry: the last entry moves to the root and sinks, in one pass over the buffer.
    @inlinable mutating func removeTop() {
        let n = heap.count - 1
        if n > 0 {
            let entry = heap[n]
            var parent = 0
            while true {
                let left = 2 * parent + 1
                guard left < n else { break }
                let right = left + 1
                let child = (right < n && heap[right].precedes(heap[left])) ? right : left
                guard heap[child].precedes(entry) else { break }
                heap[parent] = heap[child]
                parent = child
            }
            heap[parent] = entry
        }
        heap.removeLast()
    }

    @inlinable mutating func siftUp(_ index: Int) {
        var child = index
        let entry = heap[child]
        while child > 0 {
            let parent = (child - 1) / 2
            guard entry.precedes(heap[parent]) else { break }
            heap[child] = heap[parent]
            child = parent
        }
        heap[child] = entry
    }
}
