namespace Pipeline.Core.Articles;

/// <summary>An article after ingestion: decoded, boilerplate removed, metadata resolved.</summary>
public sealed record ParsedArticle
{
    public required string Title { get; init; }

    /// <summary>
    /// True when the text had no headline and <see cref="Title"/> was derived from the body's first sentence:
    /// such a title is a label, not framing, so it is not analyzed a second time (see <see cref="Text"/>).
    /// </summary>
    public bool IsTitleDerived { get; init; }

    /// <summary>Body paragraphs separated by blank lines, boilerplate removed.</summary>
    public required string Body { get; init; }

    /// <summary>Input format detected: txt, html, json or md.</summary>
    public required string Format { get; init; }

    public string? Author { get; init; }
    public DateTimeOffset? PublishedAt { get; init; }

    /// <summary>Where <see cref="PublishedAt"/> came from; <see cref="DateSource.Upload"/> when it is null.</summary>
    public DateSource DateSource { get; init; } = DateSource.Upload;

    public string? Url { get; init; }

    /// <summary>Publisher, e.g. "nbcnews.com"; from metadata, the URL host, the blob's leading folder, or the page.</summary>
    public string? Source { get; init; }

    /// <summary>Where <see cref="Source"/> came from; null when it is unknown.</summary>
    public SourceOrigin? SourceOrigin { get; init; }

    /// <summary>A language the uploader declared (ISO 639-1), if any.</summary>
    public string? LanguageHint { get; init; }

    /// <summary>
    /// The text that is analyzed and whose offsets the analysis reports: the title, a blank line, the body.
    /// Headlines carry the strongest framing, so they are analyzed with the body; a derived title
    /// (<see cref="IsTitleDerived"/>) repeats the body's first sentence, so then the text is the body alone.
    /// </summary>
    public string Text => Title.Length == 0 || IsTitleDerived ? Body : Title + "\n\n" + Body;
}
