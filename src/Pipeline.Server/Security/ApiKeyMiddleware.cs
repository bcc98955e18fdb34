using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Pipeline.Api;

namespace Pipeline.Server.Security;

/// <summary>Answers 401 to a request without the configured Api:Key, except on endpoints marked AllowAnonymous (health).</summary>
internal sealed class ApiKeyMiddleware(RequestDelegate next, IOptions<ApiKeyOptions> options)
{
    private readonly byte[]? _key = string.IsNullOrEmpty(options.Value.Key) ? null : Encoding.UTF8.GetBytes(options.Value.Key);

    public Task InvokeAsync(HttpContext context)
    {
        if (_key is null
            || context.GetEndpoint()?.Metadata.GetMetadata<IAllowAnonymous>() is not null
            || Matches(context.Request.Headers[ApiRoutes.KeyHeader]) || Matches(context.Request.Query[ApiRoutes.KeyQueryParameter]))
        {
            return next(context);
        }

        return TypedResults.Problem(
            title: "API key required",
            detail: $"Send the key configured as Api:Key in the '{ApiRoutes.KeyHeader}' header or the '{ApiRoutes.KeyQueryParameter}' query parameter.",
            statusCode: StatusCodes.Status401Unauthorized).ExecuteAsync(context);
    }

    private bool Matches(Microsoft.Extensions.Primitives.StringValues values) =>
        values.Count == 1 && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(values[0] ?? ""), _key);
}
