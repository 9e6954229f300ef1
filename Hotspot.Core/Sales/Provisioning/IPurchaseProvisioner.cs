namespace Hotspot.Sales.Provisioning;

/// <summary>
/// Gives a paid purchase its access on the router, and takes it back. Both calls are idempotent: a rerun after a crash
/// at any step finds what an earlier run did (the MikroTik user carries the purchase's marker in its comment; the
/// UniFi entitlement is keyed by the purchase) and never adds a second user.
/// </summary>
public interface IPurchaseProvisioner
{
    /// <summary>
    /// Creates (or finds again) the purchase's access. Answers <see cref="ProvisioningStatus.NameTakenByAnother"/> when
    /// <see cref="ProvisioningOrder.Usuario"/> belongs to someone else: the caller stores a new name and calls again.
    /// </summary>
    Task<ProvisioningResult> ProvisionAsync(ProvisioningOrder order, CancellationToken cancellationToken);

    /// <summary>
    /// Removes every access the purchase gave: the user, its RANDMAC clones, their sessions and cookies (MikroTik), or
    /// the device's authorization and the entitlement (UniFi). Removing what is already gone is not an error.
    /// </summary>
    Task<ProvisioningResult> RevokeAsync(ProvisioningOrder order, CancellationToken cancellationToken);
}
