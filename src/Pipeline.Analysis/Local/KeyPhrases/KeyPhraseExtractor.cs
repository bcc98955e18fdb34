using Pipeline.Analysis.Local.Text;
using Pipeline.Core.Analysis;

namespace Pipeline.Analysis.Local.KeyPhrases;

/// <summary>
/// Extracts noun phrases and ranks them by salience: how often the phrase and its words occur, how early
/// it first appears, and how specific (long, proper) it is. A phrase that mostly occurs inside a longer
/// one is merged into it ("Sanders" into "Bernie Sanders"); singular and plural share one entry; the
/// displayed form is the most common surface form. Deterministic: ties go to the earlier phrase.
/// Stateless and thread-safe: one instance serves all callers.
/// </summary>
public sealed class KeyPhraseExtractor
{
    public static KeyPhraseExtractor CreateDefault() => new();

    /// <summary>Noun phrases ranked by salience, highest first.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "Instance API of the analyzer contract: callers hold one extractor, as with the other models.")]
    public IReadOnlyList<KeyPhrase> Extract(string text, IReadOnlyList<TextSpan> sentences, int maxPhrases)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentOutOfRangeException.ThrowIfNegative(maxPhrases);
        if (maxPhrases == 0 || text.Length == 0)
        {
            return [];
        }

