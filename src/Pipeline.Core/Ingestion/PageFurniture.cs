using AngleSharp.Dom;

namespace Pipeline.Core.Ingestion;

/// <summary>
/// What is never article text: scripts, navigation, forms, media, hidden elements, chrome outside the article,
/// and elements whose class/id/role marks them as page furniture (share bars, related lists, ads, comments...).
/// </summary>
internal static class PageFurniture
{
    private static readonly HashSet<string> SkippedElements =
    [
        "script", "style", "noscript", "template", "svg", "math", "nav", "aside", "form", "button", "select", "textarea",
        "input", "iframe", "figure", "figcaption", "picture", "video", "audio", "canvas", "object", "embed", "head", "title",
        "dialog", "menu", "link", "meta", "rt", "rp",
    ];

    // Page chrome that only belongs to the article when it sits inside the article's own element.
    private static readonly HashSet<string> SkippedOutsideArticle = ["header", "footer"];

    private static readonly HashSet<string> FurnitureMarkers = new(StringComparer.OrdinalIgnoreCase)
    {
        "nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs", "share", "sharing", "social", "newsletter",
        "related", "recommended", "comments", "comment", "advert", "advertisement", "ad", "ads", "promo", "subscribe",
        "subscription", "cookie", "cookies", "banner", "sidebar", "footer", "byline", "paywall", "signup", "popup", "modal",
        "caption", "credit", "tags", "toolbar", "skip", "meta", "timestamp", "complementary",
    };

    /// <summary>Never text, whatever its size: scripts, forms, media, navigation, hidden elements.</summary>
    public static bool IsNeverText(IElement element) =>
        SkippedElements.Contains(element.LocalName) || element.IsHidden()
        || string.Equals(element.GetAttribute("role"), "navigation", StringComparison.OrdinalIgnoreCase);

    /// <summary>A header or footer that is not inside an article or main element.</summary>
    public static bool IsChromeOutsideArticle(IElement element)
    {
        if (!SkippedOutsideArticle.Contains(element.LocalName))
        {
            return false;
        }

        for (var parent = element.ParentElement; parent is not null; parent = parent.ParentElement)
        {
            if (parent.LocalName is "article" or "main" || string.Equals(parent.GetAttribute("role"), "main", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    public static bool HasFurnitureMarker(IElement element) => element.HasMarker(FurnitureMarkers);
}
