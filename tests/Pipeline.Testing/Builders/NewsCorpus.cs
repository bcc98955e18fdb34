using System.Globalization;
using System.Text;
using Pipeline.Core.Articles;

namespace Pipeline.Testing.Builders;

/// <summary>
/// Generated news articles of realistic shape for storage tests and benches: 3–5 KB of text, 10–30 entities
/// drawn with Zipf-like popularity from a fixed pool (so a few entities appear in most articles, as a head of
/// state does), 20 sources, timestamps spread over the given days. Deterministic for a seed.
/// </summary>
public sealed class NewsCorpus(int seed, DateTimeOffset firstDay, int days)
{
    private static readonly string[] Categories = ["Person", "Person", "Person", "Organization", "Location", "Event"];
    private static readonly string[] Words =
        ["the", "council", "said", "on", "Tuesday", "that", "votes", "would", "be", "counted", "again", "after", "a", "long",
         "debate", "over", "budget", "and", "schools", "in", "the", "city", "while", "officials", "promised", "answers"];

    private readonly Random _random = new(seed);
    private int _next;

    /// <summary>Entities in the pool; the leaderboard of a corpus has at most this many rows.</summary>
    public const int EntityPool = 300;

    /// <summary>A new article (a new blob).</summary>
    public ArticleRecord Next(string prefix = "news") => Version($"{prefix}/{seed}/{_next++:D6}.txt", version: 1);

    /// <summary>Version <paramref name="version"/> of the article at <paramref name="blobName"/>: other entities, time and sentiment.</summary>
    public ArticleRecord Version(string blobName, int version)
    {
        var builder = new ArticleRecordBuilder()
            .WithBlobName(blobName)
            .WithVersion("0x" + version.ToString("X8", CultureInfo.InvariantCulture), new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(version))
            .WithTimestamp(firstDay.AddMinutes(_random.Next(days * 24 * 60)))
            .WithSource($"outlet-{_random.Next(20):D2}.example")
            .WithTitle($"Story {blobName} v{version}")
            .WithBody(Body(3_000 + _random.Next(2_000)));
        var picked = new HashSet<int>();
        var count = 10 + _random.Next(21);
        while (picked.Count < count)
        {
            // Zipf-like: index = pool^u - 1 puts most draws on the first few entities.
            picked.Add(Math.Min(EntityPool - 1, (int)Math.Pow(EntityPool, _random.NextDouble()) - 1));
        }

        foreach (var i in picked.Order())
        {
            var polarity = _random.Next(5) == 0 ? (double?)null : Math.Round((_random.NextDouble() * 2) - 1, 3);
            builder.WithEntity($"Entity {i:D3}", Categories[i % Categories.Length], 1 + _random.Next(6), polarity);
        }

        return builder.Build();
    }

    private string Body(int bytes)
    {
        var text = new StringBuilder(bytes + 16);
        while (text.Length < bytes)
        {
            text.Append(Words[_random.Next(Words.Length)]).Append(text.Length % 17 == 0 ? ". " : " ");
        }

        return text.ToString();
    }
}
