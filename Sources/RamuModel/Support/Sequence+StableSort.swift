extension Sequence {
    /// The elements in the order `areInIncreasingOrder` gives, those it does not order keeping the order
    /// they came in (Swift's `sorted` does not promise that): same-date policy changes stay in the order
    /// written, outputs sorted by key stay independent of how their records were gathered.
    public func stablySorted(by areInIncreasingOrder: (Element, Element) -> Bool) -> [Element] {
        enumerated().sorted { a, b in
            areInIncreasingOrder(a.element, b.element)
                || (!areInIncreasingOrder(b.element, a.element) && a.offset < b.offset)
        }.map(\.element)
    }
}
