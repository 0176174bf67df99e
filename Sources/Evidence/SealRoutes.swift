public import HTTPRouter
import HTTPServer
public import Identity
import Security

/// `/api/seal/public-key`: the procuratorate's SM2 public key (PEM), for anyone checking a sealed file.
public struct SealRoutes: Sendable {
    let keys: SealKeyStore

    public init(keys: SealKeyStore) { self.keys = keys }

    struct PublicKey: Encodable {
        var algorithm: String
        var keyId: String
        var pem: String
    }

    public func register(on routes: SecuredRoutes) {
        routes.add(.get, "/api/seal/public-key", .public) { _ in
            try JSONResponse.make(PublicKey(algorithm: Seal.sm2WithSM3, keyId: keys.publicKey.keyID, pem: try keys.publicKey.pemRepresentation()))
        }
    }
}
