using Hotspot.Tenancy.Entities;

namespace Hotspot.Tenancy.Admin;

/// <summary>
/// Where, and under which certificate check, a router's stored password or UniFi API key is sent. A stored secret only
/// ever goes where it was entered for: an update that changes this must carry the secret again, or anyone who may edit
/// the router (a cliente_admin) could point it at a listener of their own and have the test-connection hand it over.
/// </summary>
internal sealed record SecretDestination(string? Host, int? Puerto, bool Tls, string? BaseUrl, string? CertificadoSha256, string? ConsolaId)
{
    public static SecretDestination Of(RouterEntity router) =>
        new(router.Host?.ToLowerInvariant(), router.Puerto, router.Tls, router.BaseUrl, router.CertificadoSha256, router.ConsolaId);

    /// <summary>The request field that carries the router's secret.</summary>
    public static string SecretField(RouterEntity router) => KindOf(router).SecretField;

    public static string SecretRequired(RouterEntity router) => KindOf(router).SecretRequiredMessage;

    private static Kinds.IRouterKind KindOf(RouterEntity router) =>
        Kinds.RouterKindRegistry.For(router) ?? throw new InvalidOperationException($"Router {router.Id} is of no known kind ({router.Tipo}).");
}
