using Pipeline.Analysis.Local.Text;

namespace Pipeline.Analysis.Local.Ner;

/// <summary>One labelled sentence: its text, token spans and gold BIO tag per token.</summary>
public sealed record LabelledSentence(string Text, TextSpan[] Tokens, int[] Tags)
{
    /// <summary>Joins tokens with single spaces, so offsets are known.</summary>
    public static LabelledSentence FromTokens(IReadOnlyList<string> tokens, IReadOnlyList<string> tags)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(tags);
        var spans = new TextSpan[tokens.Count];
        var sb = new System.Text.StringBuilder();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(' ');
            }

            spans[i] = new TextSpan(sb.Length, tokens[i].Length);
            sb.Append(tokens[i]);
        }

        return new LabelledSentence(sb.ToString(), spans, tags.Select(NerTags.Parse).ToArray());
    }
}

/// <summary>Trains the averaged perceptron with greedy decoding on its own predicted history. Deterministic for a seed.</summary>
public sealed class NerTrainer(NerFeatureExtractor features, int bucketsLog2 = 20, int seed = 13, int beamWidth = 1)
{
    public AveragedPerceptron Train(IReadOnlyList<LabelledSentence> sentences, int epochs, Action<int, AveragedPerceptron>? afterEpoch = null)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var perceptron = new AveragedPerceptron(bucketsLog2);

        // Static features do not change between epochs: extract once.
        var cached = new NerFeatureExtractor.SentenceFeatures[sentences.Count];
        for (var s = 0; s < sentences.Count; s++)
        {
            cached[s] = new NerFeatureExtractor.SentenceFeatures();
            features.Extract(sentences[s].Text, sentences[s].Tokens, cached[s]);
        }

        var order = Enumerable.Range(0, sentences.Count).ToArray();
        var random = new Random(seed);
        Span<float> scores = stackalloc float[NerTags.Count];
        Span<ulong> dynamic = stackalloc ulong[NerFeatureExtractor.DynamicCount];
        var predicted = new int[sentences.Max(x => x.Tags.Length) + 1];
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            random.Shuffle(order);
            foreach (var s in order)
            {
                var feats = cached[s];
                var gold = sentences[s].Tags;
                if (beamWidth > 1)
                {
                    BeamUpdate(perceptron, feats, gold, predicted, dynamic);
                    continue;
                }

                int prev = NerTags.Outside, prev2 = NerTags.Outside;
                for (var i = 0; i < feats.Count; i++)
                {
                    scores.Clear();
                    var stat = feats.StaticOf(i);
                    perceptron.Score(stat, scores);
                    NerFeatureExtractor.Dynamic(feats, i, prev, prev2, dynamic);
                    perceptron.Score(dynamic, scores);
                    var guess = GreedyDecoder.Best(scores, prev);
                    perceptron.Tick();
                    if (guess != gold[i])
                    {
                        perceptron.Update(stat, gold[i], guess);
                        perceptron.Update(dynamic, gold[i], guess);
                    }

                    prev2 = prev;
                    prev = guess;
                }
            }

            afterEpoch?.Invoke(epoch, perceptron);
        }

        return perceptron;
    }

    /// <summary>
    /// Structured perceptron step with beam search and early update (Collins and Roark 2004): decode until the gold
    /// history falls out of the beam, then reward the gold prefix's features and penalise the best history's.
    /// </summary>
    private void BeamUpdate(AveragedPerceptron perceptron, NerFeatureExtractor.SentenceFeatures feats, int[] gold, int[] predicted, Span<ulong> dynamic)
    {
        var m = BeamDecoder.Search(perceptron, feats, beamWidth, GreedyDecoder.DefaultTemperature, rawScores: true, gold, predicted, []);
        for (var i = 0; i < feats.Count; i++)
        {
            perceptron.Tick();
        }

        if (gold.AsSpan(0, m).SequenceEqual(predicted.AsSpan(0, m)))
        {
            return;
        }

        int gp = NerTags.Outside, gp2 = NerTags.Outside, pp = NerTags.Outside, pp2 = NerTags.Outside;
        for (var i = 0; i < m; i++)
        {
            perceptron.Update(feats.StaticOf(i), gold[i], predicted[i]);
            if (gold[i] != predicted[i] || gp != pp || gp2 != pp2)
            {
                NerFeatureExtractor.Dynamic(feats, i, gp, gp2, dynamic);
                perceptron.Add(dynamic, gold[i], 1);
                NerFeatureExtractor.Dynamic(feats, i, pp, pp2, dynamic);
                perceptron.Add(dynamic, predicted[i], -1);
            }

            gp2 = gp;
            gp = gold[i];
            pp2 = pp;
            pp = predicted[i];
        }
    }
}
