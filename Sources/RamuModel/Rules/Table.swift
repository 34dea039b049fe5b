/// A fixed-size table of values, in place: the rule tables are made of them so that the hot path reads
/// them by index, without an array's reference counting. Equal when every entry is.
public struct Table<let count: Int, Element: Sendable & Equatable>: Sendable, Equatable {
    @usableFromInline var storage: InlineArray<count, Element>

    /// A table of `values`, which must have `count` elements.
    public init(_ values: [Element]) {
        precondition(values.count == count, "a table of \(count) entries built from \(values.count)")
        storage = InlineArray { values[$0] }
    }

    /// The number of entries.
    public static var size: Int { count }

    // (`_modify`: an entry updated in place, `x[i] += y`, is not read out and written back.)
    @inlinable public subscript(_ i: Int) -> Element {
        get { storage[i] }
        _modify { yield &storage[i] }
    }

    /// The entry of a regime (tables indexed by regime).
    @inlinable public subscript(_ regime: Regime) -> Element {
        get { storage[Int(regime.rawValue)] }
        _modify { yield &storage[Int(regime.rawValue)] }
    }

    public static func == (a: Self, b: Self) -> Bool {
        for i in 0..<count where a.storage[i] != b.storage[i] { return false }
        return true
    }
}

extension Table: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: Element...) { self.init(elements) }
}

extension UnsafePointer {
    /// Entry `i` of the table this points to, in place. Reading an entry through `pointee` can copy the
    /// whole table first (a `memcpy` per read, as callgrind showed for the enrolment table); this never does.
    @inlinable @inline(__always)
    public func entry<let n: Int, E>(_ i: Int) -> UnsafePointer<E> where Pointee == Table<n, E> {
        assert(i >= 0 && i < n, "rule table entry out of range")
        return UnsafeRawPointer(self).assumingMemoryBound(to: E.self) + i
    }
}
