namespace Hotspot.Auth;

public static class Roles
{
    public const string SuperAdmin = "super_admin";
    public const string ClienteAdmin = "cliente_admin";

    public static bool IsKnown(string? role) => role is SuperAdmin or ClienteAdmin;
}
