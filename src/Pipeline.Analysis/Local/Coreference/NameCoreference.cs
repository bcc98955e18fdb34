using Pipeline.Analysis.Local.Ner;
using Pipeline.Analysis.Local.Text;

namespace Pipeline.Analysis.Local.Coreference;

/// <summary>
/// Groups a document's mentions into entities.
/// <list type="bullet">
/// <item>Persons: names are compared without titles ("Sen.", "President") or possessives. Multi-word names with the
/// same first and last word are one person ("Hillary Clinton", "Hillary Rodham Clinton"). A one-word name joins a
/// full name ending with it ("Sanders" → "Bernie Sanders"), else one starting with it ("Bernie"). When several full
/// names fit ("Bill Clinton" and "Hillary Clinton"), the one with more mentions so far wins, then the one mentioned
/// most recently before, then the first introduced. A one-word Organization/Event/Product mention that fits a
/// person's name is that person (the tagger's usual confusion).</item>
/// <item>Organizations: same name ignoring case, a leading "the" and possessives; an all-caps acronym joins the
/// organization whose initials it spells ("NRA" → "National Rifle Association"); a one-word organization, or an unsure
/// one-word person or location (not after a place preposition), that is the first word of exactly one multi-word
/// organization is a short form of it
/// ("Brightwater" → "Brightwater Energy").</item>
/// <item>Everything else: same text ignoring case.</item>
/// </list>
/// The canonical name is the longest form (most words, then most characters, then first seen).
/// </summary>
public static class NameCoreference
{
    private static readonly HashSet<string> AcronymStopWords = new(StringComparer.OrdinalIgnoreCase) { "of", "the", "and", "for", "&", "on", "in" };

    /// <summary>Below this tagger confidence a one-word Location that fits a person's name is taken as the person.</summary>
    private const double UnsureLocation = 0.8;

    public static List<EntityCluster> Resolve(string text, IReadOnlyList<TextSpan> tokens, IReadOnlyList<DetectedMention> mentions)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(mentions);
        var clusters = new List<Builder>();
        var people = new List<Builder>();
        var byKey = new Dictionary<string, Builder>(StringComparer.OrdinalIgnoreCase);

        // 1. Full person names.
        var nameWords = new string[mentions.Count][];
        var working = mentions.ToArray();
        for (var i = 0; i < mentions.Count; i++)
        {
            nameWords[i] = mentions[i].Category is EntityCategories.DateTime or EntityCategories.Quantity or EntityCategories.PersonType
                ? [text.Substring(mentions[i].Start, mentions[i].Length)]
                : NameWords(text, tokens, mentions[i]);
        }

        TrimToKnownNames(text, working, nameWords, tokens);
        TrimHeadlineRuns(working, nameWords, tokens);
        for (var i = 0; i < working.Length; i++)
        {
            var m = working[i];
            if (m.Category != EntityCategories.Person || nameWords[i].Length < 2)
            {
                continue;
            }

            var key = "P|" + nameWords[i][0] + "|" + nameWords[i][^1];
            if (!byKey.TryGetValue(key, out var b))
            {
                b = new Builder(EntityCategories.Person);
                byKey[key] = b;
                clusters.Add(b);
                people.Add(b);
            }

            b.Add(m, nameWords[i]);
        }

        var organisationsByFirstWord = OrganisationsByFirstWord(working, nameWords);

