using Pipeline.Testing;

namespace Pipeline.Core.Tests.Ingestion;

/// <summary>The articles in samples/ (uploaded by run.sh) must all parse.</summary>
public sealed class SampleArticlesTests
{
    public static TheoryData<string> SampleFiles() => new(SampleNames());

    private static List<string> SampleNames() =>
        Directory.EnumerateFiles(Path.Combine(RepoRoot.Path, "samples"))
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(name => !name.Equals("README.md", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();

    [Fact]
    public void Samples_FolderHoldsSixArticlesInAllFormats()
    {
        var names = SampleNames();

        Assert.Equal(6, names.Count);
        Assert.Equal(2, names.Count(n => n.EndsWith(".txt", StringComparison.Ordinal)));
        Assert.Equal(2, names.Count(n => n.EndsWith(".html", StringComparison.Ordinal)));
        Assert.Single(names, n => n.EndsWith(".json", StringComparison.Ordinal));
        Assert.Single(names, n => n.EndsWith(".md", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void Parse_SampleFile_ParsesWithTitleAndCleanBody(string fileName)
    {
        var bytes = File.ReadAllBytes(Path.Combine(RepoRoot.Path, "samples", fileName));

        var parsed = new RawArticleBuilder().Named("samples/" + fileName).WithBytes(bytes).Parse();

        Assert.False(string.IsNullOrWhiteSpace(parsed.Title));
        Assert.False(parsed.IsTitleDerived, "every sample has a real headline");
        Assert.Equal(Path.GetExtension(fileName).TrimStart('.'), parsed.Format);
        var words = parsed.Body.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Length;
        Assert.InRange(words, 200, 650);
        Assert.DoesNotContain("Subscribe", parsed.Body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Photo:", parsed.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("<", parsed.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("](", parsed.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(parsed.Title, parsed.Body, StringComparison.Ordinal);
    }
}
