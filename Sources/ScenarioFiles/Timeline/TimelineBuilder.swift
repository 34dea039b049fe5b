import RamuModel

/// Turns the timeline entries of a scenario and its ancestors into the model's `PolicyTimeline`
/// (MODEL.md section 8), once the parameters are resolved: checks each date against the simulated
/// period, and the rules between keys at every date the timeline moves them.
enum TimelineBuilder {
    /// One change of the timeline, in date order, with what the file wrote for it.
    struct Item: Sendable {
        var change: PolicyChange
        var kind: TimelineEntry.Kind
        var field: ParameterSchema.Entry
        var setting: Setting
        /// "timeline[1].set.ramu.active": the entry's place in the file that writes it.
        var keyPath: String
    }

    struct Built: Sendable {
        var timeline: PolicyTimeline
        /// `timeline.changes[i]` comes from `items[i]`.
        var items: [Item]
    }

    /// `entries` oldest ancestor's first, the file's own last; same-date changes keep that order.
    static func build(_ entries: [TimelineEntry], base: Parameters, fallbackFile: String) throws(ScenarioError) -> Built {
        try checkDates(entries, simulation: base.simulation)
        let written = entries.flatMap { entry in entry.changes.map { item(entry, $0) } }
        // The order PolicyTimeline gives its changes, here so items stay beside their changes.
        let items = written.stablySorted { $0.change.start < $1.change.start }
        let built = Built(timeline: PolicyTimeline(items.map(\.change)), items: items)
        try checkRules(built, base: base, fallbackFile: fallbackFile)
        return built
    }

    private static func item(_ entry: TimelineEntry, _ written: TimelineEntry.Change) -> Item {
        let field = written.field
        let value = written.setting.value
        let action: PolicyChange.Action
        if entry.kind == .ramp, let path = field.realKeyPath, case .real(let target) = value {
            action = .ramp(get: { $0[keyPath: path] }, set: { $0[keyPath: path] = $1 }, target: target)
        } else {  // the parser admits ramps on real keys only
            action = .set { field.apply(value, to: &$0) }
        }
        let change = PolicyChange(key: field.key, start: entry.start.value, end: entry.end.value, action: action)
        return Item(change: change, kind: entry.kind, field: field, setting: written.setting, keyPath: written.keyPath)
    }

    /// Every date inside [start_year, end_year]: a change outside the simulated period would never happen.
    private static func checkDates(_ entries: [TimelineEntry], simulation: Parameters.Simulation) throws(ScenarioError) {
        let (first, last) = (Double(simulation.startYear), Double(simulation.endYear))
        for entry in entries {
            for date in entry.kind == .step ? [entry.start] : [entry.start, entry.end] where !(first...last).contains(date.value) {
                throw ScenarioError(at: date.location, keyPath: date.keyPath,
                                    "date \(TimelineParser.dateText(date.value)) hors de la période simulée ; attendu une "
                                        + "date entre \(simulation.startYear) et \(simulation.endYear) "
                                        + "(simulation.start_year et simulation.end_year)")
            }
        }
    }

    /// The rules between keys at every step and at both ends of every ramp: between those dates the
    /// parameters move linearly, so sums that hold at the ends hold all along. A broken rule is blamed on
    /// the latest change at or before that date touching a key of its group.
    private static func checkRules(_ built: Built, base: Parameters, fallbackFile: String) throws(ScenarioError) {
        let dates = Set(built.timeline.changes.flatMap { [$0.start, $0.end] }).sorted()
        for date in dates {
            let parameters = built.timeline.parameters(at: date, base: base)
            guard let violation = ConsistencyRules.firstViolation(in: parameters) else { continue }
            let message = "en \(TimelineParser.dateText(date)), avec le calendrier : \(violation.message)"
            guard let blamed = built.items.last(where: { $0.change.start <= date && violation.keys.contains($0.field.key) }) else {
                throw ScenarioError(file: fallbackFile, message: message)
            }
            throw ScenarioError(at: blamed.setting.location, keyPath: blamed.keyPath, message)
        }
    }

    /// "integrated à partir de 2023", "0.15 (rampe de 2021 à 2025)": what a provenance row shows.
    static func valueText(_ item: Item) -> String {
        let value = item.setting.value.text
        let start = TimelineParser.dateText(item.change.start)
        switch item.kind {
        case .step: return "\(value) à partir de \(start)"
        case .ramp: return "\(value) (rampe de \(start) à \(TimelineParser.dateText(item.change.end)))"
        }
    }
}
