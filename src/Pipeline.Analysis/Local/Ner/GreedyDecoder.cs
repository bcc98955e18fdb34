namespace Pipeline.Analysis.Local.Ner;

/// <summary>Scores the nine tags for a set of hashed features (adds into <c>scores</c>).</summary>
internal interface ITagScorer
{
    void Score(ReadOnlySpan<ulong> features, Span<float> scores);
}

/// <summary>Left-to-right greedy decoding under BIO constraints (never I-X after anything but B-X/I-X).</summary>
internal static class GreedyDecoder
{
    /// <summary>
    /// Scores are divided by this before the softmax that gives a tag's confidence: perceptron scores are not
    /// log-odds. 24 makes the mean entity confidence match precision on the CrossNER/GUM dev sets
    /// (`Pipeline.Tools calibrate-ner FILE`): ~0.70 mean, correct entities ~0.79, wrong ones ~0.60.
    /// </summary>
    public const float DefaultTemperature = 24f;

    public static void Decode<TScorer>(TScorer scorer, NerFeatureExtractor.SentenceFeatures sentence, Span<int> tags, Span<float> confidences, float temperature = DefaultTemperature)
        where TScorer : ITagScorer
    {
        Span<float> scores = stackalloc float[NerTags.Count];
        Span<ulong> dynamic = stackalloc ulong[NerFeatureExtractor.DynamicCount];
        int prev = NerTags.Outside, prev2 = NerTags.Outside;
        for (var i = 0; i < sentence.Count; i++)
        {
            scores.Clear();
            scorer.Score(sentence.StaticOf(i), scores);
            NerFeatureExtractor.Dynamic(sentence, i, prev, prev2, dynamic);
            scorer.Score(dynamic, scores);
            var best = Best(scores, prev);
            tags[i] = best;
            if (!confidences.IsEmpty)
            {
                confidences[i] = Confidence(scores, prev, best, temperature);
            }

            prev2 = prev;
            prev = best;
        }
    }

    /// <summary>The highest-scoring tag allowed after <paramref name="prev"/>; ties go to the lower index (O first).</summary>
    public static int Best(ReadOnlySpan<float> scores, int prev)
    {
        var best = NerTags.Outside;
        var bestScore = scores[NerTags.Outside];
        for (var t = 1; t < NerTags.Count; t++)
        {
            if (scores[t] > bestScore && NerTags.IsAllowed(prev, t))
            {
                best = t;
                bestScore = scores[t];
            }
        }

        return best;
    }

    /// <summary>Softmax probability of the chosen tag among the allowed ones.</summary>
    private static float Confidence(ReadOnlySpan<float> scores, int prev, int best, float temperature)
    {
        double sum = 0;
        var top = scores[best];
        for (var t = 0; t < NerTags.Count; t++)
        {
            if (NerTags.IsAllowed(prev, t))
            {
                sum += Math.Exp(Math.Clamp((scores[t] - top) / temperature, -50, 0));
            }
        }

        return (float)(1 / sum);
    }
}
