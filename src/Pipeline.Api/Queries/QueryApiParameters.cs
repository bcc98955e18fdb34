using Pipeline.Core.Analysis;
using Pipeline.Core.Articles;
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

    public static readonly QueryParameterSet ListEntities = new(
        QueryParameter.Text("category", "Only entities of this category (case-insensitive), e.g. Person, Organization, Location. Without it, dates, quantities and role nouns are left out.", 40),
        QueryParameter.Date("from", "Count only articles dated at or after this time (inclusive): an ISO 8601 date or date-time."),
        QueryParameter.DateUpperBound("to", "Count only articles dated before this time (exclusive); a date without a time includes that whole day."),
        QueryParameter.Integer("top", "How many entities to return, most mentioned first.", EntityQuery.DefaultTop, 1, EntityQuery.MaxTop));

    public static readonly QueryParameterSet ListEntityArticles = new(From, To, Sentiment, Language, Status, ArticleTop, ContinuationToken);
}
