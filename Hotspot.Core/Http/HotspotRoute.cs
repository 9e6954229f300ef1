namespace Hotspot.Http;

/// <summary>A handler: the request and a cancellation token in, the response as an <see cref="IResult"/> out.</summary>
public delegate Task<IResult> RouteHandler(HttpContext context, CancellationToken cancellationToken);

/// <summary>
/// One HTTP endpoint: its function name, verbs, absolute path, who may call it, what answers it and its contract
/// (what it accepts and answers, with the answers common to its auth kind added).
/// Both hosts (DevHost and Azure Functions) execute a route through <see cref="ExecuteAsync"/>, so the
/// behaviour tested locally is the behaviour deployed.
/// </summary>
public sealed record HotspotRoute(string Name, IReadOnlyList<string> Verbs, string Path, AuthKind Auth, RouteHandler Handler, Contracts.RouteContract Declared)
{
    public Contracts.RouteContract Contract { get; } = Declared.ForRoute(Auth);

    /// <summary>The path as an Azure Functions route: the same template without its leading slash.</summary>
    public string FunctionRoute => Path.TrimStart('/');

    /// <summary>
    /// The verbs both hosts bind: the table's, plus HEAD wherever GET is answered (HEAD answers as GET, without the body),
    /// plus OPTIONS on the routes portal pages call (CORS preflight, <see cref="Cors.PortalCors"/>).
    /// </summary>
    public IReadOnlyList<string> BoundVerbs
    {
        get
        {
            var verbs = Verbs.ToList();
            if (verbs.Contains(HttpMethods.Get, StringComparer.OrdinalIgnoreCase) && !verbs.Contains(HttpMethods.Head, StringComparer.OrdinalIgnoreCase))
            {
                verbs.Add(HttpMethods.Head);
            }

            if (Cors.PortalCors.AnswersPreflight(this))
            {
                verbs.Add(HttpMethods.Options);
            }

            return verbs;
        }
    }

    public Task<IResult> ExecuteAsync(HttpContext context, CancellationToken cancellationToken) =>
        RoutePipeline.ExecuteAsync(this, context, cancellationToken);
}
