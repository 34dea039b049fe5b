import Foundation
import RamuModel

/// How many people a run simulates: at least one (else no household at all is drawn and every share
/// is 0/0), and not so many that the computer's memory could not hold them.
public enum SimulationSize {
    /// Simulated people (not represented ones) the population may reach: about eight times Mali in 2035
    /// at `sample_fraction` 1 (32 million people took 1.65 GiB in `ramusim bench`), so about 13 GiB.
    public static let maximumSimulatedPersons = 2.5e8

    static let startKeys = ["demography.initial_population", "simulation.sample_fraction"]
    static let growthKeys = startKeys + ["demography.growth_rate", "simulation.end_year"]

    /// What is wrong with the size of the run `p` describes, in French ("found ; expected"), or nil.
    /// The command line checks it again after `--sample-fraction`.
    public static func problem(_ p: Parameters) -> String? {
        violation(p)?.message
    }

    static func violation(_ p: Parameters) -> ConsistencyRules.Violation? {
        let population = p.demography.initialPopulation, fraction = p.simulation.sampleFraction
        let simulated = population * fraction
        if !(simulated >= 1) {
            return ConsistencyRules.Violation(
                keys: startKeys,
                message: "initial_population × sample_fraction = \(short(population)) × \(short(fraction)) = \(short(simulated)) "
                    + "personne simulée ; attendu au moins 1 (sinon aucun ménage n'est simulé) : une fraction d'au moins "
                    + "\(short(1 / population)) pour \(short(population)) personnes")
        }
        let years = Double(p.simulation.endYear - p.simulation.startYear)
        let peak = simulated * max(1, pow(1 + p.demography.growthRate, years))
        if !(peak <= maximumSimulatedPersons) {
            return ConsistencyRules.Violation(
                keys: growthKeys,
                message: "la population simulée atteindrait \(short(peak)) personnes en \(p.simulation.endYear - 1) "
                    + "(initial_population × sample_fraction × (1 + growth_rate)^\(Int(years))) ; attendu au plus "
                    + "\(short(maximumSimulatedPersons)) personnes simulées (la mémoire d'un ordinateur) : "
                    + "réduisez sample_fraction")
        }
        return nil
    }

    /// Three significant digits: 0.205, 4.11e+17, 20537000.
    static func short(_ x: Double) -> String {
        if x.isFinite, x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return String(format: "%.3g", x)
    }
}
