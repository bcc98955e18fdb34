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

    /// <summary>
    /// Overwrites <paramref name="options"/> (every known option with its default) with the "--name value" pairs of
    /// <paramref name="args"/>; false, after saying so, at an option it does not know.
    /// </summary>
    public static bool TryOverride(Dictionary<string, string> options, IReadOnlyList<string> args)
    {
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            if (!options.ContainsKey(args[i]))
            {
                Console.Error.WriteLine($"unknown option {args[i]}");
                return false;
            }

            options[args[i]] = args[i + 1];
        }

        return true;
    }
}
