using Pipeline.Analysis.Local.Text;
using Pipeline.Core.Analysis;

namespace Pipeline.Analysis.Local.Sentiment;

/// <summary>
/// Sentence, target and document sentiment of the local analyzer. Sentences: VADER rules blended with a
/// logistic-regression layer trained on news; targets: a logistic regression over target-aware features.
/// Thread-safe (scratch buffers are per thread) and deterministic.
/// </summary>
public sealed class SentimentAnalyzer
{
    /// <summary>Share of the learned sentence model in the sentence scores (the rest is VADER's compound); tuned on dev data.</summary>
    internal const float SentenceModelWeight = 0.3f;

    /// <summary>
    /// Neutral share of VADER's part per unit of (1 - |compound|): below 1 so that clearly worded sentences are not
    /// all labelled neutral, while plain reporting stays neutral (tuned on dev data).
    /// </summary>
    internal const float VaderNeutralMass = 0.4f;

    internal const string SentenceModelResource = "Pipeline.Analysis.Sentiment.sentence-model.bin";
    internal const string TargetModelResource = "Pipeline.Analysis.Sentiment.target-model.bin";

    private static readonly Lazy<SentimentAnalyzer> LazyDefault = new(LoadDefault);

    private readonly VaderLexicon lexicon;
    private readonly VaderLexicon sentenceLexicon;
    private readonly LinearModel sentenceModel;
    private readonly LinearModel targetModel;
    private readonly float sentenceModelWeight;
    private readonly WordClasses? wordClasses;
    private readonly TargetNetEnsemble? targetNet;

    // Sentence lexicon first, target lexicon second (null when they are the same).
    private readonly LexiconPair? lexicons;

    /// <param name="lexicon">Lexicon of the target features (and of sentences when <paramref name="sentenceLexicon"/> is null).</param>
    /// <param name="sentenceModel">Sentence label model.</param>
    /// <param name="targetModel">Target label model.</param>
    /// <param name="sentenceModelWeight">Share of the sentence model in sentence scores.</param>
    /// <param name="sentenceLexicon">Lexicon of whole-sentence scoring (news valences adapted more mildly).</param>
    /// <param name="wordClasses">Word-vector classes of the target features (the target model must be trained with them).</param>
    /// <param name="targetNet">Target networks blended with the target model (they read the vectors of <paramref name="wordClasses"/>).</param>
    internal SentimentAnalyzer(
        VaderLexicon lexicon,
        LinearModel sentenceModel,
        LinearModel targetModel,
        float sentenceModelWeight = SentenceModelWeight,
        VaderLexicon? sentenceLexicon = null,
        WordClasses? wordClasses = null,
        TargetNetEnsemble? targetNet = null)
    {
        this.wordClasses = wordClasses;
        this.targetNet = wordClasses is null ? null : targetNet;
        this.lexicon = lexicon;
        this.sentenceLexicon = sentenceLexicon ?? lexicon;
        lexicons = ReferenceEquals(this.sentenceLexicon, lexicon) ? null : new LexiconPair(this.sentenceLexicon, lexicon);
        this.sentenceModel = sentenceModel;
        this.targetModel = targetModel;
        this.sentenceModelWeight = sentenceModelWeight;
    }

    /// <summary>The same analyzer with other target networks (null: the linear target model alone, as Analysis:TargetNetworks=false runs it).</summary>
    internal SentimentAnalyzer WithTargetNet(TargetNetEnsemble? net) =>
        new(lexicon, sentenceModel, targetModel, sentenceModelWeight, sentenceLexicon, wordClasses, net);

    /// <summary>Loads the embedded lexicon and weights once.</summary>
    public static SentimentAnalyzer CreateDefault() => LazyDefault.Value;

