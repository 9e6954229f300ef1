namespace Hotspot.Http.Contracts;

/// <summary>What each problem status means on this API, in the words the OpenAPI document shows.</summary>
internal static class ProblemDescriptions
{
    public static string For(int status) => status switch
    {
        400 => "Malformed request: the body is not JSON, not an object, or not valid UTF-8.",
        401 => "No valid credential for this route.",
        403 => "The caller's role, company or router may not do this.",
        404 => "Not found, or belongs to another company.",
        409 => "Conflicts with the current state (taken name, concurrent change).",
        408 => "The request body did not arrive within 10 s.",
        413 => "The body is larger than 64 KiB.",
        422 => "Invalid fields; `errors` names each one.",
        429 => "Too many attempts; `Retry-After` says when to try again.",
        500 => "Unexpected failure; logged, nothing revealed.",
        502 => "The network controller answered with an error.",
        503 => "Storage or the network controller is unavailable; `Retry-After` says when to try again.",
        _ => "Problem details.",
    };
}
