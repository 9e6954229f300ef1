using System.Diagnostics;
using System.Text;
using Hotspot.Sales.Payments;
using Hotspot.Sales.Payments.Webhooks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Microsoft.Extensions.Time.Testing;

namespace Hotspot.Tests.Payments;

/// <summary>
/// Our verifiers on webhooks the simulator really sent: the genuine one passes; a tampered body or id, a wrong or
/// missing signature, an old timestamp do not. Mercado Pago's HMAC is recomputed with openssl, an implementation no one
/// here wrote (Mercado Pago's documentation shows an example header but not the secret and ids behind it, so there is
/// no published vector to check against).
/// </summary>
public sealed class WebhookVerificationTests : IAsyncLifetime
{
    private static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);
    private PaymentTestBed _bed = null!;

    public async Task InitializeAsync() => _bed = await PaymentTestBed.StartAsync();

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task Mercado_Pago_signature_equals_openssls_hmac_of_the_documented_manifest()
    {
        var webhook = await MercadoPagoWebhookAsync();
        var signature = webhook.Headers["x-signature"].ToString();
        var ts = signature.Split(',')[0]["ts=".Length..];
        var manifest = $"id:{webhook.Query["data.id"]};request-id:{webhook.Headers["x-request-id"]};ts:{ts};";

        var openssl = await OpensslHmacAsync(PaymentTestBed.MercadoPagoSecret, manifest);

        Assert.Equal($"ts={ts},v1={openssl}", signature);
        Assert.Equal(manifest, MercadoPagoWebhookVerifier.Manifest(webhook.Query["data.id"], webhook.Headers["x-request-id"], ts));
    }

    [Fact]
    public async Task Mercado_Pago_webhooks_are_refused_when_anything_signed_is_changed_or_missing()
    {
        var webhook = await MercadoPagoWebhookAsync();
        var verifier = new MercadoPagoWebhookVerifier(TimeProvider.System, Tolerance);
        string[] secret = [PaymentTestBed.MercadoPagoSecret];

        Assert.True(verifier.Verify(webhook, secret).IsValid);
        Assert.True(verifier.Verify(webhook, ["rotated-new-secret", PaymentTestBed.MercadoPagoSecret]).IsValid);
        Assert.False(verifier.Verify(webhook, ["another-secret"]).IsValid);
        Assert.False(verifier.Verify(WithQuery(webhook, "data.id", "999" + webhook.Query["data.id"]), secret).IsValid);
        Assert.False(verifier.Verify(WithQuery(webhook, "data.id", null), secret).IsValid);
        Assert.False(verifier.Verify(WithHeader(webhook, "x-request-id", Guid.NewGuid().ToString()), secret).IsValid);
        Assert.False(verifier.Verify(WithHeader(webhook, "x-request-id", null), secret).IsValid);
        Assert.False(verifier.Verify(WithHeader(webhook, "x-signature", null), secret).IsValid);
        Assert.False(verifier.Verify(WithHeader(webhook, "x-signature", webhook.Headers["x-signature"].ToString().Split(',')[0]), secret).IsValid);
        Assert.False(verifier.Verify(webhook, []).IsValid);
        Assert.False(new MercadoPagoWebhookVerifier(Later(TimeSpan.FromMinutes(10)), Tolerance).Verify(webhook, secret).IsValid);
        Assert.True(new MercadoPagoWebhookVerifier(Later(TimeSpan.FromMinutes(4)), Tolerance).Verify(webhook, secret).IsValid);
    }

    [Fact]
    public async Task Mercado_Pago_alphanumeric_ids_are_signed_lower_cased()
    {
        var verifier = new MercadoPagoWebhookVerifier(TimeProvider.System, Tolerance);
        var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var hmac = await OpensslHmacAsync("s3cret", $"id:abc123xyz;request-id:req-1;ts:{ts};");
        var webhook = new WebhookRequest(Encoding.UTF8.GetBytes("{\"action\":\"payment.updated\"}"),
            new HeaderDictionary { ["x-signature"] = $"ts={ts},v1={hmac}", ["x-request-id"] = "req-1" },
            new QueryCollection(new Dictionary<string, StringValues> { ["data.id"] = "ABC123xyz" }));

        var verdict = verifier.Verify(webhook, ["s3cret"]);

        Assert.True(verdict.IsValid, verdict.Failure);
        Assert.Equal("payment.updated", verdict.Notice!.EventType);
        Assert.Equal("req-1:ABC123xyz", verdict.Notice.DedupeKey);
    }

    [Fact]
    public async Task Stripe_webhooks_are_refused_when_the_body_the_secret_the_timestamp_or_the_header_is_wrong()
    {
        var webhook = await StripeWebhookAsync();
        var verifier = new StripeWebhookVerifier(TimeProvider.System, Tolerance);
        string[] secret = [PaymentTestBed.StripeSecret];
        var tampered = Encoding.UTF8.GetBytes(PaymentTestBed.Text(webhook).Replace("\"paid\"", "\"unpaid\"", StringComparison.Ordinal));

        Assert.True(verifier.Verify(webhook, secret).IsValid);
        Assert.False(verifier.Verify(webhook with { Body = tampered }, secret).IsValid);
        Assert.False(verifier.Verify(webhook with { Body = webhook.Body[..^1] }, secret).IsValid);
        Assert.False(verifier.Verify(webhook, ["whsec_someone_else"]).IsValid);
        Assert.False(verifier.Verify(WithHeader(webhook, "Stripe-Signature", null), secret).IsValid);
        Assert.False(verifier.Verify(WithHeader(webhook, "Stripe-Signature", webhook.Headers["Stripe-Signature"].ToString().Split(',')[0]), secret).IsValid);
        Assert.False(new StripeWebhookVerifier(Later(TimeSpan.FromMinutes(10)), Tolerance).Verify(webhook, secret).IsValid);
        Assert.True(new StripeWebhookVerifier(Later(TimeSpan.FromMinutes(4)), Tolerance).Verify(webhook, secret).IsValid);
    }

    [Fact]
    public async Task Stripe_signatures_made_by_Stripe_net_for_a_body_are_accepted_and_a_v0_only_header_is_not()
    {
        var webhook = await StripeWebhookAsync();
        var verifier = new StripeWebhookVerifier(TimeProvider.System, Tolerance);
        var body = PaymentTestBed.Text(webhook);
        var header = Stripe.EventUtility.GenerateSignatureHeader(body, PaymentTestBed.StripeSecret, DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        var t = header.Split(',')[0];

        Assert.True(verifier.Verify(WithHeader(webhook, "Stripe-Signature", header), [PaymentTestBed.StripeSecret]).IsValid);
        Assert.False(verifier.Verify(WithHeader(webhook, "Stripe-Signature", header.Replace("v1=", "v0=", StringComparison.Ordinal)), [PaymentTestBed.StripeSecret]).IsValid);
        Assert.False(verifier.Verify(WithHeader(webhook, "Stripe-Signature", $"{t},v1={new string('0', 64)}"), [PaymentTestBed.StripeSecret]).IsValid);
    }

    private async Task<WebhookRequest> MercadoPagoWebhookAsync()
    {
        var provider = _bed.Providers.Provider(PaymentProviderKind.MercadoPago);
        var account = await _bed.AccountAsync(PaymentProviderKind.MercadoPago);
        var checkout = await provider.CreateCheckoutAsync(account, PaymentTestBed.Checkout(PaymentTestBed.NewPurchaseId()), default);
        using var _ = await _bed.PressAsync(checkout.PaymentUrl, "approve");
        return await _bed.Webhooks.NextAsync();
    }

    private async Task<WebhookRequest> StripeWebhookAsync()
    {
        var provider = _bed.Providers.Provider(PaymentProviderKind.Stripe);
        var account = await _bed.AccountAsync(PaymentProviderKind.Stripe);
        var checkout = await provider.CreateCheckoutAsync(account, PaymentTestBed.StripeCheckout(PaymentTestBed.NewPurchaseId()), default);
        using var _ = await _bed.PressAsync(checkout.PaymentUrl, "approve");
        return await _bed.Webhooks.NextAsync();
    }

    private static FakeTimeProvider Later(TimeSpan by) => new(DateTimeOffset.UtcNow + by);

    private static WebhookRequest WithHeader(WebhookRequest webhook, string name, string? value)
    {
        var headers = new HeaderDictionary(webhook.Headers.ToDictionary(StringComparer.OrdinalIgnoreCase));
        headers.Remove(name);
        if (value is not null)
        {
            headers[name] = value;
        }

        return webhook with { Headers = headers };
    }

    private static WebhookRequest WithQuery(WebhookRequest webhook, string name, string? value)
    {
        var query = webhook.Query.ToDictionary();
        query.Remove(name);
        if (value is not null)
        {
            query[name] = value;
        }

        return webhook with { Query = new QueryCollection(query) };
    }

    private static async Task<string> OpensslHmacAsync(string key, string message)
    {
        var start = new ProcessStartInfo("openssl", ["dgst", "-sha256", "-hmac", key])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false,
        };
        using var openssl = Process.Start(start)!;
        await openssl.StandardInput.WriteAsync(message);
        openssl.StandardInput.Close();
        var output = await openssl.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await openssl.WaitForExitAsync(timeout.Token);
        return output.Trim().Split(' ')[^1];
    }
}