    /// <summary>Sentiment of the sentence text[start..start+length].</summary>
    public SentimentScores ScoreSentence(string text, int start, int length)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ws = SentimentWorkspace.Current;
        return ScoreSentence(ws, Analyze(text.AsSpan(start, length), ws, sentenceLexicon));
    }

    /// <summary>
    /// <see cref="ScoreSentence(string, int, int)"/> and <see cref="ScoreTargets"/> of one sentence together: the
    /// sentence is tokenized once for both lexicons (most of the cost of scoring a sentence's targets was tokenizing it again).
    /// </summary>
    public SentimentScores ScoreSentenceAndTargets(string text, int sentenceStart, int sentenceLength, ReadOnlySpan<TextSpan> targets, Span<SentimentScores> into)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (targets.IsEmpty || lexicons is null)
        {
            var result = ScoreSentence(text, sentenceStart, sentenceLength);
            if (!targets.IsEmpty)
            {
                ScoreTargets(text, sentenceStart, sentenceLength, targets, into);
            }

            return result;
        }

        var ws = SentimentWorkspace.Current;
        var sentence = text.AsSpan(sentenceStart, sentenceLength);
        SentenceTokenizer.Tokenize(sentence, lexicons, ws);
        var scores = ScoreSentence(ws, VaderScorer.Score(ws, sentenceLexicon));
        VaderScore vader;
        if (ws.OtherInfoValid)
        {
            ws.SwapLexicons();
            vader = VaderScorer.Score(ws, lexicon);
        }
        else
        {
            vader = Analyze(sentence, ws);
        }

        ScoreTargets(ws, vader, sentenceStart, targets, into);
        return scores;
    }

    /// <summary>Sentiment toward the target text[targetStart..+targetLength] expressed in the sentence that contains it.</summary>
    public SentimentScores ScoreTarget(string text, int sentenceStart, int sentenceLength, int targetStart, int targetLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ws = SentimentWorkspace.Current;
        var vader = Analyze(text.AsSpan(sentenceStart, sentenceLength), ws);
        if (ws.Count == 0)
        {
            return SentimentScores.NeutralOnly;
        }

        var (from, to) = TargetTokens(ws, targetStart - sentenceStart, targetLength);
        BeginTargets(ws, [(from, to)]);
        Span<float> p = stackalloc float[LinearModel.Classes];
        PredictTarget(ws, vader, from, to, p);
        return new SentimentScores(p[2], p[1], p[0]);
    }

    /// <summary>
    /// <see cref="ScoreTarget"/> for several targets of one sentence: the sentence is tokenized and scored by VADER once
    /// (a news sentence often names several entities), then each target gets its own features and prediction.
    /// </summary>
    public void ScoreTargets(string text, int sentenceStart, int sentenceLength, ReadOnlySpan<TextSpan> targets, Span<SentimentScores> into)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ws = SentimentWorkspace.Current;
        ScoreTargets(ws, Analyze(text.AsSpan(sentenceStart, sentenceLength), ws), sentenceStart, targets, into);
    }

    private void ScoreTargets(SentimentWorkspace ws, in VaderScore vader, int sentenceStart, ReadOnlySpan<TextSpan> targets, Span<SentimentScores> into)
    {
        if (ws.Count == 0)
        {
            into[..targets.Length].Fill(SentimentScores.NeutralOnly);
            return;
        }

        var tokens = targets.Length <= 64 ? stackalloc (int From, int To)[targets.Length] : new (int From, int To)[targets.Length];
        for (var i = 0; i < targets.Length; i++)
        {
            tokens[i] = TargetTokens(ws, targets[i].Start - sentenceStart, targets[i].Length);
        }

        BeginTargets(ws, tokens);
        Span<float> p = stackalloc float[LinearModel.Classes];
        for (var i = 0; i < targets.Length; i++)
        {
            PredictTarget(ws, vader, tokens[i].From, tokens[i].To, p);
            into[i] = new SentimentScores(p[2], p[1], p[0]);
        }
    }

    // The networks read the sentence once, knowing where all its targets are (another target is an input of each).
    private void BeginTargets(SentimentWorkspace ws, ReadOnlySpan<(int From, int To)> targets)
    {
        if (targetNet is null)
        {
            return;
        }

        targetNet.BeginSentence(ws, wordClasses!, ws.TargetNet, targets);
    }

    /// <summary>The linear target model's probabilities, blended with the target networks' when there are any.</summary>
    private void PredictTarget(SentimentWorkspace ws, in VaderScore vader, int from, int to, Span<float> p)
    {
        FeatureExtractor.Target(ws, vader, from, to, ws.Features, wordClasses);
        targetModel.Predict(ws.Features, p);
        if (targetNet is null)
        {
            return;
        }

        Span<float> q = stackalloc float[LinearModel.Classes];
        targetNet.Predict(ws.TargetNet, from, to, q);
        for (var c = 0; c < p.Length; c++)
        {
            p[c] = ((1 - targetNet.Weight) * p[c]) + (targetNet.Weight * q[c]);
        }
    }

    /// <summary>Document sentiment from its sentences' scores (label may be Mixed).</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "Instance member of the analyzer contract LocalTextAnalyzer calls.")]
    public SentimentResult ScoreDocument(IReadOnlyList<SentimentScores> sentences) => DocumentSentiment.Aggregate(sentences);

    private SentimentScores ScoreSentence(SentimentWorkspace ws, in VaderScore vader)
    {
        if (ws.Count == 0)
        {
            return SentimentScores.NeutralOnly;
        }

        FeatureExtractor.Sentence(ws, vader, ws.Features);
        Span<float> p = stackalloc float[LinearModel.Classes];
        sentenceModel.Predict(ws.Features, p);
        return Blend(p, vader.NewsCompound, LengthScaledCompound(vader, ws.Count), sentenceModelWeight);
    }

    /// <summary>VADER alone: the rule-based floor, exposed for evaluation and tests.</summary>
    internal VaderScore ScoreVader(ReadOnlySpan<char> sentence) => Analyze(sentence, SentimentWorkspace.Current, sentenceLexicon);

    internal VaderScore Analyze(ReadOnlySpan<char> sentence, SentimentWorkspace ws) => Analyze(sentence, ws, lexicon);

    private static VaderScore Analyze(ReadOnlySpan<char> sentence, SentimentWorkspace ws, VaderLexicon lexicon)
    {
        SentenceTokenizer.Tokenize(sentence, lexicon, ws);
        return VaderScorer.Score(ws, lexicon);
    }

    /// <summary>Maps a target's characters (relative to the sentence) to the tokens [from, to) that overlap them.</summary>
    internal static (int From, int To) TargetTokens(SentimentWorkspace ws, int start, int length)
    {
        var t = ws.Tokens.AsSpan(0, ws.Count);
        var end = start + Math.Max(length, 1);
        int from = -1, to = -1;
        var nearest = 0;
        var nearestDistance = int.MaxValue;
        for (var i = 0; i < t.Length; i++)
        {
            var tokenEnd = t[i].Start + Math.Max(t[i].Length, 1);
            if (t[i].Start < end && tokenEnd > start)
            {
                from = from < 0 ? i : from;
                to = i + 1;
            }

            var distance = Math.Abs(t[i].Start - start);
            if (distance < nearestDistance)
            {
                nearestDistance = distance;
                nearest = i;
            }
        }

        return from < 0 ? (nearest, nearest + 1) : (from, to);
    }

    /// <summary>
    /// VADER's news compound with the valence sum divided by (tokens + 5) / 15 to the power 0.75: raters judge a long
    /// sentence with one loaded word milder than a short one (chosen on vader-nyt dev: Pearson r +0.01).
    /// </summary>
    internal static float LengthScaledCompound(in VaderScore vader, int tokens)
    {
        var sum = vader.PositiveSum + (VaderScore.NegativeWeight * vader.NegativeSum);
        return VaderScorer.Normalize(sum / MathF.Pow((tokens + 5) / 15f, 0.75f));
    }

    /// <summary>
    /// Sentence scores: the label shares of the model blended with VADER's compound spread over (pos, neu, neg); the
    /// polarity (positive minus negative) is then set to the blend of the model's polarity and the length-scaled
    /// compound, keeping the neutral share where it fits, so the continuous score and the label are calibrated apart.
    /// </summary>
    internal static SentimentScores Blend(ReadOnlySpan<float> model, float compound, float scaledCompound, float modelWeight)
    {
        var vaderWeight = 1 - modelWeight;
        var positive = (modelWeight * model[2]) + (vaderWeight * Math.Max(compound, 0));
        var negative = (modelWeight * model[0]) + (vaderWeight * Math.Max(-compound, 0));
        var neutral = (modelWeight * model[1]) + (vaderWeight * VaderNeutralMass * (1 - Math.Abs(compound)));
        var polarity = (modelWeight * (model[2] - model[0])) + (vaderWeight * scaledCompound);
        var neutralShare = Math.Min(neutral / (positive + negative + neutral), 1 - Math.Abs(polarity));
        return new SentimentScores(Math.Max(0, (1 - neutralShare + polarity) / 2), neutralShare, Math.Max(0, (1 - neutralShare - polarity) / 2));
    }

    private static SentimentAnalyzer LoadDefault() =>
        new(VaderLexicon.Default, LoadModel(SentenceModelResource), LoadModel(TargetModelResource), SentenceModelWeight, VaderLexicon.SentenceDefault, WordClasses.Default, TargetNetEnsemble.Default);

    internal static LinearModel LoadModel(string name)
    {
        using var stream = typeof(SentimentAnalyzer).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource {name} is missing: run 'Pipeline.Tools train-sentiment'.");
        return LinearModel.Read(stream);
    }
}
