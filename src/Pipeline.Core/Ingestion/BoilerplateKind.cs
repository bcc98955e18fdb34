namespace Pipeline.Core.Ingestion;

/// <summary>The families of scraper noise removed from article bodies.</summary>
internal enum BoilerplateKind
{
    None,

    /// <summary>"This browser is not supported..." notices.</summary>
    BrowserNotice,

    /// <summary>Photo/image credit lines and agency credits ("Photo: ...", "Name/Agency", "... / EPA").</summary>
    ImageCredit,

    /// <summary>Links to the same story elsewhere ("Read this story on", "Continue reading").</summary>
    StoryLink,

    /// <summary>"Related: ..." and similar cross-links to other stories.</summary>
    RelatedLink,

    /// <summary>Donation, subscription and newsletter banners.</summary>
    Banner,

    /// <summary>Tag lists and navigation ("Tags ...", "See all ...", "Share", "Advertisement").</summary>
    TagsOrNavigation,

    /// <summary>A "By Jane Doe" byline: removed from the body, used as the author.</summary>
    Byline,

    /// <summary>A line that is only a date ("June 9, 2026", "Updated: 2026-06-09"): used as the date if none is known.</summary>
    Dateline,
}
