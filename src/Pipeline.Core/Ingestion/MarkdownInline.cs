using System.Text.RegularExpressions;

namespace Pipeline.Core.Ingestion;

/// <summary>Inline Markdown to plain text: links keep their text, images go, emphasis and code markers go.</summary>
internal static partial class MarkdownInline
{
    public static string ToText(string line)
    {
        var text = Image().Replace(line, "");
        text = InlineLink().Replace(text, "${text}");
        text = ReferenceLink().Replace(text, "${text}");
        text = AutoLink().Replace(text, "${url}");
        text = HtmlTag().Replace(text, "");
        text = Code().Replace(text, "${code}");
        text = Strong().Replace(text, "${text}");
        text = Emphasis().Replace(text, "${text}");
        text = Strike().Replace(text, "${text}");
        return Escape().Replace(text, "${c}");
    }

    [GeneratedRegex(@"!\[[^\]]*\](?:\([^)]*\)|\[[^\]]*\])", RegexOptions.CultureInvariant)]
    private static partial Regex Image();

    [GeneratedRegex(@"\[(?<text>[^\]]+)\]\((?:[^()\s]|\([^)]*\))*(?:\s+""[^""]*"")?\)", RegexOptions.CultureInvariant)]
    private static partial Regex InlineLink();

    [GeneratedRegex(@"\[(?<text>[^\]]+)\]\[[^\]]*\]", RegexOptions.CultureInvariant)]
    private static partial Regex ReferenceLink();

    [GeneratedRegex(@"<(?<url>(?:https?://|mailto:)[^>\s]+)>", RegexOptions.CultureInvariant)]
    private static partial Regex AutoLink();

    [GeneratedRegex(@"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>|<!--.*?-->", RegexOptions.CultureInvariant)]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"(?<fence>`+)(?<code>.+?)\k<fence>", RegexOptions.CultureInvariant)]
    private static partial Regex Code();

    [GeneratedRegex(@"(?<m>\*\*|__)(?=\S)(?<text>.+?)(?<=\S)\k<m>", RegexOptions.CultureInvariant)]
    private static partial Regex Strong();

    // Underscores only count at word edges, so snake_case names survive.
    [GeneratedRegex(@"(?:(?<!\*)\*(?=[^\s*])(?<text>[^*]+?)(?<=\S)\*(?!\*))|(?:(?<![\w_])_(?=\S)(?<text>[^_]+?)(?<=\S)_(?![\w_]))", RegexOptions.CultureInvariant)]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"~~(?<text>.+?)~~", RegexOptions.CultureInvariant)]
    private static partial Regex Strike();

    [GeneratedRegex(@"\\(?<c>[\\`*_{}\[\]()#+\-.!|>~])", RegexOptions.CultureInvariant)]
    private static partial Regex Escape();
}
