using System.Text;
using Pipeline.Core.Articles;
using Pipeline.Reliability.Tests.Support;
using static Pipeline.Reliability.Tests.BadInput.BadInputCase;

namespace Pipeline.Reliability.Tests.BadInput;

/// <summary>
/// The bad-input corpus, generated here (no files): each kind with the exact outcome it must have. Kinds whose right
/// outcome belongs to another area and is wrong today are in <see cref="BadInputCorpusTests"/> as skipped facts.
/// </summary>
internal static class BadInputCorpus
{
    private const string Story = "Harbor Vote\n\nMayor Lena Ortiz defended the harbor plan on Tuesday. Critics said the plan would raise fares for commuters.";

    public static IReadOnlyList<BadInputCase> All { get; } = Build();


    public static BadInputCase Get(string kind) => All.Single(c => c.Kind == kind);

    private static List<BadInputCase> Build() =>
    [
        // Empty and size
        new("empty file", "empty.txt", [], Expectation.Failed("Article is empty: the file has no content (0 bytes)")),
        new("whitespace only", "blank.txt", Utf8(" \n\t \r\n  "), Expectation.Failed("Article is empty: the file contains only whitespace")),
        new("zero-width characters only", "zw.txt", Utf8("\u200B\u200C\u200D\uFEFF\n\u2060"), Expectation.Failed("Article is empty")),
        new("over the size limit", "huge.txt", Utf8(Repeat(Story + "\n\n", ProcessingPipeline.MaxArticleBytes + 1)), Expectation.Failed("the limit is 262,144 bytes (Processing:MaxArticleBytes)")),
        new("just under the size limit", "big.txt", Utf8(Repeat(Story + "\n\n", ProcessingPipeline.MaxArticleBytes - 200)), Expectation.Processed()),

        // Binary formats
        new("PDF document", "report.pdf", [.. Encoding.ASCII.GetBytes("%PDF-1.7\n%"), 0xE2, 0xE3, 0xCF, 0xD3, .. Encoding.ASCII.GetBytes("\n1 0 obj")], Expectation.Failed("PDF")),
        new("ZIP / docx", "story.docx", [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, .. Utf8("word/document.xml")], Expectation.Failed("ZIP")),
        new("PNG image", "photo.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D], Expectation.Failed("PNG")),
        new("JPEG image", "photo.jpg", [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, .. Utf8("JFIF")], Expectation.Failed("JPEG")),
        new("gzip archive", "story.txt.gz", [0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0x03], Expectation.Failed("gzip")),
        new("ELF executable", "tool", [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00], Expectation.Failed("executable")),
        new("random bytes with NUL", "noise.bin", Noise(4096, withNul: true), Expectation.Failed("NUL bytes")),
        new("control characters without NUL", "controls.txt", Utf8(string.Concat(Enumerable.Repeat("ab\u0001\u0002\u0003\u0004cd\u0005\u0006\u0007\u0008", 200))), Expectation.Failed("full of control characters")),

        // Encodings
        new("Latin-1 without a charset", "latin1.txt", Encoding.Latin1.GetBytes("Caf\u00E9 Owners\n\nThe caf\u00E9 in Z\u00FCrich reopened."), Expectation.Failed("UTF-8")),
        new("Latin-1 declared", "latin1-declared.txt", Encoding.Latin1.GetBytes("Caf\u00E9 Owners\n\nThe caf\u00E9 in Z\u00FCrich reopened on Monday after the flood."), Expectation.Processed(r => Assert.Contains("caf\u00E9 in Z\u00FCrich", r.Text, StringComparison.Ordinal)), "text/plain; charset=iso-8859-1"),
        new("Windows-1252 declared", "cp1252.txt", [.. Encoding.ASCII.GetBytes("Quotes\n\nThe mayor said "), 0x93, .. Encoding.ASCII.GetBytes("no comment"), 0x94, .. Encoding.ASCII.GetBytes(" on Monday.")], Expectation.Processed(r => Assert.Contains("\u201Cno comment\u201D", r.Text, StringComparison.Ordinal)), "text/plain; charset=windows-1252"),
        new("UTF-8 with BOM", "bom.txt", [0xEF, 0xBB, 0xBF, .. Utf8(Story)], Expectation.Processed(r => Assert.Equal("Harbor Vote", r.Title))),
        new("UTF-16 LE with BOM", "utf16le.txt", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Story)], Expectation.Processed(r => Assert.Equal("Harbor Vote", r.Title))),
        new("UTF-16 BE with BOM", "utf16be.txt", [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(Story)], Expectation.Processed(r => Assert.Equal("Harbor Vote", r.Title))),
        new("UTF-32 LE with BOM", "utf32.txt", [.. Encoding.UTF32.GetPreamble(), .. Encoding.UTF32.GetBytes(Story)], Expectation.Processed(r => Assert.Equal("Harbor Vote", r.Title))),
        new("UTF-16 without BOM", "utf16-nobom.txt", Encoding.Unicode.GetBytes(Story), Expectation.Failed("UTF-16 text without a byte-order mark")),
        new("truncated UTF-8 sequence", "truncated.txt", [.. Utf8(Story), 0xE2, 0x82], Expectation.Failed("UTF-8")),
        new("overlong UTF-8 encoding", "overlong.txt", [.. Utf8("Title\n\nA slash "), 0xC0, 0xAF, .. Utf8(" here.")], Expectation.Failed("UTF-8")),
        new("UTF-8-encoded lone surrogate", "surrogate.txt", [.. Utf8("Title\n\nBroken "), 0xED, 0xA0, 0x80, .. Utf8(" text.")], Expectation.Failed("UTF-8")),
        new("unsupported charset declared", "koi8.txt", [.. Utf8("Title\n\n"), 0xF0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4], Expectation.Failed("UTF-8"), "text/plain; charset=koi8-r"),

