using Pipeline.Analysis.Local.Language;

namespace Pipeline.Analysis.Tests.Local.Language;

public sealed class LanguageDetectorTests
{
    private static readonly LanguageDetector Detector = LanguageDetector.CreateDefault();

    // Sentences written for these tests: ordinary news-style prose in each language.
    public static TheoryData<string, string, string> Sentences => new()
    {
        { "en", "English", "The senator said on Tuesday that she would not support the bill because it does too little for families who have lost their jobs." },
        { "es", "Spanish", "El presidente dijo que el gobierno no va a subir los impuestos este año, pero la oposición cree que la economía está en peligro." },
        { "fr", "French", "Le président a déclaré mardi que le gouvernement ne va pas augmenter les impôts cette année, mais l'opposition n'est pas convaincue." },
        { "de", "German", "Der Kanzler sagte am Dienstag, dass die Regierung die Steuern in diesem Jahr nicht erhöhen wird, aber die Opposition ist skeptisch." },
        { "it", "Italian", "Il presidente ha detto che il governo non aumenterà le tasse quest'anno, ma l'opposizione è convinta che la crisi sia ancora grave." },
        { "pt", "Portuguese", "O presidente disse que o governo não vai aumentar os impostos este ano, mas a oposição acredita que a situação é muito grave." },
        { "nl", "Dutch", "De minister zei dinsdag dat het kabinet de belastingen dit jaar niet zal verhogen, maar de oppositie is daar niet van overtuigd." },
        { "sv", "Swedish", "Statsministern sa på tisdagen att regeringen inte kommer att höja skatterna i år, men oppositionen är inte övertygad och kräver svar." },
        { "da", "Danish", "Statsministeren sagde tirsdag, at regeringen ikke vil hæve skatterne i år, men oppositionen er ikke overbevist og kræver svar af hende." },
        { "no", "Norwegian", "Statsministeren sa tirsdag at regjeringen ikke kommer til å øke skattene i år, men opposisjonen er ikke overbevist og krever svar av henne." },
        { "pl", "Polish", "Prezydent powiedział we wtorek, że rząd nie podniesie podatków w tym roku, ale opozycja uważa, że sytuacja jest bardzo poważna." },
        { "cs", "Czech", "Prezident v úterý řekl, že vláda letos nezvýší daně, ale opozice si myslí, že situace je velmi vážná a že je třeba jednat." },
        { "ro", "Romanian", "Președintele a spus marți că guvernul nu va crește taxele în acest an, dar opoziția crede că situația este foarte gravă." },
        { "tr", "Turkish", "Cumhurbaşkanı salı günü yaptığı açıklamada hükümetin bu yıl vergileri artırmayacağını söyledi, ama muhalefet durumun çok ciddi olduğunu düşünüyor." },
        { "id", "Indonesian", "Presiden mengatakan pada hari Selasa bahwa pemerintah tidak akan menaikkan pajak tahun ini, tetapi pihak oposisi masih belum yakin." },
        { "ru", "Russian", "Президент заявил во вторник, что правительство не будет повышать налоги в этом году, но оппозиция считает, что ситуация очень серьёзная." },
        { "uk", "Ukrainian", "Президент заявив у вівторок, що уряд не підвищуватиме податки цього року, але опозиція вважає, що ситуація дуже серйозна і її треба вирішити." },
        { "bg", "Bulgarian", "Президентът каза във вторник, че правителството няма да вдига данъците тази година, но опозицията смята, че положението е много сериозно." },
        { "el", "Greek", "Ο πρόεδρος δήλωσε την Τρίτη ότι η κυβέρνηση δεν θα αυξήσει τους φόρους φέτος, αλλά η αντιπολίτευση δεν έχει πειστεί." },
        { "ar", "Arabic", "قال الرئيس يوم الثلاثاء إن الحكومة لن ترفع الضرائب هذا العام، لكن المعارضة تعتقد أن الوضع خطير جدا." },
        { "he", "Hebrew", "הנשיא אמר ביום שלישי שהממשלה לא תעלה את המסים השנה, אבל האופוזיציה סבורה שהמצב חמור מאוד." },
        { "zh", "Chinese_Simplified", "总统星期二说，政府今年不会提高税收，但是反对党认为经济情况非常严重。" },
        { "zh", "Chinese_Traditional", "總統星期二說，政府今年不會提高稅收，但是反對黨認為經濟情況非常嚴重。" },
        { "ja", "Japanese", "大統領は火曜日、政府は今年増税しないと述べたが、野党は状況が非常に深刻だと考えている。" },
        { "ko", "Korean", "대통령은 화요일 정부가 올해 세금을 인상하지 않을 것이라고 말했지만 야당은 상황이 매우 심각하다고 보고 있다." },
        { "fa", "Persian", "رئیس جمهور روز سه‌شنبه گفت که دولت امسال مالیات‌ها را افزایش نمی‌دهد، اما مخالفان می‌گویند وضعیت بسیار جدی است." },
        { "th", "Thai", "ประธานาธิบดีกล่าวเมื่อวันอังคารว่ารัฐบาลจะไม่ขึ้นภาษีในปีนี้ แต่ฝ่ายค้านเห็นว่าสถานการณ์ร้ายแรงมาก" },
        { "hi", "Hindi", "राष्ट्रपति ने मंगलवार को कहा कि सरकार इस साल कर नहीं बढ़ाएगी, लेकिन विपक्ष का मानना है कि स्थिति बहुत गंभीर है।" },
    };

