namespace Pipeline.IntegrationTests;

/// <summary>One article the dashboard tests upload: blob name, text, and the blob metadata that dates and attributes it.</summary>
internal sealed record SeedArticle(string BlobName, string Content, string? Published = null, string? Source = null, string ContentType = "text/plain; charset=utf-8")
{
    public IDictionary<string, string>? Metadata =>
        Published is null && Source is null ? null
        : new Dictionary<string, string>
        {
            ["published"] = Published ?? "",
            ["source"] = Source ?? "",
        }.Where(p => p.Value.Length > 0).ToDictionary(p => p.Key, p => p.Value);
}

/// <summary>
/// A small corpus on known days (June 2016, weeks starting Monday 6, 13 and 20) from three outlets, about two
/// fictional people: Victor Hale (praised by one outlet, accused in another) and Maria Delgado; plus one article
/// with no date and no outlet.
/// </summary>
internal static class DashboardCorpus
{
    public const string Hale = "person-victor-hale";
    public const string Delgado = "person-maria-delgado";

    public static IReadOnlyList<SeedArticle> Articles { get; } =
    [
        new("harbor-1.txt", TestArticles.Harbor(), "2016-06-07", "nbcnews.com"),
        new("scandal-1.txt", TestArticles.Scandal(), "2016-06-08", "foxnews.com"),
        new("relief-1.txt", Relief(), "2016-06-09", "nbcnews.com"),
        new("scandal-2.txt", TestArticles.Edition(TestArticles.Scandal(), 2), "2016-06-14", "foxnews.com"),
        new("budget-1.txt", Budget(), "2016-06-15", "cnn.com"),
        new("harbor-2.txt", TestArticles.Edition(TestArticles.Harbor(), 2), "2016-06-21", "cnn.com"),
        new("relief-2.txt", TestArticles.Edition(Relief(), 2), "2016-06-22", "nbcnews.com"),
        new("undated-budget.txt", TestArticles.Edition(Budget(), 2)),
    ];

    /// <summary>Dated articles per week of June 2016 (weeks of the 6th, 13th and 20th).</summary>
    public static readonly int[] DatedPerWeek = [3, 2, 2];

    public static string Relief() => TestArticles.Plain(
        "Senator Victor Hale Praised After Relief Vote",
        "Senator Victor Hale was praised on Thursday by farmers and mayors after his flood relief bill passed with wide support.",
        "\"He listened to us and delivered,\" said Anna Brooks, a farmer in the valley. Hale thanked the volunteers who helped rebuild homes.",
        "Even longtime rivals called the bill a fair and generous plan.");

    public static string Budget() => TestArticles.Plain(
        "Mayor Maria Delgado Criticised Over Budget Shortfall",
        "Mayor Maria Delgado faced angry residents on Wednesday after the city revealed a budget shortfall she had denied for months.",
        "Senator Victor Hale said the mayor had misled voters. Delgado called the criticism unfair.",
        "Auditors blamed reckless spending and poor oversight for the shortfall.");

    /// <summary>Markup in a title, an outlet and a body: each would set window.__pwned if it ever ran.</summary>
    public static SeedArticle Hostile { get; } = new("hostile.json", """
        {"title": "<img src=x onerror=\"window.__pwned=1\"> Victor Hale <script>window.__pwned=2</script> responds",
         "source": "<b onmouseover=\"window.__pwned=3\">Evil Times</b><img src=x onerror=\"window.__pwned=4\">",
         "publishedAt": "2016-06-14T10:00:00Z",
         "body": "Senator Victor Hale <img src=x onerror=\"window.__pwned=5\"> answered critics on Tuesday. <script>window.__pwned=6</script> Hale said the charges were false and unfair."}
        """, ContentType: "application/json");
}
