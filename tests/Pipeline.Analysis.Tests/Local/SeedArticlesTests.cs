using System.Text.RegularExpressions;
using Pipeline.Analysis.Linking;
using Pipeline.Analysis.Local;
using Pipeline.Analysis.Tests.Local.Sentiment;
using Pipeline.Core.Analysis;

namespace Pipeline.Analysis.Tests.Local;

/// <summary>
/// Optional tier: the five real seed articles in ../shared/seeds, analyzed as users get them (embedded analyzer + linking).
/// Each fact is a mistake users saw; the articles are read at run time and never copied into the repository.
/// </summary>
public sealed partial class SeedArticlesTests
{
    private static readonly Lazy<IReadOnlyList<(string File, string Text, TextAnalysis Analysis)>> Seeds = new(Analyze);

    [SeedsFact]
    public void Analyze_Seeds_MainCandidatesArePersonsInEveryArticle()
    {
        foreach (var (file, _, analysis) in Seeds.Value)
        {
            foreach (var name in (string[])["Bernie Sanders", "Hillary Clinton", "Donald Trump"])
            {
                Assert.True(analysis.Entities.Any(e => e.Name == name && e.Category == "Person"), $"{file}: no Person '{name}'");
            }
        }
    }

    [SeedsFact]
    public void Analyze_Seeds_EveryCapitalisedSurnameIsAMentionOfTheCandidate()
    {
        var missed = new List<string>();
        foreach (var (file, text, analysis) in Seeds.Value)
        {
            foreach (var (surname, name) in (ReadOnlySpan<(string, string)>)[("Clinton", "Hillary Clinton"), ("Sanders", "Bernie Sanders"), ("Trump", "Donald Trump")])
            {
                var person = analysis.Entities.Single(e => e.Name == name && e.Category == "Person");
                // A compound modifier ("pro-Sanders group") is not a mention of the person.
                foreach (Match m in Regex.Matches(text, $@"(?<![-\w]){surname}\b"))
                {
                    if (!person.Mentions.Any(x => x.Offset <= m.Index && m.Index + m.Length <= x.Offset + x.Length))
                    {
                        missed.Add($"{file}: '{surname}' at {m.Index} (\"{Context(text, m.Index)}\") is not a mention of {name}");
                    }
                }
            }
        }

        Assert.Empty(missed);
    }

    [SeedsFact]
    public void Analyze_Seeds_OrganisationsAreNotPersonsOrPlaces()
    {
        var entities = Seeds.Value.SelectMany(s => s.Analysis.Entities).ToList();

        Assert.DoesNotContain(entities, e => e.Category == "Person" && e.Name.Contains("Goldman", StringComparison.Ordinal));
        Assert.Contains(entities, e => e.Category == "Organization" && e.Name == "Goldman Sachs");
        Assert.DoesNotContain(entities, e => e.Category != "Organization" && e.Name.Contains("Inquirer", StringComparison.Ordinal));
        Assert.Contains(entities, e => e.Category == "Organization" && e.Name == "Philadelphia Inquirer");
    }

    [SeedsFact]
    public void Analyze_Seeds_NumbersAndBuildingsAreNotOrganisations()
    {
        var organisations = Seeds.Value.SelectMany(s => s.Analysis.Entities).Where(e => e.Category == "Organization").Select(e => e.Name).ToList();

        Assert.DoesNotContain(organisations, n => n.StartsWith("No.", StringComparison.Ordinal));
        Assert.DoesNotContain("West Wing", organisations);
    }

    [SeedsFact]
    public void Analyze_Seeds_DncAndItsExpansionAreOneOrganisation()
    {
        var named = Seeds.Value.SelectMany(s => s.Analysis.Entities)
            .Where(e => e.Mentions.Any(m => m.Text is "DNC" || m.Text.Contains("Democratic National Committee", StringComparison.Ordinal)))
            .Select(e => (e.Category, e.Name))
            .Distinct()
            .ToList();

        Assert.Equal([("Organization", "Democratic National Committee")], named);
    }

    private static string Context(string text, int at) =>
        text.Substring(Math.Max(0, at - 40), Math.Min(80, text.Length - Math.Max(0, at - 40))).ReplaceLineEndings(" ");

    private static IReadOnlyList<(string File, string Text, TextAnalysis Analysis)> Analyze()
    {
        var analyzer = new LinkingTextAnalyzer(LocalTextAnalyzer.CreateDefault(), NotablePersonLinker.Default);
        return Directory.GetFiles(SharedData.Seeds!, "*.txt")
            .Order(StringComparer.Ordinal)
            .Select(f => (Path.GetFileName(f), Text: File.ReadAllText(f)))
            .Select(s => (s.Item1, s.Text, analyzer.AnalyzeAsync(new AnalysisRequest(s.Text), CancellationToken.None).GetAwaiter().GetResult()))
            .ToList();
    }
}

/// <summary>A fact that runs only when ../shared/seeds (next to the repository) is present; skipped visibly otherwise.</summary>
public sealed class SeedsFactAttribute : FactAttribute
{
    public SeedsFactAttribute()
    {
        if (SharedData.Seeds is null)
        {
            Skip = "../shared/seeds not found next to the repository: seed regression test skipped.";
        }
    }
}
