using System.Text;
using Pipeline.Analysis.Local.Text;

namespace Pipeline.Benchmarks.Corpus;

/// <summary>An article of the corpus: its text and the spans of its sentences.</summary>
public sealed record BenchArticle(string Text, TextSpan[] Sentences);

/// <summary>
/// A benchmark corpus. On disk (for the Node peers) it is one sentence per line, articles separated by an
/// empty line; in memory each article is its sentences joined by single spaces, so C# and Node score
/// exactly the same sentence bytes.
/// </summary>
public sealed class BenchCorpus
{
    private BenchCorpus(string name, IReadOnlyList<BenchArticle> articles)
    {
        Name = name;
        Articles = articles;
        foreach (var article in articles)
        {
            ArticleBytes += Encoding.UTF8.GetByteCount(article.Text);
            foreach (var s in article.Sentences)
            {
                SentenceBytes += Encoding.UTF8.GetByteCount(article.Text.AsSpan(s.Start, s.Length));
                SentenceCount++;
            }
        }
    }

    public string Name { get; }

    public IReadOnlyList<BenchArticle> Articles { get; }

    /// <summary>UTF-8 bytes of all sentences (what sentiment reads).</summary>
    public long SentenceBytes { get; }

    /// <summary>UTF-8 bytes of all article texts (what full analysis reads).</summary>
    public long ArticleBytes { get; }

    public int SentenceCount { get; }

    public static BenchCorpus FromArticles(string name, IEnumerable<IReadOnlyList<string>> sentencesPerArticle)
    {
        var articles = new List<BenchArticle>();
        var sb = new StringBuilder();
        foreach (var sentences in sentencesPerArticle)
        {
            sb.Clear();
            var spans = new List<TextSpan>(sentences.Count);
            foreach (var raw in sentences)
            {
                var sentence = raw.Trim();
                if (sentence.Length == 0)
                {
                    continue;
                }

                if (sb.Length > 0)
                {
                    sb.Append(' ');
                }

                spans.Add(new TextSpan(sb.Length, sentence.Length));
                sb.Append(sentence);
            }

            if (spans.Count > 0)
            {
                articles.Add(new BenchArticle(sb.ToString(), [.. spans]));
            }
        }

        return new BenchCorpus(name, articles);
    }

    public static BenchCorpus Read(string name, string path)
    {
        var articles = new List<List<string>>();
        var current = new List<string>();
        foreach (var line in File.ReadLines(path, Encoding.UTF8))
        {
            if (line.Length == 0)
            {
                if (current.Count > 0)
                {
                    articles.Add(current);
                    current = [];
                }

                continue;
            }

            current.Add(line);
        }

        if (current.Count > 0)
        {
            articles.Add(current);
        }

        return FromArticles(name, articles);
    }

    public void Write(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        writer.NewLine = "\n";
        foreach (var article in Articles)
        {
            foreach (var s in article.Sentences)
            {
                writer.WriteLine(article.Text.AsSpan(s.Start, s.Length));
            }

            writer.WriteLine();
        }
    }
}
