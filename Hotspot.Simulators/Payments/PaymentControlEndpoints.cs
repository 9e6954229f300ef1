using System.Text.Json;
using Hotspot.Simulators.Payments.Checkout;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Hotspot.Simulators.Payments;

/// <summary>
/// The control port (plain HTTP, loopback, snake_case JSON): accounts, the buyer's choice without a browser, pending
/// payments settled, refunds, chargebacks and disputes (opened, then won or lost) made from the provider's side, faults, the clock and the webhook log.
/// Errors are RFC 9457 problem details.
/// </summary>
internal static class PaymentControlEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static void Map(IEndpointRouteBuilder app, PaymentSimulator simulator)
    {
        var ledger = simulator.Ledger;
        app.MapGet("/state", () => Results.Json(ledger.Snapshot(), Json));
        app.MapGet("/requests", () => Results.Json(new { api = simulator.ApiRequests }, Json));
        app.MapGet("/webhooks", () => Results.Json(simulator.Webhooks.Log(), Json));
        app.MapPost("/accounts", async (HttpRequest request) =>
        {
            var body = await ReadAsync<AccountRequest>(request);
            if (body is null || PaymentProviderNames.Parse(body.Provider) is not { } provider || string.IsNullOrEmpty(body.ApiKey) || string.IsNullOrEmpty(body.WebhookSecret))
            {
                return Results.Problem("'provider' (mercado_pago or stripe), 'api_key' and 'webhook_secret' are required; 'webhook_url' is optional.", statusCode: 400);
            }

            Uri? url = null;
            if (body.WebhookUrl is not null && !Uri.TryCreate(body.WebhookUrl, UriKind.Absolute, out url))
            {
                return Results.Problem("'webhook_url' must be an absolute URL.", statusCode: 400);
            }

            ledger.AddAccount(new SimulatedAccount(provider, body.ApiKey, body.WebhookSecret, url));
            return Results.Json(new { provider = body.Provider, webhook_url = url }, Json, statusCode: 201);
        });
        app.MapPost("/checkouts/{id}/pay", async (HttpRequest request, string id) =>
        {
            var body = await ReadAsync<PayRequest>(request);
            if (!Enum.TryParse<CheckoutOutcome>(body?.Outcome, ignoreCase: true, out var outcome) || !Enum.IsDefined(outcome))
            {
                return Results.Problem("'outcome' is approve, reject, pending or cancel.", statusCode: 400);
            }

            if (ledger.Checkout(id) is not { } checkout)
            {
                return Results.Problem($"No checkout '{id}'.", statusCode: 404);
            }

            var result = simulator.Pay(checkout, outcome);
            return result.Accepted
                ? Results.Json(new { redirect = result.Redirect, payments = ledger.Locked(() => checkout.PaymentIds.ToArray()) }, Json)
                : Results.Problem("The checkout no longer takes payments.", statusCode: 409);
        });
        app.MapPost("/payments/{id}/settle", async (HttpRequest request, string id) =>
        {
            var body = await ReadAsync<SettleRequest>(request);
            return body is null ? Results.Problem("'paid' (true or false) is required.", statusCode: 400)
                : ledger.Payment(id) is not { } payment ? Results.Problem($"No payment '{id}'.", statusCode: 404)
                : simulator.Dialect(payment.Provider).Settle(payment, body.Paid) ? Results.NoContent()
                : Results.Problem("Only a pending payment settles.", statusCode: 409);
        });
        app.MapPost("/payments/{id}/refund", async (HttpRequest request, string id) =>
        {
            var body = await ReadAsync<RefundRequest>(request) ?? new RefundRequest(null);
            return ledger.Payment(id) is not { } payment ? Results.Problem($"No payment '{id}'.", statusCode: 404)
                : simulator.Dialect(payment.Provider).Refund(payment, body.Amount) is { } refund ? Results.Json(refund, Json, statusCode: 201)
                : Results.Problem("Only an approved payment is refunded, up to what is left.", statusCode: 409);
        });
        app.MapPost("/payments/{id}/chargeback", (string id) =>
            ledger.Payment(id) is not { } payment ? Results.Problem($"No payment '{id}'.", statusCode: 404)
            : simulator.Dialect(payment.Provider).Chargeback(payment) ? Results.NoContent()
            : Results.Problem("Only an approved, undisputed payment is charged back.", statusCode: 409));
        app.MapPost("/payments/{id}/dispute", (string id) =>
            ledger.Payment(id) is not { } payment ? Results.Problem($"No payment '{id}'.", statusCode: 404)
            : simulator.Dialect(payment.Provider).OpenDispute(payment) ? Results.NoContent()
            : Results.Problem("Only an approved, undisputed payment is disputed.", statusCode: 409));
        app.MapPost("/payments/{id}/dispute/close", async (HttpRequest request, string id) =>
        {
            var body = await ReadAsync<CloseDisputeRequest>(request);
            return body?.Outcome is not ("won" or "lost") ? Results.Problem("'outcome' is won or lost.", statusCode: 400)
                : ledger.Payment(id) is not { } payment ? Results.Problem($"No payment '{id}'.", statusCode: 404)
                : simulator.Dialect(payment.Provider).CloseDispute(payment, body.Outcome == "won") ? Results.NoContent()
                : Results.Problem("The payment has no open dispute.", statusCode: 409);
        });
        app.MapGet("/faults", () => Results.Json(simulator.Faults.List(), Json));
        app.MapPost("/faults", async (HttpRequest request) =>
        {
            var fault = await ReadAsync<PaymentFault>(request);
            var problem = fault is null ? "A fault object with 'target' and 'mode' is required." : fault.Problem();
            if (fault is null || problem is not null)
            {
                return Results.Problem(problem, statusCode: 400);
            }

            simulator.Faults.Add(fault);
            return Results.Json(fault, Json, statusCode: 201);
        });
        app.MapDelete("/faults", () =>
        {
            simulator.Faults.Clear();
            return Results.NoContent();
        });
        app.MapPost("/clock/advance", async (HttpRequest request) =>
        {
            var body = await ReadAsync<AdvanceRequest>(request);
            if (body is not { Seconds: > 0 })
            {
                return Results.Problem("'seconds' above 0 is required.", statusCode: 400);
            }

            simulator.AdvanceClock(TimeSpan.FromSeconds(body.Seconds));
            return Results.Json(new { now = ledger.Clock.GetUtcNow() }, Json);
        });
    }

    private static async Task<T?> ReadAsync<T>(HttpRequest request) where T : class
    {
        try
        {
            return await request.ReadFromJsonAsync<T>(Json, request.HttpContext.RequestAborted);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    private sealed record AccountRequest(string? Provider, string? ApiKey, string? WebhookSecret, string? WebhookUrl);

    private sealed record PayRequest(string? Outcome);

    private sealed record SettleRequest(bool Paid);

    private sealed record RefundRequest(decimal? Amount);

    private sealed record CloseDisputeRequest(string? Outcome);

    private sealed record AdvanceRequest(double Seconds);
}
