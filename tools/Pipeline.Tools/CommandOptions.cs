using System.Globalization;

namespace Pipeline.Tools;

/// <summary>"--name value" options of the tools commands (invariant culture, so numbers parse alike everywhere).</summary>
internal static class CommandOptions
{
    /// <summary>The value after <paramref name="name"/>, or null when it is absent.</summary>
    public static string? Option(IReadOnlyList<string> args, string name)
    {
        for (var i = 0; i < args.Count - 1; i++)
        {
            if (args[i] == name)
            {
                return args[i + 1];
            }
        }

        return null;
    }

    public static int Int(IReadOnlyList<string> args, string name, int fallback) =>
        Option(args, name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    /// <summary>A comma-separated list of numbers (a grid to try).</summary>
    public static double[] Doubles(IReadOnlyList<string> args, string name, string fallback) =>
        (Option(args, name) ?? fallback).Split(',').Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToArray();
}
