using System.Diagnostics;
using System.Globalization;

namespace Hotspot.Tests.Radius;

/// <summary>FreeRADIUS's <c>radclient</c> as a process over UDP: a RADIUS client no one here wrote.</summary>
public static class Radclient
{
    /// <summary>Sends one request (attributes as <c>Name = value</c> lines) and returns what came back, or null for no answer.</summary>
    public static async Task<RadiusReply?> SendAsync(int port, string kind, string secret, string attributes, int timeoutSeconds = 3)
    {
        var start = new ProcessStartInfo("radclient", ["-x", "-r", "1", "-t", timeoutSeconds.ToString(CultureInfo.InvariantCulture), $"127.0.0.1:{port}", kind, secret])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(attributes);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return RadiusReply.Parse(await output + await errors);
    }
}

/// <summary>The packet radclient received: its code and attributes.</summary>
public sealed record RadiusReply(string Code, IReadOnlyDictionary<string, string> Attributes, string Text)
{
    public static RadiusReply? Parse(string output)
    {
        var lines = output.Split('\n');
        var received = Array.FindIndex(lines, l => l.StartsWith("Received ", StringComparison.Ordinal));
        if (received < 0)
        {
            return null;
        }

        var code = lines[received].Split(' ')[1];
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in lines.Skip(received + 1).TakeWhile(l => l.StartsWith('\t')))
        {
            var parts = line.Trim().Split(" = ", 2);
            attributes[parts[0]] = parts.Length > 1 ? parts[1].Trim('"') : "";
        }

        return new RadiusReply(code, attributes, output);
    }
}
