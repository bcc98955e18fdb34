using System.CommandLine;
using Pipeline.Core.Articles;
using Pipeline.Core.Queries;

namespace Pipeline.Cli.Storage;

/// <summary>Which articles a command covers, with the query API's meaning: article time is the published date, else upload time.</summary>
internal sealed class ArticleFilterOptions
{
    public Option<DateTimeOffset?> From { get; } = new("--from") { Description = "Articles filed at or after this time (ISO 8601)." };
    public Option<DateTimeOffset?> To { get; } = new("--to") { Description = "Articles filed before this time (ISO 8601)." };
    public Option<string?> Source { get; } = new("--source") { Description = "Only this source (publisher), case-insensitive." };
    public Option<ArticleStatus?> Status { get; } = new("--status") { Description = "Only processed, unscored or failed articles." };
    public Option<string?> Prefix { get; } = new("--prefix") { Description = "Only articles whose blob name starts with this." };

    public IEnumerable<Option> All => [From, To, Source, Status, Prefix];

    public ArticleQuery Query(ParseResult parse, ArticleStatus? status = null) => new()
    {
        From = parse.GetValue(From)?.ToUniversalTime(),
        To = parse.GetValue(To)?.ToUniversalTime(),
        Source = parse.GetValue(Source),
        Status = status ?? parse.GetValue(Status),
    };

    /// <summary>The blob-name prefix, which the store cannot filter on: applied to each listed article.</summary>
    public Func<ArticleSummary, bool> Matches(ParseResult parse)
    {
        var prefix = parse.GetValue(Prefix);
        return article => prefix is null || article.BlobName.StartsWith(prefix, StringComparison.Ordinal);
    }
}
