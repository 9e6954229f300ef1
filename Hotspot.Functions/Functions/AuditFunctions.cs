using Hotspot.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Hotspot.Functions;

public static class AuditFunctions
{
    [Function("ListAudit")]
    public static Task<IResult> ListAudit(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "api/v1/admin/audit")] HttpRequest request, CancellationToken cancellationToken) =>
        RouteTable.ListAudit.ExecuteAsync(request.HttpContext, cancellationToken);
}
