using System.Security.Cryptography;
using System.Text;

namespace Hotspot.Auth;

/// <summary>Comparisons of secrets whose time tells nothing about them.</summary>
public static class ConstantTime
{
    /// <summary>Hashing first makes the comparison's time independent of where, or whether, the lengths differ.</summary>
    public static bool TextEquals(string expected, string given) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(expected)), SHA256.HashData(Encoding.UTF8.GetBytes(given)));
}
