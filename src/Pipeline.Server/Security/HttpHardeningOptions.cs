using Microsoft.Extensions.Options;

namespace Pipeline.Server.Security;

/// <summary>
/// Configuration section "Http": which web pages on other origins may call the API from a browser, and how large a
/// request may be. The API only reads, so requests are small; nothing is allowed cross-origin unless listed.
/// </summary>
public sealed class HttpHardeningOptions
{
    public const string SectionName = "Http";

    /// <summary>
    /// Origins (scheme://host[:port]) whose pages may call the API (CORS), for example a Grafana or notebook server.
    /// Empty (the default): none. A single "*" allows any origin; the API key, when set, is still required.
    /// </summary>
    public IList<string> CorsOrigins { get; } = [];

    /// <summary>Largest request body accepted; the API's endpoints take none.</summary>
    public long MaxRequestBodyBytes { get; set; } = 16 * 1024;

    /// <summary>Largest total size of a request's headers (Kestrel's default is 32 KB).</summary>
    public int MaxRequestHeadersBytes { get; set; } = 16 * 1024;
}

internal sealed class HttpHardeningOptionsValidator : IValidateOptions<HttpHardeningOptions>
{
    public ValidateOptionsResult Validate(string? name, HttpHardeningOptions options)
    {
        var errors = new List<string>();
        foreach (var origin in options.CorsOrigins)
        {
            if (origin == "*" ? options.CorsOrigins.Count > 1 : !IsOrigin(origin))
            {
                errors.Add($"Http:CorsOrigins: '{origin}' is not an origin (scheme://host[:port], no path), or '*' is not alone.");
            }
        }

        if (options.MaxRequestBodyBytes is < 0 or > 100 * 1024 * 1024)
        {
            errors.Add("Http:MaxRequestBodyBytes must be from 0 to 104857600.");
        }

        if (options.MaxRequestHeadersBytes is < 4096 or > 1024 * 1024)
        {
            errors.Add("Http:MaxRequestHeadersBytes must be from 4096 to 1048576.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static bool IsOrigin(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && uri.AbsolutePath == "/" && !value.EndsWith('/') && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment) && string.IsNullOrEmpty(uri.UserInfo);
}
