using System.Security.Cryptography;

namespace Hotspot.Vouchers;

/// <summary>Generated usernames, passcodes and names: a cryptographic generator over characters nobody confuses (no 0/O, 1/l/I).</summary>
public static class VoucherCodes
{
    private const string Unambiguous = "23456789abcdefghjkmnpqrstuvwxyz";
    private const string Letters = "ABCDEFGHJKLMNPQRSTUVWXYZ";

    // 31^10 ≈ 8·10^14 usernames and passcodes: not guessable at any rate a router or we would allow.
    public static string Username() => "v" + RandomNumberGenerator.GetString(Unambiguous, 10);

    public static string Passcode() => RandomNumberGenerator.GetString(Unambiguous, 10);

    public static string Fullname() => "Guest " + RandomNumberGenerator.GetString(Letters, 6);

    /// <summary>A positive id that fits a JSON number exactly, with no shared counter to contend on.</summary>
    public static long Id() => RandomNumberGenerator.GetInt32(1, int.MaxValue) * 1024L + RandomNumberGenerator.GetInt32(0, 1024);
}
