namespace Hotspot.Auth;

/// <summary>
/// The routes a cajero may call, by route name; the route pipeline answers 403 on every other one. An allowlist, so a
/// route added later stays closed to cashiers until it is named here.
/// </summary>
public static class CajeroAccess
{
    public const string Refusal = "Un cajero no puede hacer esta operación: solo imprime y vende fichas y consulta sus propias ventas.";

    private static readonly HashSet<string> Allowed = new(StringComparer.Ordinal)
    {
        "Logout", "ChangePassword",
        "GetEmpresa",
        "ListRouters", "GetRouter",
        "ListProductos", "GetProducto",
        "CreateLoteFichas", "ListLotesFichas", "GetLoteFichas", "ListFichasLote", "MarcarLoteImpreso", "VenderFicha", "CorteCaja",
    };

    public static bool Allows(string routeName) => Allowed.Contains(routeName);

    public static IReadOnlyCollection<string> Routes => Allowed;
}