        // HTML
        new("HTML nested 1,000 deep", "nested.html", Utf8("<html><body>" + Repeat("<div>", 1000) + "<p>Mayor Lena Ortiz defended the harbor plan on Tuesday.</p>" + Repeat("</div>", 1200) + "</body></html>"), Expectation.Processed(r => Assert.Contains("Lena Ortiz", r.Text, StringComparison.Ordinal))),
        new("HTML nested 25,000 deep", "deep.html", Utf8("<html><body>" + Repeat("<div>", 5000 * 5) + "<p>Mayor Lena Ortiz defended the harbor plan on Tuesday.</p>" + Repeat("</div>", 5000 * 6) + "</body></html>"), Expectation.Failed("HTML nests deeper than 2,048 elements")),
        new("HTML with only script and style", "script.html", Utf8("<html><head><style>p{color:red}</style></head><body><script>var story = 'not text';</script></body></html>"), Expectation.Failed("Article is empty")),
        new("HTML unclosed and misnested tags", "broken.html", Utf8("<html><body><h1>Harbor Vote</h1><p>Mayor <b>Lena <i>Ortiz</b> defended</i> the plan on Tuesday.<p>Critics objected"), Expectation.Processed(r => Assert.Equal(("Harbor Vote", "Mayor Lena Ortiz defended the plan on Tuesday.\n\nCritics objected"), (r.Title, r.Text![(r.Title!.Length + 2)..])))),
        new("HTML entities and numeric references", "entities.html", Utf8("<html><head><title>Fares &amp; Ferries</title></head><body><p>The fare rose to &euro;3 &#x2014; critics said &#8220;too much&#8221;.</p></body></html>"), Expectation.Processed(r => Assert.Contains("\u20AC3 \u2014 critics said \u201Ctoo much\u201D", r.Text, StringComparison.Ordinal))),
        new("HTML comment never closed", "comment.html", Utf8("<html><body><p>Mayor Lena Ortiz spoke on Tuesday.</p><!-- the rest is a comment <p>hidden</p>"), Expectation.Processed(r => Assert.DoesNotContain("hidden", r.Text, StringComparison.Ordinal))),

