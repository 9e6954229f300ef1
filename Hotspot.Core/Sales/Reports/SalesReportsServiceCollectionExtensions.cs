using Hotspot.Sales.Alerts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Hotspot.Sales.Reports;

public static class SalesReportsServiceCollectionExtensions
{
    /// <summary>Sales for operators (<see cref="SalesReports"/>) and the sales alerts written to the audit log.</summary>
    public static IServiceCollection AddSalesReports(this IServiceCollection services)
    {
        services.TryAddSingleton<SalesReports>();
        services.TryAddSingleton<SalesAlertLedger>();
        services.TryAddSingleton<SalesAlerts>();
        return services;
    }
}
