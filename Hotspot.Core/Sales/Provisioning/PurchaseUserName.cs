using Hotspot.Reconnect;

namespace Hotspot.Sales.Provisioning;

/// <summary>
/// What a purchase's user name may be: ASCII letters and digits (what <see cref="PurchaseCredentials.NewUserName"/>
/// draws, and PIN digits), short, and never a RANDMAC clone's name.
/// </summary>
public static class PurchaseUserName
{
    public const int MaxLength = 32;

    public static void Validate(string usuario)
    {
        ArgumentException.ThrowIfNullOrEmpty(usuario);
        if (usuario.Length > MaxLength || !usuario.All(char.IsAsciiLetterOrDigit) || RandmacNames.TryParseClone(usuario, out _, out _))
        {
            throw new ArgumentException($"A purchase's user name is 1 to {MaxLength} ASCII letters or digits.", nameof(usuario));
        }
    }
}
