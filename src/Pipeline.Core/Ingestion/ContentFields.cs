namespace Pipeline.Core.Ingestion;

/// <summary>What a format reader found in the content, before boilerplate removal and metadata precedence.</summary>
internal sealed record ContentFields
{
    /// <summary>The body text: paragraphs separated by blank lines, not yet cleaned.</summary>
    public required string Body { get; init; }

    /// <summary>A title the format marks as such (og:title, JSON title, Markdown heading); null for plain text.</summary>
    public string? Title { get; init; }

    public string? Author { get; init; }

    /// <summary>The date as written; parsed later so an unparseable one is simply ignored.</summary>
    public string? Published { get; init; }

    public string? Url { get; init; }
    public string? Source { get; init; }
    public string? Language { get; init; }

    /// <summary>
    /// A headline the markup shows at the top of the body (an HTML &lt;h1&gt;) even when <see cref="Title"/> comes
    /// from elsewhere (og:title): a first body line equal to it is removed, so the headline is not analyzed twice.
    /// </summary>
    public string? DisplayedHeadline { get; init; }

    /// <summary>Whether the first line of the body may be the headline (plain text and title-less Markdown).</summary>
    public bool FirstLineMayBeHeadline { get; init; }
}