        // JSON
        new("JSON nested 1,000 deep", "deep.json", Utf8("{\"title\":\"T\",\"body\":\"x\",\"extra\":" + Repeat("[", 1000) + Repeat("]", 1000) + "}"), Expectation.Failed("The file is not valid JSON")),
        new("JSON title an array", "title-array.json", Utf8("""{"title":["Harbor","Vote"],"body":"Mayor Lena Ortiz defended the harbor plan."}"""), Expectation.Failed("\"title\" must be a string; found an array")),
        new("JSON body an array of mixed values", "body-mixed.json", Utf8("""{"title":"Harbor Vote","body":[1,"Mayor Lena Ortiz defended the harbor plan.",{"p":true}]}"""), Expectation.Failed("\"body\" must be a string or an array of paragraph strings; item 1 is a number")),
        new("JSON body a number", "body-number.json", Utf8("""{"title":"Harbor Vote","body":42}"""), Expectation.Failed("\"body\" must be a string or an array of paragraph strings; found a number")),
        new("JSON body null", "body-null.json", Utf8("""{"title":"Harbor Vote","body":null}"""), Expectation.Failed("the JSON has no body text")),
        new("JSON top level an array", "array.json", Utf8("""[{"title":"Harbor Vote","body":"Text."}]"""), Expectation.Failed("must be an object")),
        new("JSON truncated", "truncated.json", Utf8("""{"title":"Harbor Vote","body":"Mayor Lena Ortiz defended"""), Expectation.Failed("The file is not valid JSON")),
        new("JSON with comments and trailing commas", "lenient.json", Utf8("{ // exported\n\"title\":\"Harbor Vote\",\"body\":\"Mayor Lena Ortiz defended the harbor plan on Tuesday.\",}"), Expectation.Processed(r => Assert.Equal("Harbor Vote", r.Title))),
        new("JSON detected without extension", "no-extension", Utf8("""{"title":"Harbor Vote","body":"Mayor Lena Ortiz defended the harbor plan on Tuesday."}"""), Expectation.Processed(r => Assert.Equal("json", r.Format))),

        // Markdown
        new("Markdown front matter only", "front.md", Utf8("---\ntitle: Harbor Vote\nsource: Harbor Ledger\n---\n"), Expectation.Failed("Article is empty")),

        new("Markdown front matter never closed", "open-front.md", Utf8("---\ntitle: Harbor Vote\n\nMayor Lena Ortiz defended the harbor plan on Tuesday."), Expectation.Processed(r => Assert.Contains("Lena Ortiz defended", r.Text, StringComparison.Ordinal))),
        new("JSON with duplicate keys", "dupes.json", Utf8("""{"title":"First Title","title":"Second Title","body":"Mayor Lena Ortiz defended the harbor plan on Tuesday."}"""), Expectation.Processed(r => Assert.Equal("First Title", r.Title))),

