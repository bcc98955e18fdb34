using Pipeline.Analysis.Local.Coreference;
using Pipeline.Analysis.Local.KeyPhrases;
using Pipeline.Analysis.Local.Language;
using Pipeline.Analysis.Local.Ner;
using Pipeline.Analysis.Local.Sentiment;
using Pipeline.Analysis.Local.Text;
using Pipeline.Core.Analysis;

namespace Pipeline.Analysis.Local;

/// <summary>
/// The embedded analyzer: language → tokens and sentences → sentence and document sentiment → entities
/// (trained tagger + rules, coreferred by name) with sentiment toward each mention → key phrases.
/// Thread-safe and deterministic; models load once (<see cref="CreateDefault"/> is cached).
/// </summary>
public sealed class LocalTextAnalyzer : ITextAnalyzer
{
    public const string AnalyzerName = "local/1.0";

    private const int MaxKeyPhrases = 20;

    private static readonly Lazy<LocalTextAnalyzer> LazyDefault = new(
        () => new LocalTextAnalyzer(LanguageDetector.CreateDefault(), SentimentAnalyzer.CreateDefault(), KeyPhraseExtractor.CreateDefault(), EntityRecognizer.Default),
        LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly LanguageDetector _language;
    private readonly SentimentAnalyzer _sentiment;
    private readonly KeyPhraseExtractor _keyPhrases;
    private readonly EntityRecognizer _entities;

    public LocalTextAnalyzer(LanguageDetector language, SentimentAnalyzer sentiment, KeyPhraseExtractor keyPhrases, EntityRecognizer entities)
    {
        _language = language ?? throw new ArgumentNullException(nameof(language));
        _sentiment = sentiment ?? throw new ArgumentNullException(nameof(sentiment));
        _keyPhrases = keyPhrases ?? throw new ArgumentNullException(nameof(keyPhrases));
        _entities = entities ?? throw new ArgumentNullException(nameof(entities));
    }

    /// <summary>The embedded models, loaded once per process.</summary>
    public static LocalTextAnalyzer CreateDefault() => LazyDefault.Value;

    /// <summary>The default analyzer with entity sentiment from the linear target model alone (faster, less accurate).</summary>
    public static LocalTextAnalyzer CreateWithoutTargetNetworks() =>
        new(LanguageDetector.CreateDefault(), SentimentAnalyzer.CreateDefault().WithTargetNet(null), KeyPhraseExtractor.CreateDefault(), EntityRecognizer.Default);

    public Task<TextAnalysis> AnalyzeAsync(AnalysisRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Analyze(request));
    }

    public TextAnalysis Analyze(AnalysisRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var text = request.Text ?? "";
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new AnalysisRejectedException("The text is empty: there is nothing to analyze.");
        }

        // Emoji, symbols and numbers alone have no language and no words to score: stored unscored, not guessed English.
        if (!HasLetter(text))
        {
            return new TextAnalysis { Analyzer = AnalyzerName, Language = NoLanguage, IsScored = false };
        }

        var language = DetectLanguage(text, request.LanguageHint);
        // Too little text to tell ("(Unknown)") is scored as English, as Azure AI Language defaults to "en";
        // text recognisably in another language is stored unscored rather than scored as if it were English.
        if (language.ConfidenceScore > 0 && !LanguageDetector.IsScoringSupported(language.Iso6391Name))
        {
            return new TextAnalysis { Analyzer = AnalyzerName, Language = language, IsScored = false };
        }

        var tokens = Tokenizer.Tokenize(text);
        var sentenceTokens = SentenceSplitter.Split(text, tokens);
        var sentenceSpans = new TextSpan[sentenceTokens.Count];
        for (var s = 0; s < sentenceTokens.Count; s++)
        {
            sentenceSpans[s] = SentenceSplitter.ToCharSpan(tokens, sentenceTokens[s]);
        }

        var mentions = _entities.Find(text, tokens, sentenceTokens);
        var clusters = SurnameMentions.Propagate(text, tokens, sentenceTokens, NameCoreference.Resolve(text, tokens, mentions));
        var sentenceScores = new SentimentScores[sentenceTokens.Count];
        var targetScores = ScoreSentences(text, clusters, sentenceSpans, sentenceScores);
        var sentenceResults = new SentenceResult[sentenceTokens.Count];
        for (var s = 0; s < sentenceTokens.Count; s++)
        {
            sentenceResults[s] = new SentenceResult(sentenceSpans[s].Start, sentenceSpans[s].Length, SentimentResult.From(sentenceScores[s]));
        }

