using Microsoft.AspNetCore.Http.HttpResults;

namespace Pipeline.Api.Queries;

/// <summary>An answer about a named entity, or the name that matched nothing (cached too: repeated typos cost no store reads).</summary>
internal sealed record Lookup<T>(T? Value, string? Missing)
    where T : class
{
    public static Lookup<T> Found(T value) => new(value, null);

    public static Lookup<T> NotFound(string name) => new(null, name);
}

/// <summary>Cached answers as HTTP results: 304 when the client's ETag is current, 404 for an unknown entity.</summary>
internal static class CachedResults
{
    public static bool IsNotModified<T>(HttpRequest request, CachedAnswer<T> answer) => answer.WriteHeaders(request.HttpContext);

    public static StatusCodeHttpResult NotModified() => TypedResults.StatusCode(StatusCodes.Status304NotModified);

    public static ProblemHttpResult EntityNotFound(string name) =>
        TypedResults.Problem(title: "Entity not found", detail: $"No stored article mentions '{name}'.", statusCode: StatusCodes.Status404NotFound);

    public static Results<CachedJson<T>, StatusCodeHttpResult, ProblemHttpResult, ValidationProblem> Found<T>(HttpRequest request, CachedAnswer<Lookup<T>> answer)
        where T : class
    {
        if (answer.Value.Missing is { } missing)
        {
            return EntityNotFound(missing);
        }

        return IsNotModified(request, answer) ? NotModified() : answer.Json(answer.Value.Value!);
    }
}
