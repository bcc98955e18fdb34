namespace Pipeline.Api;

/// <summary>Endpoint names: the same names are the Functions app's HTTP function names.</summary>
public static class ApiRoutes
{
    public const string ListArticles = nameof(ListArticles);
    public const string GetArticle = nameof(GetArticle);
    public const string ListEntities = nameof(ListEntities);
    public const string GetEntity = nameof(GetEntity);
    public const string ListEntityArticles = nameof(ListEntityArticles);
    public const string ListEntitySources = nameof(ListEntitySources);
    public const string ListCoMentions = nameof(ListCoMentions);
    public const string GetTimeline = nameof(GetTimeline);
    public const string ListSources = nameof(ListSources);
    public const string GetStatus = nameof(GetStatus);
    public const string Health = nameof(Health);
    public const string Dashboard = nameof(Dashboard);
    public const string GetOpenApiDocument = nameof(GetOpenApiDocument);

    /// <summary>How a caller presents a function key (Azure Functions) or the server's Api:Key: this header ...</summary>
    public const string KeyHeader = "x-functions-key";

    /// <summary>... or this query parameter, which every handler therefore accepts beside its own parameters.</summary>
    public const string KeyQueryParameter = "code";
}
