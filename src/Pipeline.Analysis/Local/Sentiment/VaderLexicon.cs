using System.Collections.Frozen;
using System.Globalization;
using Pipeline.Analysis.Local.Text;

namespace Pipeline.Analysis.Local.Sentiment;

/// <summary>
/// The VADER lexicon merged with the rule word lists: one span lookup per token answers valence, booster and flags.
/// Keys are lower-case; callers look up an already lower-cased span (no allocation).
/// </summary>
internal sealed class VaderLexicon
{
    private const string ResourceName = "Pipeline.Analysis.Sentiment.vader_lexicon.txt";
    private const string NewsResourceName = "Pipeline.Analysis.Sentiment.news-valence.tsv";
    private const string SentenceNewsResourceName = "Pipeline.Analysis.Sentiment.news-valence-sentence.tsv";
    private const string InducedResourceName = "Pipeline.Analysis.Sentiment.induced-valence.tsv";

    /// <summary>
    /// Multiplier of the induced valences (word-vector predictions, shrunk toward 0 by the regression) in sentence
    /// scoring; chosen by NewsMTSC sentence cross-validation (see EVAL.md).
    /// </summary>
    public const float InducedWeight = 0.75f;

    private static readonly Lazy<VaderLexicon> LazyDefault = new(() => LoadBase(ReadEmbedded(NewsResourceName)));
    private static readonly Lazy<VaderLexicon> LazySentenceDefault = new(() => LoadBase(ReadEmbedded(SentenceNewsResourceName), ReadEmbedded(InducedResourceName)));

    // Words by their TextHash only: the tokenizer looks them up by hash, and the strings of tens of thousands of words (with their
    // frozen dictionary, ~5 MB per lexicon) served nothing else once loaded.
    private readonly WordHashTable<WordInfo> byHash;
    private readonly FrozenDictionary<ulong, float> phrases;

    private VaderLexicon(Dictionary<string, WordInfo> words, FrozenDictionary<ulong, float> phrases)
    {
        byHash = new WordHashTable<WordInfo>(words.Select(w => KeyValuePair.Create(TextHash.Of(w.Key), w.Value)));
        this.phrases = phrases;
    }

    /// <summary>The lexicon with the news valences of the target model.</summary>
    public static VaderLexicon Default => LazyDefault.Value;

    /// <summary>
    /// The lexicon of whole-sentence scoring: news valences adapted more mildly (human sentence ratings follow
    /// VADER's valences more closely than target labels do).
    /// </summary>
    public static VaderLexicon SentenceDefault => LazySentenceDefault.Value;

    public int Count => byHash.Count;

    /// <summary>Every word's <see cref="TextHash"/> and what the lexicon knows of it (for <see cref="LexiconPair"/>).</summary>
    public IEnumerable<KeyValuePair<ulong, WordInfo>> Entries => byHash.Entries;

    public WordInfo Lookup(ReadOnlySpan<char> lowerWord) => Lookup(TextHash.Of(lowerWord));

    /// <summary>What the lexicon knows of the lower-cased word whose <see cref="TextHash"/> is <paramref name="wordHash"/> (the tokenizer's lookup).</summary>
    public WordInfo Lookup(ulong wordHash) => byHash.TryGetValue(wordHash, out var info) ? info : default;

    public bool TryGetPhrase(ulong phraseHash, out float valence) => phrases.TryGetValue(phraseHash, out valence);

    public static ulong PhraseHash(ReadOnlySpan<ulong> wordHashes)
    {
        var h = wordHashes[0];
        for (var i = 1; i < wordHashes.Length; i++)
        {
            h = TextHash.Combine(h, wordHashes[i]);
        }

        return h;
    }

    /// <summary>
    /// Parses lines "word TAB mean [TAB sd TAB ratings]"; <paramref name="overrides"/> (word → valence, learned
    /// from news) replace the valences of words after inflections are added; <paramref name="induced"/> (word →
    /// valence predicted from word vectors) adds words the lexicon and its inflections lack, scaled by
    /// <paramref name="inducedWeight"/> and flagged <see cref="WordFlags.Induced"/>.
    /// </summary>
    public static VaderLexicon Load(
        TextReader reader,
        IReadOnlyDictionary<string, float>? overrides = null,
        IReadOnlyDictionary<string, float>? induced = null,
        float inducedWeight = InducedWeight)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var words = new Dictionary<string, WordInfo>(8192, StringComparer.Ordinal);
        foreach (var (word, valence) in ReadEntries(reader))
        {
            words.Add(word, new WordInfo((float)valence, 0, WordFlags.InLexicon));
        }

        // Rule words keep their rule meaning: "hardly" is a negation, not an inflection of "hard".
        var ruleWords = new HashSet<string>(VaderRules.Negations.Concat(VaderRules.Increments).Concat(VaderRules.Decrements), StringComparer.Ordinal);
        var inflected = new Dictionary<string, WordInfo>(StringComparer.Ordinal);
        foreach (var (word, info) in words)
        {
            foreach (var form in LexiconInflections.Of(word))
            {
                if (!words.ContainsKey(form) && !ruleWords.Contains(form))
                {
                    inflected.TryAdd(form, info);
                }
            }
        }

        foreach (var (form, info) in inflected)
        {
            words.Add(form, info);
        }

        // Rule words are never induced (the induction tool skips every word this lexicon knows); TryAdd keeps a
        // VADER word's own valence should a resource list it anyway.
        foreach (var (word, valence) in induced ?? new Dictionary<string, float>())
        {
            if (!ruleWords.Contains(word))
            {
                words.TryAdd(word, new WordInfo(inducedWeight * valence, 0, WordFlags.InLexicon | WordFlags.Induced));
            }
        }