        // Languages
        new("German", "de.txt", Utf8("Hafenabstimmung\n\nDie B\u00FCrgermeisterin verteidigte am Dienstag den Plan f\u00FCr den Hafen. Kritiker sagten, die Fahrpreise w\u00FCrden f\u00FCr Pendler steigen, und die Stadt m\u00FCsse mehr Geld ausgeben."), Expectation.Unscored("de")),
        new("Russian", "ru.txt", Utf8("\u0413\u043E\u043B\u043E\u0441\u043E\u0432\u0430\u043D\u0438\u0435\n\n\u041C\u044D\u0440 \u0437\u0430\u0449\u0438\u0449\u0430\u043B\u0430 \u043F\u043B\u0430\u043D \u043F\u043E\u0440\u0442\u0430 \u0432\u043E \u0432\u0442\u043E\u0440\u043D\u0438\u043A. \u041A\u0440\u0438\u0442\u0438\u043A\u0438 \u0441\u043A\u0430\u0437\u0430\u043B\u0438, \u0447\u0442\u043E \u0446\u0435\u043D\u044B \u043D\u0430 \u043F\u0440\u043E\u0435\u0437\u0434 \u0432\u044B\u0440\u0430\u0441\u0442\u0443\u0442."), Expectation.Unscored("ru")),
        new("Arabic (right to left)", "ar.txt", Utf8("\u062A\u0635\u0648\u064A\u062A \u0627\u0644\u0645\u064A\u0646\u0627\u0621\n\n\u062F\u0627\u0641\u0639\u062A \u0631\u0626\u064A\u0633\u0629 \u0627\u0644\u0628\u0644\u062F\u064A\u0629 \u0639\u0646 \u062E\u0637\u0629 \u0627\u0644\u0645\u064A\u0646\u0627\u0621 \u064A\u0648\u0645 \u0627\u0644\u062B\u0644\u0627\u062B\u0627\u0621. \u0648\u0642\u0627\u0644 \u0627\u0644\u0645\u0646\u062A\u0642\u062F\u0648\u0646 \u0625\u0646 \u0627\u0644\u0623\u0633\u0639\u0627\u0631 \u0633\u062A\u0631\u062A\u0641\u0639."), Expectation.Unscored("ar")),
        new("Chinese", "zh.txt", Utf8("\u6E2F\u53E3\u6295\u7968\n\n\u5E02\u957F\u661F\u671F\u4E8C\u4E3A\u6E2F\u53E3\u8BA1\u5212\u8FA9\u62A4\u3002\u6279\u8BC4\u8005\u8BF4\uFF0C\u8FD9\u9879\u8BA1\u5212\u4F1A\u8BA9\u901A\u52E4\u8005\u7684\u7968\u4EF7\u4E0A\u6DA8\u3002"), Expectation.Unscored("zh")),
        new("metadata language contradicting the text", "lang-de.txt", Utf8(Story), Expectation.Unscored("de"), Metadata: new Dictionary<string, string> { ["language"] = "de" }),
        new("emoji only", "emoji-only.txt", Utf8("\U0001F6A2\U0001F6A2\n\n\U0001F44F\U0001F389\U0001F620 \U0001F6A2\U0001F30A\U0001F4B0 \U0001F62C\U0001F44E"), Expectation.Unscored("(Unknown)")),
        new("English with emoji", "emoji.txt", Utf8("Harbor Vote \U0001F6A2\n\nMayor Lena Ortiz \U0001F44F defended the harbor plan on Tuesday \U0001F389. Critics said fares would rise \U0001F620."), Expectation.Processed(r => Assert.Contains(r.Analysis!.Entities, e => e.Name == "Lena Ortiz"))),

        // Control and bidi characters
        new("bidi override in the title", "bidi.txt", Utf8("Harbor \u202EetoV\u202C Result\n\nMayor Lena Ortiz defended the harbor plan on Tuesday."), Expectation.Processed(r => Assert.Equal("Harbor etoV Result", r.Title))),
        new("bidi isolates in an HTML title", "bidi.html", Utf8("<html><head><title>\u2067Harbor\u2069 Vote\u202B!\u202C</title></head><body><p>Mayor Lena Ortiz defended the harbor plan on Tuesday.</p></body></html>"), Expectation.Processed(r => Assert.Equal("Harbor Vote!", r.Title))),
        new("bidi override in metadata title", "bidi-meta.txt", Utf8(Story), Expectation.Processed(r => Assert.Equal("Harbor Vote", r.Title)), Metadata: new Dictionary<string, string> { ["title"] = "\u202EHarbor Vote" }),
        new("zero-width characters inside a name", "zwsp.txt", Utf8("Harbor Vote\n\nMayor Lena\u200B Or\u200Dtiz defended the harbor plan on Tuesday."), Expectation.Processed(r => Assert.Contains(r.Analysis!.Entities, e => e.Name == "Lena Ortiz"))),
        new("a few control characters", "bell.txt", Utf8("Harbor\u0007 Vote\n\nMayor Lena Ortiz\u001B defended the harbor plan on Tuesday."), Expectation.Processed(r => Assert.Equal("Harbor Vote", r.Title))),
        new("NUL in the middle of text", "nul.txt", Utf8("Harbor Vote\n\nMayor Lena Ortiz\0 defended the plan."), Expectation.Failed("NUL bytes")),
        new("one 100,000-character line", "longline.txt", Utf8("Title\n\n" + Repeat("harborvote", 100_000)), Expectation.Processed()),

