extern alias functions;
using functions::Hotspot.Functions.Middleware;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace Hotspot.Tests.Functions;

/// <summary>In Azure the Functions host matches the route; handlers still read route parameters from RouteValues.</summary>
public sealed class RouteValuesMiddlewareTests
{
    [Fact]
    public async Task Route_parameters_from_the_trigger_reach_the_requests_route_values()
    {
        var http = new DefaultHttpContext();
        var invocation = new TestFunctionContext(http, new Dictionary<string, object?> { ["routerId"] = "r-42", ["keyId"] = "k-7" });
        Assert.Same(http, invocation.GetHttpContext());

        var ranNext = false;
        await new RouteValuesMiddleware().Invoke(invocation, _ =>
        {
            ranNext = true;
            return Task.CompletedTask;
        });

        Assert.True(ranNext);
        Assert.Equal("r-42", http.Request.RouteValues["routerId"]);
        Assert.Equal("k-7", http.Request.RouteValues["keyId"]);
    }

    [Fact]
    public async Task A_value_routing_already_set_is_not_overwritten_and_non_text_binding_data_is_left_out()
    {
        var http = new DefaultHttpContext();
        http.Request.RouteValues["site"] = "default";
        var invocation = new TestFunctionContext(http, new Dictionary<string, object?> { ["site"] = "other", ["count"] = 3, ["empty"] = null });

        await new RouteValuesMiddleware().Invoke(invocation, _ => Task.CompletedTask);

        Assert.Equal("default", http.Request.RouteValues["site"]);
        Assert.False(http.Request.RouteValues.ContainsKey("count"));
        Assert.False(http.Request.RouteValues.ContainsKey("empty"));
    }

    [Fact]
    public async Task An_invocation_without_an_http_request_passes_through()
    {
        var invocation = new TestFunctionContext(new ServiceCollection().BuildServiceProvider());
        var ranNext = false;

        await new RouteValuesMiddleware().Invoke(invocation, _ =>
        {
            ranNext = true;
            return Task.CompletedTask;
        });

        Assert.True(ranNext);
    }

}
