using System.Collections.Frozen;
using System.Reflection;
using Pipeline.Core.Analysis;

namespace Pipeline.Analysis.Linking;

/// <summary>
/// Links a Person entity known in an article only by a surname ("Trump") to the public figure that surname
/// means in news ("Donald Trump"), so the leaderboard counts one person across articles. In-document
/// coreference already handles articles that use the full name somewhere; this covers the ones that never do.
/// Organizations known in an article only by their acronym ("DNC") get their full name ("Democratic National
/// Committee") the same way, so the acronym and the expansion are one organization across articles.
/// Applied to every provider's result, so Local and Azure AI Language produce the same entity names.
/// </summary>
public sealed class NotablePersonLinker
{
    private const string PersonCategory = "Person";
    private const string OrganizationCategory = "Organization";
    private readonly FrozenDictionary<string, string> _bySurname;
    private readonly FrozenDictionary<string, string> _byAcronym;

    /// <param name="surnameToName">Surname → full name of a person (case-insensitive).</param>
    /// <param name="acronymToName">Acronym → full name of an organization (case-sensitive: "AIM" is not "Aim").</param>
    public NotablePersonLinker(IEnumerable<KeyValuePair<string, string>> surnameToName, IEnumerable<KeyValuePair<string, string>>? acronymToName = null)
    {
        _bySurname = surnameToName.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        _byAcronym = (acronymToName ?? []).ToFrozenDictionary(StringComparer.Ordinal);
    }

    public static NotablePersonLinker Default { get; } = new(LoadEmbedded("notable-people.tsv"), LoadEmbedded("notable-organizations.tsv"));

    public TextAnalysis Link(TextAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        if (!analysis.Entities.Any(NeedsLinking))
        {
            return analysis;
        }

        // Rename surname-only people, then merge any that now share a name with another entity of the article.
        var merged = analysis.Entities
            .Select(e => NeedsLinking(e) ? e with { Name = FullName(e) } : e)
            .GroupBy(e => (e.Category, e.Name))
            .Select(g => g.Count() == 1 ? g.First() : Merge(g.ToList()))
            .ToList();
        return analysis with { Entities = merged };
    }

    private bool NeedsLinking(EntityResult entity) =>
        !entity.Name.Contains(' ', StringComparison.Ordinal)
        && (entity.Category == PersonCategory ? _bySurname.ContainsKey(entity.Name) : entity.Category == OrganizationCategory && _byAcronym.ContainsKey(entity.Name));

    private string FullName(EntityResult entity) => entity.Category == PersonCategory ? _bySurname[entity.Name] : _byAcronym[entity.Name];

    private static EntityResult Merge(List<EntityResult> same)
    {
        var mentions = same.SelectMany(e => e.Mentions).OrderBy(m => m.Offset).ToList();
        var scored = mentions.Where(m => m.Sentiment is not null).Select(m => m.Sentiment!.Scores).ToList();
        var sentiment = scored.Count == 0
            ? same.Select(e => e.Sentiment).FirstOrDefault(s => s is not null)
            : SentimentResult.From(new SentimentScores(scored.Average(s => s.Positive), scored.Average(s => s.Neutral), scored.Average(s => s.Negative)));
        return same[0] with { Mentions = mentions, Sentiment = sentiment, Subcategory = same.Select(e => e.Subcategory).FirstOrDefault(s => s is not null), Tone = MergeTone(same) };
    }

    /// <summary>The merged entities' evidence added up (their sentences are disjoint: different mentions of one article).</summary>
    private static ToneEvidence? MergeTone(List<EntityResult> same)
    {
        var tones = same.Select(e => e.Tone).OfType<ToneEvidence>().ToList();
        return tones.Count == 0
            ? null
            : new ToneEvidence(tones.Sum(t => t.Mentions), tones.Sum(t => t.Sentences), Math.Round(tones.Sum(t => t.Confidence * t.Mentions) / Math.Max(1, tones.Sum(t => t.Mentions)), 3));
    }

    private static List<KeyValuePair<string, string>> LoadEmbedded(string file)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Pipeline.Analysis.Linking." + file)
            ?? throw new InvalidOperationException(file + " is not embedded.");
        using var reader = new StreamReader(stream);
        var entries = new List<KeyValuePair<string, string>>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            entries.Add(new(line[..tab], line[(tab + 1)..]));
        }

        return entries;
    }
}
