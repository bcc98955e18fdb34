using System.Text;
using System.Text.RegularExpressions;

namespace Pipeline.Core.Ingestion;

/// <summary>
/// The charset an HTML page declares in a &lt;meta&gt; within its first 4,096 bytes, as browsers pre-scan for it:
/// saved pages often carry no content type, only &lt;meta charset="iso-8859-1"&gt;.
/// </summary>
internal static partial class HtmlMetaCharset
{
    private const int PrescanBytes = 4096;

    public static string? Find(ReadOnlySpan<byte> content)
    {
        var head = Encoding.Latin1.GetString(content[..Math.Min(content.Length, PrescanBytes)]);
        var match = MetaCharset().Match(head);
        return match.Success ? match.Groups["charset"].Value.ToLowerInvariant() : null;
    }

    [GeneratedRegex(@"<meta\b[^>]*?charset\s*=\s*[""']?(?<charset>[A-Za-z0-9_-]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MetaCharset();
}
