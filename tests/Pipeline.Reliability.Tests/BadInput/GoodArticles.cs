using System.Text;
using System.Text.Json;
using Pipeline.Core.Articles;
using Pipeline.Reliability.Tests.Support;

namespace Pipeline.Reliability.Tests.BadInput;

/// <summary>Two well-formed articles (written for these tests) processed beside every bad input.</summary>
internal static class GoodArticles
{
    private static readonly Lazy<Task<IReadOnlyList<ArticleRecord>>> Alone = new(() => new ProcessingPipeline().ProcessAllAsync(Create("alone")));

    public static RawArticle[] Create(string batch) =>
    [
        ProcessingPipeline.Raw($"good/{batch}/ferry.txt", Encoding.UTF8.GetBytes(
            "Mayor Praises Ferry Contract\n\nMayor Lena Ortiz praised the new ferry contract on Tuesday. " +
            "The deal cuts fares for commuters across Harbor City, and residents welcomed the savings."), "text/plain; charset=utf-8",
            new Dictionary<string, string> { ["source"] = "Harbor Ledger" }),
        ProcessingPipeline.Raw($"good/{batch}/library.json", Encoding.UTF8.GetBytes(
            """{"title":"Council Approves Library Budget","body":["The city council approved the library budget on Monday.","Omar Haddad, who runs the library, said the money would extend opening hours."],"source":"Valley Herald"}"""),
            "application/json", new Dictionary<string, string>()),
    ];

    /// <summary>The record equals the one the same article gets when processed alone (bar its blob name).</summary>
    public static async Task VerifyUnaffectedAsync(ArticleRecord record)
    {
        var alone = (await Alone.Value).Single(r => Path.GetFileName(r.Blob.Name) == Path.GetFileName(record.Blob.Name));
        Assert.Equal(ArticleStatus.Processed, record.Status);
        SaneRecord.Verify(record);
        Assert.Equal((alone.Title, alone.Source, alone.Text), (record.Title, record.Source, record.Text));
        Assert.Equal(JsonSerializer.Serialize(alone.Analysis), JsonSerializer.Serialize(record.Analysis));
        Assert.Contains(record.Analysis!.Entities, e => e.Name is "Lena Ortiz" or "Omar Haddad");
    }
}
