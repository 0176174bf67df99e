public import HTTPRouter

/// Installs the identity feature on a router: the authentication gate and every identity route.
public enum IdentityRoutes {
    /// Call before any other route is added, so the gate wraps every route.
    public static func install(on routes: SecuredRoutes, identity: IdentityService) {
        routes.router.use(AuthenticationMiddleware(identity: identity))
        AuthRoutes(identity: identity).register(on: routes)
        AccountRoutes(identity: identity).register(on: routes)
        DirectoryRoutes(identity: identity).register(on: routes)
        AuditRoutes(identity: identity).register(on: routes)
    }
}