    [Theory]
    [MemberData(nameof(Sentences))]
    public void Detect_NewsSentence_NamesItsLanguage(string iso, string name, string text)
    {
        var detected = Detector.Detect(text);

        Assert.Equal(iso, detected.Iso6391Name);
        Assert.Equal(name, detected.Name);
        Assert.InRange(detected.ConfidenceScore, 0.5, 1.0);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("OK")]
    [InlineData("12345 678 -- !!")]
    [InlineData("Xq")]
    public void Detect_TooShortOrNoLetters_IsUnknownWithZeroConfidence(string text)
    {
        var detected = Detector.Detect(text);

        Assert.Equal("(Unknown)", detected.Iso6391Name);
        Assert.Equal("(Unknown)", detected.Name);
        Assert.Equal(0, detected.ConfidenceScore);
    }

    [Theory]
    [InlineData("Trump, Clinton Spar Over Benghazi as Sanders Rallies Supporters in Des Moines")]
    [InlineData("De Blasio, Van Hollen and La Guardia Officials Meet Los Angeles Mayor in San Francisco")]
    [InlineData("Bernie Sanders Wins New Hampshire Primary; Hillary Clinton Vows to Fight On")]
    [InlineData("\"We will win,\" Sanders told supporters in Las Vegas, as José Peña and Ana María López of the Partido Popular looked on.")]
    [InlineData("Merkel, Macron and Sánchez met in Brussels on Thursday, where the French president said « c'est la vie » to reporters.")]
    [InlineData("Sen. Elizabeth Warren (D-Mass.) and Gov. Andrew Cuomo (D-N.Y.) endorsed Joe Biden on Monday.")]
    public void Detect_NamesHeavyEnglishNews_IsEnglish(string text)
    {
        Assert.Equal("en", Detector.Detect(text).Iso6391Name);
    }

    [Fact]
    public void Detect_EnglishArticleWithQuotedSpanishPhrase_IsEnglish()
    {
        var text = "Supporters chanted \"sí se puede\" outside the rally in El Paso. The candidate told the crowd that the campaign " +
                   "would keep fighting for working families, and that the state could decide the race in November.";

        Assert.Equal("en", Detector.Detect(text).Iso6391Name);
    }

    [Fact]
    public void Detect_LongText_OnlyReadsTheSample()
    {
        // English first, then far more German beyond the sample: the sample decides.
        var english = string.Concat(Enumerable.Repeat("The council said the vote would take place after the election. ", 80));
        var german = string.Concat(Enumerable.Repeat("Der Rat sagte, dass die Abstimmung nach der Wahl stattfinden wird. ", 400));
        Assert.True(english.Length > LanguageDetector.SampleLength);

        Assert.Equal("en", Detector.Detect(english + german).Iso6391Name);
        Assert.Equal("de", Detector.Detect(german + english).Iso6391Name);
    }

    [Fact]
    public void Detect_ChineseWithLatinNames_IsChinese()
    {
        var text = "Donald Trump 和 Hillary Clinton 在辩论中讨论了经济问题，选民认为这个问题非常重要。";

        Assert.Equal("zh", Detector.Detect(text).Iso6391Name);
    }

    [Fact]
    public void Detect_CyrillicScriptLetters_SeparateRussianUkrainianBulgarian()
    {
        Assert.Equal("uk", Detector.Detect("Їхня історія є частиною нашої країни і її культури.").Iso6391Name);
        Assert.Equal("ru", Detector.Detect("Это была очень интересная история, и мы её запомним.").Iso6391Name);
        Assert.Equal("bg", Detector.Detect("Това е най-хубавият ден, който съм имал през тази година.").Iso6391Name);
    }

    [Theory]
    [InlineData("Ο πρόεδρος (President) μίλησε", "el")]
    [InlineData("שלום לכולם, Trump", "he")]
    [InlineData("こんにちは、トランプさん", "ja")]
    [InlineData("안녕하세요 Trump 대통령", "ko")]
    public void Detect_DominantScript_DecidesAgainstLatinNames(string text, string iso)
    {
        Assert.Equal(iso, Detector.Detect(text).Iso6391Name);
    }

    [Fact]
    public void Detect_SameText_SameResult()
    {
        const string text = "Le gouvernement a annoncé une réforme des retraites.";

        Assert.Equal(Detector.Detect(text), LanguageDetector.CreateDefault().Detect(text));
    }

    [Fact]
    public void Detect_ClearEnglish_HasHighConfidence()
    {
        var detected = Detector.Detect("It was the first time that the party had lost the seat since the war, and they said it would not be the last.");

        Assert.True(detected.ConfidenceScore >= 0.9, $"confidence {detected.ConfidenceScore}");
    }

    [Theory]
    [InlineData("en", true)]
    [InlineData("EN", true)]
    [InlineData("en-US", true)]
    [InlineData("es", false)]
    [InlineData("de", false)]
    [InlineData("zh", false)]
    [InlineData("(Unknown)", false)]
    [InlineData("", false)]
    public void IsScoringSupported_OnlyEnglish(string iso, bool expected)
    {
        Assert.Equal(expected, LanguageDetector.IsScoringSupported(iso));
    }
}
