using System.Collections.Concurrent;
using Pipeline.Analysis.Local.Text;

namespace Pipeline.Analysis.Local.Ner;

/// <summary>Tags token sequences with BIO PER/LOC/ORG/MISC. Thread-safe: per-thread feature buffers.</summary>
public sealed class NerTagger
{
    public const string ModelResource = "ner-model.bin.gz";

    private static readonly Lazy<NerTagger> LazyDefault = new(
        () =>
        {
            using var stream = NerResources.Open(ModelResource);
            return new NerTagger(NerModel.Load(stream), new NerFeatureExtractor(Gazetteer.Default));
        },
        LazyThreadSafetyMode.ExecutionAndPublication);

    [ThreadStatic]
    private static NerFeatureExtractor.SentenceFeatures? t_buffer;

    /// <summary>
    /// Word-score caches (about 11 MB each, on the large-object heap) not in use now: one is taken per sentence and given
    /// back, so there are as many as sentences tagged at once. Per thread they multiplied with the thread-pool threads an
    /// async host runs the analyzer on (5 after 45 s of a 2,000-article ingest) and lived as long as those threads.
    /// </summary>
    private readonly ConcurrentStack<WordScoreCache> _caches = new();

    private readonly ITagScorer _scorer;
    private readonly NerFeatureExtractor _features;

    internal NerTagger(ITagScorer scorer, NerFeatureExtractor features)
    {
        _scorer = scorer;
        _features = features;
    }

    public NerTagger(NerModel model, NerFeatureExtractor features)
        : this((ITagScorer)model, features)
    {
        ArgumentNullException.ThrowIfNull(model);
        BeamWidth = model.BeamWidth;
        RawBeamScores = model.BeamWidth > 1;
    }

    /// <summary>Softmax temperature for confidences (calibrated on dev sets; see GreedyDecoder).</summary>
    internal float Temperature { get; init; } = GreedyDecoder.DefaultTemperature;

    /// <summary>Beam width of the decoder; 1 = greedy. The model's own by default; tools override it for experiments.</summary>
    internal int BeamWidth { get; set; } = 1;

    /// <summary>Whether the model was trained with beam search (rank histories by raw summed scores).</summary>
    internal bool RawBeamScores { get; set; }

    /// <summary>Softmax temperature of the beam's per-step probabilities.</summary>
    internal float BeamTemperature { get; set; } = GreedyDecoder.DefaultTemperature;

    /// <summary>Post-decoding tag repairs (see TagRepair); tools switch them off or pick single rules for experiments.</summary>
    internal TagRepair.Rules Repairs { get; set; } = TagRepair.Rules.Shipped;

    /// <summary>The embedded trained model and gazetteers, loaded once.</summary>
    public static NerTagger Default => LazyDefault.Value;

    /// <summary>
    /// Tags one sentence's tokens; <paramref name="confidences"/> may be empty. The beam decoder computes confidences
    /// for entity tokens only (O tokens get 0).
    /// </summary>
    public void Tag(string text, ReadOnlySpan<TextSpan> tokens, Span<int> tags, Span<float> confidences)
    {
        if (tokens.IsEmpty)
        {
            return;
        }

        Decode(text, tokens, tags, confidences);
        if (Repairs != TagRepair.Rules.None)
        {
            TagRepair.Apply(text, tokens, tags[..tokens.Length], confidences.IsEmpty ? confidences : confidences[..tokens.Length], Repairs);
        }
    }

    /// <summary>
    /// The word properties of the sentence this thread last tagged, when it had <paramref name="tokens"/> tokens (else
    /// empty): callers reuse them instead of looking each word up again.
    /// </summary>
    internal static ReadOnlySpan<WordProperties> LastSentenceWords(int tokens) =>
        t_buffer is { } buffer && buffer.Count == tokens ? buffer.Words.AsSpan(0, tokens) : [];

    private void Decode(string text, ReadOnlySpan<TextSpan> tokens, Span<int> tags, Span<float> confidences)
    {
        var buffer = t_buffer ??= new NerFeatureExtractor.SentenceFeatures();
        if (BeamWidth > 1 && _scorer is NerModel cachedModel && tokens.Length <= WordScoreCache.MaxSentence)
        {
            var cache = _caches.TryPop(out var free) ? free : new WordScoreCache(cachedModel);
            try
            {
                _features.Extract(text, tokens, buffer, cache);
                BeamDecoder.Decode(cachedModel, buffer, tags, confidences, BeamWidth, BeamTemperature, RawBeamScores);
            }
            finally
            {
                _caches.Push(cache);
            }

            return;
        }

        _features.Extract(text, tokens, buffer);
        if (BeamWidth <= 1)
        {
            if (_scorer is NerModel greedyModel)
            {
                GreedyDecoder.Decode(greedyModel, buffer, tags, confidences, Temperature);
            }
            else
            {
                GreedyDecoder.Decode(_scorer, buffer, tags, confidences, Temperature);
            }
        }
        else if (_scorer is NerModel model)
        {
            BeamDecoder.Decode(model, buffer, tags, confidences, BeamWidth, BeamTemperature, RawBeamScores);
        }
        else
        {
            BeamDecoder.Decode(_scorer, buffer, tags, confidences, BeamWidth, BeamTemperature, RawBeamScores);
        }
    }
}
