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
        var words = new Dictionary<ulong, (WordInfo First, WordInfo Second)>(first.Count + 1024);
        foreach (var (hash, info) in first.Entries)
        {
            words[hash] = (info, second.Lookup(hash));
        }

        foreach (var (hash, info) in second.Entries)
        {
            words.TryAdd(hash, (default, info));
        }

        byHash = new WordHashTable<(WordInfo, WordInfo)>(words);
    }

    public VaderLexicon First { get; }

    public VaderLexicon Second { get; }

    /// <summary>Both lexicons' answers for the lower-cased word.</summary>
    public (WordInfo First, WordInfo Second) Lookup(ReadOnlySpan<char> lowerWord) => Lookup(TextHash.Of(lowerWord));

    /// <summary>Both lexicons' answers for the lower-cased word whose <see cref="TextHash"/> is <paramref name="wordHash"/>.</summary>
    public (WordInfo First, WordInfo Second) Lookup(ulong wordHash) => byHash.TryGetValue(wordHash, out var infos) ? infos : default;
}
