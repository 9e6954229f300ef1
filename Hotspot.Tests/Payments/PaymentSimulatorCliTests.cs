using Hotspot.Simulators.Payments;

namespace Hotspot.Tests.Payments;

/// <summary>The <c>payments</c> command's options, as the README documents them.</summary>
public sealed class PaymentSimulatorCliTests
{
    [Fact]
    public void Options_set_the_ports_the_public_url_and_where_both_accounts_send_webhooks()
    {
        var options = PaymentSimulatorCli.Parse(["--port", "0", "--control-port", "9191", "--public-url", "http://pay.test/", "--webhook-url", "http://127.0.0.1:7071/hook"]);

        Assert.NotNull(options);
        Assert.Equal((0, 9191), (options.Port, options.ControlPort));
        Assert.Equal(new Uri("http://pay.test/"), options.PublicBaseUrl);
        Assert.All(options.Accounts, account => Assert.Equal(new Uri("http://127.0.0.1:7071/hook"), account.WebhookUrl));
        Assert.Equal(2, options.Accounts.Select(a => a.Provider).Distinct().Count());
    }

    [Theory]
    [InlineData("--port", "70000")]
    [InlineData("--webhook-url", "not a url")]
    [InlineData("--unknown")]
    public void Bad_options_are_refused(params string[] args) => Assert.Null(PaymentSimulatorCli.Parse(args));

    [Fact]
    public void Without_options_it_listens_on_the_documented_ports()
    {
        var options = PaymentSimulatorCli.Parse([]);

        Assert.Equal((8090, 8091), (options!.Port, options.ControlPort));
    }
}
