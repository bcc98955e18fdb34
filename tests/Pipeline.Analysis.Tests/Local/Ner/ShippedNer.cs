using Pipeline.Analysis.Local.Ner;

namespace Pipeline.Analysis.Tests.Local.Ner;

/// <summary>The shipped NER model, loaded once, and sentences that exercise its paths (names, organisations, all caps,
/// title case, numbers and money, a one-word sentence, unknown words), for the tests that hold fast paths equal to slow ones.</summary>
internal static class ShippedNer
{
    private static readonly Lazy<NerModel> LazyModel = new(() =>
    {
        using var stream = NerResources.Open(NerTagger.ModelResource);
        return NerModel.Load(stream);
    });

    public static NerModel Model => LazyModel.Value;

    public static readonly string[] Sentences =
    [
        "Sen. Bernie Sanders of Vermont told supporters in Des Moines , Iowa , that the Democratic National Committee was wrong .",
        "Members of the Social Democratic Party of Germany met the Christian Democratic Union in Berlin on Tuesday .",
        "THE PRIME MINISTER SAID 42 PEOPLE WERE HURT IN NEW YORK .",
        "Will Bernie Sanders Win The Iowa Caucus Against Hillary Clinton And Joe Biden ?",
        "Hillary Clinton 's campaign , run from Brooklyn , raised $ 2.5 million in the third quarter of 2015 .",
        "Ok",
        "Shinui , Hetz , Meretz and the Qzxwvbtk list all lost seats to Likud .",
        "Forza Italia ( FI ) and Likud lost seats .",
    ];
}
