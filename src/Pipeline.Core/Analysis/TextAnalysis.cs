namespace Pipeline.Core.Analysis;

/// <summary>What an analyzer says about one text. Offsets are UTF-16 code units into the analyzed text.</summary>
public sealed record TextAnalysis
{
    /// <summary>Analyzer name and model version, e.g. "local/1.0" or "azure-language/2023-04-01".</summary>
    public required string Analyzer { get; init; }

    public required DetectedLanguage Language { get; init; }

    /// <summary>False when the language is not supported: then sentiment is null and the lists are empty.</summary>
    public required bool IsScored { get; init; }

    /// <summary>Document sentiment; null when not scored.</summary>
    public SentimentResult? Sentiment { get; init; }

    public IReadOnlyList<SentenceResult> Sentences { get; init; } = [];
    public IReadOnlyList<EntityResult> Entities { get; init; } = [];
    public IReadOnlyList<KeyPhrase> KeyPhrases { get; init; } = [];
}

/// <summary>A sentiment label and the confidence scores it was chosen from.</summary>
public sealed record SentimentResult(Sentiment Label, SentimentScores Scores)
{
    public static SentimentResult From(SentimentScores scores) => new(scores.Label, scores);
}

/// <summary>The language the analyzer detected in the text.</summary>
/// <param name="Name">English name, e.g. "English".</param>
/// <param name="Iso6391Name">ISO 639-1 code, e.g. "en"; "(Unknown)" when undetermined, as Azure reports it.</param>
/// <param name="ConfidenceScore">0..1.</param>
public sealed record DetectedLanguage(string Name, string Iso6391Name, double ConfidenceScore);

public sealed record SentenceResult(int Offset, int Length, SentimentResult Sentiment);

/// <summary>One entity of the document, with every mention coreferred to it.</summary>
/// <param name="Name">Canonical name: the longest, most complete mention ("Bernie Sanders" for "Sanders").</param>
/// <param name="Category">Azure AI Language category: Person, Location, Organization, Event, Product, DateTime, Quantity, PersonType, ...</param>
/// <param name="Subcategory">Optional Azure subcategory (e.g. "Number" for Quantity).</param>
/// <param name="Sentiment">Sentiment toward the entity across the document; null for categories that carry none (DateTime, Quantity).</param>
public sealed record EntityResult(
    string Name,
    string Category,
    string? Subcategory,
    SentimentResult? Sentiment,
    IReadOnlyList<EntityMention> Mentions)
{
    /// <summary>Stable id across articles: see <see cref="EntityId"/>.</summary>
    public string Id => EntityId.For(Category, Name);

    /// <summary>What <see cref="Sentiment"/> rests on; null where the analyzer does not say (Azure AI Language, dates).</summary>
    public ToneEvidence? Tone { get; init; }
}

/// <summary>The evidence behind the sentiment toward an entity.</summary>
/// <param name="Mentions">Mentions scored.</param>
/// <param name="Sentences">Distinct sentences those mentions are in.</param>
/// <param name="Confidence">0..1: how sure the label is, from the weighted scores and how many sentences back them.</param>
public sealed record ToneEvidence(int Mentions, int Sentences, double Confidence);

/// <summary>One mention of an entity: where it is in the article text and how sure the recognizer is.</summary>
/// <param name="Sentiment">Sentiment expressed toward the entity at this mention; null where not assessed.</param>
public sealed record EntityMention(int Offset, int Length, string Text, double ConfidenceScore, SentimentResult? Sentiment);

/// <summary>A key phrase of the article.</summary>
/// <param name="Score">Salience in 0..1, highest first.</param>
public sealed record KeyPhrase(string Text, double Score);
