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
        "script", "style", "template", "svg", "math", "nav", "aside", "form", "button", "select", "textarea",
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

    /// <summary>
    /// Never text, whatever its size: scripts, forms, media, navigation, hidden elements, and &lt;noscript&gt; outside
    /// the article (consent notices, tracking pixels).
    /// </summary>
    public static bool IsNeverText(IElement element) =>
        SkippedElements.Contains(element.LocalName) || element.IsHidden()
        || string.Equals(element.GetAttribute("role"), "navigation", StringComparison.OrdinalIgnoreCase)
        || (element.LocalName == "noscript" && !IsInsideArticle(element));

    // Inside the article's own element: its header and footer belong to it, and a body that JavaScript fills in
    // often carries its text as a <noscript> fallback there.
    private static bool IsInsideArticle(IElement element)
    {
        for (var parent = element.ParentElement; parent is not null; parent = parent.ParentElement)
        {
            if (parent.LocalName is "article" or "main"
                || string.Equals(parent.GetAttribute("role"), "main", StringComparison.OrdinalIgnoreCase)
                || parent.GetAttribute("itemprop")?.Contains("articleBody", StringComparison.OrdinalIgnoreCase) == true)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A header or footer that is not inside an article or main element.</summary>
    public static bool IsChromeOutsideArticle(IElement element) => SkippedOutsideArticle.Contains(element.LocalName) && !IsInsideArticle(element);

    public static bool HasFurnitureMarker(IElement element) => element.HasMarker(FurnitureMarkers);
}
