namespace Pipeline.IntegrationTests;

/// <summary>Articles written for these tests (fictional people and places).</summary>
internal static class TestArticles
{
    public static string Plain(string title, params string[] paragraphs) => title + "\n\n" + string.Join("\n\n", paragraphs);

    /// <summary>Another outlet's write-up of the same events: one more neutral closing line, so it is not a duplicate of the first.</summary>
    public static string Edition(string article, int edition) => article + $"\n\nThis report was filed in edition {edition} of the regional roundup.";

    public static string Harbor(string mayor = "Maria Delgado") => Plain(
        $"Mayor {mayor} Wins Praise for Harbor Cleanup",
        $"Residents of Port Avery applauded Mayor {mayor} on Tuesday after the city finished cleaning the polluted harbor two months ahead of schedule.",
        $"\"She delivered exactly what she promised,\" said Tom Becker, a fisherman who has worked the docks for thirty years. Delgado thanked volunteers from the Green Coast Alliance.",
        "Critics on the city council had warned the project would fail, but the final cost came in under budget.");

    public static string Scandal() => Plain(
        "Senator Victor Hale Faces Growing Scandal Over Donations",
        "Senator Victor Hale was accused on Monday of hiding illegal donations from a shell company, a damaging blow to his troubled campaign.",
        "Hale refused to answer questions. Former allies called his conduct disgraceful and dishonest.",
        "The Riverside Ethics Board said it would open a formal investigation into Hale next week.");
}
