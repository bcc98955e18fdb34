using System.Globalization;
using Pipeline.Core.Analysis;
using Pipeline.Core.Articles;
using Pipeline.Core.Queries;

namespace Pipeline.Api.Queries;

/// <summary>
/// Parses query strings strictly, by the endpoint's declared <see cref="QueryParameterSet"/>: an undeclared, malformed or
/// out-of-bounds parameter is an error naming the parameter, so a typo like "sentimnet=negative" never silently returns
/// unfiltered data, and every accepted parameter is one the OpenAPI document describes.
/// </summary>
internal sealed class QueryParameters
{
    private readonly IQueryCollection _query;
    private readonly QueryParameterSet _declared;
    private readonly Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);

    public QueryParameters(IQueryCollection query, QueryParameterSet declared)
    {
        _query = query;
        _declared = declared;
        RejectUnknown();
    }

    public IReadOnlyDictionary<string, string[]> Errors => _errors;

    public bool IsValid => _errors.Count == 0;

    public string? String(string name)
    {
        var value = Single(name, QueryParameterKind.Text);
        return value is null ? null : Text(name, value);
    }

    /// <summary>Every value of a repeatable text parameter (<see cref="QueryParameter.TextList"/>), in order; empty when absent.</summary>
    public IReadOnlyList<string> Strings(string name)
    {
        var parameter = Declared(name, QueryParameterKind.Text);
        if (parameter is null || !_query.TryGetValue(name, out var values))
        {
            return [];
        }

        if (values.Count > parameter.MaxCount)
        {
            Fail(name, $"'{name}' may be given at most {parameter.MaxCount} times.");
            return [];
        }

        var texts = values.Select(v => Text(name, v ?? "")).OfType<string>().ToList();
        return texts.Count == values.Count ? texts : [];
    }

    /// <summary>A date; for a <see cref="QueryParameter.DateUpperBound"/>, a date without a time means the end of that day.</summary>
    public DateTimeOffset? Date(string name)
    {
        var value = Single(name, QueryParameterKind.Date);
        if (value is null)
        {
            return null;
        }

        var dateOnlyMeansEndOfDay = _declared.Find(name)!.DateOnlyMeansEndOfDay;

        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return QueryDates.Day(day, dateOnlyMeansEndOfDay);
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var parsed))
        {
            if (dateOnlyMeansEndOfDay && !QueryDates.IsUsableUpperBound(parsed))
            {
                Fail(name, $"'{name}' is an exclusive upper bound and must be later than 0001-01-01T00:00:00Z.");
                return null;
            }

            return parsed.ToUniversalTime();
        }

        Fail(name, $"'{name}' must be an ISO 8601 date or date-time, e.g. 2016-06-01 or 2016-06-01T12:00:00Z.");
        return null;
    }

    /// <summary>A whole number within the declared bounds; the declared default when absent or invalid.</summary>
    public int Int(string name)
    {
        var parameter = Declared(name, QueryParameterKind.Integer)
            ?? throw new InvalidOperationException($"'{name}' is not a declared query parameter, so it has no bounds or default.");
        var (defaultValue, min, max) = (int.Parse(parameter.Default!, CultureInfo.InvariantCulture), parameter.Minimum!.Value, parameter.Maximum!.Value);
        var value = Single(name, QueryParameterKind.Integer);
        if (value is null)
        {
            return defaultValue;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed >= min && parsed <= max)
        {
            return parsed;
        }

        Fail(name, $"'{name}' must be a whole number from {min} to {max}.");
        return defaultValue;
    }

    public Sentiment? Sentiment(string name) => Enum<Sentiment>(name);

    /// <summary>"true" or "false" (any case); absent is false.</summary>
    public bool Bool(string name)
    {
        var value = Single(name, QueryParameterKind.Boolean);
        if (value is null)
        {
            return false;
        }

        if (bool.TryParse(value.Trim(), out var parsed))
        {
            return parsed;
        }

        Fail(name, $"'{name}' must be true or false.");
        return false;
    }

    public ArticleStatus? Status(string name) => Enum<ArticleStatus>(name);

    public string? Language(string name)
    {
        var value = Single(name, QueryParameterKind.Language);
        if (value is null)
        {
            return null;
        }

        if (value.Length is 2 or 3 && value.All(char.IsAsciiLetter))
        {
            return value.ToLowerInvariant();
        }

        Fail(name, $"'{name}' must be an ISO 639-1 language code such as 'en'.");
        return null;
    }

    /// <summary>Checks that from is before to when both are given.</summary>
    public void RequireOrdered(string fromName, DateTimeOffset? from, string toName, DateTimeOffset? to)
    {
        if (from is not null && to is not null && from >= to)
        {
            Fail(toName, $"'{toName}' must be later than '{fromName}'.");
        }
    }

    public void Fail(string name, string message) => _errors[name] = [message];

    /// <summary>One of the enum's names, case-insensitive; the declared default (or null) when absent.</summary>
    public T? Enum<T>(string name)
        where T : struct, Enum
    {
        var parameter = Declared(name, QueryParameterKind.Enum);
        if (parameter is not null && !parameter.AllowedValues.SequenceEqual(System.Enum.GetNames<T>().Select(n => n.ToLowerInvariant())))
        {
            throw new InvalidOperationException($"Query parameter '{name}' is declared with other values than {typeof(T).Name}'s.");
        }

        var value = Single(name, QueryParameterKind.Enum) ?? parameter?.Default;
        if (value is null)
        {
            return null;
        }

        if (System.Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && !int.TryParse(value, out _))
        {
            return parsed;
        }

        Fail(name, $"'{name}' must be one of: {string.Join(", ", parameter!.AllowedValues)}.");
        return null;
    }

    private void RejectUnknown()
    {
        foreach (var key in _query.Keys)
        {
            if (_declared.Find(key) is null && !string.Equals(key, ApiRoutes.KeyQueryParameter, StringComparison.Ordinal))
            {
                var allowed = _declared.Count == 0 ? "none" : string.Join(", ", _declared.Select(p => p.Name));
                Fail(key, $"Unknown parameter '{key}'. Allowed: {allowed}.");
            }
        }
    }

    /// <summary>
    /// The declaration of <paramref name="name"/>, or null when the endpoint does not declare it: such a parameter was
    /// rejected as unknown, so reading it finds nothing (a shared parser may ask for filters some endpoints lack).
    /// </summary>
    private QueryParameter? Declared(string name, QueryParameterKind kind)
    {
        var parameter = _declared.Find(name);
        if (parameter is not null && parameter.Kind != kind)
        {
            throw new InvalidOperationException($"Query parameter '{name}' is declared as {parameter.Kind}, but read as {kind}.");
        }

        return parameter;
    }

    private string? Text(string name, string value)
    {
        var maxLength = _declared.Find(name)!.MaxLength!.Value;
        value = value.Trim();
        if (value.Length == 0 || value.Length > maxLength)
        {
            Fail(name, $"'{name}' must be 1 to {maxLength} characters.");
            return null;
        }

        return value;
    }

    private string? Single(string name, QueryParameterKind kind)
    {
        if (Declared(name, kind) is null || !_query.TryGetValue(name, out var values))
        {
            return null;
        }

        if (values.Count != 1)
        {
            Fail(name, $"'{name}' may be given once.");
            return null;
        }

        return values[0];
    }
}
