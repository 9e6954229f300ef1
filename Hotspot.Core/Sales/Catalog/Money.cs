namespace Hotspot.Sales.Catalog;

/// <summary>Amounts as integer hundredths in storage and as two-decimal JSON numbers on the wire (<c>15.00</c>).</summary>
public static class Money
{
    public const long MaxCents = 100_000_000_00;

    /// <summary>The amount with exactly two decimals, so the serializer writes <c>15.00</c>, not <c>15</c>.</summary>
    public static decimal FromCents(long cents) => new((int)(cents & 0xFFFFFFFF), (int)(cents >> 32), 0, false, 2);

    /// <summary>Cents of a positive amount with at most two decimals, or null.</summary>
    public static long? ToCents(decimal amount)
    {
        var cents = amount * 100m;
        return amount > 0 && cents == decimal.Truncate(cents) && cents <= MaxCents ? (long)cents : null;
    }
}
