using Azure.Core;
using Azure.Core.Pipeline;
using Microsoft.Extensions.Logging;
using Pipeline.Analysis.AzureLanguage.Wire;
using Pipeline.Core.Analysis;

namespace Pipeline.Analysis.AzureLanguage;

/// <summary>
/// <see cref="ITextAnalyzer"/> on Azure AI Language `:analyze-text`: language detection (skipped when the uploader
/// declared a language), then sentiment with opinion mining, entity recognition and key phrases on sentence-aligned
/// chunks of at most 5,120 UTF-16 units, rolled up into one article result with article offsets.
/// </summary>
public sealed class AzureLanguageTextAnalyzer : ITextAnalyzer
{
    private const string Utf16CodeUnit = "Utf16CodeUnit";
    private const string UnsupportedLanguageCode = "UnsupportedLanguageCode";

    private readonly AzureLanguageOptions _options;
    private readonly LanguageApiClient _client;

    /// <param name="options">Validated options.</param>
    /// <param name="tokenCredential">Microsoft Entra credential; used only when <see cref="AzureLanguageOptions.ApiKey"/> is absent.</param>
    /// <param name="timeProvider">Clock for retry delays and timeouts.</param>
    /// <param name="logger">Logger.</param>
    /// <param name="transport">Optional HTTP transport (e.g. to trust a test server's certificate).</param>
    public AzureLanguageTextAnalyzer(
        AzureLanguageOptions options,
        TokenCredential? tokenCredential,
        TimeProvider timeProvider,
        ILogger<AzureLanguageTextAnalyzer> logger,
        HttpPipelineTransport? transport = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        _options = options;
        _client = new LanguageApiClient(options, tokenCredential, timeProvider, logger, transport);
    }

    private string AnalyzerName => "azure-language/" + _options.ApiVersion;

    public async Task<TextAnalysis> AnalyzeAsync(AnalysisRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var text = request.Text;
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new AnalysisRejectedException("The article has no text to analyze.");
        }

        var chunks = SentenceChunker.Split(text, _options.MaxDocumentLength);
        var hint = request.LanguageHint?.Trim();
        var language = string.IsNullOrEmpty(hint)
            ? await DetectLanguageAsync(text, chunks, cancellationToken).ConfigureAwait(false)
            : new DetectedLanguage(SentimentLanguages.NameOf(hint), hint.Split('-', '_')[0].ToLowerInvariant(), 1.0);

        // A declared regional code (pt-BR) is sent as declared; otherwise the ISO 639-1 code is mapped.
        if ((SentimentLanguages.ToServiceCode(hint ?? "") ?? SentimentLanguages.ToServiceCode(language.Iso6391Name)) is not { } serviceLanguage)
        {
            return Unscored(language);
        }

        var sentimentTask = RunAsync(LanguageTaskKind.Sentiment, new TaskParameters { StringIndexType = Utf16CodeUnit, OpinionMining = true },
            text, chunks, serviceLanguage, _options.SentimentBatchSize, cancellationToken);
        var entitiesTask = RunAsync(LanguageTaskKind.Entities, new TaskParameters { StringIndexType = Utf16CodeUnit },
            text, chunks, serviceLanguage, _options.EntityBatchSize, cancellationToken);
        var phrasesTask = RunAsync(LanguageTaskKind.KeyPhrases, new TaskParameters(),
            text, chunks, serviceLanguage, _options.KeyPhraseBatchSize, cancellationToken);
        await Task.WhenAll(sentimentTask, entitiesTask, phrasesTask).ConfigureAwait(false);
        var (sentiment, entities, phrases) = (sentimentTask.Result, entitiesTask.Result, phrasesTask.Result);

        // The sentiment model rejecting the language is "not scored", like the local analyzer; any other
        // per-document error fails the article with the service's own message.
        if (new[] { sentiment, entities, phrases }.SelectMany(x => x).Any(o => o.Error?.Innermost.Code == UnsupportedLanguageCode))
        {
            return Unscored(language);
        }

        ThrowOnDocumentErrors(sentiment, chunks.Count);
        ThrowOnDocumentErrors(entities, chunks.Count);
        ThrowOnDocumentErrors(phrases, chunks.Count);

