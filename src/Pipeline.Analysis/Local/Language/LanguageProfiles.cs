using System.Collections.Frozen;

namespace Pipeline.Analysis.Local.Language;

/// <summary>One language the word scorer can pick, named as Azure AI Language names it.</summary>
internal sealed record LanguageInfo(string Name, string Iso6391Name, WritingScript Script);

/// <summary>
/// Hand-written evidence for telling alphabetic languages apart: the commonest function words of each
/// (short stop-word lists are facts of the language), letters peculiar to some of them, and a few
/// characteristic character n-grams (prefix, suffix or anywhere in a word). No downloaded data.
/// </summary>
internal static class LanguageProfiles
{
    public static readonly LanguageInfo[] Languages =
    [
        new("English", "en", WritingScript.Latin),      // 0
        new("Spanish", "es", WritingScript.Latin),      // 1
        new("French", "fr", WritingScript.Latin),       // 2
        new("German", "de", WritingScript.Latin),       // 3
        new("Italian", "it", WritingScript.Latin),      // 4
        new("Portuguese", "pt", WritingScript.Latin),   // 5
        new("Dutch", "nl", WritingScript.Latin),        // 6
        new("Swedish", "sv", WritingScript.Latin),      // 7
        new("Danish", "da", WritingScript.Latin),       // 8
        new("Norwegian", "no", WritingScript.Latin),    // 9
        new("Polish", "pl", WritingScript.Latin),       // 10
        new("Czech", "cs", WritingScript.Latin),        // 11
        new("Romanian", "ro", WritingScript.Latin),     // 12
        new("Turkish", "tr", WritingScript.Latin),      // 13
        new("Indonesian", "id", WritingScript.Latin),   // 14
        new("Russian", "ru", WritingScript.Cyrillic),   // 15
        new("Ukrainian", "uk", WritingScript.Cyrillic), // 16
        new("Bulgarian", "bg", WritingScript.Cyrillic), // 17
    ];

    public const int English = 0;

