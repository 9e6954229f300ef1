using Hotspot.Auth;
using Hotspot.Http;

namespace Hotspot.Tenancy.Admin;

/// <summary>The API keys' HTTP handlers over <see cref="ApiKeyAdmin"/>.</summary>
public static class ApiKeyEndpoints
{
    public static async Task<IResult> IssueAsync(ApiKeyAdmin admin, HttpContext context, CancellationToken cancellationToken) =>
        ApiJson.Ok(await admin.IssueAsync(AdminCaller.Of(context), RouterId(context), await ScopeAsync(context, cancellationToken), revokeExisting: false, cancellationToken), StatusCodes.Status201Created);

    /// <summary>Revokes every active key of the router of the asked scope and issues a new one: those keys stop working at once.</summary>
    public static async Task<IResult> RegenerateAsync(ApiKeyAdmin admin, HttpContext context, CancellationToken cancellationToken) =>
        ApiJson.Ok(await admin.IssueAsync(AdminCaller.Of(context), RouterId(context), await ScopeAsync(context, cancellationToken), revokeExisting: true, cancellationToken), StatusCodes.Status201Created);

    public static Task<IResult> ListAsync(ApiKeyAdmin admin, HttpContext context, CancellationToken cancellationToken)
    {
        var now = admin.Now;
        return Paging.AnswerAsync(
            context.Request,
            (limit, token) => admin.PageAsync(AdminCaller.Of(context), RouterId(context), limit, token, cancellationToken),
            key => ApiKeyStatus.From(key, now));
    }

    public static async Task<IResult> GetAsync(ApiKeyAdmin admin, HttpContext context, CancellationToken cancellationToken) =>
        ApiJson.Ok(ApiKeyStatus.From(await admin.GetAsync(AdminCaller.Of(context), RouterId(context), KeyId(context), cancellationToken), admin.Now));

    public static async Task<IResult> RevokeAsync(ApiKeyAdmin admin, HttpContext context, CancellationToken cancellationToken) =>
        ApiJson.Ok(ApiKeyStatus.From(await admin.RevokeAsync(AdminCaller.Of(context), RouterId(context), KeyId(context), cancellationToken), admin.Now));

    /// <summary>The body's <c>alcance</c>; no body, or no <c>alcance</c>, asks for a portal key (the one that can be published).</summary>
    private static async Task<KeyScope> ScopeAsync(HttpContext context, CancellationToken cancellationToken)
    {
        if (RequestBody.Of(context).IsEmpty)
        {
            return KeyScope.Portal;
        }

        var body = await JsonBody.RequireAsync<ApiKeyRequest>(context.Request, cancellationToken);
        return body.Alcance is null
            ? KeyScope.Portal
            : KeyScopes.Parse(body.Alcance)
                ?? throw new InvalidFieldsException(new FieldErrors().Add("alcance", "Debe ser portal (la key que se publica en el portal) o integracion (la key secreta de un servidor)."));
    }

    private static long? RouterId(HttpContext context) => RouteValueReader.Id(context, "routerId");

    private static string? KeyId(HttpContext context) => context.Request.RouteValues["keyId"]?.ToString();
}
