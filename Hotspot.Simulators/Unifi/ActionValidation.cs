namespace Hotspot.Simulators.Unifi;

/// <summary>The ranges of <c>AUTHORIZE_GUEST_ACCESS</c> as the Integration API documents them; out of range is a 400.</summary>
internal static class ActionValidation
{
    public const string Authorize = "AUTHORIZE_GUEST_ACCESS";
    public const string Unauthorize = "UNAUTHORIZE_GUEST_ACCESS";

    public static void Check(ActionRequest request)
    {
        switch (request.Action)
        {
            case Authorize:
                Range(request.TimeLimitMinutes, "timeLimitMinutes", 1, 1_000_000);
                Range(request.DataUsageLimitMBytes, "dataUsageLimitMBytes", 1, 1_048_576);
                Range(request.RxRateLimitKbps, "rxRateLimitKbps", 2, 100_000);
                Range(request.TxRateLimitKbps, "txRateLimitKbps", 2, 100_000);
                break;
            case Unauthorize:
                break;
            case null:
                throw UnifiApiException.BadRequest("'action' is required.");
            default:
                throw UnifiApiException.BadRequest($"Unsupported action '{request.Action}'.");
        }
    }

    private static void Range(long? value, string name, long min, long max)
    {
        if (value is { } v && (v < min || v > max))
        {
            throw UnifiApiException.BadRequest($"'{name}' must be from {min} to {max}.");
        }
    }
}
