using Hotspot.Drivers;

namespace Hotspot.Sales.Provisioning;

/// <summary>
/// What a purchase gives, all from the product snapshot taken when the purchase was created (never from the client).
/// </summary>
/// <param name="Usuario">The hotspot user name chosen at creation (<see cref="PurchaseCredentials.NewUserName"/>).</param>
/// <param name="TiempoSegundos">The TL of the user: the time bought.</param>
/// <param name="MacComprador">The buyer's device, when the portal sent it: logged in at once with <paramref name="ConexionAutomatica"/>.</param>
public sealed record ProvisioningOrder(
    long EmpresaId,
    long RouterId,
    string CompraId,
    string Usuario,
    long TiempoSegundos,
    long? LimiteMb,
    string? PerfilMikrotikNombre,
    int? LimiteSubidaKbps,
    int? LimiteBajadaKbps,
    MacAddress? MacComprador,
    string? IpComprador,
    bool ConexionAutomatica);

public enum ProvisioningStatus
{
    /// <summary>The access exists (made now or found from an earlier run), or for a revoke: it is gone.</summary>
    Done,

    /// <summary>The chosen user name belongs to a user that is not this purchase's.</summary>
    NameTakenByAnother,

    /// <summary>The router or controller did not answer or failed; retry later with backoff.</summary>
    RouterUnavailable,

    /// <summary>
    /// The router refused the order as given (the product's profile is not on it, a limit out of its range, the router
    /// is not the company's): retrying will not help; an operator must look (<c>requiere_atencion</c>).
    /// </summary>
    Rejected,
}

/// <param name="LoggedIn">The buyer's device was logged in (only with <see cref="ProvisioningOrder.ConexionAutomatica"/>).</param>
/// <param name="RouterRoundTrips">Sequential router round trips this call made (for the benchmark and the audit).</param>
public sealed record ProvisioningResult(ProvisioningStatus Status, bool LoggedIn = false, string? Detail = null, int RouterRoundTrips = 0);
