/// The weighted median of consumption per person (see `weightedQuantile`).
public func weightedMedian(_ points: inout [ConsumptionPoint]) -> Double {
    weightedQuantile(&points, 0.5)
}

/// The weighted `q`-quantile of consumption per person: the smallest value at which the cumulative
/// weight (persons) reaches `q` of the total. Found by selection in linear time rather than a full
/// sort, since at full scale it runs over millions of households every year.
public func weightedQuantile(_ points: inout [ConsumptionPoint], _ q: Double) -> Double {
    let total = points.reduce(0) { $0 + $1.persons }
    guard total > 0 else { return 0 }
    let half = total * q
    var lo = 0, hi = points.count
    var below = 0.0  // weight of everything left of `lo`
    while hi - lo > 0 {
        // Median of three as pivot: deterministic, and robust to sorted input.
        let a = points[lo].perPerson, b = points[(lo + hi) / 2].perPerson, c = points[hi - 1].perPerson
        let pivot = max(min(a, b), min(max(a, b), c))
        // Three-way partition of [lo, hi): less | equal | greater.
        var lt = lo, i = lo, gt = hi
        var wLess = 0.0, wEqual = 0.0
        while i < gt {
            let v = points[i].perPerson
            if v < pivot {
                wLess += points[i].persons
                points.swapAt(lt, i)
                lt += 1
                i += 1
            } else if v > pivot {
                gt -= 1
                points.swapAt(i, gt)
            } else {
                wEqual += points[i].persons
                i += 1
            }
        }
        if below + wLess >= half && lt > lo {
            hi = lt
        } else if below + wLess + wEqual >= half {
            return pivot
        } else {
            below += wLess + wEqual
            lo = gt
        }
    }
    return points[max(0, min(lo, points.count - 1))].perPerson
}