        // 2. Everything else, in document order.
        for (var i = 0; i < working.Length; i++)
        {
            var m = working[i];
            var words = nameWords[i];
            if (m.Category == EntityCategories.Person && words.Length >= 2)
            {
                continue;
            }

            var mayBePerson = m.Category is EntityCategories.Person or EntityCategories.Organization or EntityCategories.Event or EntityCategories.Product
                || (m.Category == EntityCategories.Location && (m.Confidence < UnsureLocation || !AfterPlacePreposition(text, tokens, m)));
            if (words.Length == 1 && mayBePerson
                && ChoosePerson(people, words[0], m.Start) is { } person
                && (m.Category != EntityCategories.Location || m.Confidence < UnsureLocation || person.HasLastName(words[0])))
            {
                person.Add(m with { Category = EntityCategories.Person }, words);
                continue;
            }

            // Not a confident Location, nor one after a place preposition: "in Washington" is not the Washington Post.
            // An unsure one is the tagger hesitating over an unknown name ("Brightwater said" after "Brightwater Energy").
            var mayBeOrganisation = m.Category is EntityCategories.Person or EntityCategories.Organization
                || (m.Category == EntityCategories.Location && m.Confidence < UnsurePerson && !AfterPlacePreposition(text, tokens, m));
            if (words.Length == 1 && mayBeOrganisation
                && organisationsByFirstWord?.GetValueOrDefault(words[0]) is { } organisation)
            {
                (m, words) = (m with { Category = EntityCategories.Organization }, organisation);
            }

            var key = m.Category switch
            {
                EntityCategories.Person => "P|" + words[0],
                _ => m.Category + "|" + (words.Length == 1 ? words[0] : string.Join(' ', words)),
            };
            if (!byKey.TryGetValue(key, out var b))
            {
                b = new Builder(m.Category);
                byKey[key] = b;
                clusters.Add(b);
            }

            b.Add(m, words);
        }

        MergeAcronyms(clusters);
        var result = new List<EntityCluster>(clusters.Count);
        foreach (var c in clusters)
        {
            if (c.Mentions.Count > 0)
            {
                result.Add(c.Build(text));
            }
        }

