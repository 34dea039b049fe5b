import Foundation
import Synchronization

/// Fixed blocks of entities that parallel workers update in place, each block by one worker at a time.
///
/// Entities do not interact between global events, so blocks can be processed on any thread in any
/// order; results depend only on the block, never on the thread. Storage is one allocation that
/// workers mutate in place (no copy-on-write of the blocks' arrays).
public final class BlockStore<Block>: @unchecked Sendable {
    private let buffer: UnsafeMutableBufferPointer<Block>

    public init(_ blocks: [Block]) {
        buffer = .allocate(capacity: blocks.count)
        _ = buffer.initialize(from: blocks)
    }

    deinit {
        buffer.deinitialize()
        buffer.deallocate()
    }

    public var count: Int { buffer.count }

    /// Gives `body` exclusive access to block `index`. Callers guarantee one caller per index at a time
    /// (`Parallel.map` hands each index to exactly one worker).
    @inlinable public func withBlock<R>(_ index: Int, _ body: (inout Block) throws -> R) rethrows -> R {
        precondition(index >= 0 && index < count, "block index \(index) out of 0..<\(count)")
        return try body(&pointer[index])
    }

    @usableFromInline var pointer: UnsafeMutablePointer<Block> { buffer.baseAddress! }

    /// A copy of every block, in order.
    public var blocks: [Block] { Array(buffer) }
}

/// Fork–join parallelism on a fixed number of threads, with results in index order.
///
/// Workers are plain threads started for the call and joined before it returns (structured: nothing
/// outlives the call). Swift's cooperative task pool is not used for this compute: measured on the
/// project's 2-core Linux machine, it sometimes ran both tasks of a two-task group on one thread,
/// doubling wall time at random; dedicated threads always use the cores asked for.
public enum Parallel {
    /// Calls `body` for every index in `0..<count` on at most `threads` threads (the calling thread is
    /// one of them) and returns the results in index order. Each thread makes its own scratch state
    /// (`makeWorker`) and reuses it for every index it takes, so nothing non-thread-safe is shared.
    public static func map<Worker: ~Copyable, R: Sendable>(
        count: Int,
        threads: Int,
        makeWorker: @escaping @Sendable () -> Worker,
        _ body: @escaping @Sendable (inout Worker, Int) -> R
    ) -> [R] {
        guard count > 0 else { return [] }
        let workers = max(1, min(threads, count))
        if workers == 1 {
            var worker = makeWorker()
            var results: [R] = []
            results.reserveCapacity(count)
            for i in 0..<count { results.append(body(&worker, i)) }
            return results
        }
        let results = ResultSlots<R>(count: count)
        let next = Counter()
        let work: @Sendable () -> Void = {
            var worker = makeWorker()
            while case let i = next.take(), i < count {
                results.set(i, body(&worker, i))
            }
        }
        let finished = DispatchSemaphore(value: 0)
        for _ in 1..<workers {
            let thread = Thread {
                work()
                finished.signal()
            }
            thread.stackSize = 16 << 20
            thread.start()
        }
        work()
        for _ in 1..<workers { finished.wait() }
        return results.take()
    }
}

/// One slot per index, each written by exactly one worker before the join.
private final class ResultSlots<R>: @unchecked Sendable {
    private let base: UnsafeMutablePointer<R?>
    private let count: Int

    init(count: Int) {
        base = .allocate(capacity: count)
        base.initialize(repeating: nil, count: count)
        self.count = count
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    func set(_ index: Int, _ value: R) { base[index] = value }

    /// The results, in index order (after every worker has joined).
    func take() -> [R] { (0..<count).map { base[$0]! } }
}

/// A thread-safe counter that hands out 0, 1, 2, … each number once.
public final class Counter: Sendable {
    private let value = Atomic<Int>(0)
    public init() {}
    public func take() -> Int { value.add(1, ordering: .relaxed).oldValue }
}
