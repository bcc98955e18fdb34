using System.Text.RegularExpressions;

namespace Pipeline.Core.Ingestion;

/// <summary>
/// Line rules for scraper noise. Each rule is a pattern for a family of lines, not a list of known sites' strings,
/// and each is limited to short lines so that a real paragraph that happens to mention, say, a subscription survives.
/// </summary>
internal static partial class BoilerplateRules
{
    private const string Agencies =
        "Getty Images(?: News| Entertainment| Sport)?|AFP|AP(?: Photo)?|Associated Press|EPA(?:-EFE)?|Reuters|Shutterstock|Flickr" +
        "|Bloomberg|Wikimedia Commons|Alamy|iStock(?:photo)?|Sipa(?: USA)?|Pool|NurPhoto|ZUMA(?: Press| Wire)?|Corbis|AAP|EFE|Xinhua" +
        "|UPI|Creative Commons|Unsplash|Pexels|Redux|Polaris|Anadolu(?: Agency)?|Tribune News Service|TNS|Newscom|WireImage";

    public static BoilerplateKind Classify(string line)
    {
        var words = WordCount(line);
        if (words <= 60 && BrowserNotice().IsMatch(line))
        {
            return BoilerplateKind.BrowserNotice;
        }

        if (IsImageCredit(line, words))
        {
            return BoilerplateKind.ImageCredit;
        }

        if (words <= 8 && StoryLink().IsMatch(line))
        {
            return BoilerplateKind.StoryLink;
        }

        if (words <= 30 && RelatedLink().IsMatch(line))
        {
            return BoilerplateKind.RelatedLink;
        }

        if (IsBanner(line, words))
        {
            return BoilerplateKind.Banner;
        }

        if (IsTagsOrNavigation(line, words))
        {
            return BoilerplateKind.TagsOrNavigation;
        }

        if (TryByline(line, out _))
        {
            return BoilerplateKind.Byline;
        }

        // Every date has a digit; checking for one first spares the date parser most lines.
        return words <= 10 && line.Any(char.IsAsciiDigit) && !line.All(char.IsAsciiDigit) && PublishedDateParser.Parse(line) is not null
            ? BoilerplateKind.Dateline
            : BoilerplateKind.None;
    }

    /// <summary>"By Jane Doe" / "By Jane Doe and John Roe, Staff Writers" → the names.</summary>
    public static bool TryByline(string line, out string author)
    {
        // Bylines are short; the length guard also keeps the name pattern's backtracking cheap.
        var match = WordCount(line) <= 12 ? Byline().Match(line) : Match.Empty;
        author = match.Success ? match.Groups["name"].Value.Trim() : "";
        return match.Success;
    }

    /// <summary>
    /// An author bio paragraph: "Follow Jane on Twitter @jane. Jane is a reporter..." or a short paragraph that asks
    /// readers to follow someone on a social network and gives a handle.
    /// </summary>
    /// <remarks>Only short paragraphs: a long one that opens with "Follow David on Twitter @x." is the article.</remarks>
    public static bool IsAuthorBio(string paragraph) =>
        WordCount(paragraph) <= MaxBioWords
        && (FollowOnSocialStart().IsMatch(paragraph) || (FollowOnSocial().IsMatch(paragraph) && Handle().IsMatch(paragraph)));

    private const int MaxBioWords = 80;

    /// <summary>A line that is only a person's name ("Jane Q. Doe"), as printed above an author bio.</summary>
    public static bool IsBareName(string line) => WordCount(line) <= 4 && BareName().IsMatch(line);

    /// <summary>
    /// Could this line be an image caption? Short and not a sentence. Only meaningful when a credit line follows it
    /// directly (same paragraph): "Jane Doe" + "Credit: John Roe/Flickr".
    /// </summary>
    public static bool IsCaptionCandidate(string line) =>
        line.Length <= 80 && WordCount(line) <= 10 && !EndsLikeSentence(line);

    public static bool EndsLikeSentence(string line) => SentenceEnd().IsMatch(line);

