using System.Collections.Frozen;

namespace Pipeline.Analysis.Local.Language;

/// <summary>Common characters written differently in Simplified and Traditional Chinese.</summary>
internal static class ChineseVariants
{
    private const string SimplifiedForms =
        "们个说这来时为国会学对后开关与经发点还过现实么动进种长问题东门车见间让几应该电话语读书写马鸟鱼风飞体无爱听买卖钱选举总统党议员据报组织领导";

    private const string TraditionalForms =
        "們個說這來時為國會學對後開關與經發點還過現實麼動進種長問題東門車見間讓幾應該電話語讀書寫馬鳥魚風飛體無愛聽買賣錢選舉總統黨議員據報組織領導";

    // A character in both lists tells nothing, so it is in neither set.
    public static readonly FrozenSet<char> Simplified = SimplifiedForms.Except(TraditionalForms).ToFrozenSet();

    public static readonly FrozenSet<char> Traditional = TraditionalForms.Except(SimplifiedForms).ToFrozenSet();
}
