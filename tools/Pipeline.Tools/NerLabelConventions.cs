using System.Text.RegularExpressions;
using Pipeline.Analysis.Local.Ner;

namespace Pipeline.Tools;

/// <summary>
/// Brings another corpus's span conventions to those of the core training and dev data (GUM, WikiGold, CrossNER), where
/// a lower-case "the" never opens a name and a nationality adjective ("American") is not a place. Re-DocRED, for one,
/// tags "the United States" and "American" as LOC. Selected per training source (<see cref="NerTrainingSource"/>).
/// </summary>
internal static partial class NerLabelConventions
{
    private const int Location = 1; // NerTags type index of LOC

    /// <summary>A lower-case "the" opening a span becomes O and the next token opens it ("the United States" → "United States").</summary>
    public static void StripLeadingThe(LabelledSentence sentence, int[] tags)
    {
        for (var i = 0; i < tags.Length; i++)
        {
            if (NerTags.IsBegin(tags[i]) && Token(sentence, i) is "the")
            {
                var type = NerTags.TypeOf(tags[i]);
                tags[i] = NerTags.Outside;
                if (i + 1 < tags.Length && tags[i + 1] == NerTags.Inside(type))
                {
                    tags[i + 1] = NerTags.Begin(type);
                }
            }
        }
    }

    /// <summary>
    /// A one-token LOC span that looks like a nationality adjective (American, French, Japanese, Thai) and is no city,
    /// region or country name in the gazetteer ("Japan", "Milan" stay) becomes <paramref name="to"/> (-1 = O).
    /// </summary>
    public static void Demonyms(LabelledSentence sentence, int[] tags, int to)
    {
        for (var i = 0; i < tags.Length; i++)
        {
            if (tags[i] != NerTags.Begin(Location) || (i + 1 < tags.Length && tags[i + 1] == NerTags.Inside(Location)))
            {
                continue;
            }

            if (DemonymShape().IsMatch(Token(sentence, i)) && Gazetteer.Default.Lookup(sentence.Text, sentence.Tokens, i, i + 1) == GazetteerKind.None)
            {
                tags[i] = to < 0 ? NerTags.Outside : NerTags.Begin(to);
            }
        }
    }

    private static string Token(LabelledSentence sentence, int i) =>
        sentence.Text.Substring(sentence.Tokens[i].Start, sentence.Tokens[i].Length);

    [GeneratedRegex("^[A-Z][a-z]+(an|ish|ese|i|ch)$", RegexOptions.CultureInvariant)]
    private static partial Regex DemonymShape();
}
