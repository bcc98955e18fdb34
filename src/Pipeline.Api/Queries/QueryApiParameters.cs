using Pipeline.Core.Analysis;
using Pipeline.Core.Articles;
using Pipeline.Core.Coverage;
using Pipeline.Core.Queries;

namespace Pipeline.Api.Queries;

/// <summary>
/// The query parameters of each endpoint of <see cref="QueryApiEndpoints"/>, one <see cref="QueryParameterSet"/> per
/// endpoint: its handler parses with it and <see cref="PipelineApi.MapPipelineApi"/> attaches it for OpenAPI.
/// Parameters shared by several endpoints are declared once, above the sets.
/// </summary>
public static class QueryApiParameters
{
    /// <summary>The <c>{id}</c> of /api/articles/{id}, for its [Description].</summary>
    public const string ArticleIdDescription = "The article id: 16 lowercase hexadecimal characters, as listed by /api/articles.";

    /// <summary>The <c>{id}</c> of /api/entities/{id}/…, for its [Description].</summary>
    public const string EntityIdDescription = "The entity: its id (person-bernie-sanders), as listed by /api/entities, or its name (Bernie Sanders).";

    private static readonly QueryParameter From = QueryParameter.Date(
        "from", "Only articles dated at or after this time (inclusive): an ISO 8601 date (2016-06-01) or date-time (2016-06-01T12:00:00Z); UTC unless an offset is given.");

    private static readonly QueryParameter To = QueryParameter.DateUpperBound(
        "to", "Only articles dated before this time (exclusive); a date without a time (2016-06-10) includes that whole day. Must be later than 'from'.");

    private static readonly QueryParameter Sentiment = QueryParameter.Enum<Sentiment>(
        "sentiment", "Only articles whose overall sentiment has this label.");

    private static readonly QueryParameter Language = QueryParameter.Language(
        "language", "Only articles in this language: an ISO 639-1 code such as 'en'.");

    private static readonly QueryParameter Status = QueryParameter.Enum<ArticleStatus>(
        "status", "Only articles in this state: processed, unscored (a language the analyzer cannot score) or failed (with its reason).");

    private static readonly QueryParameter ArticleTop = QueryParameter.Integer(
        "top", "Page size: at most this many articles.", ArticleQuery.DefaultTop, 1, ArticleQuery.MaxTop);

    private static readonly QueryParameter ContinuationToken = QueryParameter.Text(
        "continuationToken", "The previous page's 'continuationToken', to get the next page; absent for the first page.", 4096);

    public static readonly QueryParameterSet ListArticles = new(
        From,
        To,
        QueryParameter.Text("source", "Only articles from this source (publisher), matched exactly but case-insensitively.", 200),
        QueryParameter.Text("entity", "Only articles mentioning this entity, by id (person-bernie-sanders) or name (Bernie Sanders)."),
        Sentiment,
        Language,
        Status,
        ArticleTop,
        ContinuationToken);

    private static readonly QueryParameter SourceFilter = QueryParameter.Text(
        "source", "Only articles from this outlet (publisher), matched exactly but case-insensitively.", 200);

    private static readonly QueryParameter WindowFrom = QueryParameter.Date(
        "from", "Count only articles dated at or after this time (inclusive): an ISO 8601 date or date-time. A window counts dated articles only.");

    private static readonly QueryParameter WindowTo = QueryParameter.DateUpperBound(
        "to", "Count only articles dated before this time (exclusive); a date without a time includes that whole day.");

    private static readonly QueryParameter IncludeUndated = QueryParameter.Boolean(
        "includeUndated", "Also count articles whose only date is their upload time, placed at that time. Off by default: they are counted apart as 'undated', never silently placed on their upload day.");

    private static readonly QueryParameter CoverageTop = QueryParameter.Integer(
        "top", "How many rows to return, most articles first.", CoverageQueries.DefaultTop, 1, CoverageQueries.MaxTop);

    /// <summary>For endpoints that take no query parameters (the key aside).</summary>
    public static readonly QueryParameterSet None = new();

    public static readonly QueryParameterSet ListEntities = new(
        QueryParameter.Text("category", "Only entities of this category (case-insensitive), e.g. Person, Organization, Location. Without it, dates, quantities and role nouns are left out.", 40),
        SourceFilter,
        WindowFrom,
        WindowTo,
        QueryParameter.Integer("top", "How many entities to return, most mentioned first.", EntityQuery.DefaultTop, 1, EntityQuery.MaxTop));

    public static readonly QueryParameterSet ListEntityArticles = new(From, To, Sentiment, Language, Status, ArticleTop, ContinuationToken);

    public static readonly QueryParameterSet Timeline = new(
        QueryParameter.TextList(
            "entity",
            "An entity to chart, by id (person-bernie-sanders) or name (Bernie Sanders); repeat it to compare several on the same buckets. Without it: all articles, with their document tone.",
            CoverageEndpoints.MaxTimelineEntities,
            250),
        QueryParameter.Enum<TimeBucket>("bucket", "The width of each point: day, week (from Monday) or month, in UTC.", TimeBucket.Day),
        SourceFilter,
        WindowFrom,
        WindowTo,
        QueryParameter.Text("category", "Which entity a name means when it names several (Washington: Person or Location), case-insensitive.", 40),
        IncludeUndated);

    public static readonly QueryParameterSet ListSources = new(WindowFrom, WindowTo, IncludeUndated, CoverageTop);

    public static readonly QueryParameterSet ListEntitySources = new(WindowFrom, WindowTo, IncludeUndated, CoverageTop);

    public static readonly QueryParameterSet ListCoMentions = new(
        WindowFrom,
        WindowTo,
        SourceFilter,
        QueryParameter.Text("category", "Only co-mentioned entities of this category (case-insensitive). Without it, dates, quantities and role nouns are left out.", 40),
        IncludeUndated,
        CoverageTop);
}
