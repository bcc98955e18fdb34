using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Pipeline.Testing;

namespace Pipeline.Reliability.Tests.Security;

/// <summary>One secret-looking value found in a tracked file.</summary>
internal sealed record SecretFinding(string File, int Line, string Rule)
{
    public override string ToString() => $"{File}:{Line}: {Rule}";
}

/// <summary>
/// Finds credentials in text: storage account keys and connection strings, SAS signatures, Application Insights keys,
/// API keys assigned a literal, private keys and common cloud tokens. Azurite's published development key is the one
/// key allowed (docs.microsoft.com publishes it; it only opens a local emulator).
/// </summary>
internal static partial class SecretScanner
{
    public const string AzuriteKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly (string Rule, Regex Pattern)[] Rules =
    [
        ("storage account key (88 base64 characters)", AccountKeyPattern()),
        ("AccountKey= in a connection string", ConnectionStringKeyPattern()),
        ("SAS signature (sig=)", SasPattern()),
        ("SharedAccessKey= (Service Bus / Event Hubs)", SharedAccessKeyPattern()),
        ("Application Insights InstrumentationKey", InstrumentationKeyPattern()),
        ("API key or secret assigned a literal", ApiKeyAssignmentPattern()),
        ("private key block", PrivateKeyPattern()),
        ("AWS access key id", AwsKeyPattern()),
        ("GitHub token", GitHubTokenPattern()),
    ];

    public static IEnumerable<SecretFinding> Scan(string file, string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Replace(AzuriteKey, "AZURITE_DEVELOPMENT_KEY", StringComparison.Ordinal);
            foreach (var (rule, pattern) in Rules)
            {
                if (pattern.IsMatch(line))
                {
                    yield return new SecretFinding(file, i + 1, rule);
                }
            }
        }
    }

    /// <summary>Every tracked text file (git ls-files), relative to the repository root.</summary>
    public static IReadOnlyList<string> TrackedFiles()
    {
        var psi = new ProcessStartInfo("git") { WorkingDirectory = RepoRoot.Path, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in (string[])["ls-files", "-z"])
        {
            psi.ArgumentList.Add(arg);
        }

        using var git = Process.Start(psi) ?? throw new InvalidOperationException("git could not be started");
        var output = git.StandardOutput.ReadToEnd();
        git.WaitForExit();
        Assert.True(git.ExitCode == 0, "git ls-files failed: " + git.StandardError.ReadToEnd());
        return output.Split('\0', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>The file as text, or null when it is binary (a NUL byte in its first 8 KB).</summary>
    public static string? ReadText(string relativePath)
    {
        var bytes = File.ReadAllBytes(Path.Combine(RepoRoot.Path, relativePath));
        return bytes.AsSpan(0, Math.Min(bytes.Length, 8192)).Contains((byte)0) ? null : Encoding.UTF8.GetString(bytes);
    }

    // SHA-512 digests in base64 are 88 characters too: package locks' "integrity": "sha512-…" and NuGet's contentHash.
    [GeneratedRegex(@"(?<![A-Za-z0-9+/]|sha512-|[Hh]ash"":\s*"")[A-Za-z0-9+/]{86}==")]
    private static partial Regex AccountKeyPattern();

    [GeneratedRegex(@"AccountKey=(?!AZURITE_DEVELOPMENT_KEY)[A-Za-z0-9+/]{20,}", RegexOptions.IgnoreCase)]
    private static partial Regex ConnectionStringKeyPattern();

    [GeneratedRegex(@"[?&;]sig=[A-Za-z0-9%+/]{20,}", RegexOptions.IgnoreCase)]
    private static partial Regex SasPattern();

    [GeneratedRegex(@"SharedAccessKey=[A-Za-z0-9+/]{20,}", RegexOptions.IgnoreCase)]
    private static partial Regex SharedAccessKeyPattern();

    // The all-zero key is the documented placeholder (tests use it; it names no resource).
    [GeneratedRegex(@"InstrumentationKey=(?!00000000-0000-0000-0000-000000000000)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", RegexOptions.IgnoreCase)]
    private static partial Regex InstrumentationKeyPattern();

    // ApiKey = "…", "apiKey": "…", API_KEY=…, client_secret: … with a value of 20+ key-like characters.
    [GeneratedRegex(@"(api[_-]?key|client[_-]?secret|password|secret)[""']?\s*[:=]\s*[""']?[A-Za-z0-9+/_\-]{20,}", RegexOptions.IgnoreCase)]
    private static partial Regex ApiKeyAssignmentPattern();

    [GeneratedRegex(@"-----BEGIN (RSA |EC |DSA |OPENSSH |ENCRYPTED )?PRIVATE KEY-----")]
    private static partial Regex PrivateKeyPattern();

    [GeneratedRegex(@"\bAKIA[0-9A-Z]{16}\b")]
    private static partial Regex AwsKeyPattern();

    [GeneratedRegex(@"\b(ghp|gho|ghs|ghu|github_pat)_[A-Za-z0-9_]{30,}")]
    private static partial Regex GitHubTokenPattern();
}
