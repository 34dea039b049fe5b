/// Equity indicators by consumption quintile (MODEL.md section 9; the JLN framework's objective):
/// quintiles of consumption per person, person-weighted, recomputed each year; quintile 1 = poorest.
/// Each is declared once, in `declaration`, as `Indicator`'s are.
public enum QuintileIndicator: CaseIterable, Sendable {
    case population
    case catastrophic10, catastrophic25
    case oopPerCapita
    case coverageTotal
    case careEpisodesPerPerson
    case forgoneCare
    case forgoneCareCost
    case poolSpendingShare

    /// The table of what each equity indicator is; all of them go to the briefing's equity sheet.
    public var declaration: IndicatorDeclaration {
        switch self {
        case .population:
            .init("population", "Population du quintile",
                  unit: .persons, format: .whole, group: .equity, section: 9)
        case .catastrophic10:
            .init("catastrophic_10_pct", "Dépenses catastrophiques (> 10 % de la consommation, ODD 3.8.2)",
                  unit: .percent, format: .share, group: .equity, section: 9)
        case .catastrophic25:
            .init("catastrophic_25_pct", "Dépenses catastrophiques (> 25 % de la consommation, ODD 3.8.2)",
                  unit: .percent, format: .share, group: .equity, section: 9)
        case .oopPerCapita:
            .init("oop_per_capita_fcfa", "Paiements directs par habitant",
                  unit: .fcfaPerPerson, format: .whole, group: .equity, section: 9)
        case .coverageTotal:
            .init("coverage_total_pct", "Couverture totale par l'assurance maladie",
                  unit: .percent, format: .share, group: .equity, section: 9)
        case .careEpisodesPerPerson:
            .init("care_episodes_per_person", "Épisodes de soins reçus par personne",
                  unit: .episodesPerPerson, format: .rate, group: .equity, section: 9)
        case .forgoneCare:
            .init("forgone_care_pct", "Besoins de soins non satisfaits (renoncement)",
                  unit: .percent, format: .share, group: .equity, section: 9)
        case .forgoneCareCost:
            .init("forgone_care_cost_pct",
                  "Personnes ayant renoncé au moins une fois à des soins à cause de leur coût (part de celles qui en ont eu besoin)",
                  unit: .percent, format: .share, group: .equity, section: 9)
        case .poolSpendingShare:
            .init("pool_spending_share_pct", "Part des dépenses des régimes qui bénéficie au quintile",
                  unit: .percent, format: .share, group: .equity, section: 9)
        }
    }

    public var id: String { declaration.id }
    public var labelFR: String { declaration.labelFR }
    public var unit: IndicatorUnit { declaration.unit }

    /// The indicator of this id (the `indicator` column of indicators_by_quintile.csv), nil for one this
    /// version does not declare.
    public init?(id: String) {
        guard let indicator = QuintileIndicator.allCases.first(where: { $0.id == id }) else { return nil }
        self = indicator
    }

    public var index: Int { QuintileIndicator.allCases.firstIndex(of: self)! }
}

/// One year's equity indicators: `values[quintile - 1][QuintileIndicator.index]`.
public struct QuintileYear: Sendable, Equatable {
    public var year: Int
    public var values: [[Double]]

    public subscript(quintile quintile: Int, indicator indicator: QuintileIndicator) -> Double {
        values[quintile - 1][indicator.index]
    }
}

/// What one quintile's people did in a year, unweighted (persons at the start of the year, FCFA).
public struct QuintileAccount: Sendable, Equatable {
    public var persons = 0.0
    public var covered = 0.0
    public var catastrophic10 = 0.0
    public var catastrophic25 = 0.0
    public var outOfPocket = 0.0
    public var needs = 0.0
    public var episodes = 0.0
    /// Claims the insurance pools paid for its members (integrated gratuités included).
    public var poolClaims = 0.0
    /// People who had a need this year, and who forwent care at least once for its cost (expected values).
    public var peopleWithNeed = 0.0
    public var peopleForgoingCareForCost = 0.0

    public init() {}

    @inline(__always) public mutating func add(_ o: QuintileAccount) {
        persons += o.persons
        covered += o.covered
        catastrophic10 += o.catastrophic10
        catastrophic25 += o.catastrophic25
        outOfPocket += o.outOfPocket
        needs += o.needs
        episodes += o.episodes
        poolClaims += o.poolClaims
        peopleWithNeed += o.peopleWithNeed
        peopleForgoingCareForCost += o.peopleForgoingCareForCost
    }
}

/// The five quintiles' accounts, in place (the hot path indexes them without an array, and without a
/// switch: a household's quintile is as good as random, and a switch on it mispredicted).
public struct QuintileAccounts: Sendable, Equatable {
    @usableFromInline var accounts = InlineArray<5, QuintileAccount>(repeating: QuintileAccount())

    public init() {}

    /// Quintile 1 to 5.
    @inlinable public subscript(_ quintile: Int) -> QuintileAccount {
        get { accounts[quintile - 1] }
        set { accounts[quintile - 1] = newValue }
    }

    /// Adds `account` to quintile `q`'s, in place (a get and a set copied the whole account twice).
    @inline(__always) mutating func add(_ account: QuintileAccount, to q: Int) {
        accounts[q - 1].add(account)
    }

    public mutating func add(_ o: QuintileAccounts) {
        for q in 1...5 { add(o[q], to: q) }
    }

    public static func == (a: QuintileAccounts, b: QuintileAccounts) -> Bool { (1...5).allSatisfy { a[$0] == b[$0] } }
}

extension QuintileYear {
    /// The indicators from the year's accounts. Shares of people are shares within the quintile, so
    /// weighting them by the quintiles' populations gives back the national value.
    init(year: Int, accounts: QuintileAccounts, weight: Double) {
        self.year = year
        let totalClaims = (1...5).reduce(0.0) { $0 + accounts[$1].poolClaims }
        values = (1...5).map { q in
            let a = accounts[q]
            func percent(_ x: Double, of total: Double) -> Double { total > 0 ? 100 * x / total : 0 }
            var row = Array(repeating: 0.0, count: QuintileIndicator.allCases.count)
            row[QuintileIndicator.population.index] = a.persons * weight
            row[QuintileIndicator.catastrophic10.index] = percent(a.catastrophic10, of: a.persons)
            row[QuintileIndicator.catastrophic25.index] = percent(a.catastrophic25, of: a.persons)
            row[QuintileIndicator.oopPerCapita.index] = a.persons > 0 ? a.outOfPocket / a.persons : 0
            row[QuintileIndicator.coverageTotal.index] = percent(a.covered, of: a.persons)
            row[QuintileIndicator.careEpisodesPerPerson.index] = a.persons > 0 ? a.episodes / a.persons : 0
            row[QuintileIndicator.forgoneCare.index] = percent(a.needs - a.episodes, of: a.needs)
            row[QuintileIndicator.forgoneCareCost.index] = percent(a.peopleForgoingCareForCost, of: a.peopleWithNeed)
            row[QuintileIndicator.poolSpendingShare.index] = percent(a.poolClaims, of: totalClaims)
            return row
        }
    }
}
