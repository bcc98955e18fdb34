using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace Pipeline.Api.Queries;

/// <summary>
/// 200 with a body already serialized (see <see cref="CachedAnswer{T}.Json{TBody}"/>): what <c>Ok&lt;T&gt;</c> sends,
/// and described to OpenAPI the same way, without serializing a cached answer again for every request.
/// </summary>
public sealed class CachedJson<T> : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult, IValueHttpResult<T>, IValueHttpResult, IContentTypeHttpResult
    where T : class
{
    private const string JsonContentType = "application/json; charset=utf-8";
    private readonly byte[] _json;

    internal CachedJson(T value, byte[] json)
    {
        Value = value;
        _json = json;
    }

    public T Value { get; }

    object IValueHttpResult.Value => Value;

    public int StatusCode => StatusCodes.Status200OK;

    int? IStatusCodeHttpResult.StatusCode => StatusCode;

    public string ContentType => JsonContentType;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.StatusCode = StatusCode;
        httpContext.Response.ContentType = JsonContentType;
        httpContext.Response.ContentLength = _json.Length;
        return httpContext.Response.Body.WriteAsync(_json, httpContext.RequestAborted).AsTask();
    }

#pragma warning disable CA1000 // IEndpointMetadataProvider is a static abstract interface member: it must be here.
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(T), ["application/json"]));
    }
#pragma warning restore CA1000
}
