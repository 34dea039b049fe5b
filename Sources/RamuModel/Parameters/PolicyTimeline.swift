/// The policy timeline of a scenario (MODEL.md section 8): dated changes of parameters.
///
/// `at:` entries are steps; `from:`/`to:` with `ramp:` move a real parameter linearly from the value in
/// force at `from` to its target at `to`. The model knows nothing of keys or files: each change carries
/// how to read and set its parameter. Changes are applied in order of their start date, entries of
/// the same date in the order they were written.
public struct PolicyTimeline: Sendable {
    public var changes: [PolicyChange]

    public init(_ changes: [PolicyChange] = []) {
        self.changes = changes.stablySorted { $0.start < $1.start }  // same-date changes keep the file's order
    }

    public var isEmpty: Bool { changes.isEmpty }

    /// The parameters in force at time `t`.
    public func parameters(at t: Double, base: Parameters) -> Parameters {
        evaluate(at: t, base: base, using: changes.count, rampStarts: rampStarts(base: base))
    }

    /// Each ramp's starting value: the parameter as the changes before it left it at the ramp's start.
    /// Computed once, in order, so the cost grows with the square of the number of changes, not
    /// exponentially.
    func rampStarts(base: Parameters) -> [Double] {
        var starts = Array(repeating: 0.0, count: changes.count)
        for (i, change) in changes.enumerated() {
            if case .ramp(let get, _, _) = change.action {
                starts[i] = get(evaluate(at: change.start, base: base, using: i, rampStarts: starts))
            }
        }
        return starts
    }

    /// The parameters at `t` from the first `n` changes only.
    func evaluate(at t: Double, base: Parameters, using n: Int, rampStarts: [Double]) -> Parameters {
        var p = base
        for i in 0..<n where changes[i].start <= t {
            let change = changes[i]
            switch change.action {
            case .set(let apply):
                apply(&p)
            case .ramp(_, let set, let target):
                let progress = change.end > change.start ? (t - change.start) / (change.end - change.start) : 1
                // Once the ramp is over the parameter is its target exactly, not a rounding step off.
                set(&p, progress >= 1 ? target : rampStarts[i] + (target - rampStarts[i]) * max(0, progress))
            }
        }
        return p
    }

    /// Dates inside (`after`, `before`) where the parameters stop being constant or linear: a
    /// step, or a ramp's start or end.
    public func breakpoints(after lower: Double, before upper: Double) -> [Double] {
        var dates = Set<Double>()
        for c in changes {
            for d in [c.start, c.end] where d > lower && d < upper { dates.insert(d) }
        }
        return dates.sorted()
    }
}

/// One dated change of one parameter.
public struct PolicyChange: Sendable {
    public enum Action: Sendable {
        /// A step: sets the parameter at `start`.
        case set(@Sendable (inout Parameters) -> Void)
        /// A linear ramp of a real parameter from its value at `start` to `target` at `end`.
        case ramp(get: @Sendable (Parameters) -> Double, set: @Sendable (inout Parameters, Double) -> Void, target: Double)
    }

    /// The parameter's key, for messages and provenance (e.g. "budget.health_share").
    public var key: String
    public var start: Double
    /// Equal to `start` for a step.
    public var end: Double
    public var action: Action

    public init(key: String, start: Double, end: Double, action: Action) {
        self.key = key
        self.start = start
        self.end = end
        self.action = action
    }
}
