namespace Hotspot.Http;

/// <summary>A page of a list: <c>{"items": [...], "continuation_token": "..." | null}</c>.</summary>
public sealed record PageResponse<T>(IReadOnlyList<T> Items, string? ContinuationToken);

public static class Paging
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    /// <summary>Reads <c>limit</c> (1..200, default 50) and <c>continuation_token</c> from the query, or the 422 to answer.</summary>
    public static (int Limit, string? Token, IResult? Error) Read(HttpRequest request)
    {
        var limit = DefaultLimit;
        if (request.Query.TryGetValue("limit", out var raw) &&
            (!int.TryParse(raw.ToString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out limit) || limit < 1 || limit > MaxLimit))
        {
            return (0, null, Problems.Invalid("limit", $"Debe ser un entero entre 1 y {MaxLimit}."));
        }

        var token = request.Query["continuation_token"].ToString();
        return (limit, token.Length == 0 ? null : token, null);
    }

    /// <summary>Reads the paging parameters, loads one page and answers it mapped, or answers the 422 for bad parameters.</summary>
    public static async Task<IResult> AnswerAsync<TItem, TResponse>(
        HttpRequest request, Func<int, string?, Task<Storage.TablePage<TItem>>> load, Func<TItem, TResponse> map)
    {
        var (limit, token, error) = Read(request);
        if (error is not null)
        {
            return error;
        }

        var page = await load(limit, token);
        return ApiJson.Ok(new PageResponse<TResponse>(page.Items.Select(map).ToList(), page.ContinuationToken));
    }
}
