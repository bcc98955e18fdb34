using System.Collections;

namespace Pipeline.Api.Queries;

/// <summary>
/// Every query parameter one endpoint accepts. The handler parses with it (<see cref="QueryParameters"/> rejects any other
/// name) and the endpoint carries it as metadata (<see cref="QueryParameterSetExtensions.WithQueryParameters"/>) for the
/// OpenAPI document. The function key parameter (<see cref="ApiRoutes.KeyQueryParameter"/>) is accepted everywhere and
/// documented as the API key security scheme, so it is not declared here.
/// </summary>
public sealed class QueryParameterSet : IReadOnlyList<QueryParameter>
{
    private readonly QueryParameter[] _parameters;

    public QueryParameterSet(params QueryParameter[] parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var duplicate = parameters.GroupBy(p => p.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Query parameter '{duplicate.Key}' is declared twice.", nameof(parameters));
        }

        if (parameters.Any(p => string.Equals(p.Name, ApiRoutes.KeyQueryParameter, StringComparison.OrdinalIgnoreCase)))
        {
            throw new ArgumentException($"'{ApiRoutes.KeyQueryParameter}' is the function key, documented as a security scheme.", nameof(parameters));
        }

        _parameters = [.. parameters];
    }

    public int Count => _parameters.Length;

    public QueryParameter this[int index] => _parameters[index];

    /// <summary>The declaration named <paramref name="name"/> (case-insensitive, as query string keys are), or null.</summary>
    public QueryParameter? Find(string name) =>
        Array.Find(_parameters, p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    public IEnumerator<QueryParameter> GetEnumerator() => ((IEnumerable<QueryParameter>)_parameters).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public static class QueryParameterSetExtensions
{
    /// <summary>Declares the query parameters the endpoint's handler accepts, for the OpenAPI document.</summary>
    public static TBuilder WithQueryParameters<TBuilder>(this TBuilder builder, QueryParameterSet parameters)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return builder.WithMetadata(parameters);
    }
}
