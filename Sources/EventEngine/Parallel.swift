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
    /// (`Parallel.map` hands each index to exactly one task).
    @inlinable public func withBlock<R>(_ index: Int, _ body: (inout Block) throws -> R) rethrows -> R {
        try body(&pointer[index])
    }

    @usableFromInline var pointer: UnsafeMutablePointer<Block> { buffer.baseAddress! }

    /// A copy of every block, in order.
    public var blocks: [Block] { Array(buffer) }
}

/// Structured parallelism with a fixed number of workers and results in index order.
public enum Parallel {
    /// Calls `body` for every index in `0..<count` on at most `threads` concurrent tasks and returns the
    /// results in index order. Each task makes its own scratch state (`makeWorker`) and reuses it for
    /// every index it takes, so nothing non-thread-safe is shared.
    public static func map<Worker, R: Sendable>(
        count: Int,
        threads: Int,
        makeWorker: @escaping @Sendable () -> Worker,
        _ body: @escaping @Sendable (inout Worker, Int) -> R
    ) async -> [R] {
        guard count > 0 else { return [] }
        let workers = max(1, min(threads, count))
        if workers == 1 {
            var worker = makeWorker()
            return (0..<count).map { body(&worker, $0) }
        }
        let next = Counter()
        let pieces = await withTaskGroup(of: [(Int, R)].self) { group in
            for _ in 0..<workers {
                group.addTask {
                    var worker = makeWorker()
                    var done: [(Int, R)] = []
                    while case let i = next.take(), i < count {
                        done.append((i, body(&worker, i)))
                    }
                    return done
                }
            }
            var all: [(Int, R)] = []
            all.reserveCapacity(count)
            for await piece in group { all.append(contentsOf: piece) }
            return all
        }
        var ordered = [R?](repeating: nil, count: count)
        for (i, r) in pieces { ordered[i] = r }
        return ordered.map { $0! }
    }
}

/// A shared counter that hands out each index once.
final class Counter: Sendable {
    private let value = Atomic<Int>(0)
    func take() -> Int { value.add(1, ordering: .relaxed).oldValue }
}
