using Hotspot.Drivers;

namespace Hotspot.Unifi;

/// <summary>The ranges the Integration API accepts for AUTHORIZE_GUEST_ACCESS, checked before anything is sent.</summary>
public static class UnifiLimits
{
    public const int MinMinutes = 1;
    public const int MaxMinutes = 1_000_000;
    public const long MinDataMBytes = 1;
    public const long MaxDataMBytes = 1_048_576;
    public const int MinRateKbps = 2;
    public const int MaxRateKbps = 100_000;

    /// <summary>
    /// The action body for a budget. The time limit is always explicit (the site default never applies) and rounded
    /// down to whole minutes, so a guest never gets more than the budget.
    /// </summary>
    internal static UnifiAuthorizeAction ToAuthorizeAction(AccessBudget budget)
    {
        ArgumentNullException.ThrowIfNull(budget);
        var minutes = Math.Floor(budget.TimeLimit.TotalMinutes);
        if (minutes is < MinMinutes or > MaxMinutes)
        {
            throw OutOfRange(nameof(AccessBudget.TimeLimit), $"The time limit must be {MinMinutes} to {MaxMinutes} whole minutes.");
        }

        if (budget.DataLimitMBytes is < MinDataMBytes or > MaxDataMBytes)
        {
            throw OutOfRange(nameof(AccessBudget.DataLimitMBytes), $"The data limit must be {MinDataMBytes} to {MaxDataMBytes} MB.");
        }

        if (budget.DownloadKbps is < MinRateKbps or > MaxRateKbps)
        {
            throw OutOfRange(nameof(AccessBudget.DownloadKbps), $"The download rate limit must be {MinRateKbps} to {MaxRateKbps} kbps.");
        }

        if (budget.UploadKbps is < MinRateKbps or > MaxRateKbps)
        {
            throw OutOfRange(nameof(AccessBudget.UploadKbps), $"The upload rate limit must be {MinRateKbps} to {MaxRateKbps} kbps.");
        }

        // rx is what the guest receives (download), tx what it sends (upload).
        return new UnifiAuthorizeAction(UnifiAuthorizeAction.Authorize, (int)minutes, budget.DataLimitMBytes, budget.DownloadKbps, budget.UploadKbps);
    }

    private static ControllerException OutOfRange(string field, string message) =>
        new(ControllerError.LimitOutOfRange, message, field);
}
