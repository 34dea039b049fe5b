/// Weighted quantiles of consumption per person: for each q, the smallest value at which the cumulative
/// weight (persons) reaches q of the total. Found without a full sort, since at full scale it runs over
/// millions of households every year: the values are counted into a few thousand buckets first (by the
/// bits of the value, which grow with it for values ≥ 0), which finds the bucket each quantile lies in,
/// and only those buckets' points are searched, by selection. Several quantiles share the work.
/// `qs` must be increasing; `points` is reordered.
public func weightedQuantiles(_ points: inout [ConsumptionPoint], _ qs: [Double]) -> [Double] {
    let total = points.reduce(0) { $0 + $1.persons }
    guard total > 0, !points.isEmpty else { return qs.map { _ in 0 } }
    var out = Array(repeating: 0.0, count: qs.count)
    let targets = qs.map { $0 * total }
    if points.count >= 2048, bucketedSelect(&points, targets, into: &out) { return out }
    points.withUnsafeMutableBufferPointer { buffer in
        select(buffer, lo: 0, hi: buffer.count, below: 0, targets: targets, into: &out, at: 0)
    }
    return out
}

/// `weightedQuantiles` through buckets; false (nothing written) if a value is negative or not a number,
/// whose bits would not sort with the value.
private func bucketedSelect(_ points: inout [ConsumptionPoint], _ targets: [Double], into out: inout [Double]) -> Bool {
    var lo = UInt64.max, hi = UInt64.min
    for p in points {
        let bits = p.perPerson.bitPattern
        lo = min(lo, bits)
        hi = max(hi, bits)
    }
    guard hi < 0x7FF0_0000_0000_0000 else { return false }  // a sign bit, an infinity or a NaN
    var shift: UInt64 = 0
    while (hi - lo) >> shift >= 4096 { shift += 1 }
    var weight = [Double](repeating: 0, count: Int((hi - lo) >> shift) + 1)
    for p in points { weight[Int((p.perPerson.bitPattern - lo) >> shift)] += p.persons }
    // Each target's bucket, the first whose cumulative weight reaches it, and the weight below it.
    // (Weights are whole persons: these sums are exact, in any order.)
    var bucketOf: [Int] = [], belowOf: [Double] = []
    var b = 0, cumulative = 0.0
    for t in targets {
        while b < weight.count - 1 && cumulative + weight[b] < t {
            cumulative += weight[b]
            b += 1
        }
        bucketOf.append(b)
        belowOf.append(cumulative)
    }
    // The points of those buckets, gathered in one pass, then searched bucket by bucket.
    var slot = [Int](repeating: -1, count: weight.count)
    var buckets: [Int] = []
    for bucket in bucketOf where slot[bucket] < 0 {
        slot[bucket] = buckets.count
        buckets.append(bucket)
    }
    var gathered = [[ConsumptionPoint]](repeating: [], count: buckets.count)
    for p in points {
        let s = slot[Int((p.perPerson.bitPattern - lo) >> shift)]
        if s >= 0 { gathered[s].append(p) }
    }
    var first = 0
    while first < targets.count {
        var end = first + 1
        while end < targets.count && bucketOf[end] == bucketOf[first] { end += 1 }
        let k = slot[bucketOf[first]]
        gathered[k].withUnsafeMutableBufferPointer { buffer in
            select(buffer, lo: 0, hi: buffer.count, below: belowOf[first], targets: Array(targets[first..<end]),
                   into: &out, at: first)
        }
        first = end
    }
    return true
}

/// Finds, within [lo, hi) whose left holds `below` weight, the values where the cumulative weight
/// reaches each target (increasing), writing them to `out[first...]`.
private func select(_ p: UnsafeMutableBufferPointer<ConsumptionPoint>, lo: Int, hi: Int, below: Double,
                    targets: [Double], into out: inout [Double], at first: Int) {
    guard !targets.isEmpty else { return }
    guard hi - lo > 0 else {
        // Rounding can leave a target past the last point: the largest value reaches it.
        for k in targets.indices { out[first + k] = p[max(0, lo - 1)].perPerson }
        return
    }
    // Median of three as pivot: deterministic, and robust to sorted input.
    let a = p[lo].perPerson, b = p[(lo + hi) / 2].perPerson, c = p[hi - 1].perPerson
    let pivot = max(min(a, b), min(max(a, b), c))
    // Three-way partition of [lo, hi): less | equal | greater.
    var lt = lo, i = lo, gt = hi
    var wLess = 0.0, wEqual = 0.0
    while i < gt {
        let v = p[i].perPerson
        if v < pivot {
            wLess += p[i].persons
            p.swapAt(lt, i)
            lt += 1
            i += 1
        } else if v > pivot {
            gt -= 1
            p.swapAt(i, gt)
        } else {
            wEqual += p[i].persons
            i += 1
        }
    }
    // Targets reached inside the smaller values, at the pivot, or among the larger values.
    let left = targets.filter { below + wLess >= $0 && lt > lo }
    let middle = targets.dropFirst(left.count).filter { below + wLess + wEqual >= $0 }
    let right = Array(targets.dropFirst(left.count + middle.count))
    select(p, lo: lo, hi: lt, below: below, targets: left, into: &out, at: first)
    for k in middle.indices { out[first + left.count + k - middle.startIndex] = pivot }
    select(p, lo: gt, hi: hi, below: below + wLess + wEqual, targets: right, into: &out,
           at: first + left.count + middle.count)
}
