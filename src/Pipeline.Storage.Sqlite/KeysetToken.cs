using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Pipeline.Core.Queries;

namespace Pipeline.Storage.Sqlite;

/// <summary>
/// The continuation token of listings: the last (timestamp, id) handed out and which listing it belongs to.
/// Resuming is a keyset seek, so page N costs what page 1 costs.
/// </summary>
internal sealed record KeysetToken(string Listing, long Ticks, string Id)
{
    private const string Prefix = "sq1";

    public string Encode() =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Join('\n', Prefix, Listing, Ticks.ToString(CultureInfo.InvariantCulture), Id)));

    public static KeysetToken? Decode(string? token, string expectedListing)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        string[] parts;
        try
        {
            parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token)).Split('\n');
        }
        catch (FormatException ex)
        {
            throw new InvalidContinuationTokenException("The continuation token is not valid: pass back the token of the previous page unchanged.", ex);
        }

        if (parts.Length != 4 || parts[0] != Prefix || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks))
        {
            throw new InvalidContinuationTokenException("The continuation token is not valid: pass back the token of the previous page unchanged.");
        }

        if (!string.Equals(parts[1], expectedListing, StringComparison.Ordinal))
        {
            throw new InvalidContinuationTokenException("The continuation token belongs to a different query.");
        }

        return new KeysetToken(parts[1], ticks, parts[3]);
    }
}
