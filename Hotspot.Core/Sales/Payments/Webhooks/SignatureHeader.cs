namespace Hotspot.Sales.Payments.Webhooks;

/// <summary>
/// A signature header of comma-separated <c>key=value</c> parts (<c>ts=…,v1=…</c>, <c>t=…,v1=…,v1=…</c>); a key may
/// repeat, unknown keys are ignored.
/// </summary>
internal static class SignatureHeader
{
    public static ILookup<string, string> Parse(string? header) => (header ?? "")
        .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
        .Select(part => part.Split('=', 2, StringSplitOptions.TrimEntries))
        .Where(pair => pair.Length == 2 && pair[1].Length > 0)
        .ToLookup(pair => pair[0], pair => pair[1], StringComparer.Ordinal);
}
