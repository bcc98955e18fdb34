using System.Globalization;
using Pipeline.Core.Analysis;
using Pipeline.Core.Articles;
using Pipeline.Core.Coverage;
using Pipeline.Core.Queries;

namespace Pipeline.Api.Queries;

/// <summary>
/// Parses query strings strictly: an unknown or malformed parameter is an error naming the parameter,
/// so a typo like "sentimnet=negative" never silently returns unfiltered data.
/// </summary>
internal sealed class QueryParameters(IQueryCollection query)
{
    private readonly Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, string[]> Errors => _errors;

    public bool IsValid => _errors.Count == 0;

    public void RejectUnknown(params string[] allowed)
    {
        foreach (var key in query.Keys)
        {
            if (!allowed.Contains(key, StringComparer.OrdinalIgnoreCase) && !string.Equals(key, ApiRoutes.KeyQueryParameter, StringComparison.Ordinal))
            {
                Fail(key, $"Unknown parameter '{key}'. Allowed: {string.Join(", ", allowed)}.");
            }
        }
    }

    public string? String(string name, int maxLength = 400)
    {
        var value = Single(name);
        if (value is null)
        {
            return null;
        }

        value = value.Trim();
        if (value.Length == 0 || value.Length > maxLength)
        {
            Fail(name, $"'{name}' must be 1 to {maxLength} characters.");
            return null;
        }

        return value;
    }

    /// <param name="name">Parameter name.</param>
    /// <param name="dateOnlyMeansEndOfDay">For an exclusive upper bound: "to=2016-06-10" includes that whole day.</param>
    public DateTimeOffset? Date(string name, bool dateOnlyMeansEndOfDay = false)
    {
        var value = Single(name);
        if (value is null)
        {
            return null;
        }

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

    public int Int(string name, int defaultValue, int min, int max)
    {
        var value = Single(name);
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

    public TimeBucket? Bucket(string name) => Enum<TimeBucket>(name);

    /// <summary>"true" or "false" (any case); absent is false.</summary>
    public bool Bool(string name)
    {
        var value = Single(name);
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

    /// <summary>A parameter that may be repeated ("entity=A&amp;entity=B"), each value trimmed and 1 to <paramref name="maxLength"/> characters.</summary>
    public IReadOnlyList<string> Strings(string name, int maxCount, int maxLength = 400)
    {
        if (!query.TryGetValue(name, out var values))
        {
            return [];
        }

        var result = values.Select(v => v?.Trim() ?? "").ToList();
        if (result.Count > maxCount)
        {
            Fail(name, $"'{name}' may be given at most {maxCount} times.");
            return [];
        }

        if (result.Any(v => v.Length == 0 || v.Length > maxLength))
        {
            Fail(name, $"Each '{name}' must be 1 to {maxLength} characters.");
            return [];
        }

        return result;
    }

    public ArticleStatus? Status(string name) => Enum<ArticleStatus>(name);

    public string? Language(string name)
    {
        var value = Single(name);
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

    private T? Enum<T>(string name)
        where T : struct, Enum
    {
        var value = Single(name);
        if (value is null)
        {
            return null;
        }

        if (System.Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && !int.TryParse(value, out _))
        {
            return parsed;
        }

        var allowed = string.Join(", ", System.Enum.GetNames<T>().Select(n => n.ToLowerInvariant()));
        Fail(name, $"'{name}' must be one of: {allowed}.");
        return null;
    }

    private string? Single(string name)
    {
        if (!query.TryGetValue(name, out var values))
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
