namespace Pipeline.Reliability.Tests.Security;

/// <summary>No credential is committed: every tracked file is scanned; only Azurite's published development key may appear.</summary>
public sealed class SecretScanTests
{
    // Built at run time (and "·" removed from the planted lines) so this file does not contain what it looks for.
    private static readonly string FakeKey = new string('Q', 40) + new string('w', 46) + "==";

    [Fact]
    public void TrackedFiles_NoCredentialsBesideAzuritesDevelopmentKey()
    {
        var files = SecretScanner.TrackedFiles();
        var findings = files
            .Select(f => (File: f, Text: SecretScanner.ReadText(f)))
            .Where(f => f.Text is not null)
            .SelectMany(f => SecretScanner.Scan(f.File, f.Text!))
            .ToList();

        Assert.True(files.Count > 100, $"only {files.Count} tracked files: is this the repository?");
        Assert.True(findings.Count == 0, "Credentials in tracked files:\n" + string.Join('\n', findings));
    }

    [Theory]
    [InlineData("DefaultEndpointsProtocol=https;AccountName=prod;AccountKey={KEY};EndpointSuffix=core.windows.net", "AccountKey=")]
    [InlineData("key: {KEY}", "storage account key")]
    [InlineData("https://prod.blob.core.windows.net/articles?sv=2024-05-04&sr=c&sig=·abcdEFGH1234abcdEFGH1234%2B5678", "SAS signature")]
    [InlineData("Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=all;SharedAccessKey=·abcdEFGH1234abcdEFGH1234abcd=", "SharedAccessKey=")]
    [InlineData("InstrumentationKey=·0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0;IngestionEndpoint=https://x", "InstrumentationKey")]
    [InlineData("\"ApiKey\": \"·0123456789abcdef0123456789abcdef\"", "API key")]
    [InlineData("Analysis__AzureLanguage__ApiKey=·0123456789abcdef0123456789abcdef ./run.sh", "API key")]
    [InlineData("-----BEGIN {PRIVATE} KEY-----", "private key")]
    public void Scan_PlantedSecret_Found(string line, string rule)
    {
        var text = line.Replace("{KEY}", FakeKey, StringComparison.Ordinal).Replace("{PRIVATE}", "RSA PRIVATE", StringComparison.Ordinal)
            .Replace("·", "", StringComparison.Ordinal);

        var finding = Assert.Single(SecretScanner.Scan("planted.txt", text), f => f.Rule.Contains(rule, StringComparison.Ordinal));

        Assert.Equal(1, finding.Line);
    }

    [Theory]
    [InlineData("DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AZURITE};BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;")]
    [InlineData("Analysis__AzureLanguage__ApiKey=<key> ./run.sh")]
    [InlineData("InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://example.invalid/")]
    [InlineData("o.ApiKey = \"wrong\";")]
    [InlineData("public const string KeyHeader = \"Ocp-Apim-Subscription-Key\";")]
    public void Scan_AzuriteKeyAndPlaceholders_NotFlagged(string line) =>
        Assert.Empty(SecretScanner.Scan("allowed.txt", line.Replace("{AZURITE}", SecretScanner.AzuriteKey, StringComparison.Ordinal)));
}
