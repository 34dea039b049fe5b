import ArgumentParser
import Foundation
import RamuModel
import ScenarioFiles

/// `ramusim bench`: one replication of the baseline (or of a scenario), timed, with the events it
/// processed and the peak memory the OS saw. Speed is measured here, never asserted in tests.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Mesure une réplication du scénario de référence (temps, événements, mémoire).")

    @Option(name: .customLong("sample-fraction"), help: "Part des ménages simulés (défaut 1.0 : tout le Mali).")
    var sampleFraction = 1.0

    @Option(name: .long, help: "Nombre de fils d'exécution (défaut : tous les cœurs).")
    var threads: Int?

    @Option(name: .long, help: "Scénario mesuré, avec sa chronologie ; --sample-fraction prime sur celle du fichier (défaut : les valeurs de scenarios/baseline.yaml, intégrées).")
    var scenario: String?

    @Option(name: .long, help: "Graine.")
    var seed: UInt64 = 1

    @Flag(name: .long, help: "Sortie JSON.")
    var json = false

    func run() throws {
        guard sampleFraction > 0 && sampleFraction <= 1 else {
            printError("ramusim : option --sample-fraction : \(sampleFraction) ; attendu une fraction dans (0, 1]")
            throw invalidInputExit
        }
        let threadCount = threads ?? ProcessInfo.processInfo.activeProcessorCount
        guard threadCount >= 1 else {
            printError("ramusim : option --threads : \(threadCount) ; attendu un entier ≥ 1")
            throw invalidInputExit
        }
        var parameters = Parameters()
        var timeline = PolicyTimeline()
        if let scenario {
            // The scenario's values and its timeline of policy changes, as `run` simulates them; the
            // sample fraction is bench's own option (the whole of Mali unless told otherwise).
            let loaded = try loadScenario(scenario)
            parameters = loaded.parameters
            timeline = loaded.timeline
        }
        parameters.simulation.sampleFraction = sampleFraction
        let clock = ContinuousClock()
        let start = clock.now
        let result = Simulation.runReplication(parameters, timeline: timeline, seed: seed, replication: 0,
                                               threads: threadCount)
        let wall = clock.now - start
        let seconds = Double(wall.components.seconds) + Double(wall.components.attoseconds) / 1e18
        let total = result.eventCounts.reduce(0, +)
        let peak = peakMemoryBytes()
        let kinds = HouseholdEventKind.allCases.map { ($0.name, result.eventCounts[Int($0.rawValue)]) }
        let population = result.years.first.map { $0[.population] } ?? 0
        let finalPopulation = result.years.last.map { $0[.population] } ?? 0
        if json {
            let byKind = kinds.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ")
            print("""
            {"sample_fraction": \(sampleFraction), "threads": \(threadCount), "wall_seconds": \(String(format: "%.3f", seconds)), \
            "events": \(total), "events_per_second": \(clampedInt(Double(total) / seconds)), "peak_memory_bytes": \(peak), \
            "population_start": \(clampedInt(population)), "population_end": \(clampedInt(finalPopulation)), "events_by_kind": {\(byKind)}}
            """)
        } else {
            print("ramusim bench — une réplication, \(parameters.simulation.startYear)–\(parameters.simulation.endYear - 1), "
                  + "fraction d'échantillon \(sampleFraction), \(threadCount) fil(s)")
            print("  population simulée : \(clampedInt(population * sampleFraction)) personnes au départ, \(clampedInt(finalPopulation * sampleFraction)) à la fin")
            print("  temps écoulé       : \(String(format: "%.2f", seconds)) s")
            print("  événements         : \(total) (\(clampedInt(Double(total) / seconds)) par seconde)")
            for (name, n) in kinds { print("    \(name.padding(toLength: 16, withPad: " ", startingAt: 0)) \(n)") }
            print("    (careEpisode : les besoins de soins, résolus par groupes entre deux changements d'état, hors file)")
            print("  mémoire maximale   : \(String(format: "%.2f", Double(peak) / 1_073_741_824)) Gio (VmHWM)")
        }
    }
}

/// Peak resident memory of this process (VmHWM in /proc/self/status), in bytes; 0 where unavailable.
func peakMemoryBytes() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        let digits = line.split(separator: " ").compactMap { Int($0) }.first ?? 0
        return digits * 1024
    }
    return 0
}
