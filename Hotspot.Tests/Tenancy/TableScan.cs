using Azure.Data.Tables;
using Hotspot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hotspot.Tests.Tenancy;

/// <summary>Every value of every row of a host's tables, as text: what someone reading the storage account would see.</summary>
public static class TableScan
{
    public static async Task<string> AllValuesAsync(IServiceProvider services)
    {
        var prefix = services.GetRequiredService<IOptions<StorageOptions>>().Value.TablePrefix;
        var client = services.GetRequiredService<TableServiceClient>();
        var text = new System.Text.StringBuilder();
        await foreach (var table in client.QueryAsync(t => t.Name.CompareTo(prefix) >= 0))
        {
            if (!table.Name.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            await foreach (var row in client.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                foreach (var (key, value) in row)
                {
                    text.Append(table.Name).Append('.').Append(key).Append('=').Append(value).AppendLine();
                }
            }
        }

        return text.ToString();
    }
}
