using System.Globalization;
using System.Text;

namespace Pipeline.Benchmarks.Corpus;

/// <summary>
/// A deterministic, news-like corpus built from templates and word lists written for the benchmark: political
/// coverage with names, places, quotes, numbers, negations, intensifiers and sentiment-bearing words. No
/// article text is copied from anywhere. Same seed, same bytes, on every machine and runtime.
/// </summary>
public static class SyntheticCorpus
{
    public const int DefaultTargetBytes = 1_500_000;
    public const ulong DefaultSeed = 20261122;

    private static readonly string[] FirstNames =
    [
        "Maria", "James", "Aisha", "Robert", "Elena", "David", "Grace", "Michael", "Sofia", "Daniel", "Hannah", "Carlos",
        "Linda", "Thomas", "Priya", "Joseph", "Naomi", "William", "Olivia", "Samuel", "Fatima", "Henry", "Julia", "Marcus",
    ];

    private static readonly string[] LastNames =
    [
        "Whitfield", "Alvarez", "Okafor", "Brennan", "Castillo", "Nakamura", "Holloway", "Petrov", "Delgado", "Sutherland",
        "Kowalski", "Ramirez", "Fitzgerald", "Lindqvist", "Mahoney", "Abernathy", "Chen", "Morales", "Underwood", "Kessler",
    ];

    private static readonly string[] Titles = ["Sen.", "Gov.", "Rep.", "Mayor", "Secretary", "President", "Judge", "Dr."];

    private static readonly string[] Places =
    [
        "Iowa", "New Hampshire", "Nevada", "South Carolina", "Ohio", "Pennsylvania", "Michigan", "Wisconsin", "Arizona",
        "Georgia", "Florida", "North Carolina", "Des Moines", "Philadelphia", "Milwaukee", "Phoenix", "Atlanta", "Detroit",
        "Las Vegas", "Washington", "New York", "Los Angeles", "San Antonio", "Cleveland",
    ];

    private static readonly string[] Organizations =
    [
        "the Democratic National Committee", "the Republican National Committee", "the Senate Finance Committee",
        "the Department of Labor", "the Federal Reserve", "the Supreme Court", "the state legislature",
        "the teachers union", "the Chamber of Commerce", "the Environmental Protection Agency", "a local hospital",
        "the city council", "the Congressional Budget Office", "the campaign", "a political action committee",
    ];

    private static readonly string[] Topics =
    [
        "health care", "the economy", "immigration reform", "climate policy", "the minimum wage", "student debt",
        "trade deals", "tax cuts", "gun control", "the budget deficit", "foreign policy", "voting rights",
        "infrastructure spending", "the opioid crisis", "criminal justice reform", "energy prices", "housing costs",
    ];

    private static readonly string[] Positive =
    [
        "strong", "remarkable", "successful", "popular", "excellent", "hopeful", "impressive", "effective", "brilliant",
        "encouraging", "solid", "welcome", "honest", "inspiring", "fair", "smart", "good", "great", "positive", "confident",
    ];

    private static readonly string[] Negative =
    [
        "disastrous", "weak", "corrupt", "failed", "reckless", "dishonest", "terrible", "disappointing", "dangerous",
        "unfair", "bad", "awful", "misleading", "chaotic", "costly", "poor", "troubling", "outrageous", "wrong", "hostile",
    ];

    private static readonly string[] PositiveNouns = ["victory", "support", "praise", "progress", "success", "momentum", "confidence", "relief"];

    private static readonly string[] NegativeNouns = ["scandal", "crisis", "attack", "failure", "criticism", "backlash", "defeat", "controversy"];

    private static readonly string[] Intensifiers = ["very", "extremely", "deeply", "really", "incredibly", "somewhat", "slightly", "hugely"];

    private static readonly string[] Verbs = ["criticized", "praised", "attacked", "defended", "questioned", "endorsed", "challenged", "thanked"];

    private static readonly string[] Days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

    private static readonly string[] Templates =
    [
        "{P} {V} {Q} on {D}, calling the plan for {T} {A} and {N}.",
        "\"This is a {I} {A} day for {L},\" {P} told reporters in {L}.",
        "{P} said the proposal on {T} was not {A}, but {Q} argued it was {B}.",
        "Supporters of {P} packed a rally in {L}, where the crowd cheered the {PN} on {T}.",
        "Critics warned that the {NN} over {T} could hurt {P} in {L} next month.",
        "According to a poll released {D}, {NUM} percent of voters in {L} said they approve of {P}.",
        "{O} said it would review the {A} report on {T} before the vote.",
        "\"We will never give up on {T},\" {P} said, adding that the results were {I} {A}!",
        "The {NN} erupted after {P} {V} {O} over {T}.",
        "{P} didn't hide {X} frustration, describing the response from {O} as {B} and {B}.",
        "Despite the {NN}, {P} remains {A} about winning {L}.",
        "Officials in {L} estimated the cost of the {T} plan at ${NUM} billion over ten years.",
        "{P}, who represents {L}, has {V} {Q} repeatedly, but the two met privately on {D}.",
        "It isn't {A}, and it isn't {B} either, {P} said of the debate over {T}.",
        "Analysts said the {PN} gave {P} a {I} {A} edge heading into the {L} primary.",
        "The campaign raised ${NUM} million in the last quarter, a {A} sign for {P}.",
        "Protesters outside {O} held signs calling the policy on {T} {B}.",
        "\"I'm not worried at all,\" {P} said when asked about the {NN} in {L}.",
        "Neither {P} nor {Q} responded to requests for comment on {D}.",
        "The report from {O} found no evidence of wrongdoing, a {PN} for {P}.",
        "Voters in {L} described the race as {I} {B}, with many still undecided about {T}.",
        "{P} thanked volunteers in {L} for their {PN}, calling them the best team in the country.",
    ];

