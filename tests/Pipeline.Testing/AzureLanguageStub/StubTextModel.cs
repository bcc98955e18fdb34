using System.Text.Json.Nodes;

namespace Pipeline.Testing.AzureLanguageStub;

/// <summary>
/// Deterministic, plausible answers for any text, shaped like the real service's: sentences end at . ! ? or a
/// newline and keep their trailing whitespace; sentiment from a tiny word list; entities are runs of capitalized
/// words (categories from small gazetteers and suffixes); key phrases are entity names then long words by frequency.
/// All offsets are UTF-16 code units, as the client asks for (stringIndexType=Utf16CodeUnit).
/// </summary>
public static class StubTextModel
{
    public static readonly IReadOnlySet<string> PositiveWords = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "good", "great", "excellent", "praised", "praise", "win", "won", "strong", "success", "successful", "support",
        "happy", "love", "best", "beautiful", "hope", "popular", "impressive", "celebrated", "thrilled",
    };

    public static readonly IReadOnlySet<string> NegativeWords = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "bad", "poor", "terrible", "attacked", "criticized", "lose", "lost", "weak", "failure", "failed", "scandal",
        "hate", "worst", "angry", "crisis", "awful", "disappointing", "corrupt", "slammed", "dismal",
    };

    private static readonly HashSet<string> LeadingStopwords = new(StringComparer.Ordinal)
    {
        "The", "A", "An", "He", "She", "It", "They", "We", "I", "In", "On", "At", "But", "And", "This", "That", "These",
        "Those", "His", "Her", "Their", "Our", "After", "Before", "When", "While", "As", "If", "For", "With", "Mr", "Mrs",
        "Ms", "Dr", "Senator", "Sen", "President", "Governor", "Mayor", "Rep", "Some", "Many", "Most", "Yet", "So", "Still",
        "There", "Here", "What", "Who", "Why", "How", "Today", "Yesterday", "Tomorrow", "Meanwhile", "However", "According",
    };

    private static readonly HashSet<string> Locations = new(StringComparer.Ordinal)
    {
        "Iowa", "Vermont", "Washington", "America", "California", "Texas", "York", "London", "Paris", "France", "Germany",
        "Europe", "China", "Russia", "Ukraine", "Florida", "Ohio", "Michigan", "Pennsylvania", "Canada", "Mexico", "Seattle",
        "Nevada", "Hampshire", "Carolina", "Boston", "Chicago", "States",
    };

    private static readonly HashSet<string> OrganizationSuffixes = new(StringComparer.Ordinal)
    {
        "Party", "Committee", "Inc", "Corp", "Company", "University", "Senate", "Congress", "Campaign", "Council",
        "Association", "Times", "News", "Post", "Department", "Court", "Agency", "Union", "Bank", "Institute",
    };

    private static readonly HashSet<string> Months = new(StringComparer.Ordinal)
    {
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    };

    private static readonly Dictionary<string, (string Name, string[] Words)> LanguageWords = new()
    {
        ["en"] = ("English", ["the", "and", "of", "to", "is", "in", "that", "was", "for", "with", "on", "said", "it", "he", "she", "a", "but", "are", "be", "has", "have", "will", "by", "at", "as", "his", "her", "they", "we", "an"]),
        ["es"] = ("Spanish", ["el", "la", "los", "las", "y", "de", "que", "en", "es", "por", "con", "una", "del"]),
        ["fr"] = ("French", ["le", "la", "les", "et", "des", "est", "que", "dans", "une", "du", "pour", "avec"]),
        ["de"] = ("German", ["der", "die", "das", "und", "ist", "nicht", "mit", "ein", "eine", "den", "zu", "von"]),
    };

    public readonly record struct Span(int Offset, int Length);

    public readonly record struct StubEntity(int Offset, int Length, string Text, string Category, string? Subcategory, double Confidence);

    public static IReadOnlyList<Span> Sentences(string text)
    {
        var spans = new List<Span>();
        var start = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            var end = -1;
            if (c is '.' or '!' or '?' or '\n')
            {
                var j = i + 1;
                while (j < text.Length && text[j] is '.' or '!' or '?' or '"' or '\'' or '\u201D' or '\u2019' or ')')
                {
                    j++;
                }

                if (c == '\n' || j == text.Length || char.IsWhiteSpace(text[j]))
                {
                    while (j < text.Length && char.IsWhiteSpace(text[j]))
                    {
                        j++;
                    }

                    end = j;
                }

                i = j;
            }
            else
            {
                i++;
            }

            if (end > start)
            {
                spans.Add(new Span(start, end - start));
                start = end;
            }
        }

        if (start < text.Length)
        {
            spans.Add(new Span(start, text.Length - start));
        }

        return spans;
    }

    /// <summary>Words: runs of letters, digits, apostrophes and inner hyphens.</summary>
    public static IReadOnlyList<Span> Words(string text, int from = 0, int to = -1)
    {
        to = to < 0 ? text.Length : to;
        var words = new List<Span>();
        var i = from;
        while (i < to)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            var j = i;
            while (j < to && (char.IsLetterOrDigit(text[j]) || (text[j] is '\'' or '-' or '\u2019' && j + 1 < to && char.IsLetter(text[j + 1]))))
            {
                j++;
            }

            words.Add(new Span(i, j - i));
            i = j;
        }

        return words;
    }

    public static IReadOnlyList<StubEntity> Entities(string text)
    {
        var entities = new List<StubEntity>();
        foreach (var sentence in Sentences(text))
        {
            var words = Words(text, sentence.Offset, sentence.Offset + sentence.Length);
            var k = 0;
            while (k < words.Count)
            {
                var w = text.Substring(words[k].Offset, words[k].Length);
                if (w.All(char.IsAsciiDigit))
                {
                    entities.Add(new StubEntity(words[k].Offset, words[k].Length, w, "Quantity", "Number", 0.8));
                    k++;
                    continue;
                }

                if (!char.IsUpper(w[0]))
                {
                    k++;
                    continue;
                }

                // A run: capitalized words separated by a single space.
                var end = k + 1;
                while (end < words.Count && char.IsUpper(text[words[end].Offset])
                       && words[end].Offset == words[end - 1].Offset + words[end - 1].Length + 1 && text[words[end].Offset - 1] == ' ')
                {
                    end++;
                }

                var first = k;
                while (first < end && LeadingStopwords.Contains(Strip(text.Substring(words[first].Offset, words[first].Length))))
                {
                    first++;
                }

                if (first < end)
                {
                    var offset = words[first].Offset;
                    var length = words[end - 1].Offset + words[end - 1].Length - offset;
                    var lastWord = text.Substring(words[end - 1].Offset, words[end - 1].Length);
                    length -= lastWord.Length - Strip(lastWord).Length; // the possessive is not part of the name
                    var runText = text.Substring(offset, length);
                    var tokens = runText.Split(' ');
                    var last = Strip(tokens[^1]);
                    var (category, sub) =
                        tokens.All(t => Months.Contains(Strip(t))) ? ("DateTime", "Date")
                        : OrganizationSuffixes.Contains(last) ? ("Organization", (string?)null)
                        : tokens.Any(t => Locations.Contains(Strip(t))) ? ("Location", "GPE")
                        : ("Person", null);
                    entities.Add(new StubEntity(offset, length, runText, category, sub, tokens.Length > 1 ? 0.95 : 0.85));
                }

                k = end;
            }
        }

        return entities;
    }

    public static IReadOnlyList<string> KeyPhrases(string text)
    {
        var entityNames = Entities(text).Where(e => e.Category != "Quantity").Select(e => e.Text);
        var longWords = Words(text).Select(w => text.Substring(w.Offset, w.Length)).Where(w => w.Length >= 6 && char.IsLower(w[0]));
        return Rank(entityNames).Concat(Rank(longWords)).Distinct(StringComparer.OrdinalIgnoreCase).Take(10).ToList();

        static IEnumerable<string> Rank(IEnumerable<string> items) => items
            .Select((t, i) => (t, i))
            .GroupBy(x => x.t, StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.First().i)
            .Select(g => g.First().t);
    }

    public static (string Iso, string Name, double Confidence) DetectLanguage(string text)
    {
        var words = Words(text).Select(w => text.Substring(w.Offset, w.Length).ToLowerInvariant()).ToList();
        var best = LanguageWords
            .Select(l => (l.Key, l.Value.Name, Hits: words.Count(w => l.Value.Words.Contains(w))))
            .OrderByDescending(x => x.Hits)
            .ThenBy(x => x.Key, StringComparer.Ordinal)
            .First();
        return best.Hits == 0 ? ("(Unknown)", "(Unknown)", 0.0) : (best.Key, best.Name, Math.Min(1.0, 0.5 + (0.1 * best.Hits)));
    }

    /// <summary>The SentimentAnalysis document result for one text (opinion mining adds targets and assessments).</summary>
    public static JsonObject SentimentDocument(string id, string text, int documentIndex, bool opinionMining)
    {
        var sentences = new JsonArray();
        var labels = new List<string>();
        double sp = 0, su = 0, sn = 0;
        var entities = Entities(text).Where(e => e.Category is "Person" or "Organization" or "Location").ToList();
        var sentenceIndex = 0;
        foreach (var s in Sentences(text))
        {
            var words = Words(text, s.Offset, s.Offset + s.Length);
            var pos = words.Where(w => PositiveWords.Contains(text.Substring(w.Offset, w.Length))).ToList();
            var neg = words.Where(w => NegativeWords.Contains(text.Substring(w.Offset, w.Length))).ToList();
            var (label, p, u, n) = pos.Count > neg.Count ? ("positive", 0.8, 0.15, 0.05)
                : neg.Count > pos.Count ? ("negative", 0.05, 0.15, 0.8)
                : pos.Count > 0 ? ("neutral", 0.3, 0.4, 0.3)
                : ("neutral", 0.05, 0.9, 0.05);
            labels.Add(label);
            (sp, su, sn) = (sp + p, su + u, sn + n);
            var sentence = new JsonObject
            {
                ["sentiment"] = label,
                ["confidenceScores"] = Scores(p, u, n),
                ["offset"] = s.Offset,
                ["length"] = s.Length,
                ["text"] = text.Substring(s.Offset, s.Length),
            };
            if (opinionMining)
            {
                AddOpinions(sentence, text, s, pos, neg, entities, documentIndex, sentenceIndex);
            }

            sentences.Add(sentence);
            sentenceIndex++;
        }

        var count = Math.Max(1, labels.Count);
        var docLabel = labels.Contains("positive") && labels.Contains("negative") ? "mixed"
            : labels.Contains("positive") ? "positive"
            : labels.Contains("negative") ? "negative"
            : "neutral";
        return new JsonObject
        {
            ["id"] = id,
            ["sentiment"] = docLabel,
            ["confidenceScores"] = Scores(sp / count, su / count, sn / count),
            ["sentences"] = sentences,
            ["warnings"] = new JsonArray(),
        };
    }

    // Each sentiment word is an assessment of the nearest entity in its sentence (the target), if any.
    private static void AddOpinions(
        JsonObject sentence, string text, Span s, List<Span> pos, List<Span> neg, List<StubEntity> entities, int documentIndex, int sentenceIndex)
    {
        var inSentence = entities.Where(e => e.Offset >= s.Offset && e.Offset < s.Offset + s.Length).ToList();
        var assessments = new JsonArray();
        var byTarget = new SortedDictionary<int, (StubEntity Entity, List<(int Index, bool Positive)> Links)>();
        foreach (var (word, positive) in pos.Select(w => (w, true)).Concat(neg.Select(w => (w, false))).OrderBy(x => x.Item1.Offset))
        {
            if (inSentence.Count == 0)
            {
                continue;
            }

            var target = inSentence.OrderBy(e => Math.Abs(e.Offset - word.Offset)).ThenBy(e => e.Offset).First();
            var index = assessments.Count;
            assessments.Add(new JsonObject
            {
                ["sentiment"] = positive ? "positive" : "negative",
                ["confidenceScores"] = new JsonObject { ["positive"] = positive ? 1.0 : 0.0, ["negative"] = positive ? 0.0 : 1.0 },
                ["offset"] = word.Offset,
                ["length"] = word.Length,
                ["text"] = text.Substring(word.Offset, word.Length),
                ["isNegated"] = false,
            });
            if (!byTarget.TryGetValue(target.Offset, out var entry))
            {
                entry = (target, []);
                byTarget[target.Offset] = entry;
            }

            entry.Links.Add((index, positive));
        }

        var targets = new JsonArray();
        foreach (var (entity, links) in byTarget.Values)
        {
            var positives = links.Count(l => l.Positive);
            var share = (double)positives / links.Count;
            targets.Add(new JsonObject
            {
                ["sentiment"] = positives == links.Count ? "positive" : positives == 0 ? "negative" : "mixed",
                ["confidenceScores"] = new JsonObject { ["positive"] = share, ["negative"] = 1 - share },
                ["offset"] = entity.Offset,
                ["length"] = entity.Length,
                ["text"] = entity.Text,
                ["relations"] = new JsonArray(links.Select(l => (JsonNode)new JsonObject
                {
                    ["relationType"] = "assessment",
                    ["ref"] = $"#/documents/{documentIndex}/sentences/{sentenceIndex}/assessments/{l.Index}",
                }).ToArray()),
            });
        }

        sentence["targets"] = targets;
        sentence["assessments"] = assessments;
    }

    private static JsonObject Scores(double p, double u, double n)
    {
        // Two decimals like the service; the remainder goes to neutral so the three sum to 1.
        var pr = Math.Round(p, 2);
        var nr = Math.Round(n, 2);
        return new JsonObject { ["positive"] = pr, ["neutral"] = Math.Round(1 - pr - nr, 2), ["negative"] = nr };
    }

    private static string Strip(string word) =>
        word.EndsWith("'s", StringComparison.Ordinal) || word.EndsWith("\u2019s", StringComparison.Ordinal) ? word[..^2] : word;
}
