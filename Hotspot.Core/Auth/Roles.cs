namespace Hotspot.Auth;

public static class Roles
{
    public const string SuperAdmin = "super_admin";
    public const string ClienteAdmin = "cliente_admin";

    /// <summary>A company's cashier: prints and sells fichas, sees its own sales; the API refuses it everything else (<see cref="CajeroAccess"/>).</summary>
    public const string Cajero = "cajero";

    public static bool IsKnown(string? role) => role is SuperAdmin or ClienteAdmin or Cajero;

    /// <summary>Whether the role belongs to one company (and needs an active one to sign in).</summary>
    public static bool IsPerCompany(string? role) => role is ClienteAdmin or Cajero;
}
