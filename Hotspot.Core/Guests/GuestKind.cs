using System.Net.Mail;

namespace Hotspot.Guests;

/// <summary>How a guest signed in, told by the portal login's <c>uid</c> (seed 002's email, Facebook, mobile and free users).</summary>
public enum GuestKind
{
    Free,
    Email,
    Facebook,
    Mobile,
}

public static class GuestKinds
{
    public const string FacebookPrefix = "fb:";

    /// <summary>The kind and the identity as stored (emails lower-cased, phone numbers as digits with an optional '+').</summary>
    public static (GuestKind Kind, string Identity) Classify(string uid)
    {
        ArgumentNullException.ThrowIfNull(uid);
        if (uid.StartsWith(FacebookPrefix, StringComparison.OrdinalIgnoreCase) && uid.Length > FacebookPrefix.Length)
        {
            return (GuestKind.Facebook, uid[FacebookPrefix.Length..]);
        }

        if (uid.Contains('@', StringComparison.Ordinal) && MailAddress.TryCreate(uid, out var mail) && mail.Address == uid && mail.Host.Contains('.', StringComparison.Ordinal))
        {
            return (GuestKind.Email, uid.ToLowerInvariant());
        }

        var digits = uid.Where(c => c is not (' ' or '-' or '(' or ')')).ToArray();
        var start = digits.Length > 0 && digits[0] == '+' ? 1 : 0;
        if (digits.Length - start is >= 7 and <= 15 && digits.Skip(start).All(char.IsAsciiDigit))
        {
            return (GuestKind.Mobile, new string(digits));
        }

        return (GuestKind.Free, uid);
    }
}
