/// The theme an indicator is reported under: one sheet of the briefing each, in this order. Within a
/// group, indicators keep their declaration order (`Indicator.allCases`).
public enum BriefingGroup: Sendable, CaseIterable {
    /// Who is covered, and care needed, received or forgone.
    case coverage
    /// Current health expenditure by source, out-of-pocket payments, gratuités.
    case spending
    /// Catastrophic and impoverishing payments (SDG 3.8.2).
    case protection
    /// The state's health budget, earmarked taxes, the insurance pools.
    case financing
    /// By consumption quintile: the indicators of `QuintileIndicator`.
    case equity
}