    public static int WordCount(string text)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var space = char.IsWhiteSpace(c);
            if (!space && !inWord)
            {
                count++;
            }

            inWord = !space;
        }

        return count;
    }

    private static bool IsImageCredit(string line, int words) =>
        (line.Length <= 300 && CreditPrefix().IsMatch(line))
        || (words <= 30 && BracketedPhotoCredit().IsMatch(line))
        || (words <= 12 && AgencyOnly().IsMatch(line))
        || (line.Length <= 400 && TrailingAgencyCredit().IsMatch(line));

    private static bool IsBanner(string line, int words) =>
        (words <= 40 && DonationAppeal().IsMatch(line))
        || (words <= 25 && SubscribeStart().IsMatch(line) && (!EndsLikeSentence(line) || PromoWord().IsMatch(line)));

    private static bool IsTagsOrNavigation(string line, int words) =>
        (words <= 60 && TagList().IsMatch(line) && !line.EndsWith('.'))
        || (words <= 15 && SeeAllNavigation().IsMatch(line))
        || UiLabel().IsMatch(line);

    [GeneratedRegex(@"\b(?:internet explorer|IE ?\d{1,2}|your browser|this browser|browser version)\b.{0,80}\b(?:not supported|no longer supported|unsupported|out of date|outdated|not compatible)|\b(?:optimal|best|full) (?:viewing )?experience\b.{0,60}\bbrowser\b|\b(?:enable|turn on|activate) javascript\b|\b(?:upgrade|update) your browser\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BrowserNotice();

    [GeneratedRegex(@"^[\[(]?\s*(?:(?:lead |top |main |featured |header )?(?:image|images|photo|photos|photograph|photographer|picture|pictures|illustration|graphic|video|caption)s?(?: credits?)?|credits?|source)\s*[:|]\s*\S", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CreditPrefix();

    [GeneratedRegex(@"^\[\s*(?:photo|image|picture|illustration|video|photograph)s?\s+(?:by|courtesy of|via|credit)\b[^\]]*\]$|^\(?\s*(?:photo|image|picture|illustration|photograph)s?\s+(?:by|courtesy of|via)\s+[^.!?]*(?:/|\bvia\b|" + Agencies + @")[^.!?]*\)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BracketedPhotoCredit();

    // "Getty Images", "Jane Roe/AFP/Getty Images", "Jane Roe for Reuters", "Courtesy of the campaign": a credit and nothing else.
    [GeneratedRegex(@"^(?:(?:courtesy(?: of)?\s+)?[^.!?/]{0,60}?\s*(?:/|\bfor\b|\bvia\b|\|)\s*)?(?:" + Agencies + @")(?:\s*(?:/|\bvia\b)\s*(?:[^.!?/]{1,40}))*\.?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AgencyOnly();

    // A caption that ends in "Firstname Lastname / EPA" or "Name/Flickr": a photographer's name, a slash, an agency.
    [GeneratedRegex(@"\p{Lu}[\p{L}'’\-]+\s*/\s*(?:\p{Lu}{2,6}|" + Agencies + @")(?:\s*/\s*(?:\p{Lu}{2,6}|" + Agencies + @"))*\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingAgencyCredit();

    [GeneratedRegex(@"^(?:read|continue reading|view|watch|listen to|see)\b(?: (?:this|the|full|more|entire|original|our))*\s*(?:story|article|report|piece|coverage|video)\b(?:\s+(?:on|at|in|from)\b.*)?\s*(?:[:.…>»→]+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StoryLink();

    // "Related", "Read also" and their German, French, Spanish, Portuguese, Italian and Polish forms (the dev pages'
    // languages), alone or introducing a headline; Spanish "Mira:", "Lee:" only with the colon.
    [GeneratedRegex(@"^(?:(?:related(?: (?:coverage|stories|story|articles?|content|reading|links?))?|(?:read|see|also read|watch) (?:more|also)|see also|also on \S+|more (?:from|on) [^:]{1,40}|recommended(?: for you)?|editor'?s? picks?|trending|most read|popular now" +
        @"|(?:auch|bitte) lesen|lesen sie (?:auch|mehr)|das könnte sie (?:auch )?interessieren|auch interessant|schon gelesen\??|mehr zum thema|weitere (?:beiträge|artikel|informationen|infos|nachrichten)|passend (?:dazu|zum thema)" +
        @"|(?:à )?lire (?:aussi|également)|voir aussi|(?:vea|lea|lee|mira|ver) (?:también|además)|(?:le|te) puede interesar|noticias relacionadas|leia (?:também|mais)|veja (?:também|mais)|leggi anche|czytaj (?:też|także|również|więcej)|zobacz (?:też|także|również))" +
        @"\s*(?:[:|»>→]\s*\S.*|)|(?:mira|lee|vea|lea)\s*:\s*\S.*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RelatedLink();

    [GeneratedRegex(@"\bdonate (?:now|today|here)\b|\bwe need your (?:help|support)\b|\bsupport (?:our|independent|local|quality) (?:journalism|reporting|newsroom)\b|\bbecome an? (?:member|subscriber|patron|supporter)\b|\b(?:make|give) a (?:tax-deductible )?(?:donation|gift) (?:today|now)\b|\balready a subscriber\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DonationAppeal();

    [GeneratedRegex(@"^(?:subscribe|sign up|sign-up|signup|register|join)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SubscribeStart();

    [GeneratedRegex(@"\b(?:newsletters?|our|email|e-mail|inbox|updates|alerts|daily|weekly|free|today|now|here|digest|briefing)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PromoWord();

    [GeneratedRegex(@"^(?:tags?|tagged(?: with)?|topics?|filed under|categories|keywords)\s*(?::\s*\S|\s\S)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TagList();

    [GeneratedRegex(@"^(?:(?:see|view|show) (?:all|more)\b(?:[^.!?]|\.(?=\S))*)+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SeeAllNavigation();

    [GeneratedRegex(@"^(?:advertisement|sponsored|share|tweet|email|print|comments?|share this(?: article| story| page)?|share on (?:facebook|twitter|x|linkedin|whatsapp)|skip to(?: main)? content|menu|close|back to top|loading\.*|click to expand|listen to this article|copy link|link copied)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UiLabel();

    [GeneratedRegex(@"^(?:[Bb]y|BY)\s+(?<name>\p{Lu}[\p{L}'’.\-]*(?:\s+(?:(?:and|&)\s+)?(?:\p{Lu}[\p{L}'’.\-]*|de|da|van|von|del|la|le|bin))*(?:\s*,\s*(?:and\s+)?\p{Lu}[\p{L}'’.\-]*(?:\s+\p{Lu}[\p{L}'’.\-]*)+)*)(?:\s*[,|–—]\s*[^.!?]{0,60})?$", RegexOptions.CultureInvariant)]
    private static partial Regex Byline();

    [GeneratedRegex(@"^follow\s+[^.!?]{1,60}\bon\s+(?:twitter|x|facebook|instagram|threads|bluesky|mastodon|linkedin|tiktok)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FollowOnSocialStart();

    [GeneratedRegex(@"\bfollow\s+(?:him|her|them|us|\p{Lu}[\p{L}'’\-]*(?:\s+\p{Lu}[\p{L}'’\-]*)?)\s+on\s+(?:twitter|x|facebook|instagram|threads|bluesky|mastodon|linkedin|tiktok)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FollowOnSocial();

    [GeneratedRegex(@"(?:^|\s)@[A-Za-z0-9_.]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex Handle();

    [GeneratedRegex(@"^\p{Lu}[\p{L}'’\-]*\.?(?:\s+\p{Lu}[\p{L}'’\-]*\.?){0,3}$", RegexOptions.CultureInvariant)]
    private static partial Regex BareName();

    [GeneratedRegex(@"[.!?…:;,][""'”’)\]]*$", RegexOptions.CultureInvariant)]
    private static partial Regex SentenceEnd();
}
