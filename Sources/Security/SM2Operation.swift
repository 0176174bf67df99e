import CCrypto

/// One streaming SM2-with-SM3 sign or verify operation (GB/T 32918.2 over the SM3 digest of Z‖M).
///
/// Z is computed from the distinguishing ID ``SM2Operation/defaultDistinguishingID`` ("1234567812345678",
/// GM/T 0009-2012 and GB/T 35276-2017), which GmSSL, BouncyCastle and Chinese CA tooling use by default.
/// OpenSSL leaves the ID to the caller: 3.0's `openssl dgst` uses an empty ID unless told otherwise, so the CLI
/// check is `openssl dgst -sm3 -sigopt distid:1234567812345678 -verify pub.pem -signature sig file`.
final class SM2Operation {
    static let defaultDistinguishingID = Array("1234567812345678".utf8)

    private let digestContext: OpaquePointer
    private let keyContext: OpaquePointer
    private let signing: Bool

    init(key: EVPKey, signing: Bool) throws {
        guard key.isSM2 else { throw SecurityError.invalidKey.with(detail: "not an SM2 key") }
        guard let digestContext = EVP_MD_CTX_new() else { throw OpenSSLSupport.failure("EVP_MD_CTX_new") }
        guard let keyContext = EVP_PKEY_CTX_new_from_pkey(nil, key.pointer, nil) else {
            EVP_MD_CTX_free(digestContext)
            throw OpenSSLSupport.failure("EVP_PKEY_CTX_new_from_pkey")
        }
        self.digestContext = digestContext
        self.keyContext = keyContext
        self.signing = signing
        let idStatus = Self.defaultDistinguishingID.withUnsafeBytes {
            EVP_PKEY_CTX_set1_id(keyContext, $0.baseAddress, Int32($0.count))
        }
        guard idStatus > 0 else { throw OpenSSLSupport.failure("EVP_PKEY_CTX_set1_id") }
        // The digest context borrows the key context; both are freed in deinit, digest context first.
        EVP_MD_CTX_set_pkey_ctx(digestContext, keyContext)
        let status =
            signing
            ? EVP_DigestSignInit(digestContext, nil, EVP_sm3(), nil, key.pointer)
            : EVP_DigestVerifyInit(digestContext, nil, EVP_sm3(), nil, key.pointer)
        guard status == 1 else { throw OpenSSLSupport.failure(signing ? "EVP_DigestSignInit" : "EVP_DigestVerifyInit") }
    }

    deinit {
        EVP_MD_CTX_free(digestContext)
        EVP_PKEY_CTX_free(keyContext)
    }

    func update(_ buffer: UnsafeRawBufferPointer) throws {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return }
        let status =
            signing
            ? EVP_DigestSignUpdate(digestContext, base, buffer.count)
            : EVP_DigestVerifyUpdate(digestContext, base, buffer.count)
        guard status == 1 else { throw OpenSSLSupport.failure("SM2 update") }
    }

    func update(_ bytes: some Collection<UInt8>) throws {
        try Array(bytes).withUnsafeBytes { try update($0) }
    }

    /// Finishes signing and returns the DER-encoded signature (SEQUENCE of r, s).
    func signature() throws -> [UInt8] {
        precondition(signing, "signature() on a verify operation")
        var length = 0
        guard EVP_DigestSignFinal(digestContext, nil, &length) == 1 else { throw OpenSSLSupport.failure("EVP_DigestSignFinal size") }
        var signature = [UInt8](repeating: 0, count: length)
        guard EVP_DigestSignFinal(digestContext, &signature, &length) == 1 else { throw OpenSSLSupport.failure("EVP_DigestSignFinal") }
        return Array(signature.prefix(length))
    }

    /// Finishes verifying: true only for a valid signature. Malformed DER counts as invalid.
    func isValid(signature: [UInt8]) -> Bool {
        precondition(!signing, "isValid(signature:) on a sign operation")
        let status = OpenSSLSupport.withNonNullBytes(signature) { EVP_DigestVerifyFinal(digestContext, $0, $1) }
        // A failed verification queues errors; drop them so they do not surface in an unrelated later call.
        _ = OpenSSLSupport.drainErrors()
        return status == 1
    }
}