        var (documentSentiment, sentences, targets) = RollUpSentiment(chunks, sentiment);
        var mapper = new EntitySentimentMapper(targets, sentences);
        return new TextAnalysis
        {
            Analyzer = AnalyzerName,
            Language = language,
            IsScored = true,
            Sentiment = documentSentiment,
            Sentences = sentences,
            Entities = RollUpEntities(text, chunks, entities, mapper),
            KeyPhrases = KeyPhraseRanker.Merge(chunks.Select((c, i) => (c.Length, (IReadOnlyList<string>)(phrases[i].Document!.KeyPhrases ?? []))).ToList()),
        };
    }

    private TextAnalysis Unscored(DetectedLanguage language) =>
        new() { Analyzer = AnalyzerName, Language = language, IsScored = false };

    private async Task<DocumentOutcome[]> RunAsync(
        string kind, TaskParameters parameters, string text, IReadOnlyList<TextChunk> chunks, string? language, int batchSize,
        CancellationToken cancellationToken)
    {
        var outcomes = new DocumentOutcome[chunks.Count];
        for (var start = 0; start < chunks.Count; start += batchSize)
        {
            var documents = new List<InputDocument>();
            for (var i = start; i < Math.Min(chunks.Count, start + batchSize); i++)
            {
                var chunkText = text.Substring(chunks[i].Offset, chunks[i].Length);
                documents.Add(language is null ? new InputDocument(Id(i), chunkText) : new InputDocument(Id(i), chunkText, language));
            }

            var results = await _client.AnalyzeAsync(kind, parameters, documents, cancellationToken).ConfigureAwait(false);
            for (var j = 0; j < results.Count; j++)
            {
                outcomes[start + j] = results[j];
            }
        }

        return outcomes;
    }

    private static string Id(int chunkIndex) => chunkIndex.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Every chunk is detected; the language with the most length-weighted confidence wins.</summary>
    private async Task<DetectedLanguage> DetectLanguageAsync(string text, IReadOnlyList<TextChunk> chunks, CancellationToken cancellationToken)
    {
        var outcomes = await RunAsync(LanguageTaskKind.LanguageDetection, new TaskParameters(), text, chunks, null,
            _options.LanguageDetectionBatchSize, cancellationToken).ConfigureAwait(false);
        ThrowOnDocumentErrors(outcomes, chunks.Count);

        var votes = new Dictionary<string, (string Name, double Weight, double Length)>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < outcomes.Length; i++)
        {
            var detected = outcomes[i].Document!.DetectedLanguage
                ?? throw new AzureLanguageProtocolException("LanguageDetection returned a document without detectedLanguage.");
            var code = detected.Iso6391Name ?? "(Unknown)";
            var (name, weight, length) = votes.GetValueOrDefault(code, (detected.Name ?? code, 0, 0));
            votes[code] = (name, weight + (detected.ConfidenceScore * chunks[i].Length), length + chunks[i].Length);
        }

        var best = votes.OrderByDescending(v => v.Value.Weight).ThenBy(v => v.Key, StringComparer.Ordinal).First();
        return new DetectedLanguage(best.Value.Name, best.Key, best.Value.Length > 0 ? Math.Clamp(best.Value.Weight / best.Value.Length, 0, 1) : 0);
    }

    private static void ThrowOnDocumentErrors(DocumentOutcome[] outcomes, int chunkCount)
    {
        for (var i = 0; i < outcomes.Length; i++)
        {
            if (outcomes[i].Error is { } error)
            {
                var message = LanguageApiClient.RejectionMessage(error);
                throw new AnalysisRejectedException(chunkCount == 1 ? message : $"{message} (part {i + 1} of {chunkCount})");
            }
        }
    }

    private static (SentimentResult Document, IReadOnlyList<SentenceResult> Sentences, IReadOnlyList<OpinionTarget> Targets) RollUpSentiment(
        IReadOnlyList<TextChunk> chunks, DocumentOutcome[] outcomes)
    {
        var parts = new List<(SentimentResult, double)>();
        var sentences = new List<SentenceResult>();
        var targets = new List<OpinionTarget>();
        for (var i = 0; i < chunks.Count; i++)
        {
            var chunk = chunks[i];
            var document = outcomes[i].Document!;
            parts.Add((SentimentRollup.From(document.Sentiment, document.ConfidenceScores), chunk.Length));
            foreach (var sentence in document.Sentences ?? [])
            {
                CheckSpan(sentence.Offset, sentence.Length, chunk, "sentence");
                sentences.Add(new SentenceResult(chunk.Offset + sentence.Offset, sentence.Length,
                    SentimentRollup.From(sentence.Sentiment, sentence.ConfidenceScores)));
                foreach (var target in sentence.Targets ?? [])
                {
                    CheckSpan(target.Offset, target.Length, chunk, "opinion target");
                    targets.Add(new OpinionTarget(chunk.Offset + target.Offset, target.Length,
                        SentimentRollup.From(target.Sentiment, target.ConfidenceScores)));
                }
            }
        }

        // A one-chunk article keeps the service's own label (e.g. Mixed); several chunks are combined by length.
        var documentSentiment = SentimentRollup.Combine(parts)!;
        return (documentSentiment, sentences, targets);
    }

    private static List<EntityResult> RollUpEntities(
        string text, IReadOnlyList<TextChunk> chunks, DocumentOutcome[] outcomes, EntitySentimentMapper mapper)
    {
        var mentions = new List<RawMention>();
        for (var i = 0; i < chunks.Count; i++)
        {
            foreach (var entity in outcomes[i].Document!.Entities ?? [])
            {
                CheckSpan(entity.Offset, entity.Length, chunks[i], "entity");
                if (entity.Length == 0 || string.IsNullOrEmpty(entity.Category))
                {
                    continue;
                }

                var offset = chunks[i].Offset + entity.Offset;
                mentions.Add(new RawMention(offset, entity.Length, text.Substring(offset, entity.Length), entity.Category,
                    string.IsNullOrEmpty(entity.Subcategory) ? null : entity.Subcategory, entity.ConfidenceScore));
            }
        }

        return EntityCoreference.Group(mentions).Select(group =>
        {
            var carries = EntitySentimentMapper.CarriesSentiment(group.Category);
            var entityMentions = group.Mentions
                .Select(m => new EntityMention(m.Offset, m.Length, m.Text, m.ConfidenceScore, carries ? mapper.ForMention(m.Offset, m.Length) : null))
                .ToList();
            var sentiment = SentimentRollup.Combine(entityMentions.Where(m => m.Sentiment is not null).Select(m => (m.Sentiment!, 1.0)).ToList());
            return new EntityResult(group.Name, group.Category, group.Subcategory, sentiment, entityMentions);
        }).ToList();
    }

    // Offsets are UTF-16 units into the chunk (we ask for Utf16CodeUnit); anything outside it is a protocol fault.
    private static void CheckSpan(int offset, int length, TextChunk chunk, string what)
    {
        if (offset < 0 || length < 0 || offset + length > chunk.Length)
        {
            throw new AzureLanguageProtocolException(
                $"Azure AI Language returned a {what} span [{offset}, {offset + length}) outside its {chunk.Length}-character document.");
        }
    }
}