        foreach (var (word, valence) in overrides ?? new Dictionary<string, float>())
        {
            if (words.TryGetValue(word, out var info))
            {
                words[word] = info with { Valence = valence };
            }
        }

        foreach (var w in VaderRules.Increments)
        {
            Merge(words, w, booster: VaderRules.BoosterIncrement, WordFlags.Booster);
        }

        foreach (var w in VaderRules.Decrements)
        {
            Merge(words, w, booster: VaderRules.BoosterDecrement, WordFlags.Booster);
        }

        foreach (var w in VaderRules.Negations)
        {
            Merge(words, w, 0, WordFlags.Negation);
        }

        (string Word, WordFlags Flag)[] roles =
        [
            ("no", WordFlags.No), ("kind", WordFlags.Kind), ("of", WordFlags.Of), ("but", WordFlags.But),
            ("least", WordFlags.Least), ("at", WordFlags.AtOrVery), ("very", WordFlags.AtOrVery), ("never", WordFlags.Never),
            ("so", WordFlags.SoOrThis), ("this", WordFlags.SoOrThis), ("without", WordFlags.Without),
            ("doubt", WordFlags.Doubt), ("or", WordFlags.OrNor), ("nor", WordFlags.OrNor), ("by", WordFlags.By),
        ];
        foreach (var (word, flag) in roles)
        {
            Merge(words, word, 0, flag);
        }

        foreach (var w in VaderRules.SpeechVerbs)
        {
            Merge(words, w, 0, WordFlags.Speech);
        }

        foreach (var w in VaderRules.ClauseWords)
        {
            Merge(words, w, 0, WordFlags.ClauseWord);
        }

        foreach (var w in VaderRules.Pronouns)
        {
            Merge(words, w, 0, WordFlags.Pronoun);
        }

        foreach (var w in VaderRules.Auxiliaries)
        {
            Merge(words, w, 0, WordFlags.Auxiliary);
        }

        var phrases = new Dictionary<ulong, float>();
        Span<ulong> hashes = stackalloc ulong[4];
        foreach (var (phrase, valence) in VaderRules.Phrases)
        {
            var parts = phrase.Split(' ');
            for (var i = 0; i < parts.Length; i++)
            {
                hashes[i] = TextHash.Of(parts[i]);
            }

            phrases[PhraseHash(hashes[..parts.Length])] = valence;
            Merge(words, parts[0], 0, WordFlags.PhraseStart);
        }

        return new VaderLexicon(words, phrases.ToFrozenDictionary());
    }

    private static void Merge(Dictionary<string, WordInfo> words, string word, float booster, WordFlags flag)
    {
        words.TryGetValue(word, out var info);
        words[word] = new WordInfo(info.Valence, booster != 0 ? booster : info.Booster, info.Flags | flag);
    }

    /// <summary>
    /// The entries of "word TAB mean [TAB sd TAB ratings]" lines: lower-cased word → mean rating, the first line of
    /// a word winning; no inflections, rule words or news valences.
    /// </summary>
    public static Dictionary<string, double> ReadEntries(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var entries = new Dictionary<string, double>(8192, StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab <= 0)
            {
                continue;
            }

            var rest = line.AsSpan(tab + 1);
            var end = rest.IndexOf('\t');
            if (end >= 0)
            {
                rest = rest[..end];
            }

            if (double.TryParse(rest, NumberStyles.Float, CultureInfo.InvariantCulture, out var valence))
            {
                entries.TryAdd(line[..tab].ToLowerInvariant(), valence);
            }
        }

        return entries;
    }

    /// <summary>The embedded VADER lexicon's own entries (<see cref="ReadEntries"/>).</summary>
    public static Dictionary<string, double> ReadBaseEntries()
    {
        using var reader = OpenBase();
        return ReadEntries(reader);
    }

    /// <summary>The embedded induced valences (word-vector lexicon induction), empty when the resource is absent.</summary>
    public static Dictionary<string, float> ReadInduced() => ReadEmbedded(InducedResourceName) ?? new(StringComparer.Ordinal);

    /// <summary>An embedded "word TAB valence" resource, or null when the build has none.</summary>
    private static Dictionary<string, float>? ReadEmbedded(string resourceName)
    {
        using var stream = typeof(VaderLexicon).Assembly.GetManifestResourceStream(resourceName);
        return stream is null ? null : ReadOverrides(stream);
    }

    private static StreamReader OpenBase() => new(
        typeof(VaderLexicon).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing."));

    /// <summary>Reads "word TAB valence" lines.</summary>
    public static Dictionary<string, float> ReadOverrides(Stream stream)
    {
        var overrides = new Dictionary<string, float>(StringComparer.Ordinal);
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab > 0 && float.TryParse(line.AsSpan(tab + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var valence))
            {
                overrides[line[..tab]] = valence;
            }
        }

        return overrides;
    }

    /// <summary>The embedded VADER lexicon with the given overrides (and induced words) instead of the embedded ones (for training).</summary>
    public static VaderLexicon LoadBase(
        IReadOnlyDictionary<string, float>? overrides = null,
        IReadOnlyDictionary<string, float>? induced = null,
        float inducedWeight = InducedWeight)
    {
        using var reader = OpenBase();
        return Load(reader, overrides, induced, inducedWeight);
    }
}
