using System.Security.Cryptography;
using Hotspot.Storage;
using Hotspot.Tenancy.Entities;

namespace Hotspot.Branding;

/// <summary>Logos apart from the brands, so reading a brand never reads an image.</summary>
public sealed class MarcaLogoStore(TableStore store)
{
    public const string Table = "MarcaLogos";

    private readonly TableRepository<MarcaLogoEntity> _logos = store.Repository<MarcaLogoEntity>(Table);

    public static string HashOf(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public static bool IsHash(string? value) => value is { Length: 64 } && value.All(char.IsAsciiHexDigitLower);

    public Task<MarcaLogoEntity?> GetAsync(long empresaId, string hash, CancellationToken cancellationToken) =>
        _logos.GetAsync(StoredEntity.Key(empresaId), hash, cancellationToken);

    /// <summary>Writing the same picture twice writes the same row.</summary>
    public Task SaveAsync(long empresaId, string hash, LogoImage image, byte[] bytes, CancellationToken cancellationToken) =>
        _logos.UpsertAsync(new MarcaLogoEntity { PartitionKey = StoredEntity.Key(empresaId), RowKey = hash, EmpresaId = empresaId, Tipo = image.ContentType, Datos = bytes }, cancellationToken);

    public Task<bool> DeleteAsync(long empresaId, string hash, CancellationToken cancellationToken) =>
        _logos.DeleteAsync(StoredEntity.Key(empresaId), hash, Azure.ETag.All, cancellationToken);
}
