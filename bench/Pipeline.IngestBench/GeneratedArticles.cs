using System.Globalization;
using System.Text;
using Pipeline.Benchmarks.Corpus;

namespace Pipeline.IngestBench;

/// <summary>
/// Article number i of the ingest corpus: a synthetic news story (3–5 KB), one of 20 outlets, a publication time
/// in 2016–2020, under a blob name like "outlet-07.example/2018/03/article-000123.txt". Same i, same bytes.
/// </summary>
public static class GeneratedArticles
{
    public const int Outlets = 20;
    private static readonly DateTimeOffset First = new(2016, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly ulong Minutes = (ulong)((new DateTimeOffset(2021, 1, 1, 0, 0, 0, TimeSpan.Zero) - First).Ticks / TimeSpan.TicksPerMinute);

    public static string Outlet(int i) => $"outlet-{i % Outlets:00}.example";

    /// <summary>Spread evenly over 2016-2020 by a multiplicative hash of i (Fibonacci hashing), to the minute.</summary>
    public static DateTimeOffset Published(int i) => First.AddMinutes(((ulong)i * 0x9E3779B97F4A7C15UL >> 11) % Minutes);

    public static string BlobName(int i)
    {
        var published = Published(i);
        return string.Create(CultureInfo.InvariantCulture, $"{Outlet(i)}/{published:yyyy}/{published:MM}/article-{i:000000}.txt");
    }

    public static byte[] Content(int i)
    {
        var seed = 20261207UL + ((ulong)i * 1_000_003UL);
        var sentences = SyntheticCorpus.Article(seed).ToList();
        var target = 3000 + (int)((uint)(i * 7919) % 2000);
        var text = new StringBuilder(target + 512).Append(sentences[0]).Append("\n\n");
        // Paragraphs of about six sentences until the story is 3-5 KB, continuing with a follow-up story's body if needed.
        var body = sentences.Skip(1).ToList();
        for (var more = 1UL; body.Sum(b => b.Length + 1) < target; more++)
        {
            body.AddRange(SyntheticCorpus.Article(seed + more).Skip(1));
        }

        for (var p = 0; p < body.Count && text.Length < target; p++)
        {
            text.Append(body[p]).Append(p % 6 == 5 ? "\n\n" : " ");
        }

        return Encoding.UTF8.GetBytes(text.ToString().TrimEnd() + "\n");
    }

    public static Dictionary<string, string> Metadata(int i) => new(StringComparer.Ordinal)
    {
        ["source"] = Outlet(i),
        ["published"] = Published(i).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
    };
}
