// Test-only stand-ins for the few Azure Functions Worker types that Hotspot.Functions/Functions uses.
// Signatures as the SDK names them (Microsoft.Azure.Functions.Worker, Worker.Extensions.Http, Worker.Extensions.Timer),
// no behaviour: they let the tests compile the real function sources and read their bindings. No product project
// references this file; the real packages are referenced by Hotspot.Functions.csproj.
#pragma warning disable CA1019, CA1813, CA1711, CA1716
namespace Microsoft.Azure.Functions.Worker;

[AttributeUsage(AttributeTargets.Method)]
public class FunctionAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}

public enum AuthorizationLevel
{
    Anonymous,
    User,
    Function,
    System,
    Admin,
}

[AttributeUsage(AttributeTargets.Parameter)]
public sealed class HttpTriggerAttribute : Attribute
{
    public HttpTriggerAttribute(AuthorizationLevel authLevel, params string[] methods)
    {
        AuthLevel = authLevel;
        Methods = methods;
    }

    public AuthorizationLevel AuthLevel { get; }

    public string[]? Methods { get; }

    public string? Route { get; set; }
}

[AttributeUsage(AttributeTargets.Parameter)]
public sealed class TimerTriggerAttribute(string schedule) : Attribute
{
    public string Schedule { get; } = schedule;

    public bool RunOnStartup { get; set; }

    public bool UseMonitor { get; set; } = true;
}

public class TimerInfo
{
    public bool IsPastDue { get; set; }
}