    // Apostrophe pieces are keys too: "l'" / "qu'" (French, Italian elision) and "'s" / "'t" (English clitics).
    private static readonly (int Language, string Words)[] FunctionWords =
    [
        (0, "the of and to in a is that for it was on with he as his at by be this are from or had have not but they she her which you were been their has would will there we who more said about after than when its what also could into over our them these some new up out an if can all no him my just other those because while should says against before during where how why being did does do am so want 's 't 'll 're 've 'm 'd"),
        (1, "de la que el en y a los del se las por un para con no una su al lo como más pero sus le ya o este sí porque esta entre cuando muy sin sobre también me hasta hay donde quien desde todo nos durante todos uno les ni contra otros ese eso ante ellos e esto antes algunos qué unos yo otro otras otra él tanto esa estos mucho quienes nada muchos cual poco ella estar estas es fue son ha han dijo según está están años"),
        (2, "de la le et les des en un une du est que qui dans pour pas sur au plus par ne se il elle ce avec sont a aux ont été cette mais ou son sa ses leur nous vous je on y comme tout fait être avoir était sans aussi entre depuis selon après contre lui où dont très même deux ces ils si peut ans l' d' qu' n' c' j' s' m' jusqu' lorsqu' puisqu'"),
        (3, "der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch es an werden aus er hat dass sie nach wird bei einer um am sind noch wie einem über einen so zum war haben nur oder aber vor zur bis mehr durch man sein wurde sei ins sagte seit gegen wenn schon jahr ihre ihr wir ich kann unter diese dieser beim sowie worden"),
        (4, "di e il la che in a per un è del della non si con una le i da al dei gli lo come ma più anche nel alla sono ha delle questo ed se nella ci o suo sua essere stato dal degli questa tra fra hanno dopo ancora molto quando solo sul cui tutti perché già sulla ai loro aveva era detto l' dell' all' nell' sull' dall' un' c'"),
        (5, "de a o que e do da em um para é com não uma os no se na por mais as dos como mas foi ao ele das tem à seu sua ou ser quando muito há nos já está eu também só pelo pela até isso ela entre era depois sem mesmo aos ter seus quem nas esse eles estão você essa num nem suas meu às disse são pelos após sobre ainda anos"),
        (6, "de van een het en in is dat op te zijn voor met die niet aan er om ook als dan maar bij of uit nog naar door over ze zich wordt werd hij tot kan wel worden al was heeft hebben we ik meer deze dit zou geen na jaar onder tegen ons zei moet omdat want haar hun nu hoe waar wie zo"),
        (7, "och i att det som en på är av för med till den har de inte om ett han men var jag sig från vi så kan man när år säger hon under också efter eller nu sin där vid mot ska skulle hade blev bara mycket sina alla än dem vara detta kommer många vad hur"),
        (8, "og i at det som en på er af for med til den har de ikke om et han men var jeg sig fra vi så kan man når år siger hun under også efter eller nu sin der ved mod skal skulle havde blev kun meget sine alle end dem være dette kommer mange hvad hvordan hvor nogle mig dig"),
        (9, "og i å det som en på er av for med til den har de ikke om et han men var jeg seg fra vi så kan man når år sier hun under også etter eller nå sin der ved mot skal skulle hadde ble bare mye sine alle enn dem være dette kommer mange hva hvordan hvor noen meg deg"),
        (10, "i w na z się nie do to że jest o jak a po co tak za od ale czy przez dla już jego jej są był była było może tylko ich też by bardzo który która które przy oraz kiedy jednak tym tego ten ta te sobie został roku lat również gdy aby mnie pod nad bez między według"),
        (11, "a se na v je že to s z o do ve jako pro k by ale i jsou po jak od za tak jeho které který která byl byla bylo už jen při také podle nebo však mezi před aby když této tento tato jsme jsem není má může roce let řekl proti bez kde než"),
        (12, "de și în la a cu pe că nu din o un care este să se pentru mai ca al ale lui fost sunt au sau dar ce această acest după până prin spus față despre între fi va foarte iar când unei unui ei lor fără avea am anul noi vor poate"),
        (13, "ve bir bu da de için ile çok olarak daha gibi ne o en kadar sonra ama her olan değil var yok ben sen biz onun bunu şu mi mı ya veya ise diye olduğu tarafından göre yeni önce büyük yıl dedi oldu etti ki hem şey nasıl neden"),
        (14, "yang dan di ini itu dengan untuk tidak dari dalam akan pada juga ke ada saya mereka kami kita oleh sudah bisa atau karena telah lebih tahun seperti hanya orang ia dia harus namun tersebut masih belum setelah kata bahwa sebagai banyak para menjadi secara antara hari jika sangat agar baru"),
        (15, "и в не на что с по это он как а к из у за о от но так же для его она все был была были бы то только уже или мы они ее её мне есть при также когда после нет год года сказал который которые этого может чтобы их во со до если даже этом время между"),
        (16, "і в у на що з не до та це як за від по він а але для його вона її був була були також вже або ми вони є при коли після ні рік року сказав який які цього може щоб їх із зі якщо навіть між тому через лише дуже ще"),
        (17, "и в на да се от за с не е че по са това като до ще но към му я го ги той тя те бил била били при след най има няма или още който която които може ако само вече също между година каза във със днес тези този тази"),
    ];

    // Letters that only some of the languages use. Split evenly among the languages listed.
    private static readonly (string Letters, int[] Languages)[] LetterHints =
    [
        ("ñ", [1]), ("ãõ", [5]), ("ç", [2, 5, 13]), ("ß", [3]), ("ä", [3, 7]), ("ö", [3, 7, 13]), ("ü", [3, 13]),
        ("å", [7, 8, 9]), ("æø", [8, 9]), ("łąęśźżń", [10]), ("ć", [10]), ("ó", [1, 5, 10]), ("řěů", [11]),
        ("čšžý", [11]), ("áíú", [1, 5, 11]), ("é", [2, 1, 5, 11, 4]), ("èà", [2, 4]), ("êô", [2, 5]), ("â", [2, 5, 12]),
        ("î", [2, 12]), ("ûœ", [2]), ("ù", [2, 4]), ("ëï", [2, 6]), ("ìò", [4]), ("șțăşţ", [12]), ("ğı", [13]),
        ("ыэё", [15]), ("іїєґ", [16]), ("ъ", [17]),
    ];

