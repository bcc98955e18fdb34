namespace Pipeline.Analysis.Local.Ner;

/// <summary>
/// One entity mention found in a document: character span, Azure category/subcategory, confidence,
/// the sentence it is in and its token range [FirstToken, EndToken) in the document's tokens.
/// </summary>
public sealed record DetectedMention(
    int Start,
    int Length,
    string Category,
    string? Subcategory,
    double Confidence,
    int Sentence,
    int FirstToken,
    int EndToken)
{
    public int End => Start + Length;
}

/// <summary>Azure AI Language category names used by both analyzers.</summary>
public static class EntityCategories
{
    public const string Person = "Person";
    public const string PersonType = "PersonType";
    public const string Location = "Location";
    public const string Organization = "Organization";
    public const string Event = "Event";
    public const string Product = "Product";
    public const string DateTime = "DateTime";
    public const string Quantity = "Quantity";

    /// <summary>Whether sentiment toward mentions of this category is assessed (not for dates and numbers).</summary>
    public static bool CarriesSentiment(string category) => category is not (DateTime or Quantity);
}
