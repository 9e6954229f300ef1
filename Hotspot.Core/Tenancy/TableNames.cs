namespace Hotspot.Tenancy;

/// <summary>Logical table names (the configured prefix is added by TableStore).</summary>
public static class TableNames
{
    public const string Empresas = "Empresas";
    public const string Usuarios = "Usuarios";
    public const string Routers = "Routers";
    public const string RouterDirectory = "RouterDirectory";
    public const string ApiKeys = "ApiKeys";
    public const string Audit = "Audit";
    public const string Counters = "Counters";
    public const string LoginThrottle = "LoginThrottle";
}
