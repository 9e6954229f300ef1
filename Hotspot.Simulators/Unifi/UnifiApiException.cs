using System.Net;

namespace Hotspot.Simulators.Unifi;

/// <summary>An API answer other than 200, written as the Integration API's error body.</summary>
internal sealed class UnifiApiException(HttpStatusCode status, string code, string message) : Exception(message)
{
    public HttpStatusCode Status { get; } = status;
    public string Code { get; } = code;

    public static UnifiApiException BadRequest(string message) => new(HttpStatusCode.BadRequest, "api.request.argument-validation-error", message);

    public static UnifiApiException NotFound(string what) => new(HttpStatusCode.NotFound, "api.resource.not-found", $"{what} not found");
}