        StableSort(result, static c => c.Mentions[0].Start);
        return result;
    }

    /// <summary>Below this tagger confidence a one-word "person" or "place" may be a short form of an organisation's name.</summary>
    private const double UnsurePerson = 0.5;

    /// <summary>
    /// One-word short forms of the document's multi-word organisations ("Brightwater" after "Brightwater Energy"): the
    /// first word of exactly one such organisation, never tagged as a person with confidence (a "Trump" stays Trump
    /// beside the "Trump Organization"). Null when the document names no multi-word organisation.
    /// </summary>
    private static Dictionary<string, string[]>? OrganisationsByFirstWord(DetectedMention[] mentions, string[][] words)
    {
        Dictionary<string, string[]?>? found = null;
        for (var i = 0; i < mentions.Length; i++)
        {
            if (mentions[i].Category == EntityCategories.Organization && words[i].Length >= 2 && words[i][0].Length >= 3 && char.IsUpper(words[i][0][0]))
            {
                found ??= new(StringComparer.OrdinalIgnoreCase);
                var w = words[i][0];
                found[w] = found.TryGetValue(w, out var other) && (other is null || !other.SequenceEqual(words[i], StringComparer.OrdinalIgnoreCase)) ? null : words[i];
            }
        }

        if (found is null)
        {
            return null;
        }

        for (var i = 0; i < mentions.Length; i++)
        {
            if (mentions[i].Category == EntityCategories.Person && words[i].Length == 1 && mentions[i].Confidence >= UnsurePerson)
            {
                found.Remove(words[i][0]);
            }
        }

        var result = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var (w, name) in found)
        {
            if (name is not null)
            {
                result[w] = name;
            }
        }

        return result;
    }

    /// <summary>Insertion sort by an integer key, equal keys in their current order (as OrderBy): the lists are short and nearly sorted.</summary>
    private static void StableSort<T>(List<T> items, Func<T, int> key)
    {
        for (var i = 1; i < items.Count; i++)
        {
            var item = items[i];
            var k = key(item);
            var j = i - 1;
            while (j >= 0 && key(items[j]) > k)
            {
                items[j + 1] = items[j];
                j--;
            }

            items[j + 1] = item;
        }
    }

    /// <summary>
    /// A person mention of 3+ words that contains another person name of the document is cut to the longest such
    /// name: headline words around a name ("Will Bernie Sanders", "Victor Hale Faces Growing Scandal") are not part
    /// of it. Middle-name forms ("Hillary Rodham Clinton" next to "Hillary Clinton") are kept.
    /// </summary>
    private static void TrimToKnownNames(string text, DetectedMention[] mentions, string[][] words, IReadOnlyList<TextSpan> tokens)
    {
        var names = new List<string[]>();
        var firstLast = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < mentions.Length; i++)
        {
            if (mentions[i].Category == EntityCategories.Person && words[i].Length >= 2)
            {
                names.Add(words[i]);
                firstLast.Add(words[i][0] + "|" + words[i][^1]);
            }
        }

        for (var i = 0; i < mentions.Length; i++)
        {
            var m = mentions[i];
            var w = words[i];
            if (m.Category != EntityCategories.Person || w.Length < 3)
            {
                continue;
            }

            string[]? best = null;
            foreach (var name in names)
            {
                if (name.Length < w.Length && (best is null || name.Length > best.Length) && IndexOf(w, name) >= 0)
                {
                    best = name;
                }
            }

            if (best is null || IsMiddleNameForm(w, firstLast, names))
            {
                continue;
            }

            // Locate the name's tokens inside the mention (possessives and titles are not in the words).
            for (var k = m.FirstToken; k + best.Length <= m.EndToken; k++)
            {
                var matches = true;
                for (var j = 0; j < best.Length && matches; j++)
                {
                    var tok = text.AsSpan(tokens[k + j].Start, tokens[k + j].Length);
                    matches = tok.Equals(best[j], StringComparison.OrdinalIgnoreCase)
                        || (j == best.Length - 1 && tok.Length == best[j].Length + 2 && tok.StartsWith(best[j], StringComparison.OrdinalIgnoreCase));
                }

                if (matches)
                {
                    var start = tokens[k].Start;
                    mentions[i] = m with { Start = start, Length = tokens[k + best.Length - 1].End - start, FirstToken = k, EndToken = k + best.Length };
                    words[i] = best;
                    break;
                }
            }
        }
    }

    /// <summary>"Hillary Rodham Clinton" when "Hillary Clinton" is also named: a longer form of the same name, not a run-on.</summary>
    private static bool IsMiddleNameForm(string[] words, HashSet<string> firstLast, List<string[]> names)
    {
        if (!firstLast.Contains(words[0] + "|" + words[^1]))
        {
            return false;
        }

        foreach (var name in names)
        {
            if (name.Length < words.Length && name[0].Equals(words[0], StringComparison.OrdinalIgnoreCase) && name[^1].Equals(words[^1], StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static int IndexOf(string[] haystack, string[] needle)
    {
        for (var k = 0; k + needle.Length <= haystack.Length; k++)
        {
            var j = 0;
            while (j < needle.Length && haystack[k + j].Equals(needle[j], StringComparison.OrdinalIgnoreCase))
            {
                j++;
            }

            if (j == needle.Length)
            {
                return k;
            }
        }

        return -1;
    }

    /// <summary>"in Hale", "from Hale": the word before a one-word Location says it is a place, whatever person shares the name.</summary>
    private static bool AfterPlacePreposition(string text, IReadOnlyList<TextSpan> tokens, DetectedMention m)
    {
        if (m.FirstToken == 0)
        {
            return false;
        }

        var prev = text.AsSpan(tokens[m.FirstToken - 1].Start, tokens[m.FirstToken - 1].Length);
        return prev.Equals("in", StringComparison.OrdinalIgnoreCase) || prev.Equals("at", StringComparison.OrdinalIgnoreCase)
            || prev.Equals("from", StringComparison.OrdinalIgnoreCase) || prev.Equals("to", StringComparison.OrdinalIgnoreCase)
            || prev.Equals("near", StringComparison.OrdinalIgnoreCase) || prev.Equals("across", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Headlines are title-cased, so the tagger runs a name into the words after it ("Sanders Rallies Supporters").
    /// A person mention of 3+ words starting with another person's surname is cut to that surname.
    /// </summary>
    private static void TrimHeadlineRuns(DetectedMention[] mentions, string[][] words, IReadOnlyList<TextSpan> tokens)
    {
        var surnames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < mentions.Length; i++)
        {
            if (mentions[i].Category == EntityCategories.Person && words[i].Length == 2)
            {
                surnames.Add(words[i][^1]);
            }
        }

        for (var i = 0; i < mentions.Length; i++)
        {
            var m = mentions[i];
            if (m.Category == EntityCategories.Person && words[i].Length >= 3 && surnames.Contains(words[i][0]) && !surnames.Contains(words[i][^1]))
            {
                var first = tokens[m.FirstToken];
                words[i] = [words[i][0]];
                mentions[i] = m with { Length = first.Length, EndToken = m.FirstToken + 1 };
            }
        }
    }

    /// <summary>The words of a mention's name: titles before a person's name and possessives/leading "the" removed.</summary>
    internal static string[] NameWords(string text, IReadOnlyList<TextSpan> tokens, DetectedMention m)
    {
        // The same words as taking every non-possessive token and dropping leading titles and "the", but one string
        // per kept word: the words are judged as spans first.
        var count = 0;
        var skip = 0;
        var leading = true;
        for (var k = m.FirstToken; k < m.EndToken; k++)
        {
            var w = Word(text, tokens[k], out var possessive);
            if (possessive)
            {
                continue;
            }

            count++;
            if (leading && ((m.Category == EntityCategories.Person && (NerLexicon.CueOf(w) & CueKind.Title) != 0) || w.Equals("the", StringComparison.OrdinalIgnoreCase)))
            {
                skip++;
            }
            else
            {
                leading = false;
            }
        }

        if (count == 0)
        {
            return [text.Substring(m.Start, m.Length)];
        }

        // At least one word is kept, even when every word is a title.
        skip = Math.Min(skip, count - 1);
        var words = new string[count - skip];
        var index = -skip;
        for (var k = m.FirstToken; k < m.EndToken; k++)
        {
            var w = Word(text, tokens[k], out var possessive);
            if (possessive)
            {
                continue;
            }

            if (index >= 0)
            {
                words[index] = w.ToString();
            }

            index++;
        }

        return words;
    }

    /// <summary>A token as a name word: a trailing "'s" cut off; <paramref name="possessive"/> when it is a possessive alone.</summary>
    private static ReadOnlySpan<char> Word(string text, TextSpan token, out bool possessive)
    {
        var w = text.AsSpan(token.Start, token.Length);
        possessive = EntityRecognizer.IsPossessive(w);
        if (!possessive && (w.EndsWith("'s", StringComparison.Ordinal) || w.EndsWith("\u2019s", StringComparison.Ordinal)))
        {
            w = w[..^2];
        }

        return w;
    }

    private static Builder? ChoosePerson(List<Builder> people, string word, int offset)
    {
        Builder? best = null;
        var bestRank = (Match: 0, Count: 0, Recent: int.MinValue);
        foreach (var p in people)
        {
            var match = p.HasLastName(word) ? 2 : p.HasFirstName(word) ? 1 : 0;
            if (match == 0)
            {
                continue;
            }

            var rank = (Match: match, Count: p.Mentions.Count, Recent: p.LastStartBefore(offset));
            if (best is null || rank.CompareTo(bestRank) > 0)
            {
                best = p;
                bestRank = rank;
            }
        }

        return best;
    }

    private static void MergeAcronyms(List<Builder> clusters)
    {
        foreach (var acronym in clusters.Where(c => c.Category == EntityCategories.Organization && c.IsAcronym).ToList())
        {
            var target = clusters.FirstOrDefault(c => c != acronym && c.Category == EntityCategories.Organization && c.Initials() == acronym.LongestWords[0]);
            if (target is not null)
            {
                foreach (var (m, w) in acronym.Items)
                {
                    target.Add(m, w);
                }

                acronym.Clear();
            }
        }
    }

    private sealed class Builder(string category)
    {
        private readonly List<(DetectedMention Mention, string[] Words)> _items = [];

        public string Category => category;

        public IReadOnlyList<(DetectedMention Mention, string[] Words)> Items => _items;

        public List<DetectedMention> Mentions { get; } = [];

        public string[] LongestWords { get; private set; } = [];

        private DetectedMention? _longest;

        public bool IsAcronym => LongestWords.Length == 1 && LongestWords[0].Length is >= 2 and <= 8 && LongestWords[0].All(char.IsUpper);

        // Only clusters with a multi-word name have first and last names (most clusters never do).
        private HashSet<string>? _firstNames;
        private HashSet<string>? _lastNames;
        private readonly List<int> _starts = [];

        public void Add(DetectedMention m, string[] words)
        {
            _items.Add((m, words));
            Mentions.Add(m);
            var at = _starts.BinarySearch(m.Start);
            _starts.Insert(at < 0 ? ~at : at, m.Start);
            if (words.Length >= 2)
            {
                (_firstNames ??= new(StringComparer.OrdinalIgnoreCase)).Add(words[0]);
                (_lastNames ??= new(StringComparer.OrdinalIgnoreCase)).Add(words[^1]);
            }

            // Among equally long forms the first wins, unless it is shouted ("TRUMP TOWER" in an all-caps headline).
            if (_longest is null || words.Length > LongestWords.Length || (words.Length == LongestWords.Length
                && (CharCount(words) > CharCount(LongestWords) || (CharCount(words) == CharCount(LongestWords) && IsShouted(LongestWords) && !IsShouted(words)))))
            {
                LongestWords = words;
                _longest = m;
            }
        }

        private static bool IsShouted(string[] words) => words.Length >= 2 && words.All(w => !w.Any(char.IsLower));

        private static int CharCount(string[] words)
        {
            var n = 0;
            foreach (var w in words)
            {
                n += w.Length;
            }

            return n;
        }

        public void Clear()
        {
            _items.Clear();
            Mentions.Clear();
            _starts.Clear();
            _firstNames?.Clear();
            _lastNames?.Clear();
        }

        public bool HasLastName(string word) => _lastNames?.Contains(word) == true;

        public bool HasFirstName(string word) => _firstNames?.Contains(word) == true;

        public int LastStartBefore(int offset)
        {
            var at = _starts.BinarySearch(offset);
            var before = (at < 0 ? ~at : at) - 1;
            return before >= 0 ? _starts[before] : int.MinValue;
        }

        public string Initials() => LongestWords.Length < 2
            ? ""
            : string.Concat(LongestWords.Where(w => !AcronymStopWords.Contains(w) && w.Length > 0 && char.IsUpper(w[0])).Select(w => w[0]));

        public EntityCluster Build(string text)
        {
            var ordered = new List<DetectedMention>(Mentions);
            StableSort(ordered, static m => m.Start);
            var name = category is EntityCategories.DateTime or EntityCategories.Quantity
                ? text.Substring(ordered[0].Start, ordered[0].Length)
                : category == EntityCategories.PersonType
                    ? text.Substring(ordered[0].Start, ordered[0].Length).ToLowerInvariant()
                    : LongestWords.Length == 1 ? LongestWords[0] : string.Join(' ', LongestWords);
            string? sub = null;
            foreach (var m in ordered)
            {
                if (m.Subcategory is not null)
                {
                    sub = m.Subcategory;
                    break;
                }
            }

            return new EntityCluster(name, category, sub, ordered);
        }
    }
}
