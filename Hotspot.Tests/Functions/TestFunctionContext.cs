using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Hotspot.Tests.Functions;

/// <summary>
/// A function invocation built by a test: a subclass of the Worker's public abstract <see cref="FunctionContext"/>
/// (the Worker's own implementation is internal). It carries what an HTTP invocation through the ASP.NET Core
/// integration carries: the request's <see cref="HttpContext"/> in <see cref="Items"/>, where the integration's
/// <c>GetHttpContext()</c> finds it, and the trigger's binding data. Members an invocation of ours never reads throw.
/// </summary>
public sealed class TestFunctionContext : FunctionContext
{
    /// <summary>The Items key under which the ASP.NET Core integration stores an invocation's HttpContext.</summary>
    private const string HttpContextItemKey = "HttpRequestContext";

    public TestFunctionContext(HttpContext httpContext, IReadOnlyDictionary<string, object?> bindingData)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        InstanceServices = httpContext.RequestServices;
        Items = new Dictionary<object, object> { [HttpContextItemKey] = httpContext };
        BindingContext = new Bindings(bindingData);
    }

    public TestFunctionContext(IServiceProvider instanceServices)
    {
        InstanceServices = instanceServices;
        Items = new Dictionary<object, object>();
        BindingContext = new Bindings(new Dictionary<string, object?>());
    }

    public override string InvocationId { get; } = Guid.NewGuid().ToString();

    public override string FunctionId => throw new NotSupportedException();

    public override TraceContext TraceContext => throw new NotSupportedException();

    public override BindingContext BindingContext { get; }

    public override RetryContext RetryContext => throw new NotSupportedException();

    public override IServiceProvider InstanceServices { get; set; }

    public override FunctionDefinition FunctionDefinition => throw new NotSupportedException();

    public override IDictionary<object, object> Items { get; set; }

    public override IInvocationFeatures Features => throw new NotSupportedException();

    private sealed class Bindings(IReadOnlyDictionary<string, object?> data) : BindingContext
    {
        public override IReadOnlyDictionary<string, object?> BindingData => data;
    }
}