    // Character n-grams: ^gram = word start, gram$ = word end, otherwise anywhere.
    private static readonly (string Grams, int[] Languages)[] GramHints =
    [
        ("th ght ing$ ly$ ^wh ous$ ness$", [0]),
        ("sch cht", [3, 6]),
        ("ung$ keit heit lich tz", [3]),
        ("ij oe aa uu lijk heid", [6]),
        ("eau aux$ eux$ oi ais$ ait$ ment$", [2]),
        ("ción$ dad$ ado$", [1]),
        ("mente$", [1, 4, 5]),
        ("ção ções ões nh lh ão", [5]),
        ("zion gli zz cch ità", [4]),
        ("sj tj", [7]),
        ("hv", [8, 9]),
        ("kj gj", [9]),
        ("cz sz rz ów ię ść", [10]),
        ("ní$ ost$", [11]),
        ("ului ilor ție", [12]),
        ("ler$ lar$ leri$ ları$", [13]),
        ("nya$ kan$ ^ber ^meng ^peng", [14]),
        ("ться ого$", [15]),
        ("ння ться", [16]),
        ("ът$ ите$", [17]),
    ];

    public const double LetterWeight = 0.5;
    public const double GramWeight = 0.25;

    /// <summary>Function word -> per-language weight (1 / number of languages that share the word).</summary>
    public static readonly FrozenDictionary<string, (int Language, double Weight)[]> WordWeights = BuildWordWeights();

    /// <summary>Letter -> per-language weight.</summary>
    public static readonly FrozenDictionary<char, (int Language, double Weight)[]> LetterWeights = BuildLetterWeights();

    public static readonly GramHint[] Grams = BuildGrams();

    /// <summary>The n-grams by their first letter, so a word is checked only against grams that can start at each position.</summary>
    public static readonly FrozenDictionary<char, GramHint[]> GramsByFirstLetter =
        Grams.GroupBy(g => g.Gram[0]).ToFrozenDictionary(g => g.Key, g => g.ToArray());

    internal readonly record struct GramHint(string Gram, bool AtStart, bool AtEnd, (int Language, double Weight)[] Weights);

    private static FrozenDictionary<string, (int, double)[]> BuildWordWeights()
    {
        var byWord = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var (language, words) in FunctionWords)
        {
            foreach (var word in words.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (!byWord.TryGetValue(word, out var list))
                {
                    byWord[word] = list = [];
                }

                if (!list.Contains(language))
                {
                    list.Add(language);
                }
            }
        }

        return byWord.ToFrozenDictionary(p => p.Key, p => p.Value.Select(l => (l, 1.0 / p.Value.Count)).ToArray(), StringComparer.Ordinal);
    }

    private static FrozenDictionary<char, (int, double)[]> BuildLetterWeights()
    {
        var map = new Dictionary<char, (int, double)[]>();
        foreach (var (letters, languages) in LetterHints)
        {
            foreach (var letter in letters)
            {
                map[letter] = languages.Select(l => (l, LetterWeight / languages.Length)).ToArray();
            }
        }

        return map.ToFrozenDictionary();
    }

    private static GramHint[] BuildGrams()
    {
        var hints = new List<GramHint>();
        foreach (var (grams, languages) in GramHints)
        {
            var weights = languages.Select(l => (l, GramWeight / languages.Length)).ToArray();
            foreach (var gram in grams.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var atStart = gram[0] == '^';
                var atEnd = gram[^1] == '$';
                hints.Add(new GramHint(gram[(atStart ? 1 : 0)..(atEnd ? gram.Length - 1 : gram.Length)], atStart, atEnd, weights));
            }
        }

        return [.. hints];
    }
}