        var entities = new List<EntityResult>(clusters.Count);
        foreach (var cluster in clusters)
        {
            entities.Add(ToResult(text, cluster, targetScores, sentenceTokens));
        }

        return new TextAnalysis
        {
            Analyzer = AnalyzerName,
            Language = language,
            IsScored = true,
            Sentiment = _sentiment.ScoreDocument(sentenceScores),
            Sentences = sentenceResults,
            Entities = entities,
            KeyPhrases = _keyPhrases.Extract(text, sentenceSpans, MaxKeyPhrases),
        };
    }

    private static readonly DetectedLanguage NoLanguage = new("(Unknown)", "(Unknown)", 0);

    private static bool HasLetter(string text)
    {
        foreach (var c in text)
        {
            if (char.IsLetter(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A declared language wins over detection (as Azure honours the hint); detection names it when they agree.</summary>
    private DetectedLanguage DetectLanguage(string text, string? hint)
    {
        var detected = _language.Detect(text);
        if (string.IsNullOrWhiteSpace(hint) || string.Equals(detected.Iso6391Name, hint, StringComparison.OrdinalIgnoreCase))
        {
            return detected;
        }

        var code = hint.Trim().ToLowerInvariant();
        return new DetectedLanguage(LanguageDetector.NameOf(code), code, 1.0);
    }

    /// <summary>
    /// Each sentence's sentiment (into <paramref name="sentenceScores"/>) and the sentiment toward every mention that
    /// carries it, one sentence analysis per sentence for both (not one per mention).
    /// </summary>
    private Dictionary<(int Start, int Length), SentimentScores> ScoreSentences(string text, List<EntityCluster> clusters, TextSpan[] sentences, SentimentScores[] sentenceScores)
    {
        var scores = new Dictionary<(int Start, int Length), SentimentScores>();
        var targets = clusters
            .Where(c => EntityCategories.CarriesSentiment(c.Category))
            .SelectMany(c => c.Mentions)
            .OrderBy(m => m.Sentence)
            .ThenBy(m => m.Start)
            .ToList();
        var spans = new List<TextSpan>();
        var into = new SentimentScores[8];
        var next = 0;
        for (var s = 0; s < sentences.Length; s++)
        {
            spans.Clear();
            for (; next < targets.Count && targets[next].Sentence == s; next++)
            {
                spans.Add(new TextSpan(targets[next].Start, targets[next].Length));
            }

            if (into.Length < spans.Count)
            {
                into = new SentimentScores[spans.Count];
            }

            sentenceScores[s] = _sentiment.ScoreSentenceAndTargets(text, sentences[s].Start, sentences[s].Length, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(spans), into);
            for (var k = 0; k < spans.Count; k++)
            {
                scores[(spans[k].Start, spans[k].Length)] = into[k];
            }
        }

        return scores;
    }

    private static EntityResult ToResult(string text, EntityCluster cluster, Dictionary<(int Start, int Length), SentimentScores> targetScores, List<TextSpan> sentenceTokens)
    {
        var withSentiment = EntityCategories.CarriesSentiment(cluster.Category);
        var mentions = new EntityMention[cluster.Mentions.Count];
        var scored = withSentiment ? new EntityToneRollup.Mention[mentions.Length] : [];
        for (var i = 0; i < mentions.Length; i++)
        {
            var m = cluster.Mentions[i];
            SentimentResult? sentiment = null;
            if (withSentiment)
            {
                var scores = targetScores[(m.Start, m.Length)];
                scored[i] = new EntityToneRollup.Mention(scores, m.Sentence, m.FirstToken == sentenceTokens[m.Sentence].Start);
                sentiment = SentimentResult.From(scores);
            }

            mentions[i] = new EntityMention(m.Start, m.Length, text.Substring(m.Start, m.Length), m.Confidence, sentiment);
        }

        if (!withSentiment)
        {
            return new EntityResult(cluster.Name, cluster.Category, cluster.Subcategory, null, mentions);
        }

        var (overall, evidence) = EntityToneRollup.Roll(scored, sentenceTokens.Count);
        return new EntityResult(cluster.Name, cluster.Category, cluster.Subcategory, overall, mentions) { Tone = evidence };
    }
}
