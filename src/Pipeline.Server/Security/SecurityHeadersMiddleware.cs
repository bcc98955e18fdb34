namespace Pipeline.Server.Security;

/// <summary>
/// Headers that keep a browser from misusing the API's answers: no content sniffing, no referrer, no framing, and for
/// JSON answers a Content-Security-Policy that allows nothing (the dashboard and the reference set their own).
/// </summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    internal const string JsonPolicy = "default-src 'none'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        var response = context.Response;
        response.OnStarting(() =>
        {
            var headers = response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers.XFrameOptions = "DENY";
            if (!headers.ContainsKey("Content-Security-Policy") && IsJson(response.ContentType))
            {
                headers.ContentSecurityPolicy = JsonPolicy;
            }

            return Task.CompletedTask;
        });
        return next(context);
    }

    private static bool IsJson(string? contentType) =>
        contentType is not null
        && (contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
            || contentType.StartsWith("application/problem+json", StringComparison.OrdinalIgnoreCase));
}
