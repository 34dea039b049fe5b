/// The weighted median of consumption per person (see `weightedQuantiles`).
public func weightedMedian(_ points: inout [ConsumptionPoint]) -> Double {
    weightedQuantiles(&points, [0.5])[0]
}

/// The weighted `q`-quantile of consumption per person (see `weightedQuantiles`).
public func weightedQuantile(_ points: inout [ConsumptionPoint], _ q: Double) -> Double {
    weightedQuantiles(&points, [q])[0]
}

/// Weighted quantiles of consumption per person: for each q, the smallest value at which the cumulative
/// weight (persons) reaches q of the total. Found by selection in linear time rather than a full sort,
/// since at full scale it runs over millions of households every year; several quantiles share the
/// work, each search confined to the part of the array the previous partitions left it in.
/// `qs` must be increasing; `points` is reordered.
public func weightedQuantiles(_ points: inout [ConsumptionPoint], _ qs: [Double]) -> [Double] {
    let total = points.reduce(0) { $0 + $1.persons }
    guard total > 0, !points.isEmpty else { return qs.map { _ in 0 } }
    var out = Array(repeating: 0.0, count: qs.count)
    points.withUnsafeMutableBufferPointer { buffer in
        select(buffer, lo: 0, hi: buffer.count, below: 0, targets: qs.map { $0 * total }, into: &out, at: 0)
    }
    return out
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
