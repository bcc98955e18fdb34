using System.Buffers.Text;
using System.Text.Json;
using Pipeline.Core.Queries;

namespace Pipeline.Storage.Articles;

/// <summary>The opaque continuation token of article listings: which index, which month partition, the Tables cursor.</summary>
/// <param name="Index">"time", "source" or "entity": a token is only valid for the same kind of query.</param>
/// <param name="Month">Month partition to resume in (time index only).</param>
/// <param name="Cursor">The Tables continuation inside that partition; null to start at its beginning.</param>
internal sealed record ContinuationState(string Index, string? Month, string? Cursor)
{
    public string Encode() => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(this, StorageJsonContext.Default.ContinuationState));

    public static ContinuationState? Decode(string? token, string expectedIndex)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        ContinuationState? state;
        try
        {
            state = JsonSerializer.Deserialize(Base64Url.DecodeFromChars(token), StorageJsonContext.Default.ContinuationState);
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            throw new InvalidContinuationTokenException("The continuation token is not valid: pass back the token of the previous page unchanged.", ex);
        }

        if (state is null || !string.Equals(state.Index, expectedIndex, StringComparison.Ordinal))
        {
            throw new InvalidContinuationTokenException("The continuation token belongs to a different query.");
        }

        return state;
    }
}
