import EventEngine
import Synchronization
import Testing

/// Results in index order whatever the number of threads; every index processed exactly once; each
/// task makes its scratch state once and reuses it.
@Suite("Parallel.map and BlockStore")
struct ParallelTests {
    /// A worker's scratch state: which worker it is, and how many indices it has taken.
    struct Worker {
        let id: Int
        var taken = 0
    }

    /// Counts calls from any thread.
    final class Tally: Sendable {
        let made = Atomic<Int>(0)
        let calls = Atomic<Int>(0)
    }

    @Test(arguments: [1, 2, 4, 7], [0, 1, 5, 100])
    func resultsInIndexOrder(threads: Int, count: Int) async {
        let tally = Tally()
        let results = Parallel.map(count: count, threads: threads, makeWorker: {
            Worker(id: tally.made.add(1, ordering: .relaxed).oldValue)
        }) { worker, i in
            tally.calls.add(1, ordering: .relaxed)
            worker.taken += 1
            return (index: i, square: i * i, worker: worker.id, taken: worker.taken)
        }
        #expect(results.map(\.index) == Array(0..<count))
        #expect(results.map(\.square) == (0..<count).map { $0 * $0 })
        #expect(tally.calls.load(ordering: .relaxed) == count, "each index exactly once")
        let made = tally.made.load(ordering: .relaxed)
        #expect(made <= max(1, threads), "makeWorker called \(made) times for \(threads) threads")
        #expect(count == 0 || made >= 1)
        // Each worker's state is made once and carried from one index to the next: the indices a worker
        // took are numbered 1, 2, 3, … in the order it took them (which is increasing index order).
        for w in Set(results.map(\.worker)) {
            let mine = results.filter { $0.worker == w }
            #expect(mine.map(\.taken) == Array(1...mine.count), "worker \(w)")
        }
        #expect(Set(results.map(\.worker)).isSubset(of: Set(0..<made)))
    }

    @Test func zeroOrNegativeThreadsRunsOnOne() async {
        for threads in [0, -3] {
            let results = Parallel.map(count: 6, threads: threads, makeWorker: { 0 }) { calls, i in
                calls += 1
                return calls * 10 + i
            }
            #expect(results == [10, 21, 32, 43, 54, 65])
        }
    }

    @Test func blockMutationsAreVisible() {
        let store = BlockStore([[1, 2], [3], [], [4, 5, 6]])
        #expect(store.count == 4)
        store.withBlock(0) { $0.append(7) }
        store.withBlock(2) { $0 = [8, 9] }
        let removed = store.withBlock(3) { $0.removeFirst() }
        #expect(removed == 4)
        #expect(store.blocks == [[1, 2, 7], [3], [8, 9], [5, 6]])
        // `blocks` is a copy: changing it does not change the store.
        var copy = store.blocks
        copy[1].append(99)
        #expect(store.blocks[1] == [3])
        #expect(BlockStore([Int]()).blocks.isEmpty)
    }

    /// The model's pattern: each task updates whole blocks in place. Parallel and sequential runs agree.
    @Test(arguments: [1, 2, 4, 7])
    func parallelBlockMutationMatchesSequential(threads: Int) async {
        struct Entity: Equatable {
            var id: Int
            var value: UInt64
        }
        let initial = (0..<37).map { b in (0..<(b % 5 + 1) * 20).map { Entity(id: b * 1000 + $0, value: 0) } }
        // An update that depends only on the block's own contents, a few steps deep.
        @Sendable func update(_ block: inout [Entity], _ steps: Int) -> Int {
            for _ in 0..<steps {
                for j in block.indices {
                    block[j].value = block[j].value &* 6_364_136_223_846_793_005 &+ UInt64(block[j].id) | 1
                }
                block.append(Entity(id: block.count, value: block.last?.value ?? 0))
            }
            return block.count
        }
        let sequential = BlockStore(initial)
        var sequentialSizes: [Int] = []
        for b in 0..<sequential.count { sequentialSizes.append(sequential.withBlock(b) { update(&$0, 3) }) }

        let parallel = BlockStore(initial)
        let sizes = Parallel.map(count: parallel.count, threads: threads, makeWorker: { () }) { _, b in
            parallel.withBlock(b) { update(&$0, 3) }
        }
        #expect(sizes == sequentialSizes)
        #expect(parallel.blocks == sequential.blocks)
        #expect(parallel.blocks != initial)
    }
}
