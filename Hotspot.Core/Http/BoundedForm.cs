using Microsoft.AspNetCore.Http.Features;

namespace Hotspot.Http;

/// <summary>
/// A url-encoded or multipart form read from the body the pipeline already holds (<see cref="RequestBody"/>), with
/// limits that fit its 64 KiB: a few dozen fields, short names, small part headers. Anything malformed or beyond the
/// limits is null (answer 400), never an exception.
/// </summary>
public static class BoundedForm
{
    public const int MaxFields = 64;
    public const int MaxNameLength = 128;

    private static readonly FormOptions Limits = new()
    {
        ValueCountLimit = MaxFields,
        KeyLengthLimit = MaxNameLength,
        ValueLengthLimit = RequestBody.MaxBytes,
        MultipartBoundaryLengthLimit = 70,
        MultipartHeadersCountLimit = 8,
        MultipartHeadersLengthLimit = 2048,
        MultipartBodyLengthLimit = RequestBody.MaxBytes,
        MemoryBufferThreshold = RequestBody.MaxBytes,
        BufferBody = false,
    };

    public static async Task<IFormCollection?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var original = request.Body;
        request.Body = RequestBody.Of(request.HttpContext).OpenRead();
        try
        {
            return await new FormFeature(request, Limits).ReadFormAsync(cancellationToken);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or FormatException)
        {
            return null;
        }
        finally
        {
            await request.Body.DisposeAsync();
            request.Body = original;
        }
    }
}
