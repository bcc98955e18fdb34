using System.Collections.Frozen;

namespace Pipeline.Core.Analysis;

/// <summary>
/// Folds accented Latin letters to ASCII ("Erdoğan" → "Erdogan") without ICU: the app runs with invariant
/// globalization (smaller Native AOT binary), where string.Normalize does not decompose.
/// </summary>
internal static class LatinFold
{
    // Generated from Unicode NFD decompositions of U+00C0..U+024F whose base letter is ASCII.
    private const string Accented = "ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöùúûüýÿĀāĂăĄąĆćĈĉĊċČčĎďĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĨĩĪīĬĭĮįİĴĵĶķĹĺĻļĽľŃńŅņŇňŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžƠơƯưǍǎǏǐǑǒǓǔǕǖǗǘǙǚǛǜǞǟǠǡǦǧǨǩǪǫǬǭǰǴǵǸǹǺǻȀȁȂȃȄȅȆȇȈȉȊȋȌȍȎȏȐȑȒȓȔȕȖȗȘșȚțȞȟȦȧȨȩȪȫȬȭȮȯȰȱȲȳ";
    private const string Plain = "AAAAAACEEEEIIIINOOOOOUUUUYaaaaaaceeeeiiiinooooouuuuyyAaAaAaCcCcCcCcDdEeEeEeEeEeGgGgGgGgHhIiIiIiIiIJjKkLlLlLlNnNnNnOoOoOoRrRrRrSsSsSsSsTtTtUuUuUuUuUuUuWwYyYZzZzZzOoUuAaIiOoUuUuUuUuUuAaAaGgKkOoOojGgNnAaAaAaEeEeIiIiOoOoRrRrUuUuSsTtHhAaEeOoOoOoOoYy";

    private static readonly FrozenDictionary<char, string> Map = Accented.Select((c, i) => (c, s: Plain[i].ToString()))
        .Concat<(char c, string s)>([('ß', "ss"), ('æ', "ae"), ('Æ', "AE"), ('ø', "o"), ('Ø', "O"), ('đ', "d"), ('Đ', "D"), ('ł', "l"), ('Ł', "L"),
            ('ı', "i"), ('œ', "oe"), ('Œ', "OE"), ('þ', "th"), ('Þ', "Th"), ('ð', "d"), ('Ð', "D"), ('ħ', "h"), ('Ħ', "H")])
        .ToFrozenDictionary(p => p.c, p => p.s);

    /// <summary>The ASCII spelling of a letter, or null when it has none here.</summary>
    public static string? Fold(char c) => Map.GetValueOrDefault(c);
}
