import EventEngine

/// The households of one replication at the start of a year: their blocks, head-counts and consumption.
final class Population {
    let store: BlockStore<HouseholdBlock>
    let weight: Double
    var census = Census()
    var consumption: [ConsumptionPoint] = []

    init(_ recipe: InitialPopulation.Recipe, seed: UInt64, replication: Int, threads: Int) {
        weight = 1 / recipe.sampleFraction
        // Built straight into the store: a local copy of the blocks kept alive would make the store's
        // first write to each block copy it (copy-on-write), doubling the population in memory.
        store = BlockStore(InitialPopulation.build(recipe, seed: seed, replication: replication, threads: threads))
        // RAMU active from the start absorbs the other regimes (otherwise every regime stays itself).
        for b in 0..<store.count { store.withBlock(b) { $0.merge(recipe.merged) } }
        for block in store.blocks {
            census.add(block.census())
            consumption.append(contentsOf: block.consumptionPoints())
        }
    }

    /// A copy that goes its own way. The blocks' arrays are shared until either side writes to them.
    private init(copying o: Population) {
        store = BlockStore(o.store.blocks)
        weight = o.weight
        census = o.census
        consumption = o.consumption
    }

    func copy() -> Population { Population(copying: self) }

    /// Consumption per person at the 0.5th, 1st, 1.5th, … 99.5th percentiles of people: the cuts between
    /// percentiles at odd indices (the 50th, the median, at 99), their middles at even ones.
    func halfPercentiles() -> [Double] { weightedQuantiles(&consumption, Self.halfPercentileLevels) }
    static let halfPercentileLevels = (1...199).map { Double($0) / 200 }

    /// Simulates the year of `context` in every block and takes next year's consumption; returns what
    /// happened (the census at the end of the year is `nextCensus`, for the caller to adopt).
    func simulateYear(_ context: YearContext, threads: Int, microdata: Bool) -> YearOutcome {
        let weight = self.weight
        let store = self.store
        let blockResults = Parallel.map(count: store.count, threads: threads,
                                        makeWorker: { HouseholdWorker() }) { worker, b in
            store.withBlock(b) { worker.simulateBlockYear(&$0, context, weight: weight, microdata: microdata) }
        }
        var outcome = YearOutcome()
        consumption.removeAll(keepingCapacity: true)
        for r in blockResults {
            outcome.accounts.add(r.accounts)
            outcome.nextCensus.add(r.nextCensus)
            consumption.append(contentsOf: r.nextConsumption)
            if microdata { outcome.records.append(contentsOf: r.records) }
        }
        return outcome
    }
}

/// What the households of a population did in a year.
struct YearOutcome {
    var accounts = YearAccounts()
    var nextCensus = Census()
    var records: [HouseholdYearRecord] = []
}

extension HouseholdBlock {
    /// Head-counts of the block as it stands (at the start of a year).
    func census() -> Census {
        var c = Census()
        for h in households {
            let first = Int(h.firstMember)
            c.count(h, members: members[first..<first + Int(h.memberSlots)])
        }
        return c
    }

    func consumptionPoints() -> [ConsumptionPoint] {
        households.map { ConsumptionPoint(perPerson: $0.consumptionPerPerson, persons: Double($0.sizeAtYearStart)) }
    }

    /// Every household moves to its regime's regime in `merged` (RAMU absorbing the others, section 8).
    mutating func merge(_ merged: ByRegime<Regime>) {
        for i in households.indices { households[i].regime = merged[households[i].regime] }
    }

    /// Persons in uninsured households whose sector RAMU subsidises: candidates for subsidised RAMU cover.
    func subsidisedCandidates() -> Double {
        var n = 0.0
        for h in households where h.isSubsidisedCandidate { n += Double(h.sizeAtYearStart) }
        return n
    }
}