        IReadOnlyList<TextSpan> spans = sentences.Count > 0 ? sentences : [new TextSpan(0, text.Length)];
        var collector = t_collector ??= new CandidateCollector();
        collector.Begin(text);
        try
        {
            for (var s = 0; s < spans.Count; s++)
            {
                collector.Sentence = s;
                PhraseChunker.Chunk(text, spans[s], collector.Buffer, collector.OnChunk);
            }

            var candidates = collector.Candidates;
            var wordCounts = WordCounts(candidates, collector.Words.Count);
            SubPhraseMerger.Merge(candidates, collector.Words.Count);
            return Rank(candidates, collector.Words, wordCounts, spans.Count, maxPhrases);
        }
        finally
        {
            // Keeps the tables' capacity for the next document, not the document's text and phrases.
            collector.Begin("");
        }
    }

    /// <summary>One collector per thread, reused: its tables grow once instead of once per document.</summary>
    [ThreadStatic]
    private static CandidateCollector? t_collector;

    /// <summary>How often each word occurs in any phrase (counted per candidate, before merging, not per occurrence).</summary>
    private static int[] WordCounts(List<PhraseCandidate> candidates, int wordCount)
    {
        var counts = new int[wordCount];
        foreach (var c in candidates)
        {
            var occurrences = (int)c.Count;
            foreach (var w in c.Words)
            {
                counts[w] += occurrences;
            }
        }

        return counts;
    }

    private static List<KeyPhrase> Rank(List<PhraseCandidate> candidates, List<string> words, int[] wordCounts, int sentenceCount, int maxPhrases)
    {
        var best = new (PhraseCandidate Candidate, double Score)[Math.Min(maxPhrases, candidates.Count)];
        var count = 0;
        foreach (var c in candidates)
        {
            if (c.MergedInto is not null)
            {
                continue;
            }

            double wordSalience = 0;
            foreach (var w in c.Words)
            {
                wordSalience += wordCounts[w];
            }

            wordSalience /= c.Words.Length;
            var length = 1 + (0.25 * (Math.Min(c.Words.Length, 4) - 1));
            var position = 1 + (0.5 * (1 - ((double)c.FirstSentence / sentenceCount)));
            var proper = c.ProperWeight * 2 > c.Count ? 1.15 : 1;
            var generic = c.Words.Length == 1 && KeyPhraseVocabulary.GenericNouns.Contains(words[c.Words[0]]) ? 0.3 : 1;
            count = KeepBest(best, count, c, (c.Count + (0.25 * wordSalience)) * length * position * proper * generic);
        }

        var top = count > 0 ? best[0].Score : 1;
        var result = new List<KeyPhrase>(count);
        for (var k = 0; k < count; k++)
        {
            result.Add(new KeyPhrase(best[k].Candidate.SurfaceForm(), Math.Round(best[k].Score / top, 4)));
        }

        return result;
    }

    /// <summary>
    /// Keeps the best <c>best.Length</c> candidates offered so far in <paramref name="best"/> (its first
    /// <paramref name="count"/> entries), highest score first, equal scores by first offset; returns the new count.
    /// </summary>
    /// <remarks>
    /// The same phrases, in the same order, as sorting every candidate by that rule and taking the first ones: the rule is
    /// a strict order, since no two unmerged candidates share a first offset (each chunk starts at its own word, and a
    /// merged phrase hands its offset to one longer phrase only). Sorting a document's few hundred candidates for twenty
    /// was most of the ranking's cost.
    /// </remarks>
    internal static int KeepBest((PhraseCandidate Candidate, double Score)[] best, int count, PhraseCandidate candidate, double score)
    {
        var k = best.Length;
        if (k == 0 || (count == k && !Ahead(score, candidate.FirstOffset, best[k - 1])))
        {
            return count;
        }

        var j = Math.Min(count, k - 1);
        while (j > 0 && Ahead(score, candidate.FirstOffset, best[j - 1]))
        {
            best[j] = best[j - 1];
            j--;
        }

        best[j] = (candidate, score);
        return Math.Min(count + 1, k);

        static bool Ahead(double score, int offset, (PhraseCandidate Candidate, double Score) other) =>
            score > other.Score || (score == other.Score && offset < other.Candidate.FirstOffset);
    }

    /// <summary>Turns chunks into candidates keyed by their normalised words.</summary>
    private sealed class CandidateCollector
    {
        private string _text = "";

        public CandidateCollector()
        {
            OnChunk = Add;
        }

        /// <summary>The chunker's word buffer.</summary>
        public List<ChunkWord> Buffer { get; } = new(PhraseChunker.MaxPhraseWords + 2);

        /// <summary><see cref="Add"/> as the chunker's callback (one delegate, not one per document).</summary>
        public Action<List<ChunkWord>, bool> OnChunk { get; }

        /// <summary>Starts a document: every table emptied (their capacity kept).</summary>
        public void Begin(string document)
        {
            _text = document;
            Sentence = 0;
            _byKey.Clear();
            _wordNumbers.Clear();
            Candidates.Clear();
            Words.Clear();
            Buffer.Clear();
        }

        private readonly Dictionary<string, PhraseCandidate> _byKey = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _wordNumbers = new(StringComparer.Ordinal);
        private readonly List<int> _keyWords = [];
        private char[] _key = new char[256];
        private char[] _surface = new char[256];

        public int Sentence { get; set; }

        public List<PhraseCandidate> Candidates { get; } = [];

        /// <summary>The distinct words of the candidates' keys, by number.</summary>
        public List<string> Words { get; } = [];

        public void Add(List<ChunkWord> words, bool startsSentence)
        {
            // A lone short lowercase word ("vs", "ex") says nothing.
            if (words.Count == 1 && !words[0].Capitalised && words[0].Length < 3)
            {
                return;
            }

            // Key (lower case, last word singular unless capitalised) and surface, written straight into buffers.
            var size = words.Count - 1;
            foreach (var w in words)
            {
                size += w.Length;
            }

            if (_key.Length < size)
            {
                _key = new char[size * 2];
                _surface = new char[size * 2];
            }

            int keyLength = 0, surfaceLength = 0, capitalised = 0;
            for (var i = 0; i < words.Count; i++)
            {
                var w = words[i];
                var span = _text.AsSpan(w.Start, w.Length);
                if (i > 0)
                {
                    _key[keyLength++] = ' ';
                    _surface[surfaceLength++] = ' ';
                }

                span.CopyTo(_surface.AsSpan(surfaceLength));
                surfaceLength += span.Length;
                var folded = i == words.Count - 1 && !w.Capitalised ? Singular(span) : span;
                // Char by char, as the keys always were (the span overload also maps surrogate pairs).
                foreach (var ch in folded)
                {
                    _key[keyLength++] = char.ToLowerInvariant(ch);
                }

                capitalised += w.Capitalised ? 1 : 0;
            }

            // Look the key up without allocating it: most chunks repeat a phrase already seen.
            var keySpan = _key.AsSpan(0, keyLength);
            var lookup = _byKey.GetAlternateLookup<ReadOnlySpan<char>>();
            if (!lookup.TryGetValue(keySpan, out var candidate))
            {
                var key = keySpan.ToString();
                candidate = new PhraseCandidate(Number(key), words[0].Start, Sentence);
                _byKey[key] = candidate;
                Candidates.Add(candidate);
            }

            var proper = capitalised == words.Count && !(startsSentence && words.Count == 1);
            // A capital at the start of a sentence may be there only because of the position: it counts half.
            candidate.AddOccurrence(_surface.AsSpan(0, surfaceLength), startsSentence && words[0].Capitalised ? 0.5 : 1, proper);
        }

        /// <summary>The key's space-separated words as word numbers (a new word gets the next number).</summary>
        private int[] Number(string key)
        {
            _keyWords.Clear();
            var lookup = _wordNumbers.GetAlternateLookup<ReadOnlySpan<char>>();
            var rest = key.AsSpan();
            while (true)
            {
                var space = rest.IndexOf(' ');
                var word = space < 0 ? rest : rest[..space];
                if (!lookup.TryGetValue(word, out var number))
                {
                    number = Words.Count;
                    var name = word.ToString();
                    Words.Add(name);
                    _wordNumbers[name] = number;
                }

                _keyWords.Add(number);
                if (space < 0)
                {
                    return [.. _keyWords];
                }

                rest = rest[(space + 1)..];
            }
        }

        private static ReadOnlySpan<char> Singular(ReadOnlySpan<char> word)
        {
            if (word.Length <= 3 || word[^1] != 's' || word.EndsWith("ss") || word.EndsWith("us") || word.EndsWith("is"))
            {
                return word;
            }

            // "policies" -> "policie" is fine as a key: both forms reduce the same way.
            return word[..^1];
        }
    }
}
