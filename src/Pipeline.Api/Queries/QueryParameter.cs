using System.Globalization;

namespace Pipeline.Api.Queries;

/// <summary>How a query parameter's value is written: decides how <see cref="QueryParameters"/> parses it and how OpenAPI describes it.</summary>
public enum QueryParameterKind
{
    /// <summary>Free text, trimmed, 1 to <see cref="QueryParameter.MaxLength"/> characters.</summary>
    Text,

    /// <summary>A whole number from <see cref="QueryParameter.Minimum"/> to <see cref="QueryParameter.Maximum"/>.</summary>
    Integer,

    /// <summary>An ISO 8601 date (2016-06-01) or date-time (2016-06-01T12:00:00Z), read as UTC when it has no offset.</summary>
    Date,

    /// <summary>One of <see cref="QueryParameter.AllowedValues"/>, case-insensitive.</summary>
    Enum,

    /// <summary>An ISO 639-1 (or 639-2) language code such as "en".</summary>
    Language,

    /// <summary>"true" or "false" (any case); false when absent.</summary>
    Boolean,
}

/// <summary>
/// One query parameter an endpoint accepts, described once. <see cref="QueryParameters"/> accepts, parses and bounds
/// values by this description and the OpenAPI document is written from it, so a parameter cannot be accepted without
/// being documented, and its documented bounds are the enforced ones. Build with the static factories.
/// </summary>
public sealed record QueryParameter
{
    private QueryParameter(string name, QueryParameterKind kind, string description)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        Name = name;
        Kind = kind;
        Description = description;
    }

    public string Name { get; }

    public QueryParameterKind Kind { get; }

    /// <summary>What the parameter does, for people reading the API reference.</summary>
    public string Description { get; }

    /// <summary>The value used when the parameter is absent, as it would be written in the query string.</summary>
    public string? Default { get; private init; }

    /// <summary>For <see cref="QueryParameterKind.Enum"/>: the accepted values, as written (lower case).</summary>
    public IReadOnlyList<string> AllowedValues { get; private init; } = [];

    public int? Minimum { get; private init; }

    public int? Maximum { get; private init; }

    /// <summary>For <see cref="QueryParameterKind.Text"/>: the longest accepted value, in characters.</summary>
    public int? MaxLength { get; private init; }

    /// <summary>How many times the parameter may be given (<c>entity=a&amp;entity=b</c>); 1 unless declared repeatable.</summary>
    public int MaxCount { get; private init; } = 1;

    /// <summary>For an exclusive upper bound date: a date without a time ("to=2016-06-10") includes that whole day.</summary>
    public bool DateOnlyMeansEndOfDay { get; private init; }

    public static QueryParameter Text(string name, string description, int maxLength = 400) =>
        new(name, QueryParameterKind.Text, description) { MaxLength = maxLength };

    /// <summary>Free text given up to <paramref name="maxCount"/> times (read with <see cref="QueryParameters.Strings"/>).</summary>
    public static QueryParameter TextList(string name, string description, int maxCount, int maxLength = 400) =>
        new(name, QueryParameterKind.Text, description) { MaxLength = maxLength, MaxCount = maxCount };

    public static QueryParameter Integer(string name, string description, int defaultValue, int minimum, int maximum) =>
        new(name, QueryParameterKind.Integer, description)
        {
            Default = defaultValue.ToString(CultureInfo.InvariantCulture),
            Minimum = minimum,
            Maximum = maximum,
        };

    /// <summary>An inclusive lower bound or a point in time.</summary>
    public static QueryParameter Date(string name, string description) => new(name, QueryParameterKind.Date, description);

    /// <summary>An exclusive upper bound: a date without a time includes that whole day.</summary>
    public static QueryParameter DateUpperBound(string name, string description) =>
        new(name, QueryParameterKind.Date, description) { DateOnlyMeansEndOfDay = true };

    /// <summary>One of <typeparamref name="T"/>'s names in lower case; <paramref name="defaultValue"/> applies when absent.</summary>
    public static QueryParameter Enum<T>(string name, string description, T? defaultValue = null)
        where T : struct, Enum =>
        new(name, QueryParameterKind.Enum, description)
        {
            AllowedValues = [.. System.Enum.GetNames<T>().Select(n => n.ToLowerInvariant())],
            Default = defaultValue?.ToString().ToLowerInvariant(),
        };

    public static QueryParameter Language(string name, string description) => new(name, QueryParameterKind.Language, description);

    /// <summary>A switch: false when absent.</summary>
    public static QueryParameter Boolean(string name, string description) =>
        new(name, QueryParameterKind.Boolean, description) { Default = "false" };
}
