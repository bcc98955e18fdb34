using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Pipeline.Core.Articles;
using Pipeline.Core.Queries;

namespace Pipeline.Cli.Storage;

/// <summary>
/// Which articles a command covers, with the query API's meaning: article time is the published date, else upload
/// time; --from is inclusive, --to exclusive, and a date-only --to includes that whole day.
/// </summary>
internal sealed class ArticleFilterOptions
{
    public Option<DateTimeOffset?> From { get; } = new("--from")
    {
        Description = "Articles filed at or after this time (ISO 8601: 2016-06-01 or 2016-06-01T12:00:00Z).",
        CustomParser = result => ParseTime(result, endOfDay: false),
    };

    public Option<DateTimeOffset?> To { get; } = new("--to")
    {
        Description = "Articles filed before this time (ISO 8601); a date alone includes that day.",
        CustomParser = result => ParseTime(result, endOfDay: true),
    };

    public Option<string?> Source { get; } = new("--source") { Description = "Only this source (publisher), case-insensitive." };
    public Option<ArticleStatus?> Status { get; } = new("--status") { Description = "Only processed, unscored or failed articles." };
    public Option<string?> Prefix { get; } = new("--prefix") { Description = "Only articles whose blob name starts with this." };

    public IEnumerable<Option> All => [From, To, Source, Status, Prefix];

    public ArticleQuery Query(ParseResult parse, ArticleStatus? status = null) => new()
    {
        From = parse.GetValue(From),
        To = parse.GetValue(To),
        Source = parse.GetValue(Source),
        Status = status ?? parse.GetValue(Status),
    };

    /// <summary>The blob-name prefix, which the store cannot filter on: applied to each listed article.</summary>
    public Func<ArticleSummary, bool> Matches(ParseResult parse)
    {
        var prefix = parse.GetValue(Prefix);
        return article => prefix is null || article.BlobName.StartsWith(prefix, StringComparison.Ordinal);
    }

    private static DateTimeOffset? ParseTime(ArgumentResult result, bool endOfDay)
    {
        var value = result.Tokens.Single().Value.Trim();
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return QueryDates.Day(day, endOfDay);
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            && (!endOfDay || QueryDates.IsUsableUpperBound(time)))
        {
            return time.ToUniversalTime();
        }

        result.AddError($"'{value}' is not an ISO 8601 date or time, e.g. 2016-06-01 or 2016-06-01T12:00:00Z.");
        return null;
    }
}
