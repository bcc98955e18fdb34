using Pipeline.Analysis.Local.Text;

namespace Pipeline.Analysis.Local.Sentiment;

/// <summary>
/// Two lexicons answered by one lookup: the sentence lexicon and the target lexicon differ in a few thousand valences
/// (milder news adaptation, induced words), so a sentence whose targets are scored too is tokenized once for both.
/// </summary>
internal sealed class LexiconPair
{
    private readonly WordHashTable<(WordInfo First, WordInfo Second)> byHash;

    public LexiconPair(VaderLexicon first, VaderLexicon second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        First = first;
        Second = second;
        var words = new Dictionary<string, (WordInfo First, WordInfo Second)>(first.Words.Count + 1024, StringComparer.Ordinal);
        foreach (var (word, info) in first.Words)
        {
            words[word] = (info, second.Lookup(word));
        }

        foreach (var (word, info) in second.Words)
        {
            words.TryAdd(word, (default, info));
        }

        byHash = new WordHashTable<(WordInfo, WordInfo)>(words.Select(w => KeyValuePair.Create(TextHash.Of(w.Key), w.Value)));
    }

    public VaderLexicon First { get; }

    public VaderLexicon Second { get; }

    /// <summary>Both lexicons' answers for the lower-cased word.</summary>
    public (WordInfo First, WordInfo Second) Lookup(ReadOnlySpan<char> lowerWord) => Lookup(TextHash.Of(lowerWord));

    /// <summary>Both lexicons' answers for the lower-cased word whose <see cref="TextHash"/> is <paramref name="wordHash"/>.</summary>
    public (WordInfo First, WordInfo Second) Lookup(ulong wordHash) => byHash.TryGetValue(wordHash, out var infos) ? infos : default;
}
