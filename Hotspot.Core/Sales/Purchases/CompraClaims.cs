using System.Security.Cryptography;
using System.Text;
using Hotspot.Storage;
using Hotspot.Tenancy.Entities;

namespace Hotspot.Sales.Purchases;

/// <summary>An Idempotency-Key of <c>POST /compras</c> claimed by one purchase. Partition = the router, row = SHA-256 of the key.</summary>
public sealed class CompraClaimEntity : StoredEntity
{
    public string CompraId { get; set; } = "";

    /// <summary>SHA-256 of the normalized request: the same key with another body is refused.</summary>
    public string RequestHash { get; set; } = "";

    public DateTimeOffset CreadaEn { get; set; }
}

/// <summary>
/// The <c>ComprasIdem</c> table: insert-if-absent claims an Idempotency-Key for one purchase id before the purchase is
/// written, so two requests with one key (a double tap, a retry after a timeout) make one purchase, and a creation
/// cut short anywhere is resumed by the next request with the key.
/// </summary>
public sealed class CompraClaims(TableStore store)
{
    public const string TableName = "ComprasIdem";
    private readonly TableRepository<CompraClaimEntity> _claims = store.Repository<CompraClaimEntity>(TableName);

    /// <summary>The claim now holding the key: the new one, or the one an earlier request made.</summary>
    public async Task<CompraClaimEntity> ClaimAsync(long routerId, string idempotencyKey, string compraId, string requestHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var claim = new CompraClaimEntity
        {
            PartitionKey = StoredEntity.Key(routerId), RowKey = Hash(idempotencyKey), CompraId = compraId, RequestHash = requestHash, CreadaEn = now,
        };
        try
        {
            return await _claims.AddAsync(claim, cancellationToken);
        }
        catch (EntityAlreadyExistsException)
        {
            return await _claims.GetAsync(claim.PartitionKey, claim.RowKey, cancellationToken)
                ?? throw new InvalidOperationException("An idempotency claim vanished after it was found taken.");
        }
    }

    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
