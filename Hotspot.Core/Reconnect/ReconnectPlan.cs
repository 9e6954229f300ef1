using Hotspot.RouterOs;

namespace Hotspot.Reconnect;

/// <summary>What to do for one reconnect, decided from one reading of the family: who logs in, and the writes before it.</summary>
public sealed record ReconnectPlan(
    FamilyMember Selected,
    IReadOnlyList<RouterOsCommand> Writes,
    RouterOsCommand? AddClone,
    TimeSpan Used,
    TimeSpan? Remaining,
    bool AlreadyConnected,
    Dictionary<string, string> SelectedAfter);

/// <summary>The planner's answer: a plan, or why there is none.</summary>
public sealed record PlanOutcome(ReconnectPlan? Plan, string? Estado, string? Mensaje)
{
    public static PlanOutcome Go(ReconnectPlan plan) => new(plan, null, null);

    public static PlanOutcome Expired(string mensaje) => new(null, Estados.Expirado, mensaje);

    /// <summary>The user is valid but cannot be connected (estado <c>activo</c>, <c>no_conectado</c>).</summary>
    public static PlanOutcome Refused(string mensaje) => new(null, Estados.Activo, mensaje);
}