    public static BenchCorpus Generate(int targetBytes = DefaultTargetBytes, ulong seed = DefaultSeed)
    {
        var random = new SplitMix64(seed);
        var articles = new List<IReadOnlyList<string>>();
        long bytes = 0;
        while (bytes < targetBytes)
        {
            var article = Article(random);
            bytes += article.Sum(s => Encoding.UTF8.GetByteCount(s) + 1);
            articles.Add(article);
        }

        return BenchCorpus.FromArticles("synthetic", articles);
    }

    /// <summary>One article (headline first, then its sentences) from its own seed: any number of distinct articles without holding a corpus.</summary>
    public static IReadOnlyList<string> Article(ulong seed) => Article(new SplitMix64(seed));

    private static List<string> Article(SplitMix64 random)
    {
        // Each article follows two people, so names recur and coreference and key phrases have work to do.
        var people = new[] { Person(random), Person(random) };
        var place = Pick(random, Places);
        var topic = Pick(random, Topics);
        var sentences = new List<string>
        {
            $"{people[0].Last} Vows {TitleWord(Pick(random, Positive))} Push on {TitleWord(topic)} as {people[1].Last} Cries Foul in {place}",
        };
        var count = 18 + random.Next(18);
        for (var i = 0; i < count; i++)
        {
            var mainIndex = random.Next(2);
            var template = Pick(random, Templates);
            sentences.Add(Fill(template, random, people, mainIndex, i == 0, place, topic));
        }

        return sentences;
    }

    private static string Fill(string template, SplitMix64 random, (string Full, string Last)[] people, int main, bool first, string place, string topic)
    {
        var sb = new StringBuilder(template.Length + 64);
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] != '{')
            {
                sb.Append(template[i]);
                continue;
            }

            var close = template.IndexOf('}', i);
            var slot = template[(i + 1)..close];
            i = close;
            sb.Append(slot switch
            {
                "P" => first ? people[main].Full : random.Next(3) == 0 ? people[main].Full : people[main].Last,
                "Q" => random.Next(2) == 0 ? people[1 - main].Full : people[1 - main].Last,
                "V" => Pick(random, Verbs),
                "T" => random.Next(3) == 0 ? Pick(random, Topics) : topic,
                "A" => Pick(random, Positive),
                "B" => Pick(random, Negative),
                "N" => Pick(random, Negative),
                "PN" => Pick(random, PositiveNouns),
                "NN" => Pick(random, NegativeNouns),
                "I" => Pick(random, Intensifiers),
                "L" => random.Next(2) == 0 ? place : Pick(random, Places),
                "O" => Pick(random, Organizations),
                "D" => Pick(random, Days),
                "X" => "their",
                "NUM" => (3 + random.Next(95)).ToString(CultureInfo.InvariantCulture),
                _ => throw new InvalidOperationException("Unknown slot " + slot),
            });
        }

        // Sentences that start with a lowercase slot ("the campaign said ...") get their capital.
        if (char.IsLower(sb[0]))
        {
            sb[0] = char.ToUpperInvariant(sb[0]);
        }

        return sb.ToString();
    }

    private static (string Full, string Last) Person(SplitMix64 random)
    {
        var last = Pick(random, LastNames);
        var full = (random.Next(3) == 0 ? Pick(random, Titles) + " " : string.Empty) + Pick(random, FirstNames) + " " + last;
        return (full, last);
    }

    private static string TitleWord(string words) =>
        string.Join(' ', words.Split(' ').Select(w => w.Length > 3 ? char.ToUpperInvariant(w[0]) + w[1..] : w));

    private static string Pick(SplitMix64 random, string[] items) => items[random.Next(items.Length)];

    /// <summary>A tiny PRNG with a fixed algorithm, so the corpus never changes with the runtime's Random.</summary>
    private sealed class SplitMix64(ulong state)
    {
        private ulong _state = state;

        public int Next(int maxExclusive)
        {
            _state += 0x9E3779B97F4A7C15UL;
            var z = _state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            return (int)(z % (ulong)maxExclusive);
        }
    }
}
