/// The answer to a password or TOTP step.
public enum SignInResult: Sendable {
    /// Signed in: the cookie's token, the page's CSRF token and who signed in.
    case signedIn(token: String, csrfToken: String, actor: Actor)
    /// The password was right; a TOTP code is needed next, sent with this pending session's token.
    case totpRequired(token: String)
    /// The organisation requires TOTP for the user's role and the user has no authenticator yet: enrol with this secret.
    case totpEnrollmentRequired(token: String, secret: String, uri: String)
}