        // Odd blob names
        new("blob name with spaces, unicode and brackets", "2016/Z\u00FCrich news (1) [final].txt", Utf8(Story), Expectation.Processed(r => Assert.Equal("2016/Z\u00FCrich news (1) [final].txt", r.Blob.Name))),
        new("blob name with URL-special characters", "a#b?c%20d&e=f+g.txt", Utf8(Story), Expectation.Processed(r => Assert.Equal("a#b?c%20d&e=f+g.txt", r.Blob.Name))),
        new("blob name with dot segments", "../../etc/passwd.txt", Utf8(Story), Expectation.Processed(r => Assert.Equal("../../etc/passwd.txt", r.Blob.Name))),
        new("blob name 1,024 characters long", Repeat("n", 1020) + ".txt", Utf8(Story), Expectation.Processed(r => Assert.Equal(1024, r.Blob.Name.Length))),
        new("blob name with a misleading extension", "story.json", Utf8(Story), Expectation.Processed(r => Assert.Equal("Harbor Vote", r.Title)), "text/plain; charset=utf-8"),

        // Metadata abuse
        new("metadata language not ISO 639-1", "lang-xx.txt", Utf8(Story), Expectation.Processed(r => Assert.Equal("en", r.Analysis!.Language.Iso6391Name)), Metadata: new Dictionary<string, string> { ["language"] = "xx" }),
        new("metadata published not a date", "pub-bad.txt", Utf8(Story), Expectation.Processed(r => Assert.Equal((null, ProcessingPipeline.UploadTime), (r.PublishedAt, r.Timestamp))), Metadata: new Dictionary<string, string> { ["published"] = "last Tuesday" }),
        new("metadata published in year 9999", "pub-9999.txt", Utf8(Story), Expectation.Processed(r => Assert.Equal(ProcessingPipeline.UploadTime, r.Timestamp)), Metadata: new Dictionary<string, string> { ["published"] = "9999-12-31" }),
        new("metadata url javascript:", "url-js.txt", Utf8(Story), Expectation.Processed(r => Assert.Null(r.Url)), Metadata: new Dictionary<string, string> { ["url"] = "javascript:alert(1)" }),
        new("metadata title with markup", "title-html.txt", Utf8(Story), Expectation.Processed(r => Assert.Equal("<script>alert(1)</script>", r.Title)), Metadata: new Dictionary<string, string> { ["title"] = "<script>alert(1)</script>" }),
        new("metadata keys in odd case and blank values", "keys.txt", Utf8(Story), Expectation.Processed(r => Assert.Equal(("Harbor Ledger", "Harbor Vote"), (r.Source, r.Title))), Metadata: new Dictionary<string, string> { ["SOURCE"] = "Harbor Ledger", ["Title"] = "   " }),
        new("content type lies (binary declared as text)", "lie.txt", [0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x34, 0x0A], Expectation.Failed("PDF"), "text/plain; charset=utf-8"),
    ];

    /// <summary><paramref name="unit"/> repeated and cut to exactly <paramref name="length"/> characters.</summary>
    private static string Repeat(string unit, long length) =>
        new StringBuilder().Insert(0, unit, (int)((length + unit.Length - 1) / unit.Length)).ToString(0, (int)length);

    private static byte[] Noise(int length, bool withNul)
    {
        var bytes = new byte[length];
        new Random(14).NextBytes(bytes);
        if (withNul)
        {
            bytes[length / 2] = 0;
        }

        return bytes;
    }
}
