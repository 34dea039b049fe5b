/// A growable array of plain values that one worker owns and reuses from entity to entity.
///
/// Reads and writes go straight to memory: an `Array` checks on every write that its storage is not
/// shared (a runtime call), which a worker's scratch never is. A worker's hot loops write to their
/// scratch a few dozen times per entity, so those checks cost more than the writes.
///
/// Not copyable: it owns its storage, which it frees when it goes.
public struct ScratchBuffer<Element: BitwiseCopyable>: ~Copyable {
    /// The first element; valid until the buffer grows.
    @usableFromInline var base: UnsafeMutablePointer<Element>
    @usableFromInline var storedCount = 0
    @usableFromInline var capacity: Int

    @inlinable public var count: Int { storedCount }

    public init(capacity: Int = 16) {
        self.capacity = max(1, capacity)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// Element `i` (0 ≤ i < count), read or written in place.
    @inlinable public subscript(i: Int) -> Element {
        unsafeAddress {
            assert(i >= 0 && i < count, "scratch index \(i) out of 0..<\(count)")
            return UnsafePointer(base + i)
        }
        unsafeMutableAddress {
            assert(i >= 0 && i < count, "scratch index \(i) out of 0..<\(count)")
            return base + i
        }
    }

    @inlinable public var indices: Range<Int> { 0..<count }
    @inlinable public var isEmpty: Bool { count == 0 }
    /// The elements as they are now: valid until the buffer grows or goes.
    @inlinable public var elements: UnsafeBufferPointer<Element> { UnsafeBufferPointer(start: base, count: count) }

    /// Makes room for `n` elements in all (growth then costs nothing until there are more).
    @inlinable public mutating func reserve(_ n: Int) {
        if n > capacity { grow(toAtLeast: n) }
    }

    /// Empties the buffer, keeping its storage.
    @inlinable public mutating func removeAll() { storedCount = 0 }

    @inlinable public mutating func append(_ element: Element) {
        if count == capacity { grow(toAtLeast: count + 1) }
        (base + count).initialize(to: element)
        storedCount += 1
    }

    @inlinable public mutating func removeLast() {
        precondition(count > 0, "removeLast from an empty scratch buffer")
        storedCount -= 1
    }

    /// Appends `n` elements read from `source` (which must not point into this buffer).
    @inlinable public mutating func append(_ source: UnsafePointer<Element>, count n: Int) {
        assert(n >= 0, "a negative count of elements to append")
        if count + n > capacity { grow(toAtLeast: count + n) }
        (base + count).initialize(from: source, count: n)
        storedCount += n
    }

    /// Makes the buffer hold `n` elements, each `value`.
    @inlinable public mutating func fill(count n: Int, with value: Element) {
        assert(n >= 0, "a negative count of elements to fill")
        if n > capacity { grow(toAtLeast: n) }
        for i in 0..<n { (base + i).initialize(to: value) }  // (a loop: `initialize(repeating:)` was a call per fill)
        storedCount = n
    }

    /// Removes the elements `drop` picks, keeping the others in order.
    @inlinable public mutating func removeAll(where drop: (Element) -> Bool) {
        var kept = 0
        for i in 0..<count where !drop(base[i]) {
            base[kept] = base[i]
            kept += 1
        }
        storedCount = kept
    }

    @usableFromInline mutating func grow(toAtLeast n: Int) {
        let newCapacity = max(n, 2 * capacity)
        let new = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
        new.initialize(from: base, count: count)
        base.deallocate()
        base = new
        capacity = newCapacity
    }
}
