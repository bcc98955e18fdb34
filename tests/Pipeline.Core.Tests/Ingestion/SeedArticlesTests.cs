using System.Text.RegularExpressions;
using Pipeline.Core.Articles;
using Pipeline.Core.Ingestion;
using Pipeline.Testing;
using Xunit.Abstractions;

namespace Pipeline.Core.Tests.Ingestion;

/// <summary>
/// Optional: the five real scraped seeds in ../shared/seeds (not part of the repository). Passes with a message
/// when ../shared is absent, so a fresh clone is unaffected.
/// </summary>
public sealed class SeedArticlesTests(ITestOutputHelper output)
{
    [Fact]
    public void Parse_SharedSeeds_RealHeadlinesAndNoBoilerplate()
    {
        var seeds = RepoRoot.SharedFolder is { } shared ? Path.Combine(shared, "seeds") : null;
        if (seeds is null || !Directory.Exists(seeds))
        {
            output.WriteLine("SKIPPED: ../shared/seeds not found; the seed check runs only next to the shared material.");
            return;
        }

        var parsed = Directory.EnumerateFiles(seeds, "*.txt").Order(StringComparer.Ordinal)
            .Select(file => (Name: Path.GetFileName(file), Article: Parse(file)))
            .ToDictionary(p => p.Name[..3], p => p.Article);
        foreach (var (name, article) in parsed)
        {
            output.WriteLine($"{name}: {article.Title} | author={article.Author}");
        }

        Assert.Equal(5, parsed.Count);
        Assert.Equal("Can Sanders Rally Supporters Behind Clinton Once His Campaign Ends?", parsed["000"].Title);
        Assert.Equal("Some Clinton aides not sure they can back Sanders", parsed["001"].Title);
        Assert.StartsWith("Bernie Or Bust:", parsed["002"].Title, StringComparison.Ordinal);
        Assert.Equal("Bernie Sanders' People Have A Plan", parsed["003"].Title);
        Assert.NotEqual("Bernie Sanders", parsed["004"].Title);
        Assert.True(parsed["004"].IsTitleDerived);
        Assert.EndsWith("…", parsed["004"].Title);

        foreach (var (name, article) in parsed)
        {
            Assert.False(article.IsTitleDerived && name != "004", name);
            foreach (var noise in (string[])["Read This Story on", "Donate Now", "IE 11 is not supported"])
            {
                Assert.DoesNotContain(noise, article.Body, StringComparison.Ordinal);
            }

            Assert.DoesNotMatch(new Regex("(?m)^Credit:|Getty Images|^Image:|/ EPA$|^Related:|^Tags |^See all |^Follow "), article.Body);
            Assert.DoesNotContain("\n\n\n", article.Body, StringComparison.Ordinal);
            Assert.DoesNotMatch(new Regex("(?m)[ \t]+$"), article.Body);
        }
    }

    private static ParsedArticle Parse(string file) => new ArticleParser().Parse(new RawArticle(
        new BlobReference("seeds", Path.GetFileName(file), "etag", DateTimeOffset.UnixEpoch),
        File.ReadAllBytes(file),
        null,
        new Dictionary<string, string>()));
}
