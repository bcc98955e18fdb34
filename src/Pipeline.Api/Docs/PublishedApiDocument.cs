using Microsoft.AspNetCore.Http.HttpResults;

namespace Pipeline.Api.Docs;

/// <summary>
/// The OpenAPI document the standalone server generates, kept in the assembly (Docs/openapi.v1.json) for the
/// Functions app: its HTTP functions are not ASP.NET Core endpoints, so it cannot generate one. A server test fails
/// when this copy differs from what the server generates, and says how to refresh it.
/// </summary>
public static class PublishedApiDocument
{
    public const string ResourceName = "Pipeline.Api.Docs.openapi.v1.json";

    private static readonly Lazy<byte[]> Document = new(Load);

    /// <summary>The document as UTF-8 JSON.</summary>
    public static ReadOnlyMemory<byte> Utf8 => Document.Value;

    /// <summary>The document named <paramref name="documentName"/> ("v1" is the only one), else 404.</summary>
    public static Results<FileContentHttpResult, NotFound> Get(string documentName) =>
        string.Equals(documentName, ApiDocsExtensions.DocumentName, StringComparison.Ordinal)
            ? TypedResults.Bytes(Document.Value, "application/json; charset=utf-8")
            : TypedResults.NotFound();

    private static byte[] Load()
    {
        using var stream = typeof(PublishedApiDocument).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from {typeof(PublishedApiDocument).Assembly.GetName().Name}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
