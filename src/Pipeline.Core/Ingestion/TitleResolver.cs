using System.Text.RegularExpressions;

namespace Pipeline.Core.Ingestion;

/// <summary>The resolved title and the body without it.</summary>
internal sealed record TitledBody(string Title, bool IsDerived, List<List<string>> Paragraphs);

/// <summary>
/// Decides the title. In order: the uploader's metadata title; a title the format marks (og:title, JSON title,
/// Markdown heading...); for plain text, the first real line when it reads like a headline; otherwise a title
/// derived from the body's first sentence.
/// </summary>
/// <remarks>
/// Notice and credit lines are removed before this runs, so they are never the title. A text that opens with an
/// image caption — a short line immediately followed by a credit line, e.g. a name over "Credit: Jane Roe/Flickr"
/// — has no headline in the text: the caption goes with its credit, and the title comes from metadata or, failing
/// that, is derived from the first sentence of the body (cut at about 120 characters on a word boundary, with "…").
/// A derived title is flagged so that it is not analyzed twice. A headline found in the text is removed from the
/// body, and so is a first body line that repeats the title.
/// </remarks>
internal static partial class TitleResolver
{
    private const int MaxHeadlineLength = 200;
    private const int MaxHeadlineWords = 30;
    private const int DerivedTitleLength = 120;

    public static TitledBody Resolve(string? metadataTitle, string? contentTitle, CleanedBody cleaned, bool firstLineMayBeHeadline, string? displayedHeadline = null)
    {
        var paragraphs = cleaned.Paragraphs.Select(p => new List<string>(p)).ToList();
        string? textHeadline = null;
        if (firstLineMayBeHeadline && contentTitle is null && !cleaned.StartsWithCaption && paragraphs.Count > 0
            && IsHeadlineLike(paragraphs[0][0]))
        {
            textHeadline = paragraphs[0][0];
            RemoveFirstLine(paragraphs);
        }

        var title = Clean(metadataTitle) ?? Clean(contentTitle) ?? textHeadline;
        if (title is not null)
        {
            // A body that opens by repeating the headline (an <h1>, a Markdown heading) would analyze it twice.
            if (paragraphs.Count > 0 && (SameText(paragraphs[0][0], title) || SameText(paragraphs[0][0], Clean(contentTitle))
                || SameText(paragraphs[0][0], Clean(displayedHeadline))))
            {
                RemoveFirstLine(paragraphs);
            }

            return new TitledBody(title, false, paragraphs);
        }

        return new TitledBody(Derive(paragraphs), true, paragraphs);
    }

    /// <summary>A line that can be a headline: short, and not a run of sentences.</summary>
    public static bool IsHeadlineLike(string line) =>
        line.Length <= MaxHeadlineLength
        && BoilerplateRules.WordCount(line) <= MaxHeadlineWords
        && FirstSentence(line).Length == line.Length;

    /// <summary>The body's first sentence, cut on a word boundary to about 120 characters with "…".</summary>
    public static string Derive(List<List<string>> paragraphs)
    {
        if (paragraphs.Count == 0)
        {
            return "";
        }

        var sentence = FirstSentence(paragraphs[0][0]);
        if (sentence.Length <= DerivedTitleLength)
        {
            return sentence;
        }

        var cut = sentence.LastIndexOf(' ', DerivedTitleLength);
        var head = (cut > DerivedTitleLength / 2 ? sentence[..cut] : sentence[..DerivedTitleLength]).TrimEnd(',', ';', ':', '-', '–', '—', ' ');
        return head + "…";
    }

    internal static string FirstSentence(string text)
    {
        foreach (Match match in SentenceBreak().Matches(text))
        {
            var end = match.Index + match.Length;
            if (!EndsWithAbbreviation(text.AsSpan(0, match.Index + 1)))
            {
                return text[..end].TrimEnd();
            }
        }

        return text;
    }

    private static bool EndsWithAbbreviation(ReadOnlySpan<char> upToStop)
    {
        if (upToStop.Length == 0 || upToStop[^1] != '.')
        {
            return false;
        }

        var start = upToStop[..^1].LastIndexOf(' ') + 1;
        var word = upToStop[start..^1];
        return word.Length == 1 || Abbreviation().IsMatch(word);
    }

    private static void RemoveFirstLine(List<List<string>> paragraphs)
    {
        paragraphs[0].RemoveAt(0);
        if (paragraphs[0].Count == 0)
        {
            paragraphs.RemoveAt(0);
        }
    }

    private static string? Clean(string? title)
    {
        if (title is null)
        {
            return null;
        }

        var line = TextNormalizer.NormalizeLine(title);
        return line.Length == 0 ? null : line;
    }

    private static bool SameText(string a, string? b) =>
        b is not null && string.Equals(a.TrimEnd('.', ' '), b.TrimEnd('.', ' '), StringComparison.OrdinalIgnoreCase);

    // A sentence ends at . ! ? (optionally closed by quotes/brackets) followed by a space and a capital or quote.
    [GeneratedRegex(@"[.!?…][""'”’)\]]*(?=\s+[\p{Lu}""“‘'(\d])", RegexOptions.CultureInvariant)]
    private static partial Regex SentenceBreak();

    [GeneratedRegex(@"^(?:Mr|Mrs|Ms|Mx|Dr|Prof|Sen|Sens|Rep|Reps|Gov|Lt|Gen|Col|Maj|Capt|Sgt|St|Jr|Sr|Inc|Corp|Co|Ltd|No|vs|Jan|Feb|Mar|Apr|Aug|Sept|Sep|Oct|Nov|Dec|U\.S|U\.K|D\.C|a\.m|p\.m|Ave|Rev|Hon|Pres|Atty|Supt|Dept|Univ|approx|etc)$", RegexOptions.CultureInvariant)]
    private static partial Regex Abbreviation();
}
