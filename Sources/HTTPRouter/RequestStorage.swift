/// A key for a value that middleware attaches to a request (the signed-in actor, say) for the handlers after it.
public protocol RequestStorageKey {
    associatedtype Value: Sendable
}

/// Typed values attached to a request by middleware, keyed by type so two modules cannot collide.
public struct RequestStorage: Sendable {
    private var values: [ObjectIdentifier: any Sendable] = [:]

    public init() {}

    public subscript<Key: RequestStorageKey>(_ key: Key.Type) -> Key.Value? {
        get { values[ObjectIdentifier(key)] as? Key.Value }
        set { values[ObjectIdentifier(key)] = newValue }
    }
}
