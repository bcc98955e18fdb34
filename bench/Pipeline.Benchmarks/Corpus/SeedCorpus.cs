using System.Text.RegularExpressions;

namespace Pipeline.Benchmarks.Corpus;

/// <summary>
/// A corpus read at run time from a folder of article text files: the real scraped articles of ../shared/seeds
/// (never written into the repository: run.sh puts the derived file under an ignored artifacts folder) or the
/// repository's samples/.
/// </summary>
public static partial class SeedCorpus
{
    /// <summary>Reads every *.txt under the folder, one article each, split into sentences at line breaks and sentence ends.</summary>
    public static BenchCorpus? TryLoad(string? folder, string name = BenchCorpora.Seeds)
    {
        if (folder is null || !Directory.Exists(folder))
        {
            return null;
        }

        var files = Directory.GetFiles(folder, "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
        if (files.Length == 0)
        {
            return null;
        }

        var articles = files.Select(f => (IReadOnlyList<string>)SplitSentences(File.ReadAllText(f)).ToList());
        return BenchCorpus.FromArticles(name, articles);
    }

    private static IEnumerable<string> SplitSentences(string text)
    {
        foreach (var line in text.Split('\n'))
        {
            foreach (var sentence in SentenceEnd().Split(line))
            {
                var trimmed = sentence.Trim();
                if (trimmed.Length > 0)
                {
                    yield return trimmed;
                }
            }
        }
    }

    // A sentence ends at . ! or ? (optionally closed by a quote) before a space and a capital or a quote.
    [GeneratedRegex("(?<=[.!?][\"\u201D']?)\\s+(?=[A-Z\"\u201C])")]
    private static partial Regex SentenceEnd();
}
