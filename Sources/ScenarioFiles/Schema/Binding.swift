/// How a field reaches its property; key paths are `Sendable` so the table can be a static constant.
enum Binding<Root>: Sendable {
    case real(WritableKeyPath<Root, Double> & Sendable)
    /// nil for `derived`.
    case optionalReal(WritableKeyPath<Root, Double?> & Sendable)
    case integer(WritableKeyPath<Root, Int> & Sendable)
    case boolean(WritableKeyPath<Root, Bool> & Sendable)
    case text(WritableKeyPath<Root, String> & Sendable)
    case choice(get: @Sendable (Root) -> String, set: @Sendable (inout Root, String) -> Void)
}
