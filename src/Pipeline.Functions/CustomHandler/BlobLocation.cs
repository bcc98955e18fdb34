namespace Pipeline.Functions.CustomHandler;

/// <summary>Container and blob name read from a blob URL, for both Azure and path-style (Azurite) endpoints.</summary>
internal sealed record BlobLocation(string Container, string Name)
{
    /// <summary>
    /// https://acct.blob.core.windows.net/articles/dir/x.txt → (articles, dir/x.txt);
    /// http://127.0.0.1:10000/devstoreaccount1/articles/dir/x.txt → (articles, dir/x.txt).
    /// </summary>
    public static BlobLocation? TryParse(string? url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return null;
        }

        // Azure endpoints (any cloud, private links) put the account in the host name "<account>.blob.<suffix>";
        // emulators and IP endpoints put it in the first path segment.
        var accountInPath = !uri.Host.Contains(".blob.", StringComparison.OrdinalIgnoreCase);
        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var skip = accountInPath ? 1 : 0;
        if (segments.Length < skip + 2)
        {
            return null;
        }

        var container = Uri.UnescapeDataString(segments[skip]);
        var name = Uri.UnescapeDataString(string.Join('/', segments[(skip + 1)..]));
        return new BlobLocation(container, name);
    }
}
