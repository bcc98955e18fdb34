namespace Pipeline.Core.Ingestion;

/// <summary>The body after boilerplate removal, with what the removed lines told us.</summary>
/// <param name="Paragraphs">Remaining paragraphs, each a list of normalised lines.</param>
/// <param name="StartsWithCaption">The text opened with an image caption (a short line directly above a credit line).</param>
/// <param name="Author">An author found in a byline or above an author bio, if any.</param>
/// <param name="Published">The first date-only line, if any.</param>
internal sealed record CleanedBody(List<List<string>> Paragraphs, bool StartsWithCaption, string? Author, string? Published = null);

/// <summary>
/// Removes scraper noise (see <see cref="BoilerplateKind"/>) line by line, plus two context rules:
/// a short line directly above a credit line is that image's caption, and a bare name line directly above an
/// author bio is the author's name (kept as the author, removed from the body).
/// </summary>
internal static class BoilerplateFilter
{
    public static CleanedBody Clean(string body)
    {
        var kept = new List<List<string>>();
        var startsWithCaption = false;
        string? author = null;
        string? published = null;

        foreach (var paragraph in TextNormalizer.Paragraphs(body))
        {
            if (BoilerplateRules.IsAuthorBio(string.Join(' ', paragraph)))
            {
                if (paragraph.Count > 1 && BoilerplateRules.IsBareName(paragraph[0]))
                {
                    author ??= paragraph[0];
                }
                else if (kept.Count > 0 && kept[^1] is [var name] && BoilerplateRules.IsBareName(name))
                {
                    author ??= name;
                    kept.RemoveAt(kept.Count - 1);
                }

                continue;
            }

            var lines = new List<string>();
            foreach (var line in paragraph)
            {
                switch (BoilerplateRules.Classify(line))
                {
                    case BoilerplateKind.None:
                        lines.Add(line);
                        break;
                    case BoilerplateKind.ImageCredit:
                        if (lines.Count > 0 && BoilerplateRules.IsCaptionCandidate(lines[^1]))
                        {
                            startsWithCaption |= kept.Count == 0 && lines.Count == 1;
                            lines.RemoveAt(lines.Count - 1);
                        }

                        break;
                    case BoilerplateKind.Byline:
                        if (BoilerplateRules.TryByline(line, out var byline))
                        {
                            author ??= byline;
                        }

                        break;
                    case BoilerplateKind.Dateline:
                        published ??= line;
                        break;
                    default:
                        break;
                }
            }

            if (lines.Count > 0)
            {
                kept.Add(lines);
            }
        }

        return new CleanedBody(kept, startsWithCaption, author, published);
    }
}
