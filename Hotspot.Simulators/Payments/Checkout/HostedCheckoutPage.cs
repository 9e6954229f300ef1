using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Hotspot.Simulators.Payments.Checkout;

/// <summary>
/// The page a checkout's init_point / url opens: what is being bought and four buttons (approve, reject, leave
/// pending, cancel). A button is a plain form POST; the answer is the provider's redirect (303) back to the merchant,
/// or a page when the provider keeps the buyer (a declined Stripe card, no return URL).
/// </summary>
internal static class HostedCheckoutPage
{
    public const string Prefix = "/checkout/";

    private static readonly (CheckoutOutcome Outcome, string Value, string Label)[] Buttons =
    [
        (CheckoutOutcome.Approve, "approve", "Pagar (aprobado)"),
        (CheckoutOutcome.Reject, "reject", "Pagar (rechazado)"),
        (CheckoutOutcome.Pending, "pending", "Pagar en efectivo (pendiente)"),
        (CheckoutOutcome.Cancel, "cancel", "Cancelar y volver"),
    ];

    public static void Map(IEndpointRouteBuilder app, PaymentSimulator simulator)
    {
        app.MapGet(Prefix + "{id}", (string id) => simulator.Ledger.Checkout(id) is { } checkout
            ? Page(checkout, checkout.Status == "open" ? null : "Este pago ya no está disponible.")
            : NotFound());
        app.MapPost(Prefix + "{id}", async (HttpRequest request, string id) =>
        {
            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            var choice = Buttons.FirstOrDefault(b => b.Value == form["action"]);
            if (simulator.Ledger.Checkout(id) is not { } checkout)
            {
                return NotFound();
            }

            if (choice.Value is null)
            {
                return Page(checkout, "Elige una de las opciones.", StatusCodes.Status400BadRequest);
            }

            return simulator.Pay(checkout, choice.Outcome) switch
            {
                { Accepted: false } => Page(checkout, "Este pago ya no está disponible.", StatusCodes.Status409Conflict),
                { Redirect: { } to } => new SeeOther(to),
                _ => Page(checkout, choice.Outcome == CheckoutOutcome.Reject ? "Tarjeta rechazada. Prueba con otra." : "Listo. Ya puedes cerrar esta página."),
            };
        });
    }

    private static IResult NotFound() => Results.Content(Html("Pago no encontrado", "<p>Este enlace de pago no existe.</p>"), "text/html; charset=utf-8", statusCode: 404);

    private static IResult Page(SimulatedCheckout checkout, string? message, int status = StatusCodes.Status200OK)
    {
        var encoder = HtmlEncoder.Default;
        var amount = checkout.Provider == PaymentProvider.Stripe
            ? (checkout.Amount / 100m).ToString("0.00", CultureInfo.InvariantCulture)
            : checkout.Amount.ToString("0.00", CultureInfo.InvariantCulture);
        var body = $"""
            <h1>{encoder.Encode(checkout.Title)}</h1>
            <p class="amount">{amount} {encoder.Encode(checkout.Currency.ToUpperInvariant())}</p>
            <p class="provider">{(checkout.Provider == PaymentProvider.Stripe ? "Stripe Checkout (simulador)" : "Mercado Pago Checkout Pro (simulador)")}</p>
            {(message is null ? "" : $"<p role=\"status\" class=\"message\">{encoder.Encode(message)}</p>")}
            """;
        if (checkout.Status == "open")
        {
            body += $"""
                <form method="post" action="{Prefix}{encoder.Encode(checkout.Id)}">
                {string.Concat(Buttons.Select(b => $"<button type=\"submit\" name=\"action\" value=\"{b.Value}\">{b.Label}</button>\n"))}</form>
                """;
        }

        return Results.Content(Html("Pagar", body), "text/html; charset=utf-8", statusCode: status);
    }

    private static string Html(string title, string body) => $"""
        <!doctype html>
        <html lang="es"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{title}</title>
        <style>body{"{"}font-family:sans-serif;max-width:28rem;margin:2rem auto;padding:0 1rem{"}"} button{"{"}display:block;width:100%;margin:.5rem 0;padding:.8rem;font-size:1rem{"}"}</style>
        </head><body>
        {body}
        </body></html>
        """;

    /// <summary>303 See Other: the browser follows a form POST's redirect with a GET, as providers' pages do.</summary>
    private sealed class SeeOther(Uri location) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
            httpContext.Response.Headers.Location = location.ToString();
            return Task.CompletedTask;
        }
    }
}
