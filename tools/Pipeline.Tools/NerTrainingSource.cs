using System.Globalization;
using Pipeline.Analysis.Local.Ner;

namespace Pipeline.Tools;

/// <summary>
/// One training file of <c>train-ner</c>, written <c>file[:FROM=TO+FROM=TO][%P][*N]</c>:
/// <c>:MISC=O</c> maps an entity type to another (or to O) for corpora whose label sets differ; <c>:the=O</c> drops a
/// lower-case "the" opening a span and <c>:DEMONYM=MISC</c> (or <c>=O</c>) retags one-token nationality "places"
/// (<see cref="NerLabelConventions"/>);
/// <c>%P</c> keeps P percent of the sentences (evenly spaced, deterministic) to down-weight a large corpus,
/// <c>*N</c> repeats the file N times to up-weight a small in-domain one.
/// </summary>
internal sealed record NerTrainingSource(string File, IReadOnlyDictionary<string, string> Map, int Percent, int Times)
{
    private const string The = "the";
    private const string Demonym = "DEMONYM";

    private static readonly string[] Types = ["PER", "LOC", "ORG", "MISC"];

    public static NerTrainingSource Parse(string spec)
    {
        var rest = spec.Trim();
        var times = 1;
        var percent = 100;
        if (rest.LastIndexOf('*') is var star and >= 0)
        {
            times = Number(rest[(star + 1)..], spec, 1, 100);
            rest = rest[..star];
        }

        if (rest.LastIndexOf('%') is var cut and >= 0)
        {
            percent = Number(rest[(cut + 1)..], spec, 1, 100);
            rest = rest[..cut];
        }

        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (rest.IndexOf(':', StringComparison.Ordinal) is var colon and >= 0)
        {
            foreach (var pair in rest[(colon + 1)..].Split('+', StringSplitOptions.RemoveEmptyEntries))
            {
                var sides = pair.Split('=');
                var known = sides.Length == 2 && (Types.Contains(sides[0]) || sides[0] == Demonym || (sides[0] == The && sides[1] == "O"));
                if (!known || (sides[1] != "O" && !Types.Contains(sides[1])))
                {
                    throw new FormatException($"bad label mapping '{pair}' in '{spec}' (expected TYPE=TYPE, TYPE=O, the=O or DEMONYM=TYPE/O; types {string.Join('/', Types)})");
                }

                map[sides[0]] = sides[1];
            }

            rest = rest[..colon];
        }

        if (rest.Length == 0)
        {
            throw new FormatException($"no file in training source '{spec}'");
        }

        return new NerTrainingSource(rest, map, percent, times);
    }

    /// <summary>The file's sentences (under <paramref name="dataDir"/>), labels mapped and subsampled; not repeated.</summary>
    public List<LabelledSentence> Read(string dataDir)
    {
        var read = ConllReader.Read(Path.Combine(dataDir, File));
        var kept = new List<LabelledSentence>(read.Count * Percent / 100);
        for (var i = 0; i < read.Count; i++)
        {
            // Keeps sentence i when the running share i·P/100 crosses an integer: P evenly spaced per hundred.
            if ((i + 1) * Percent / 100 > i * Percent / 100)
            {
                kept.Add(Map.Count == 0 ? read[i] : read[i] with { Tags = MapTags(read[i]) });
            }
        }

        return kept;
    }

    public override string ToString() =>
        File + (Map.Count > 0 ? ":" + string.Join('+', Map.Select(p => p.Key + "=" + p.Value)) : "")
        + (Percent < 100 ? "%" + Percent.ToString(CultureInfo.InvariantCulture) : "")
        + (Times > 1 ? "*" + Times.ToString(CultureInfo.InvariantCulture) : "");

    private int[] MapTags(LabelledSentence sentence)
    {
        var tags = sentence.Tags;
        var mapped = new int[tags.Length];
        for (var i = 0; i < tags.Length; i++)
        {
            var type = NerTags.TypeOf(tags[i]);
            if (type < 0 || !Map.TryGetValue(NerTags.TypeName(type), out var to))
            {
                mapped[i] = tags[i];
                continue;
            }

            var target = Array.IndexOf(Types, to);
            mapped[i] = target < 0 ? NerTags.Outside : NerTags.IsBegin(tags[i]) ? NerTags.Begin(target) : NerTags.Inside(target);
        }

        // Conventions run on the mapped tags (a demonym is found as a LOC after the type maps).
        if (Map.ContainsKey(The))
        {
            NerLabelConventions.StripLeadingThe(sentence, mapped);
        }

        if (Map.TryGetValue(Demonym, out var demonymTo))
        {
            NerLabelConventions.Demonyms(sentence, mapped, Array.IndexOf(Types, demonymTo));
        }

        return mapped;
    }

    private static int Number(string text, string spec, int min, int max) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw new FormatException($"expected a number {min}-{max} after '*' or '%' in '{spec}', got '{text}'");
}
